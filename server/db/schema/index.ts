export * from './identity';
export * from './catalog';
export * from './commerce';
export * from './money';
export * from './trust';
export * from './realtime';
export * from './live';
export * from './chat';
