import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { paymentProvider, type PaymentProvider } from '../../adapters/payments';
import type { Db, DbOrTx } from '../../db/client';
import { payouts, stores, users, type Payout, type Store } from '../../db/schema';
import { env } from '../../env';
import { AppError, isAppError } from '../../errors/app-error';
import { logger } from '../../log/logger';
import { formatMoney, minorUnitDigits } from '../../../components/ui/money';
import { ownerBalances, postLedgerTransaction } from '../ledger/post-transaction';
import { queueEmail } from '../outbox/queue-email';
import { storeOwnerId } from '../stores/store-owner';
import { payoutHoldPosting, payoutReleasePosting } from './postings';
import { appendAudit } from '../audit/append-audit';
import { vmsg } from '../../errors/validation';

/** Networks a seller can withdraw to, with the address shape each accepts. */
export const PAYOUT_NETWORKS = {
  'USDT-TRC20': { label: 'USDT (TRON, TRC-20)', address: /^T[1-9A-HJ-NP-Za-km-z]{33}$/, example: 'T… (34 caracteres)' },
  'USDT-ERC20': { label: 'USDT (Ethereum, ERC-20)', address: /^0x[0-9a-fA-F]{40}$/, example: '0x… (42 caracteres)' },
} as const;
export type PayoutNetwork = keyof typeof PAYOUT_NETWORKS;

/** Smallest withdrawal, in major units of the store currency: below it network fees eat the payout. */
export const PAYOUT_MIN_MAJOR = 10;
export const payoutMinimum = (currency: string) => PAYOUT_MIN_MAJOR * 10 ** minorUnitDigits(currency);

export const ZRequestPayoutInput = z
  .object({
    storeId: z.string().uuid(),
    amount: z.number({ message: vmsg('giveAmount') }).int({ message: vmsg('invalidAmount') }).positive({ message: vmsg('amountAboveZero') }),
    network: z.enum(Object.keys(PAYOUT_NETWORKS) as [PayoutNetwork, ...PayoutNetwork[]], { message: vmsg('chooseNetwork') }),
    address: z.string().trim().min(1, { message: vmsg('enterWallet') }).max(100, { message: vmsg('invalidAddress') }),
  })
  .superRefine((v, ctx) => {
    const net = PAYOUT_NETWORKS[v.network];
    if (net && !net.address.test(v.address)) {
      const [prefix = '', rest = ''] = net.example.split('…');
      const params = { network: net.label, prefix, length: Number(/\d+/.exec(rest)?.[0] ?? 0) };
      ctx.addIssue({ code: 'custom', path: ['address'], message: vmsg('addressFormat', params) });
    }
  });
export type TRequestPayoutInput = z.input<typeof ZRequestPayoutInput>;

export const payoutCallbackUrl = () => `${env().APP_URL}/api/webhooks/cregis/payout`;

async function assertOwner(db: DbOrTx, storeId: string, userId: string) {
  if ((await storeOwnerId(db, storeId)) !== userId) {
    throw new AppError('FORBIDDEN', { key: 'payouts.ownerOnly', data: { reason: 'OWNER_ONLY' } });
  }
}

/**
 * A seller's withdrawal: held in the ledger and recorded in one transaction (so two requests can never spend the same
 * balance — the second fails the never-negative CHECK), then sent to the provider outside it.
 */
export async function requestPayout({
  db,
  provider = paymentProvider(),
  store,
  userId,
  input,
}: {
  db: Db;
  provider?: PaymentProvider;
  store: Store;
  userId: string;
  input: TRequestPayoutInput;
}): Promise<Payout> {
  const data = ZRequestPayoutInput.parse(input);
  await assertOwner(db, store.id, userId);
  // ctx.store was read at the start of the request; KYC may have changed since.
  const [fresh] = await db.select({ kycStatus: stores.kycStatus, currency: stores.currency }).from(stores).where(eq(stores.id, store.id));
  if (!fresh) throw new AppError('NOT_FOUND', { key: 'notFound.store' });
  if (fresh.kycStatus !== 'approved') {
    throw new AppError('FORBIDDEN', {
      key: 'payouts.kycRequired',
      data: { reason: 'KYC_REQUIRED', kycStatus: fresh.kycStatus },
    });
  }
  const currency = fresh.currency;
  const min = payoutMinimum(currency);
  if (data.amount < min) {
    const msg = { key: 'payouts.belowMinimum', params: { minimum: formatMoney(min, currency) } } as const;
    throw new AppError('BAD_REQUEST', { ...msg, fields: { amount: msg }, data: { reason: 'BELOW_MINIMUM', minimum: min } });
  }
  const available = (await ownerBalances(db, { storeId: store.id }, currency)).seller_available ?? 0;
  if (data.amount > available) throw insufficient(available, currency);

  let payout: Payout;
  try {
    payout = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(payouts)
        .values({
          storeId: store.id,
          requestedBy: userId,
          amount: data.amount,
          currency,
          destination: { network: data.network, address: data.address },
          provider: provider.name,
          status: 'requested',
        })
        .returning();
      await postLedgerTransaction(tx, payoutHoldPosting(row!));
      await appendAudit(tx, {
        actor: `user:${userId}`,
        action: 'payout.requested',
        subject: `payout:${row!.id}`,
        data: { storeId: store.id, amount: data.amount, currency, network: data.network, address: data.address },
      });
      return row!;
    });
  } catch (err) {
    // Another request spent the balance between our read and our hold.
    if (isAppError(err) && err.data?.reason === 'INSUFFICIENT_FUNDS') {
      const now = (await ownerBalances(db, { storeId: store.id }, currency)).seller_available ?? 0;
      throw insufficient(now, currency);
    }
    throw err;
  }
  return submitPayout({ db, provider, payoutId: payout.id });
}

