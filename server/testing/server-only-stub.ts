// `server-only` throws outside a React Server environment; under vitest the import is a no-op.
export {};
