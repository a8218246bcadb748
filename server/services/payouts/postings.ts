import type { PostTransactionInput } from '../ledger/post-transaction';

type PayoutRef = { id: string; storeId: string; amount: number; currency: string };

/**
 * The ledger side of a payout, in one place.
 *
 * Intended model: the hold moves the amount from seller_available to payouts_in_transit (still owed to the seller),
 * `paid` moves it from payouts_in_transit out of platform clearing, a failure moves it back to seller_available.
 * That needs payouts_in_transit to be credit-normal, but the foundation's CHECK (ledger_accounts_never_negative)
 * and readableBalance treat it as debit-normal, so a credit to it is refused. Until that is corrected (see the
 * payouts report), the hold leaves clearing at once (Dr seller_available, Cr clearing) and a failure puts it back;
 * `paid` then has nothing left to move. The amount on its way is the sum of payouts in requested/processing.
 * The never-negative CHECK on seller_available is what stops two requests from spending the same balance.
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
      { owner: 'platform', kind: 'clearing', amount: -p.amount },
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
      { owner: 'platform', kind: 'clearing', amount: p.amount },
      { owner: { storeId: p.storeId }, kind: 'seller_available', amount: -p.amount },
    ],
  };
}

