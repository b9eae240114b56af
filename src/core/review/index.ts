export * from './input';
export * from './figures';
