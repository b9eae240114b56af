export * from './input';
export * from './figures';
export * from './report';
