/** `clientlog agenda` and `clientlog ics`: the core's agenda of open promises, as text, JSON or a calendar. */
import type { EventAttributes } from 'ics';
import { agenda, type Agenda, type AgendaRow } from '../core/agenda';
import { addDays, parseTime, zonedInstant } from '../core/dates';
import type { FileResult, OpenPromise, WorkOptions } from './work';

/** The agenda of the files' open promises: most urgent first, grouped by client name. */
export function agendaOf(results: readonly FileResult[], o: Pick<WorkOptions, 'now' | 'timeZone' | 'horizonDays'>): Agenda<OpenPromise> {
  const sources = results.flatMap((r) =>
    r.agenda ? [{ id: r.file, group: r.agenda.client, label: r.agenda.client, timeZone: r.agenda.timeZone, items: r.agenda.promises }] : [],
  );
  return agenda(sources, { now: new Date(o.now), timeZone: o.timeZone, horizonDays: o.horizonDays, kinds: ['promise'], groupBy: 'client' });
}

export function relativeDue(p: Pick<AgendaRow<OpenPromise>, 'band' | 'days'> & { readonly time?: string }): string {
  if (p.days < 0) return `${-p.days} day${p.days === -1 ? '' : 's'} overdue`;
  if (p.days === 0) return p.band === 'overdue' ? `overdue since ${p.time}` : 'today';
  if (p.days === 1) return 'tomorrow';
  return `in ${p.days} days`;
}

const relativeOf = (r: AgendaRow<OpenPromise>) => relativeDue({ band: r.band, days: r.days, time: r.item.time });

export function agendaText(a: Agenda<OpenPromise>): string {
  if (a.rows.length === 0) return 'No open promises.\n';
  let out = '';
  for (const g of a.groups) {
    out += `${g.label || '(no client)'}\n`;
    const rel = g.rows.map(relativeOf);
    const width = Math.max(...rel.map((r) => r.length));
    g.rows.forEach((r, i) => {
      const p = r.item;
      const when = (p.time ? `${p.date} ${p.time}` : p.date).padEnd(16);
      out += `  ${rel[i].padEnd(width)}  ${when}  ${p.text}  (${r.source.id}:${p.line + 1})\n`;
    });
  }
  return out;
}

export function agendaJson(a: Agenda<OpenPromise>, o: Pick<WorkOptions, 'now' | 'timeZone'>, today: string | undefined): string {
  return (
    JSON.stringify(
      {
        version: 1,
        now: new Date(o.now).toISOString(),
        today: today ?? null,
        timeZone: o.timeZone,
        promises: a.rows.map((r) => ({
          client: r.source.label,
          file: r.source.id,
          line: r.item.line + 1,
          due: r.item.date,
          time: r.item.time ?? null,
          timeZone: r.timeZone,
          text: r.item.text,
          tags: r.item.tags,
          band: r.band,
          days: r.days,
          relative: relativeOf(r),
        })),
      },
      null,
      2,
    ) + '\n'
  );
}

/** A stable UID: the same file and promise line give the same event. */
export function eventUid(file: string, source: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const crypto = require('node:crypto') as typeof import('node:crypto');
  return `${crypto.createHash('sha256').update(`${file}\n${source}`).digest('hex').slice(0, 32)}@clientlog`;
}

export function icsOutput(rows: readonly AgendaRow<OpenPromise>[], now: number): string {
  const header = { productId: 'clientlog', calName: 'Clientlog promises', method: 'PUBLISH' };
  const events: EventAttributes[] = rows.map((r) => {
    const p = r.item;
    const client = r.source.label;
    const common = {
      uid: eventUid(r.source.id, p.source),
      title: `${client ? `Promise to ${client}: ` : 'Promise: '}${p.text}`,
      description: `${r.source.id}:${p.line + 1}${p.time ? ` (${p.date} ${p.time} ${r.timeZone})` : ''}`,
      categories: p.tags.length ? [...p.tags] : undefined,
      timestamp: now,
    };
    if (p.time) {
      const at = zonedInstant(p.date, parseTime(p.time)!, r.timeZone).getTime();
      return {
        ...common,
        start: at,
        startInputType: 'utc',
        startOutputType: 'utc',
        end: at + 30 * 60_000,
        endInputType: 'utc',
        endOutputType: 'utc',
      } as EventAttributes;
    }
    // All-day: DTSTART;VALUE=DATE and the exclusive DTEND the day after.
    const ymd = (iso: string) => iso.split('-').map(Number) as [number, number, number];
    return { ...common, start: ymd(p.date), end: ymd(addDays(p.date, 1)) } as EventAttributes;
  });
  // Loaded only for this command: the library (and its schema validator) is most of the CLI's start-up.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createEvents } = require('ics') as typeof import('ics');
  const { error, value } = createEvents(events, header);
  if (error || !value) throw new Error(`could not build the calendar: ${error?.message ?? 'no output'}`);
  return value;
}
