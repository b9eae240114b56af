import * as vscode from 'vscode';
import {
  DEFAULT_LEAD_MINUTES,
  DEFAULT_LEVELS,
  DEFAULT_MORNING_TIME,
  FINDING_CODES,
  isValidTimeZone,
  type AnalyzeOptions,
  type FindingCode,
  type LevelSetting,
  type ReminderSettings,
} from '../core';

export const SECTION = 'clientlog';

/** The user's time zone: the `clientlog.timeZone` setting, else the machine's. */
export function userTimeZone(): string {
  const tz = vscode.workspace.getConfiguration(SECTION).get<string>('timeZone', '').trim();
  if (tz && isValidTimeZone(tz)) return tz;
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const LEVELS: readonly LevelSetting[] = ['error', 'warning', 'information', 'hint', 'off'];

/** Analysis options from the settings, for an instant. */
export function analyzeOptions(now: Date): AnalyzeOptions {
  const c = vscode.workspace.getConfiguration(SECTION);
  const raw = c.get<Record<string, string>>('diagnostics.levels', {});
  const levels: Partial<Record<FindingCode, LevelSetting>> = {};
  for (const code of FINDING_CODES) {
    const v = raw?.[code];
    if (typeof v === 'string' && (LEVELS as readonly string[]).includes(v)) levels[code] = v as LevelSetting;
  }
  return {
    now,
    timeZone: userTimeZone(),
    horizonDays: clampInt(c.get<number>('horizonDays', 3), 0, 365, 3),
    confirmationDays: clampInt(c.get<number>('scope.confirmationDays', 3), 0, 365, 3),
    cadenceDays: clampInt(c.get<number>('cadence.defaultDays', 0), 0, 365, 0),
    levels,
  };
}

function clampInt(v: unknown, min: number, max: number, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, Math.round(v))) : fallback;
}

export function affectsAnalysis(e: vscode.ConfigurationChangeEvent): boolean {
  return ['timeZone', 'diagnostics.levels', 'horizonDays', 'scope.confirmationDays', 'cadence.defaultDays'].some((k) =>
    e.affectsConfiguration(`${SECTION}.${k}`),
  );
}

export { DEFAULT_LEVELS };

/** The reminder settings (`clientlog.reminders.*`) and the user's zone. */
export function reminderSettings(): ReminderSettings {
  const c = vscode.workspace.getConfiguration(SECTION);
  return {
    enabled: c.get<boolean>('reminders.enabled', true) !== false,
    leadMinutes: clampInt(c.get<number>('reminders.leadMinutes', DEFAULT_LEAD_MINUTES), 0, 1440, DEFAULT_LEAD_MINUTES),
    morningTime: String(c.get('reminders.morningTime', DEFAULT_MORNING_TIME)),
    timeZone: userTimeZone(),
  };
}
