import crypto from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createDb, type Db } from '../../db/client';
import { runMigrations } from '../../db/migrate';
import { auditLog } from '../../db/schema';
import { appendAudit } from './append-audit';
import { GENESIS_HASH, entryHash } from './hash';
import { verifyAuditChain } from './verify-audit';

/**
 * A database of its own (same server), so the tamper cases own the whole chain from the genesis entry and no other
 * test file's appends interleave. Tampering goes through a superuser connection with triggers disabled
 * (session_replication_role = replica), exactly what someone with database access would do.
 */
let admin: postgres.Sql;
let db: Db;
let close: () => Promise<void>;
let superuser: postgres.Sql;
let dbName: string;

beforeAll(async () => {
  const base = new URL(inject('databaseUrl'));
  admin = postgres(base.toString(), { max: 1, onnotice: () => {} });
  dbName = `audit_${crypto.randomBytes(4).toString('hex')}`;
  await admin.unsafe(`create database "${dbName}"`);
  base.pathname = `/${dbName}`;
  await runMigrations(base.toString());
  const c = createDb(base.toString(), 20);
  db = c.db;
  close = () => c.sql.end();
  superuser = postgres(base.toString(), { max: 1, onnotice: () => {} });
});

afterAll(async () => {
  await close?.();
  await superuser?.end();
  await admin?.unsafe(`drop database if exists "${dbName}" with (force)`);
  await admin?.end();
});

/** Runs statements with user triggers off, on the superuser connection. */
async function tamper(fn: (sql: postgres.TransactionSql) => Promise<unknown>) {
  await superuser.begin(async (sql) => {
    await sql`set local session_replication_role = replica`;
    await fn(sql);
  });
}

async function seed(n: number, tag: string) {
  for (let i = 0; i < n; i++) {
    await appendAudit(db, { actor: 'user:test', action: 'test.event', subject: `thing:${tag}-${i}`, data: { i, tag, nombre: 'Ñandú Pérez', amount: 1250 } });
  }
}

