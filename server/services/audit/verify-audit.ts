import { asc, gt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { auditLog, type AuditEntry } from '../../db/schema';
import { entryHash, GENESIS_HASH } from './hash';

export type AuditBreak = {
  /** The first entry (by seq) whose link does not hold. */
  seq: number;
  kind: 'edited' | 'deleted' | 'reordered' | 'inserted';
  message: string;
};

export type AuditVerification = {
  ok: boolean;
  entries: number;
  /** seq and hash of the last entry: record them elsewhere to also catch a cut-off tail. */
  head: { seq: number; hash: string } | null;
  firstBreak: AuditBreak | null;
};

const PAGE = 2_000;

/**
 * Walks the whole chain in seq order. For each entry: its own hash must match its content (else **edited**), its
 * prev_hash must be the previous entry's hash, and seq must go up by one. A broken link whose prev_hash belongs to an
 * entry further on is **reordered**; one pointing nowhere, or a gap in seq, is **deleted**; a row whose hash matches
 * but links into the middle of the chain is **inserted**. Names the first broken link.
 */
export async function verifyAuditChain({ db }: { db: DbOrTx }): Promise<AuditVerification> {
  const rows: AuditEntry[] = [];
  for (let after = 0; ; ) {
    const page = await db.select().from(auditLog).where(gt(auditLog.seq, after)).orderBy(asc(auditLog.seq)).limit(PAGE);
    rows.push(...page);
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.seq;
  }
  const seenHashes = new Set<string>();
  const laterHashes = new Map<string, number>(rows.map((r) => [r.hash, r.seq]));
  let prev: AuditEntry | null = null;
  let firstBreak: AuditBreak | null = null;
  for (const row of rows) {
    const expectedPrev = prev?.hash ?? GENESIS_HASH;
    const expectedSeq = (prev?.seq ?? 0) + 1;
    const selfOk = entryHash(row.prevHash, row) === row.hash;
    if (!selfOk) {
      firstBreak = { seq: row.seq, kind: 'edited', message: `La entrada #${row.seq} fue modificada: su hash no corresponde a su contenido.` };
      break;
    }
    if (row.prevHash !== expectedPrev || row.seq !== expectedSeq) {
      const pointsTo = laterHashes.get(row.prevHash);
      if (pointsTo !== undefined && !seenHashes.has(row.prevHash) && pointsTo > row.seq) {
        firstBreak = { seq: row.seq, kind: 'reordered', message: `La entrada #${row.seq} está fuera de orden: sigue a la entrada #${pointsTo}, que aparece después.` };
      } else if (seenHashes.has(row.prevHash) && row.prevHash !== expectedPrev) {
        firstBreak = { seq: row.seq, kind: 'inserted', message: `La entrada #${row.seq} no sigue a la #${prev?.seq ?? 0}: se insertó o se copió en medio de la cadena.` };
      } else {
        firstBreak = {
          seq: row.seq,
          kind: 'deleted',
          message: `Falta al menos una entrada antes de la #${row.seq}: su enlace no apunta a la #${prev?.seq ?? 0}.`,
        };
      }
      break;
    }
    seenHashes.add(row.hash);
    prev = row;
  }
  const last = rows[rows.length - 1];
  return { ok: firstBreak === null, entries: rows.length, head: last ? { seq: last.seq, hash: last.hash } : null, firstBreak };
}
