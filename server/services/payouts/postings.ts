import type { PostTransactionInput } from '../ledger/post-transaction';

type PayoutRef = { id: string; storeId: string; amount: number; currency: string };

/**
 * The ledger side of a payout, in one place. The hold moves the amount from seller_available to payouts_in_transit
 * (still owed to the seller, no longer withdrawable); `paid` moves it out of the platform (payouts_in_transit →
 * clearing); a failure or rejection moves it back to seller_available. The never-negative CHECK on seller_available
 * is what stops two requests from spending the same balance.
 */
export function payoutHoldPosting(p: PayoutRef): PostTransactionInput {
  return {
    kind: 'payout_hold',
    refType: 'payout',
    refId: p.id,
    currency: p.currency,
    memo: 'Retiro solicitado',
    lines: [
      { owner: { storeId: p.storeId }, kind: 'seller_available', amount: p.amount },
      { owner: { storeId: p.storeId }, kind: 'payouts_in_transit', amount: -p.amount },
    ],
  };
}

export function payoutReleasePosting(p: PayoutRef): PostTransactionInput {
  return {
    kind: 'payout_release',
    refType: 'payout',
    refId: p.id,
    currency: p.currency,
    memo: 'Retiro no realizado: saldo devuelto',
    lines: [
      { owner: { storeId: p.storeId }, kind: 'payouts_in_transit', amount: p.amount },
      { owner: { storeId: p.storeId }, kind: 'seller_available', amount: -p.amount },
    ],
  };
}

export function payoutPaidPosting(p: PayoutRef): PostTransactionInput {
  return {
    kind: 'payout',
    refType: 'payout',
    refId: p.id,
    currency: p.currency,
    memo: 'Retiro enviado',
    lines: [
      { owner: { storeId: p.storeId }, kind: 'payouts_in_transit', amount: p.amount },
      { owner: 'platform', kind: 'clearing', amount: -p.amount },
    ],
  };
}
