import type { Language, NoteKind, Triage } from './model';
import { detach } from './text';

/**
 * Field labels of note blocks in the four languages. The first label of each language is the one
 * written by drafts; the parser accepts any of them (case-insensitive) and maps it to the key.
 */
export const NOTE_FIELDS: Readonly<Record<NoteKind, readonly { key: string; labels: Readonly<Record<Language, readonly string[]>> }[]>> = {
  apology: [
    { key: 'what', labels: { en: ['What happened'], bg: ['Какво се случи'], ru: ['Что произошло'], ro: ['Ce s-a întâmplat'] } },
    { key: 'apology', labels: { en: ['Apology'], bg: ['Извинение'], ru: ['Извинение'], ro: ['Scuze'] } },
    { key: 'fix', labels: { en: ['Fix'], bg: ['Решение'], ru: ['Исправление'], ro: ['Remediere'] } },
    { key: 'prevention', labels: { en: ['Prevention'], bg: ['Превенция'], ru: ['Предотвращение'], ro: ['Prevenire'] } },
    { key: 'makeup', labels: { en: ['Make-up', 'Make up', 'Makeup'], bg: ['Компенсация'], ru: ['Компенсация'], ro: ['Compensație'] } },
  ],
  refusal: [
    { key: 'request', labels: { en: ['Request'], bg: ['Искане'], ru: ['Запрос'], ro: ['Cerere'] } },
    { key: 'reason', labels: { en: ['Reason'], bg: ['Причина'], ru: ['Причина'], ro: ['Motiv'] } },
    { key: 'facts', labels: { en: ['Facts'], bg: ['Факти'], ru: ['Факты'], ro: ['Fapte'] } },
    { key: 'alternative', labels: { en: ['Alternative'], bg: ['Алтернатива'], ru: ['Альтернатива'], ro: ['Alternativă'] } },
  ],
  escalation: [
    { key: 'kind', labels: { en: ['Kind'], bg: ['Вид'], ru: ['Тип'], ro: ['Tip'] } },
    { key: 'breaks', labels: { en: ['What breaks'], bg: ['Какво ще пострада'], ru: ['Что сломается'], ro: ['Ce se strică'] } },
    { key: 'deadline', labels: { en: ['Deadline source'], bg: ['Откъде е срокът'], ru: ['Откуда срок'], ro: ['Sursa termenului'] } },
    { key: 'owner', labels: { en: ['Owner'], bg: ['Отговорник'], ru: ['Ответственный'], ro: ['Responsabil'] } },
    { key: 'next', labels: { en: ['Next update'], bg: ['Следваща информация'], ru: ['Следующее обновление'], ro: ['Următoarea actualizare'] } },
  ],
};

/** Fields a block needs before it is complete (ESCALATION's owner and next update only for a crisis). */
export const REQUIRED_FIELDS: Readonly<Record<NoteKind, readonly string[]>> = {
  apology: ['what', 'apology', 'fix'],
  refusal: ['request', 'alternative'],
  escalation: ['kind', 'breaks'],
};
export const CRISIS_REQUIRED_FIELDS: readonly string[] = ['owner', 'next'];

const labelIndex = new Map<string, string>();
for (const kind of Object.keys(NOTE_FIELDS) as NoteKind[]) {
  for (const f of NOTE_FIELDS[kind]) {
    for (const list of Object.values(f.labels)) for (const l of list) labelIndex.set(`${kind}:${l.toLocaleLowerCase()}`, f.key);
  }
}

// fieldKey's answers by kind and label as written: lower-casing in the host's locale costs more than the
// rest of a field line's parse, and a log repeats a few labels. Bounded, for logs that do not.
const keyCache: Record<NoteKind, Map<string, string | undefined>> = { apology: new Map(), refusal: new Map(), escalation: new Map() };
const KEY_CACHE_SIZE = 500;

/** The canonical key of a field label in any of the four languages, or undefined. */
export function fieldKey(kind: NoteKind, label: string): string | undefined {
  const cache = keyCache[kind];
  let key = cache.get(label);
  if (key === undefined && !cache.has(label)) {
    key = labelIndex.get(`${kind}:${label.trim().toLocaleLowerCase()}`);
    if (cache.size >= KEY_CACHE_SIZE) cache.clear();
    // Detached: a slice of a line would keep the whole text of its file alive.
    cache.set(detach(label), key);
  }
  return key;
}

/** The label drafts write for a field in a language. */
export function fieldLabel(kind: NoteKind, key: string, lang: Language): string {
  const f = NOTE_FIELDS[kind].find((x) => x.key === key);
  if (!f) throw new Error(`unknown field ${kind}.${key}`);
  return f.labels[lang][0];
}

/** Triage words after URGENT, and the ESCALATION Kind values, in the four languages. */
export const TRIAGE_WORDS: Readonly<Record<Triage, Readonly<Record<Language, string>>>> = {
  request: { en: 'request', bg: 'искане', ru: 'запрос', ro: 'cerere' },
  crisis: { en: 'crisis', bg: 'криза', ru: 'кризис', ro: 'criză' },
};

export function triageOf(word: string): Triage | undefined {
  const w = word.toLocaleLowerCase();
  for (const t of ['request', 'crisis'] as const) {
    if (Object.values(TRIAGE_WORDS[t]).includes(w)) return t;
  }
  return undefined;
}

export const REFUSAL_REASONS = ['scope', 'budget', 'timeline', 'interest', 'policy'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** The reason codes as written in a REFUSAL's Reason field, in the four languages. */
export const REASON_WORDS: Readonly<Record<RefusalReason, Readonly<Record<Language, string>>>> = {
  scope: { en: 'scope', bg: 'обхват', ru: 'объём работ', ro: 'aria de lucru' },
  budget: { en: 'budget', bg: 'бюджет', ru: 'бюджет', ro: 'buget' },
  timeline: { en: 'timeline', bg: 'срок', ru: 'сроки', ro: 'termen' },
  interest: { en: 'interest', bg: 'интерес на клиента', ru: 'интересы клиента', ro: 'interesul clientului' },
  policy: { en: 'policy', bg: 'политика', ru: 'правила', ro: 'politică' },
};

/** The heading of today's entry when a draft has to create it, per note kind and language. */
export const ENTRY_TITLES: Readonly<Record<NoteKind, Readonly<Record<Language, string>>>> = {
  apology: { en: 'Apology', bg: 'Извинение', ru: 'Извинение', ro: 'Scuze' },
  refusal: { en: 'Refusal', bg: 'Отказ', ru: 'Отказ', ro: 'Refuz' },
  escalation: { en: 'Escalation', bg: 'Ескалация', ru: 'Эскалация', ro: 'Escaladare' },
};
