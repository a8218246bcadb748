import crypto from 'node:crypto';
import net from 'node:net';
import type { Context, PostConfirmationTriggerEvent } from 'aws-lambda';
import postgres from 'postgres';
import { afterAll, describe, expect, inject, it, vi } from 'vitest';
import { buildUserUpsert, createPostConfirmationHandler, UPSERT_USER_SQL } from './handler';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

function confirmEvent(
  userAttributes: Record<string, string>,
  triggerSource: PostConfirmationTriggerEvent['triggerSource'] = 'PostConfirmation_ConfirmSignUp',
): PostConfirmationTriggerEvent {
  return {
    version: '1',
    region: 'us-east-1',
    userPoolId: 'us-east-1_test',
    userName: userAttributes.sub ?? 'nobody',
    callerContext: { awsSdkVersion: 'test', clientId: 'client' },
    triggerSource,
    request: { userAttributes },
    response: {},
  };
}

// The trigger handler type is callback-style too; these handlers never use the callback.
const invoke = (h: ReturnType<typeof createPostConfirmationHandler>, e: PostConfirmationTriggerEvent) =>
  h(e, {} as Context, () => {});

describe('buildUserUpsert', () => {
  it('maps sub, email and name to the users upsert', () => {
    expect(buildUserUpsert({ sub: 'abc-123', email: 'Ana@Example.com', name: ' Ana Pérez ' })).toEqual({
      text: UPSERT_USER_SQL,
      params: ['abc-123', 'Ana@Example.com', 'Ana Pérez'],
    });
  });

  it('falls back to given/family name, then to null', () => {
    expect(buildUserUpsert({ sub: 's', email: 'a@b.c', given_name: 'Ana', family_name: 'Pérez' })?.params[2]).toBe(
      'Ana Pérez',
    );
    expect(buildUserUpsert({ sub: 's', email: 'a@b.c' })?.params[2]).toBeNull();
    expect(buildUserUpsert({ sub: 's', email: 'a@b.c', name: '  ' })?.params[2]).toBeNull();
  });

  it('returns null without sub or email', () => {
    expect(buildUserUpsert({ email: 'a@b.c' })).toBeNull();
    expect(buildUserUpsert({ sub: 's' })).toBeNull();
    expect(buildUserUpsert({ sub: ' ', email: 'a@b.c' })).toBeNull();
  });

  it('is an idempotent upsert on the primary key that never clobbers a display name', () => {
    expect(UPSERT_USER_SQL).toMatch(/^insert into users \(id, email, display_name\) values \(\$1, \$2, \$3\)/);
    expect(UPSERT_USER_SQL).toContain('on conflict (id) do update set email = excluded.email');
    expect(UPSERT_USER_SQL).toContain('coalesce(users.display_name, excluded.display_name)');
  });
});

describe('post-confirmation handler against PostgreSQL', () => {
  const sql = postgres(inject('databaseUrl'), { max: 2, onnotice: () => {} });
  const handler = createPostConfirmationHandler(() => sql);
  afterAll(() => sql.end());

  const rowOf = async (id: string) =>
    (await sql`select id, email, display_name, locale, plan_code from users where id = ${id}`)[0];

  it('creates the profile row with the schema defaults and returns the event', async () => {
    const sub = crypto.randomUUID();
    const event = confirmEvent({ sub, email: `${sub.slice(0, 8)}@test.vita`, name: 'Ana' });
    await expect(invoke(handler, event)).resolves.toBe(event);
    expect(await rowOf(sub)).toEqual({
      id: sub,
      email: `${sub.slice(0, 8)}@test.vita`,
      display_name: 'Ana',
      locale: 'es',
      plan_code: 'free',
    });
  });

  it('is idempotent: a retry updates the email and keeps an existing display name', async () => {
    const sub = crypto.randomUUID();
    await invoke(handler, confirmEvent({ sub, email: 'old@test.vita', name: 'Ana' }));
    await invoke(handler, confirmEvent({ sub, email: 'new@test.vita', name: 'Other' }));
    await invoke(handler, confirmEvent({ sub, email: 'new@test.vita', name: 'Other' }));
    expect(await sql`select count(*)::int as n from users where id = ${sub}`).toEqual([{ n: 1 }]);
    expect(await rowOf(sub)).toMatchObject({ email: 'new@test.vita', display_name: 'Ana' });
  });

  it('fills a display name the app left empty', async () => {
    const sub = crypto.randomUUID();
    await sql`insert into users (id, email) values (${sub}, 'x@test.vita')`;
    await invoke(handler, confirmEvent({ sub, email: 'x@test.vita', name: 'Bea' }));
    expect(await rowOf(sub)).toMatchObject({ display_name: 'Bea' });
  });

  it('ignores the forgotten-password confirmation', async () => {
    const sub = crypto.randomUUID();
    await invoke(handler, confirmEvent({ sub, email: 'y@test.vita' }, 'PostConfirmation_ConfirmForgotPassword'));
    expect(await rowOf(sub)).toBeUndefined();
  });

  it('returns the event promptly when the database is unreachable', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    // A port nobody listens on: the connect fails fast; the deadline bounds a silent one.
    const dead = postgres('postgres://u:p@127.0.0.1:9/db', { max: 1, connect_timeout: 1, onnotice: () => {} });
    const failing = createPostConfirmationHandler(() => dead, 1_500);
    const event = confirmEvent({ sub: crypto.randomUUID(), email: 'z@test.vita' });
    const started = Date.now();
    await expect(invoke(failing, event)).resolves.toBe(event);
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('profile upsert failed'));
    error.mockRestore();
    await dead.end({ timeout: 0 });
  });

  it('gives up at its deadline when the database accepts but never answers', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((s) => sockets.add(s));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    const hung = postgres(`postgres://u:p@127.0.0.1:${port}/db`, { max: 1, connect_timeout: 30, onnotice: () => {} });
    const event = confirmEvent({ sub: crypto.randomUUID(), email: 'h@test.vita' });
    const started = Date.now();
    await expect(invoke(createPostConfirmationHandler(() => hung, 300), event)).resolves.toBe(event);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('exceeded 300 ms'));
    error.mockRestore();
    await hung.end({ timeout: 0 });
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });
});
