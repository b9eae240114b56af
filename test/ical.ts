/**
 * Reads an iCalendar text with ical.js (a maintained RFC 5545 parser), for the tests of the calendar feed:
 * the VTIMEZONEs it holds are registered while it is read, so a TZID's offset comes from the feed's own
 * observances (ical.js knows no zones of its own besides UTC).
 */
import ICAL from 'ical.js';

export interface ParsedTime {
  /** All-day: the date (YYYY-MM-DD); timed: the instant (ISO, UTC). */
  readonly value: string;
  readonly allDay: boolean;
  /** The TZID written, or "UTC" for a time in UTC. */
  readonly tzid?: string;
  /** The offset from UTC the zone has then, in minutes (as ical.js resolves it through the VTIMEZONE). */
  readonly offset?: number;
  /** The wall-clock time as written (YYYY-MM-DDTHH:MM:SS). */
  readonly wall: string;
}

export interface ParsedEvent {
  readonly uid: string;
  readonly summary: string;
  readonly description: string;
  readonly categories: string[];
  readonly sequence: number;
  readonly stamp: string;
  readonly start: ParsedTime;
  readonly end: ParsedTime;
  /** Each alarm's trigger, in minutes relative to the start (negative: before), and its action. */
  readonly alarms: { readonly minutes: number; readonly action: string; readonly description: string }[];
}

export interface ParsedCalendar {
  readonly props: Record<string, string>;
  readonly zones: string[];
  readonly events: ParsedEvent[];
}

function time(t: ICAL.Time): ParsedTime {
  const wall = t.toString();
  if (t.isDate) return { value: wall, allDay: true, wall };
  const tzid = t.zone?.tzid;
  return { value: t.toJSDate().toISOString(), allDay: false, tzid: tzid === 'Z' ? 'UTC' : tzid, offset: t.utcOffset() / 60, wall };
}

/**
 * Reads a calendar's text with its VTIMEZONEs registered in ical.js while `read` runs (ical.js resolves a TZID
 * through its registry), then takes them out again, so one test's zones never answer for another's.
 */
export function withFeedZones<T>(ics: string, read: (root: ICAL.Component, zones: readonly ICAL.Timezone[]) => T): T {
  const root = new ICAL.Component(ICAL.parse(ics));
  if (root.name !== 'vcalendar') throw new Error(`not a calendar: ${root.name}`);
  const zones = root.getAllSubcomponents('vtimezone').map((z) => new ICAL.Timezone(z));
  for (const z of zones) ICAL.TimezoneService.register(z);
  try {
    return read(root, zones);
  } finally {
    for (const z of zones) ICAL.TimezoneService.remove(z.tzid);
  }
}

export function parseCalendar(ics: string): ParsedCalendar {
  return withFeedZones(ics, (root, zones) => {
    const props: Record<string, string> = {};
    for (const p of root.getAllProperties()) props[p.name] = String(p.getFirstValue());
    const events = root.getAllSubcomponents('vevent').map((v): ParsedEvent => {
      const e = new ICAL.Event(v);
      const start = time(e.startDate);
      return {
        uid: e.uid,
        summary: e.summary,
        description: e.description,
        categories: v.getAllProperties('categories').flatMap((p) => p.getValues().map(String)),
        sequence: e.sequence,
        stamp: String(v.getFirstPropertyValue('dtstamp')),
        start,
        end: time(e.endDate),
        alarms: v.getAllSubcomponents('valarm').map((a) => {
          const trigger = a.getFirstPropertyValue('trigger') as ICAL.Duration;
          return {
            minutes: trigger.toSeconds() / 60,
            action: String(a.getFirstPropertyValue('action')),
            description: String(a.getFirstPropertyValue('description')),
          };
        }),
      };
    });
    return { props, zones: zones.map((z) => z.tzid), events };
  });
}

/** The wall-clock times (YYYY-MM-DDTHH:MM:SS) ical.js gives the instants in the feed's VTIMEZONE `tzid`. */
export function wallClocks(ics: string, tzid: string, instants: readonly Date[]): string[] {
  const root = new ICAL.Component(ICAL.parse(ics));
  const vtz = root.getAllSubcomponents('vtimezone').find((c) => c.getFirstPropertyValue('tzid') === tzid);
  if (!vtz) throw new Error(`no VTIMEZONE ${tzid}`);
  const zone = new ICAL.Timezone(vtz);
  return instants.map((d) => ICAL.Time.fromJSDate(d, true).convertToZone(zone).toString());
}

/** A VTIMEZONE's observances as ical.js reads them: kind, the UTC instant of the change (DTSTART less TZOFFSETFROM), the offsets in minutes. */
export function observances(ics: string, tzid: string): { kind: string; at: number; from: number; to: number }[] {
  const root = new ICAL.Component(ICAL.parse(ics));
  const vtz = root.getAllSubcomponents('vtimezone').find((c) => c.getFirstPropertyValue('tzid') === tzid);
  if (!vtz) throw new Error(`no VTIMEZONE ${tzid}`);
  return vtz.getAllSubcomponents().map((o) => {
    const start = o.getFirstPropertyValue('dtstart') as ICAL.Time;
    const from = (o.getFirstPropertyValue('tzoffsetfrom') as ICAL.UtcOffset).toSeconds() / 60;
    const to = (o.getFirstPropertyValue('tzoffsetto') as ICAL.UtcOffset).toSeconds() / 60;
    const wall = Date.UTC(start.year, start.month - 1, start.day, start.hour, start.minute, start.second);
    return { kind: o.name, at: wall - from * 60_000, from, to };
  });
}
