export * from './model';
export * from './text';
export * from './dates';
export { parse, type ParseOptions } from './parse';
export * from './analyze';
export * from './edits';
export * from './notes';
export * from './messages';
export * from './drafts';
