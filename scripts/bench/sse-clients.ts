/**
 * Benchmark SSE subscribers in their own process, as browsers are: the server process under test then spends its CPU
 * on the server side only (tRPC SSE encoding, the hub), and the clients' parsing runs on the other core.
 *
 * Parent side: `startSseClients()` forks this file (tsx), asks it to open the subscriptions and collects, per
 * subscription event whose message body starts with `bench:<epoch ms>`, the latency = received − that time. Both
 * processes read the same wall clock with sub-millisecond resolution (`performance.timeOrigin + performance.now()`).
 * Child side: the `process.send` loop at the bottom.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export const benchNow = () => performance.timeOrigin + performance.now();
/** A message body the clients recognise: `bench:<epoch ms> <text>`. */
export const benchBody = (text: string) => `bench:${benchNow().toFixed(3)} ${text}`;

export type SseSubscription = { userId: string; path: string; input: unknown };
type ToChild = { op: 'open'; url: string; subscriptions: SseSubscription[]; sender?: string } | { op: 'collect' } | { op: 'close' };
type FromChild = { op: 'started'; count: number } | { op: 'latencies'; values: number[] } | { op: 'error'; message: string };

export type SseClients = {
  /** Resolves when every subscription has started (or rejects after `timeoutMs`). */
  ready(timeoutMs?: number): Promise<void>;
  /** Latencies received so far (ms), moved out of the child. */
  collect(): Promise<number[]>;
  close(): Promise<void>;
  child: ChildProcess;
};

/**
 * Opens `subscriptions` against the tRPC endpoint at `url` from a child process. `sender` keeps only messages whose
 * `message.sender` equals it (e.g. 'seller' when buyers wait for replies).
 */
export function startSseClients(opts: { url: string; subscriptions: SseSubscription[]; sender?: string }): SseClients {
  const child = fork(__filename, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, VITA_SSE_CLIENT_CHILD: '1' } });
  let started = 0;
  let failure: Error | null = null;
  let pendingCollect: ((v: number[]) => void) | null = null;
  child.on('message', (m: FromChild) => {
    if (m.op === 'started') started = m.count;
    else if (m.op === 'latencies') pendingCollect?.(m.values);
    else if (m.op === 'error') failure = new Error(m.message);
  });
  child.send({ op: 'open', url: opts.url, subscriptions: opts.subscriptions, sender: opts.sender } satisfies ToChild);
  return {
    child,
    async ready(timeoutMs = 120_000) {
      const t0 = Date.now();
      while (started < opts.subscriptions.length) {
        if (failure) throw failure;
        if (Date.now() - t0 > timeoutMs) throw new Error(`only ${started} of ${opts.subscriptions.length} subscriptions started`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    collect() {
      return new Promise<number[]>((resolve) => {
        pendingCollect = (v) => {
          pendingCollect = null;
          resolve(v);
        };
        child.send({ op: 'collect' } satisfies ToChild);
      });
    },
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.send({ op: 'close' } satisfies ToChild);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

async function childMain() {
  const { createTRPCUntypedClient, httpSubscriptionLink } = await import('@trpc/client');
  const { EventSource } = await import('eventsource');
  const superjson = (await import('superjson')).default;
  const latencies: number[] = [];
  const unsubscribes: Array<() => void> = [];
  let started = 0;
  let reportTimer: NodeJS.Timeout | null = null;
  const send = (m: FromChild) => process.send?.(m);

  process.on('message', (m: ToChild) => {
    if (m.op === 'open') {
      for (const sub of m.subscriptions) {
        const client = createTRPCUntypedClient({
          links: [
            httpSubscriptionLink({
              url: `${m.url}/api/trpc`,
              transformer: superjson,
              EventSource,
              eventSourceOptions: () => ({ fetch: (input: string | URL | Request, init?: RequestInit) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), 'x-bench-user': sub.userId } }) }),
            }),
          ],
        });
        const s = client.subscription(sub.path, sub.input, {
          onStarted: () => {
            started++;
            // Report the count in one message per tick, not one per subscription.
            reportTimer ??= setTimeout(() => {
              reportTimer = null;
              send({ op: 'started', count: started });
            }, 50);
          },
          onData: (ev: unknown) => {
            const data = (ev as { data?: { type?: string; message?: { body?: string; sender?: string } } }).data;
            if (data?.type !== 'message' || !data.message?.body?.startsWith('bench:')) return;
            if (m.sender && data.message.sender !== m.sender) return;
            latencies.push(benchNow() - Number(data.message.body.slice(6, data.message.body.indexOf(' '))));
          },
          onError: (err: unknown) => send({ op: 'error', message: String(err) }),
        });
        unsubscribes.push(() => s.unsubscribe());
      }
    } else if (m.op === 'collect') {
      send({ op: 'latencies', values: latencies.splice(0) });
    } else if (m.op === 'close') {
      for (const u of unsubscribes) u();
      setTimeout(() => process.exit(0), 200);
    }
  });
  process.on('disconnect', () => process.exit(0));
}

if (process.env.VITA_SSE_CLIENT_CHILD === '1' && process.send) void childMain();
