import { relations, sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  char,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { productVariants, products } from './catalog';
import { planCode, stores, users } from './identity';

// ── Cart ────────────────────────────────────────────────────────────────────────────────────────────────────────
/** A guest cart is found by its cookie token; a signed-in buyer's by user id (guest cart merged in on sign-in). */
export const carts = pgTable(
  'carts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    token: text('token').notNull(),
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('carts_token_idx').on(t.token), uniqueIndex('carts_user_id_idx').on(t.userId)],
);

export const cartItems = pgTable(
  'cart_items',
  {
    cartId: uuid('cart_id')
      .notNull()
      .references(() => carts.id, { onDelete: 'cascade' }),
    variantId: uuid('variant_id')
      .notNull()
      .references(() => productVariants.id, { onDelete: 'cascade' }),
    qty: integer('qty').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cartId, t.variantId] }), check('cart_items_qty_range', sql`${t.qty} between 1 and 99`)],
);

// ── Store commerce settings ─────────────────────────────────────────────────────────────────────────────────────
export const deliveryKind = pgEnum('delivery_kind', ['flat_rate', 'free_over', 'pickup']);

/**
 * flat_rate: `price` always. free_over: `price` below `freeOver`, free from it. pickup: free, `details` says where.
 */
export const deliveryOptions = pgTable(
  'delivery_options',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
    kind: deliveryKind('kind').notNull(),
    label: text('label').notNull(),
    details: text('details').notNull().default(''),
    price: bigint('price', { mode: 'number' }).notNull().default(0),
    freeOver: bigint('free_over', { mode: 'number' }),
    active: boolean('active').notNull().default(true),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    index('delivery_options_store_id_idx').on(t.storeId),
    check('delivery_options_price_nonneg', sql`${t.price} >= 0 AND (${t.freeOver} IS NULL OR ${t.freeOver} > 0)`),
  ],
);

export const couponKind = pgEnum('coupon_kind', ['percent', 'fixed']);

export const coupons = pgTable(
  'coupons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
    /** Stored upper-case; buyers type it in any case. */
    code: text('code').notNull(),
    kind: couponKind('kind').notNull(),
    /** percent: 1–100; fixed: minor units of the store currency. */
    value: bigint('value', { mode: 'number' }).notNull(),
    minAmount: bigint('min_amount', { mode: 'number' }).notNull().default(0),
    usageLimit: integer('usage_limit'),
    usedCount: integer('used_count').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('coupons_store_id_code_idx').on(t.storeId, t.code),
    check('coupons_value_range', sql`${t.value} > 0 AND (${t.kind} <> 'percent' OR ${t.value} <= 100)`),
    check('coupons_usage', sql`${t.usedCount} >= 0 AND (${t.usageLimit} IS NULL OR ${t.usedCount} <= ${t.usageLimit})`),
  ],
);

// ── Checkout and orders ─────────────────────────────────────────────────────────────────────────────────────────
export const checkoutPurpose = pgEnum('checkout_purpose', ['orders', 'subscription', 'tip']);
/**
 * pending: waiting for the payer. paid: the full amount arrived (over-payment too, the excess is recorded).
 * partially_paid: less than due arrived (Cregis may still get the rest: paid_remain). expired / failed: no money, the
 * reservations are released. review: money arrived but does not match (amount, currency, late) — a person decides.
 * refunded: the provider refunded the payment.
 */
export const checkoutStatus = pgEnum('checkout_status', [
  'pending',
  'paid',
  'partially_paid',
  'expired',
  'failed',
  'review',
  'refunded',
]);

/** One payment. For a cart it covers one order per store; also used for Pro subscriptions and live tips. */
export const checkouts = pgTable(
  'checkouts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    purpose: checkoutPurpose('purpose').notNull().default('orders'),
    buyerUserId: text('buyer_user_id').references(() => users.id, { onDelete: 'set null' }),
    email: text('email').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    /** What the provider reported as received so far (minor units of `currency`). */
    paidAmount: bigint('paid_amount', { mode: 'number' }).notNull().default(0),
    provider: text('provider').notNull(),
    /** The provider's id for the payment (Cregis `cregis_id`); null until the provider answered. */
    providerRef: text('provider_ref'),
    paymentUrl: text('payment_url'),
    status: checkoutStatus('status').notNull().default('pending'),
    reviewReason: text('review_reason'),
    /** Reservations are held until then; the provider's order expires at the same time. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Secret for a guest to open the order pages of this checkout (`?t=`). */
    accessToken: text('access_token').notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    lastReconciledAt: timestamp('last_reconciled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('checkouts_provider_provider_ref_idx').on(t.provider, t.providerRef),
    index('checkouts_status_expires_at_idx').on(t.status, t.expiresAt),
    index('checkouts_buyer_user_id_idx').on(t.buyerUserId),
    check('checkouts_amount_pos', sql`${t.amount} > 0 AND ${t.paidAmount} >= 0`),
  ],
);

