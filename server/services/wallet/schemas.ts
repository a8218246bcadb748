import { z } from 'zod';

export const ZGetWalletInput = z.object({
  storeId: z.string().uuid(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(5).max(100).default(20),
});
export type TGetWalletInput = z.input<typeof ZGetWalletInput>;

/** Spanish names of ledger transaction kinds as the seller reads them. */
export const LEDGER_KIND_LABEL: Record<string, string> = {
  payment: 'Venta',
  release: 'Disponible',
  refund: 'Reembolso',
  payout_hold: 'Retiro solicitado',
  payout: 'Retiro',
  payout_release: 'Retiro devuelto',
  payout_failed: 'Retiro fallido',
  tip: 'Propina',
  tip_refund: 'Propina reembolsada',
};

export const PAYOUT_NETWORKS = ['USDT-TRC20', 'USDT-ERC20'] as const;
