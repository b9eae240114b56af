/** Code lenses and overdue decorations: the open promises of a log and where each stands. */
import { logTimeZone } from '../analyze';
import { zonedNow, type ZonedNow } from '../dates';
import type { ClientLog, Tracked } from '../model';
import { standing, type DueStatus } from '../standing';
import { range, type Range } from '../text';

export interface LensInfo {
  readonly item: Tracked;
  readonly status: DueStatus;
}

/** The open promises with a valid date and where each stands, for code lenses. */
export function openPromises(log: ClientLog, now: Date, userTimeZone: string, horizonDays = 3): LensInfo[] {
  const z: ZonedNow = zonedNow(now, logTimeZone(log, userTimeZone));
  const out: LensInfo[] = [];
  for (const item of log.items) {
    if (item.kind !== 'promise' || item.state !== 'open') continue;
    const { status } = standing(item, z, { horizonDays });
    if (status) out.push({ item, status });
  }
  return out;
}

/** The date (and time) ranges of open promises that are overdue, to make them stand out. */
export function overdueDateRanges(log: ClientLog, now: Date, userTimeZone: string): Range[] {
  const out: Range[] = [];
  for (const { item, status } of openPromises(log, now, userTimeZone)) {
    if (status.band !== 'overdue' || !item.dateRange) continue;
    const end = item.timeRange ?? item.dateRange;
    out.push(range(item.dateRange.start.line, item.dateRange.start.character, end.end.line, end.end.character));
  }
  return out;
}