export const orderStatus = pgEnum('order_status', [
  'pending_payment',
  'paid',
  'fulfilled',
  'delivered',
  'cancelled',
  'expired',
  'refunded',
]);

export type OrderContact = { name: string; email: string; phone?: string };
export type ShippingAddress = {
  line1: string;
  line2?: string;
  city: string;
  region?: string;
  postalCode?: string;
  country: string;
  notes?: string;
};
export type OrderDelivery = { optionId: string; kind: 'flat_rate' | 'free_over' | 'pickup'; label: string; details: string; price: number };

export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Human order number shown to people ("#1042"). */
    number: bigserial('number', { mode: 'number' }).notNull(),
    storeId: uuid('store_id')
      .notNull()
      .references(() => stores.id, { onDelete: 'restrict' }),
    checkoutId: uuid('checkout_id')
      .notNull()
      .references(() => checkouts.id, { onDelete: 'restrict' }),
    buyerUserId: text('buyer_user_id').references(() => users.id, { onDelete: 'set null' }),
    contact: jsonb('contact').$type<OrderContact>().notNull(),
    locale: text('locale').notNull().default('es'),
    status: orderStatus('status').notNull().default('pending_payment'),
    currency: char('currency', { length: 3 }).notNull(),
    subtotal: bigint('subtotal', { mode: 'number' }).notNull(),
    discount: bigint('discount', { mode: 'number' }).notNull().default(0),
    shippingFee: bigint('shipping_fee', { mode: 'number' }).notNull().default(0),
    total: bigint('total', { mode: 'number' }).notNull(),
    /** Platform commission on this order, fixed when it is paid. */
    commission: bigint('commission', { mode: 'number' }).notNull().default(0),
    refundedAmount: bigint('refunded_amount', { mode: 'number' }).notNull().default(0),
    delivery: jsonb('delivery').$type<OrderDelivery>().notNull(),
    shippingAddress: jsonb('shipping_address').$type<ShippingAddress>(),
    couponId: uuid('coupon_id').references(() => coupons.id, { onDelete: 'set null' }),
    couponCode: text('coupon_code'),
    carrier: text('carrier'),
    trackingNumber: text('tracking_number'),
    trackingUrl: text('tracking_url'),
    /** Media key of the PDF receipt, written by the receipts job once the order is paid. */
    receiptKey: text('receipt_key'),
    /** Seller funds of this order move from pending to available at this time (delivery or hold end). */
    fundsReleaseAt: timestamp('funds_release_at', { withTimezone: true }),
    fundsReleasedAt: timestamp('funds_released_at', { withTimezone: true }),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    fulfilledAt: timestamp('fulfilled_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('orders_number_idx').on(t.number),
    index('orders_store_id_status_created_at_idx').on(t.storeId, t.status, t.createdAt),
    index('orders_checkout_id_idx').on(t.checkoutId),
    index('orders_buyer_user_id_created_at_idx').on(t.buyerUserId, t.createdAt),
    index('orders_funds_release_at_idx').on(t.fundsReleaseAt),
    check(
      'orders_totals',
      sql`${t.subtotal} >= 0 AND ${t.discount} >= 0 AND ${t.shippingFee} >= 0 AND ${t.total} = ${t.subtotal} - ${t.discount} + ${t.shippingFee} AND ${t.refundedAmount} BETWEEN 0 AND ${t.total} AND ${t.commission} >= 0`,
    ),
  ],
);

/** A snapshot of what was bought: later edits to the product never change a past order. */
export const orderItems = pgTable(
  'order_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    productId: uuid('product_id').references(() => products.id, { onDelete: 'set null' }),
    variantId: uuid('variant_id').references(() => productVariants.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    options: jsonb('options').$type<Record<string, string>>().notNull().default({}),
    sku: text('sku'),
    unitPrice: bigint('unit_price', { mode: 'number' }).notNull(),
    qty: integer('qty').notNull(),
    lineTotal: bigint('line_total', { mode: 'number' }).notNull(),
  },
  (t) => [
    index('order_items_order_id_idx').on(t.orderId),
    check('order_items_line', sql`${t.qty} > 0 AND ${t.unitPrice} >= 0 AND ${t.lineTotal} = ${t.unitPrice} * ${t.qty}`),
  ],
);

/** The order's timeline, shown to buyer and seller. `kind` is a status name or a note ("payment_review", "refund"). */
export const orderEvents = pgTable(
  'order_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    actor: text('actor').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('order_events_order_id_at_idx').on(t.orderId, t.at)],
);

