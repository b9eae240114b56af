/**
 * Counts of days worded in English as Intl words them ("in 3 days", "yesterday", "1 day", "1,234 days"),
 * without Intl: the CLI writes its findings in English, and starting ICU's number and plural data for the
 * first count cost several ms of a cold run. Only the CLI uses it (the extension's bundle keeps Intl's
 * wording alone); any other locale, and a count that is not a whole safe integer or is -0, goes to Intl.
 * test/core/messages.test.ts holds it to Intl.
 */
import { durationDays, relativeDays, type DayWords } from './messages';

/** Digits grouped in threes by commas, as English writes a number at least 0. */
function grouped(n: number): string {
  const digits = String(n);
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let k = out.length; k < digits.length; k += 3) out += ',' + digits.slice(k, k + 3);
  return out;
}

const plain = (days: number, locale: string) => locale === 'en' && Number.isSafeInteger(days) && !Object.is(days, -0);

export const englishDays: DayWords = {
  relative: (days, locale) => {
    if (!plain(days, locale)) return relativeDays(days, locale);
    if (days === 0) return 'today';
    if (days === 1) return 'tomorrow';
    if (days === -1) return 'yesterday';
    return days > 0 ? `in ${grouped(days)} days` : `${grouped(-days)} days ago`;
  },
  duration: (days, locale) => {
    if (!plain(days, locale)) return durationDays(days, locale);
    return `${days < 0 ? '-' : ''}${grouped(Math.abs(days))} ${days === 1 || days === -1 ? 'day' : 'days'}`;
  },
};