describe('audit log hash chain', () => {
  it('links each entry to the previous one with SHA-512(prev_hash ‖ canonical entry), from the genesis hash', async () => {
    await seed(3, 'basic');
    const rows = await db.select().from(auditLog).orderBy(auditLog.seq);
    expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 0; i < rows.length; i++) {
      expect(rows[i]!.seq).toBe(i + 1);
      if (i > 0) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
      expect(rows[i]!.hash).toBe(entryHash(rows[i]!.prevHash, rows[i]!));
      expect(rows[i]!.hash).toMatch(/^[0-9a-f]{128}$/);
    }
    const v = await verifyAuditChain({ db });
    expect(v).toMatchObject({ ok: true, entries: 3, firstBreak: null, head: { seq: 3, hash: rows[2]!.hash } });
  });

  it('commits or rolls back with the caller transaction', async () => {
    const before = (await verifyAuditChain({ db })).entries;
    await expect(
      db.transaction(async (tx) => {
        await appendAudit(tx, { actor: 'user:test', action: 'test.rollback', subject: 'thing:x' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await verifyAuditChain({ db })).entries).toBe(before);
  });

  it('never forks under concurrency: 40 parallel appends give seq 1..n, one chain', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        db.transaction(async (tx) => {
          await appendAudit(tx, { actor: `user:c${i}`, action: 'test.concurrent', subject: `thing:c${i}`, data: { i } });
        }),
      ),
    );
    const v = await verifyAuditChain({ db });
    expect(v.ok).toBe(true);
    const rows = await db.select({ seq: auditLog.seq, prevHash: auditLog.prevHash }).from(auditLog);
    expect(new Set(rows.map((r) => r.prevHash)).size).toBe(rows.length); // no two entries share a predecessor
    expect(Math.max(...rows.map((r) => r.seq))).toBe(rows.length);
  });

  it('the table refuses UPDATE, DELETE and TRUNCATE from the app', async () => {
    await expect(superuser`update audit_log set action = 'x' where seq = 1`).rejects.toThrow(/append-only/);
    await expect(superuser`delete from audit_log where seq = 1`).rejects.toThrow(/append-only/);
    await expect(superuser`truncate audit_log`).rejects.toThrow(/append-only/);
    expect((await verifyAuditChain({ db })).ok).toBe(true);
  });

  it('detects an edited entry and names it', async () => {
    await tamper((sql) => sql`update audit_log set data = jsonb_set(data, '{amount}', '99999') where seq = 2`);
    const v = await verifyAuditChain({ db });
    expect(v.ok).toBe(false);
    expect(v.firstBreak).toMatchObject({ seq: 2, kind: 'edited' });
    await tamper((sql) => sql`update audit_log set data = jsonb_set(data, '{amount}', '1250') where seq = 2`);
    expect((await verifyAuditChain({ db })).ok).toBe(true);
  });

  it('detects an edit that also recomputed the entry hash (the next link breaks)', async () => {
    const [row] = await db.select().from(auditLog).where((await import('drizzle-orm')).eq(auditLog.seq, 5));
    const forged = { ...row!, actor: 'user:someone-else' };
    await tamper((sql) => sql`update audit_log set actor = ${forged.actor}, hash = ${entryHash(row!.prevHash, forged)} where seq = 5`);
    const v = await verifyAuditChain({ db });
    expect(v.firstBreak).toMatchObject({ seq: 6, kind: 'deleted' });
    await tamper((sql) => sql`update audit_log set actor = ${row!.actor}, hash = ${row!.hash} where seq = 5`);
    expect((await verifyAuditChain({ db })).ok).toBe(true);
  });

  it('detects a deleted entry and names the first broken link', async () => {
    const [row] = await superuser`select * from audit_log where seq = 4`;
    await tamper((sql) => sql`delete from audit_log where seq = 4`);
    const v = await verifyAuditChain({ db });
    expect(v.ok).toBe(false);
    expect(v.firstBreak).toMatchObject({ seq: 5, kind: 'deleted' });
    await tamper((sql) => sql`insert into audit_log ${sql(row!)}`);
    expect((await verifyAuditChain({ db })).ok).toBe(true);
  });

  it('detects reordered entries', async () => {
    await tamper(async (sql) => {
      await sql`update audit_log set seq = -7 where seq = 7`;
      await sql`update audit_log set seq = 7 where seq = 8`;
      await sql`update audit_log set seq = 8 where seq = -7`;
    });
    const v = await verifyAuditChain({ db });
    expect(v.ok).toBe(false);
    expect(v.firstBreak).toMatchObject({ seq: 7, kind: 'reordered' });
    await tamper(async (sql) => {
      await sql`update audit_log set seq = -7 where seq = 7`;
      await sql`update audit_log set seq = 7 where seq = 8`;
      await sql`update audit_log set seq = 8 where seq = -7`;
    });
    expect((await verifyAuditChain({ db })).ok).toBe(true);
  });

  it('detects a forged entry inserted in the middle with a valid-looking hash', async () => {
    const rows = await db.select().from(auditLog).orderBy(auditLog.seq);
    const prev = rows[9]!; // seq 10
    // Shift 11.. up by one and put a forged seq 11 linked to #10 with a correct hash of its own.
    await tamper(async (sql) => {
      await sql`update audit_log set seq = seq + 1000 where seq > 10`;
      const forged = { at: new Date(), actor: 'admin:intruder', action: 'kyc.approve', subject: 'store:x', data: {} };
      await sql`insert into audit_log (seq, at, actor, action, subject, data, prev_hash, hash)
        values (11, ${forged.at}, ${forged.actor}, ${forged.action}, ${forged.subject}, ${sql.json({})}, ${prev.hash}, ${entryHash(prev.hash, forged)})`;
      await sql`update audit_log set seq = seq - 999 where seq > 1000`;
    });
    const v = await verifyAuditChain({ db });
    expect(v.ok).toBe(false);
    expect(v.firstBreak?.seq).toBe(12);
  });
});
