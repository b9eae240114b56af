export * from './letters';
export { addressOf, greeting, type Recipient } from './address';
export { formatDate, formatDateTime, formatOnDate, type DateOptions } from './dates';
export { shortTitle } from './words';
export type { Phrasebook } from './phrasebook';
export { phrasesLoaded, setPhrases, type Phrases } from './books';
