/**
 * The pure logic behind the editor's language features, one file per feature. Everything is computed from a
 * parsed `ClientLog`; "now", "today" and time zones are parameters; user-visible strings are built at the
 * edge (src/features) with l10n.
 */
export * from './outline';
export * from './folding';
export * from './completion';
export * from './handles';
export * from './hover';
export * from './lenses';
export * from './symbols';