function insufficient(available: number, currency: string) {
  const msg = { key: 'payouts.insufficient', params: { available: formatMoney(available, currency) } } as const;
  return new AppError('CONFLICT', { ...msg, fields: { amount: msg }, data: { reason: 'INSUFFICIENT_FUNDS', available } });
}

/**
 * Sends a held payout to the provider (our id is its third_party_id, so the provider refuses a second one). On a
 * provider error the payout is marked failed and the hold released: the seller can try again at once.
 */
export async function submitPayout({ db, provider, payoutId }: { db: Db; provider: PaymentProvider; payoutId: string }): Promise<Payout> {
  const [p] = await db.select().from(payouts).where(and(eq(payouts.id, payoutId), eq(payouts.status, 'requested'), isNull(payouts.providerRef)));
  if (!p) {
    const [current] = await db.select().from(payouts).where(eq(payouts.id, payoutId));
    if (!current) throw new Error(`payout ${payoutId} not found`);
    return current;
  }
  let providerRef: string;
  try {
    ({ providerRef } = await provider.createPayout({
      payoutId: p.id,
      amount: p.amount,
      currency: p.currency,
      address: p.destination.address,
      network: p.destination.network,
      callbackUrl: payoutCallbackUrl(),
    }));
  } catch (err) {
    logger.warn({ err, payoutId: p.id }, 'payout: provider refused or did not answer; releasing the hold');
    await failRequestedPayout(db, p, err instanceof Error ? err.message.slice(0, 300) : 'provider error');
    throw new AppError('UPSTREAM_FAILED', {
      key: 'payouts.providerFailed',
      data: { reason: 'PROVIDER_FAILED', payoutId: p.id },
      cause: err,
    });
  }
  // A callback may already have moved it on (found by our id): only a still-requested payout becomes processing.
  const [updated] = await db
    .update(payouts)
    .set({
      providerRef,
      status: sql`case when ${payouts.status} = 'requested' then 'processing'::payout_status else ${payouts.status} end`,
      updatedAt: sql`now()`,
    })
    .where(eq(payouts.id, p.id))
    .returning();
  return updated!;
}

async function failRequestedPayout(db: Db, p: Payout, reason: string) {
  await db.transaction(async (tx) => {
    const [failed] = await tx
      .update(payouts)
      .set({ status: 'failed', failureReason: reason, updatedAt: sql`now()` })
      .where(and(eq(payouts.id, p.id), eq(payouts.status, 'requested')))
      .returning();
    if (!failed) return;
    await postLedgerTransaction(tx, payoutReleasePosting(failed));
    await queuePayoutEmail(tx, failed);
  });
}

const FAILURE_WORDS: Partial<Record<Payout['status'], string>> = {
  failed: 'El envío no se pudo completar. Revisa la dirección y la red de tu billetera e inténtalo de nuevo.',
  rejected: 'El proveedor de pagos rechazó el retiro. Revisa la dirección de tu billetera o escríbenos.',
};

const maskAddress = (a: string) => (a.length > 12 ? `${a.slice(0, 6)}…${a.slice(-4)}` : a);

/** The owner hears about every final state once (dedupe per payout and state). */
export async function queuePayoutEmail(db: DbOrTx, p: Payout) {
  const ownerId = await storeOwnerId(db, p.storeId);
  const [owner] = await db
    .select({ email: users.email, locale: users.locale, storeName: stores.name })
    .from(users)
    .innerJoin(stores, eq(stores.id, p.storeId))
    .where(eq(users.id, ownerId));
  if (!owner) return;
  await queueEmail(db, {
    to: owner.email,
    template: 'payout_update',
    locale: owner.locale,
    data: {
      payoutId: p.id,
      storeId: p.storeId,
      storeName: owner.storeName,
      status: p.status === 'paid' ? 'paid' : 'failed',
      amount: p.amount,
      currency: p.currency,
      destination: `${p.destination.network} ${maskAddress(p.destination.address)}`,
      ...(p.status === 'paid' ? {} : { reason: FAILURE_WORDS[p.status] ?? FAILURE_WORDS.failed }),
    },
    dedupeKey: `payout_update:${p.id}:${p.status}`,
  });
}

export const ZListPayoutsInput = z.object({ storeId: z.string().uuid(), limit: z.number().int().min(1).max(100).default(50) });

/** The store's withdrawals, newest first (owner only: destinations are the owner's wallets). */
export async function listPayouts({ db, store, userId, input }: { db: Db; store: Store; userId: string; input: z.input<typeof ZListPayoutsInput> }) {
  const { limit } = ZListPayoutsInput.parse(input);
  await assertOwner(db, store.id, userId);
  const rows = await db.select().from(payouts).where(eq(payouts.storeId, store.id)).orderBy(desc(payouts.createdAt), desc(payouts.id)).limit(limit);
  return {
    minimum: payoutMinimum(store.currency),
    networks: Object.entries(PAYOUT_NETWORKS).map(([code, n]) => ({ code, label: n.label })),
    items: rows.map((r) => ({
      id: r.id,
      amount: r.amount,
      currency: r.currency,
      destination: r.destination,
      status: r.status,
      failureReason: r.failureReason,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    })),
  };
}
