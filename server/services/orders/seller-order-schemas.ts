import { z } from 'zod';
import { vmsg } from '../../errors/validation';

export const ORDER_STATUSES = ['pending_payment', 'paid', 'fulfilled', 'delivered', 'cancelled', 'expired', 'refunded'] as const;
export type TOrderStatus = (typeof ORDER_STATUSES)[number];

/** The tabs of the seller's order list: one status, `closed` (cancelled, expired, refunded) or everything. */
export const ORDER_STATUS_FILTERS = ['all', 'pending_payment', 'paid', 'fulfilled', 'delivered', 'closed'] as const;
export type TOrderStatusFilter = (typeof ORDER_STATUS_FILTERS)[number];
export const CLOSED_STATUSES = ['cancelled', 'expired', 'refunded'] as const satisfies readonly TOrderStatus[];

const ZDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, vmsg('invalidDateIso'))
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), vmsg('invalidDate'));

export const ZListStoreOrdersInput = z
  .object({
    storeId: z.string().uuid(),
    status: z.enum(ORDER_STATUS_FILTERS).default('all'),
    /** Order number ("1042" or "#1042"), buyer name or email. */
    q: z.string().trim().max(100).default(''),
    /** Calendar days in the store's view (UTC), both included. */
    from: ZDay.nullish().transform((d) => d ?? null),
    to: ZDay.nullish().transform((d) => d ?? null),
    page: z.number().int().min(1).max(10_000).default(1),
    pageSize: z.number().int().min(5).max(100).default(20),
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: vmsg('endBeforeStart') });
  });
export type TListStoreOrdersInput = z.input<typeof ZListStoreOrdersInput>;

export const ZOrderRef = z.object({ storeId: z.string().uuid(), orderId: z.string().uuid() });

export const CARRIERS = ['Serpost', 'Olva', 'Shalom', 'DHL', 'Servientrega', 'Estafeta', 'Correos de México', 'Otro'] as const;

export const ZFulfillOrderInput = ZOrderRef.extend({
  carrier: z.enum(CARRIERS, { message: vmsg('chooseCarrier') }),
  /** The carrier's name when `carrier` is "Otro". */
  carrierName: z.string().trim().max(60, vmsg('maxChars', { maximum: 60 })).optional(),
  trackingNumber: z.string().trim().min(3, vmsg('enterTracking')).max(80, vmsg('maxChars', { maximum: 80 })),
  trackingUrl: z
    .string()
    .trim()
    .max(500, vmsg('maxChars', { maximum: 500 }))
    .refine((s) => s === '' || /^https?:\/\/[^\s]+\.[^\s]+$/i.test(s), vmsg('httpsLink'))
    .nullish()
    .transform((s) => s || null),
}).superRefine((v, ctx) => {
  if (v.carrier === 'Otro' && (v.carrierName ?? '').length < 2) {
    ctx.addIssue({ code: 'custom', path: ['carrierName'], message: vmsg('enterCarrierName') });
  }
});
export type TFulfillOrderInput = z.input<typeof ZFulfillOrderInput>;

export const ZRefundOrderInput = ZOrderRef.extend({
  /** Minor units, at most what is left to refund (refundOrder checks against the locked order). */
  amount: z.number({ message: vmsg('enterTheAmount') }).int(vmsg('minorUnits')).positive(vmsg('greaterThanZero')),
  reason: z.string().trim().max(300, vmsg('maxChars', { maximum: 300 })).default(''),
  /** One per refund dialog: a double click or a retry is the same refund. */
  idempotencyKey: z.string().uuid(),
});
export type TRefundOrderInput = z.input<typeof ZRefundOrderInput>;

/** Timeline entries' author: the seller who acted (`user:<id>`), or a system part ("system", "payment"). */
export const sellerActor = (userId: string) => `user:${userId}`;

/** What the seller reads for each status. */
export const ORDER_STATUS_LABEL: Record<TOrderStatus, string> = {
  pending_payment: 'Pago pendiente',
  paid: 'Por enviar',
  fulfilled: 'Enviado',
  delivered: 'Entregado',
  cancelled: 'Cancelado',
  expired: 'Vencido',
  refunded: 'Reembolsado',
};