/** Units held for a pending payment. Exactly one of consumed_at / released_at is set once it is settled. */
export const stockReservations = pgTable(
  'stock_reservations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    variantId: uuid('variant_id')
      .notNull()
      .references(() => productVariants.id, { onDelete: 'cascade' }),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    qty: integer('qty').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
    releasedAt: timestamp('released_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('stock_reservations_order_id_variant_id_idx').on(t.orderId, t.variantId),
    index('stock_reservations_open_expires_at_idx').on(t.expiresAt).where(sql`consumed_at IS NULL AND released_at IS NULL`),
    check('stock_reservations_qty_pos', sql`${t.qty} > 0`),
    check('stock_reservations_settled_once', sql`${t.consumedAt} IS NULL OR ${t.releasedAt} IS NULL`),
  ],
);

// ── Provider callbacks and idempotency ──────────────────────────────────────────────────────────────────────────
/** Every provider callback that passed signature checks, once: UNIQUE(provider, dedupe_key) is the dedupe point. */
export const paymentEvents = pgTable(
  'payment_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provider: text('provider').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    eventType: text('event_type').notNull(),
    providerRef: text('provider_ref'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    outcome: text('outcome'),
  },
  (t) => [
    uniqueIndex('payment_events_provider_dedupe_key_idx').on(t.provider, t.dedupeKey),
    index('payment_events_provider_ref_idx').on(t.providerRef),
  ],
);

/** Replays of a mutation with the same key answer the stored response; the same key with another body is a CONFLICT. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    response: jsonb('response'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

// ── Subscriptions (Pro plan) ────────────────────────────────────────────────────────────────────────────────────
export const subscriptionStatus = pgEnum('subscription_status', ['pending', 'active', 'expired', 'cancelled']);

/** One row per paid period. The user's plan is Pro while an active period covers now. */
export const subscriptions = pgTable(
  'subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    planCode: planCode('plan_code').notNull(),
    status: subscriptionStatus('status').notNull().default('pending'),
    checkoutId: uuid('checkout_id').references(() => checkouts.id, { onDelete: 'set null' }),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    periodStart: timestamp('period_start', { withTimezone: true }),
    periodEnd: timestamp('period_end', { withTimezone: true }),
    reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('subscriptions_user_id_period_end_idx').on(t.userId, t.periodEnd),
    uniqueIndex('subscriptions_checkout_id_idx').on(t.checkoutId),
  ],
);

// ── Outbox (email, later push) ──────────────────────────────────────────────────────────────────────────────────
export const outboxKind = pgEnum('outbox_kind', ['email', 'push']);
export const outboxStatus = pgEnum('outbox_status', ['pending', 'sent', 'failed']);

/**
 * Written in the same transaction as the change it announces, delivered by a job. `dedupe_key` makes "send the
 * paid email for order X" happen once however often the code that asks for it runs.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: outboxKind('kind').notNull().default('email'),
    to: text('to').notNull(),
    template: text('template').notNull(),
    locale: text('locale').notNull().default('es'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    dedupeKey: text('dedupe_key'),
    status: outboxStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** Rendered at delivery; kept so the dev mail viewer shows exactly what was sent. */
    subject: text('subject'),
    bodyText: text('body_text'),
    bodyHtml: text('body_html'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('outbox_dedupe_key_idx').on(t.dedupeKey), index('outbox_status_created_at_idx').on(t.status, t.createdAt)],
);

export const cartsRelations = relations(carts, ({ many }) => ({ items: many(cartItems) }));
export const cartItemsRelations = relations(cartItems, ({ one }) => ({
  cart: one(carts, { fields: [cartItems.cartId], references: [carts.id] }),
  variant: one(productVariants, { fields: [cartItems.variantId], references: [productVariants.id] }),
}));
export const checkoutsRelations = relations(checkouts, ({ many }) => ({ orders: many(orders) }));
export const ordersRelations = relations(orders, ({ one, many }) => ({
  store: one(stores, { fields: [orders.storeId], references: [stores.id] }),
  checkout: one(checkouts, { fields: [orders.checkoutId], references: [checkouts.id] }),
  items: many(orderItems),
  events: many(orderEvents),
}));
export const orderItemsRelations = relations(orderItems, ({ one }) => ({
  order: one(orders, { fields: [orderItems.orderId], references: [orders.id] }),
}));
export const orderEventsRelations = relations(orderEvents, ({ one }) => ({
  order: one(orders, { fields: [orderEvents.orderId], references: [orders.id] }),
}));

export type Cart = typeof carts.$inferSelect;
export type CartItem = typeof cartItems.$inferSelect;
export type DeliveryOption = typeof deliveryOptions.$inferSelect;
export type Coupon = typeof coupons.$inferSelect;
export type Checkout = typeof checkouts.$inferSelect;
export type CheckoutStatus = Checkout['status'];
export type Order = typeof orders.$inferSelect;
export type OrderStatus = Order['status'];
export type OrderItem = typeof orderItems.$inferSelect;
export type OrderEvent = typeof orderEvents.$inferSelect;
export type PaymentEvent = typeof paymentEvents.$inferSelect;
export type Subscription = typeof subscriptions.$inferSelect;
export type OutboxMessage = typeof outbox.$inferSelect;
