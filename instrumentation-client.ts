/**
 * Runs in the browser before any app module (Next's client instrumentation hook). Zod 4 compiles fast parsers with
 * `new Function` when it may; probing for that under our CSP (no 'unsafe-eval') is reported as a violation on every
 * page with a form. Tell zod up front not to try: it then parses with its interpreter (same results).
 */
const g = globalThis as unknown as { __zod_globalConfig?: Record<string, unknown> };
g.__zod_globalConfig = { ...(g.__zod_globalConfig ?? {}), jitless: true };

export {};
