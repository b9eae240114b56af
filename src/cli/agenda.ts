/** `clientlog agenda` and `clientlog ics`: the core's agenda of open promises as text or JSON, and the core's calendar feed. */
import { agenda, type Agenda, type AgendaRow } from '../core/agenda';
import { buildCalendar, type IcsSource } from '../core/ics';
import { addDays, readZone, zonedNow } from '../core/dates';
import type { TrackedKind } from '../core/model';
import { comingOccurrences } from '../core/recurrence';
import type { FileResult, OpenTracked, WorkOptions } from './work';

type OpenPromise = OpenTracked;

/**
 * The agenda of the files' open promises: most urgent first, grouped by client name. With `days`, only
 * those due by that many days from today (in each log's zone; overdue ones included), and with them the
 * coming occurrences of the recurring ones in that span, computed (`computed`), never written.
 */
export function agendaOf(results: readonly FileResult[], o: Pick<WorkOptions, 'now' | 'timeZone' | 'horizonDays'>, days?: number): Agenda<OpenPromise> {
  const sources = results.flatMap((r) =>
    r.agenda
      ? [
          {
            id: r.file,
            group: r.agenda.client,
            label: r.agenda.client,
            timeZone: r.agenda.timeZone,
            items:
              days === undefined
                ? r.agenda.items
                : within(r.agenda.items, addDays(zonedNow(new Date(o.now), readZone(r.agenda.timeZone, o.timeZone)).date, days)),
          },
        ]
      : [],
  );
  return agenda(sources, { now: new Date(o.now), timeZone: o.timeZone, horizonDays: o.horizonDays, kinds: ['promise'], groupBy: 'client' });
}

/** The promises due by `until`, and the coming occurrences of the recurring ones up to it. */
function within(promises: readonly OpenPromise[], until: string): OpenPromise[] {
  const out: OpenPromise[] = [];
  for (const p of promises) {
    if (p.date > until) continue;
    out.push(p);
    if (p.recur) for (const date of comingOccurrences(p.recur, p.date, until)) out.push({ ...p, date, computed: true });
  }
  return out;
}

/** Where a row comes from: its line, and for a recurring promise its rule (and whether it is computed). */
function origin(r: AgendaRow<OpenPromise>): string {
  const p = r.item;
  const at = `${r.source.id}:${p.line + 1}`;
  if (!p.recur) return at;
  return p.computed ? `${at} · ${p.recur.text} · computed, not written yet` : `${at} · ${p.recur.text}`;
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
      out += `  ${rel[i].padEnd(width)}  ${when}  ${p.text}  (${origin(r)})\n`;
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
          rule: r.item.recur?.text ?? null,
          computed: !!r.item.computed,
        })),
      },
      null,
      2,
    ) + '\n'
  );
}

/** The calendar of the files' open items (`clientlog ics`): the core's one builder, in English. */
export function icsOutput(
  results: readonly FileResult[],
  o: Pick<WorkOptions, 'now' | 'timeZone' | 'horizonDays' | 'confirmationDays'>,
  ics: { readonly include: readonly TrackedKind[]; readonly alarmMinutes: number },
): string {
  const sources = results.flatMap((r): IcsSource<OpenTracked>[] => {
    if (!r.agenda) return [];
    const names = new Map(r.agenda.names ?? []);
    return [{ id: r.file, label: r.agenda.client, timeZone: r.agenda.timeZone, items: r.agenda.items, name: (h) => names.get(h) }];
  });
  return buildCalendar(sources, {
    now: new Date(o.now),
    timeZone: o.timeZone,
    horizonDays: o.horizonDays,
    confirmationDays: o.confirmationDays,
    include: ics.include,
    alarmMinutes: ics.alarmMinutes,
  });
}
