export * from './letters';
export type { Phrasebook } from './phrasebook';
