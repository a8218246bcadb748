import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { newSandboxProject, startCregisSandbox } from '../../../scripts/local/cregis-sandbox';
import { setPaymentProviderForTests } from '../../adapters/payments';
import { createCregisProvider } from '../../adapters/payments/cregis';
import type { SessionUser } from '../../auth/session';
import type { Db } from '../../db/client';
import { checkouts, orders, payouts, productVariants, storeMembers, stores } from '../../db/schema';
import { recordingBackground } from '../../services/chat/background';
import { startConversation } from '../../services/chat/messaging';
import { insertOrderFixture } from '../../services/orders/order-fixtures';
import { inviteMember } from '../../services/team/invitations';
import type { StoreRole } from '../../services/team/permissions';
import { callerFor } from '../caller';
import { createTestUser } from '../db';

/** One seller's objects. */
export type OwnWorld = {
  owner: SessionUser;
  storeId: string;
  storeSlug: string;
  productId: string;
  productSlug: string;
  variantId: string;
  couponId: string;
  couponCode: string;
  deliveryOptionId: string;
  orderId: string;
  checkoutId: string;
  checkoutToken: string;
};

export type AuthzFixtures = {
  /** The store everybody else attacks, with a paid order of `victimBuyer`, a pending photo and a payout. */
  victim: OwnWorld & {
    buyer: SessionUser;
    buyerName: string;
    mediaId: string;
    payoutId: string;
    payoutAddress: string;
    /** Members of the victim store, for the permission checks. */
    members: Record<Exclude<StoreRole, 'owner'>, SessionUser>;
    /** An open invitation of the victim store to `invitedEmail`, and its link token. */
    invitationId: string;
    invitationToken: string;
    invitedEmail: string;
    /** A chat conversation of `buyer` with the victim store, and the text of its first message. */
    conversationId: string;
    chatSecret: string;
  };
  /** The "seller of another store" actor's own world. */
  other: OwnWorld;
  /** A signed-in buyer with no store and no orders. */
  buyer: SessionUser;
  admin: SessionUser;
  /** Strings of the victim world no other actor may ever read. */
  privateValues: string[];
};

/** Local media in a temp dir with a throw-away signing secret; call before anything reads env(). */
export function prepareAuthzEnv(): void {
  process.env.MEDIA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'vita-authz-media-'));
  process.env.MEDIA_SIGNING_SECRET ??= crypto.randomBytes(32).toString('hex');
}

/** The local Cregis sandbox as the payment provider (billing.upgrade, payouts reach a real local part). */
export async function startAuthzPayments(): Promise<() => Promise<void>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vita-authz-cregis-'));
  const checkout = newSandboxProject();
  const payout = newSandboxProject();
  const sandbox = await startCregisSandbox({ port: 0, stateFile: path.join(dir, 'state.json'), checkout, payout, log: () => {} });
  setPaymentProviderForTests(createCregisProvider({ baseUrl: sandbox.url, pid: checkout.pid, apiKey: checkout.apiKey, callbackMaxAgeS: 300 }));
  return async () => {
    setPaymentProviderForTests(undefined);
    await sandbox.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

let n = 0;
const tag = () => `${Date.now().toString(36)}${(n++).toString(36)}${crypto.randomBytes(2).toString('hex')}`;

async function sellerWorld(db: Db, label: string, buyer?: { name: string; email: string; userId?: string }): Promise<OwnWorld> {
  const owner = await createTestUser(db, { email: `${label}-owner-${tag()}@authz.vita` });
  const api = callerFor(db, owner);
  const store = await api.store.create({ name: `Tienda ${label}`, slug: `${label}-${tag()}`.toLowerCase(), currency: 'PEN' });
  const product = await api.product.create({
    storeId: store.id,
    title: `Chompa ${label}`,
    price: 18900,
    currency: 'PEN',
    variants: [{ options: {}, stock: 20 }],
  });
  const [variant] = await db.select({ id: productVariants.id }).from(productVariants).where(eq(productVariants.productId, product.id));
  const couponCode = `PRIV${tag()}`.toUpperCase().slice(0, 30);
  const coupon = await api.commerceSettings.createCoupon({ storeId: store.id, code: couponCode, kind: 'percent', value: 10 });
  const option = await api.commerceSettings.createDeliveryOption({ storeId: store.id, kind: 'flat_rate', label: 'Envío Lima', price: 1000 });
  const order = await insertOrderFixture(db, {
    storeId: store.id,
    currency: 'PEN',
    lines: [{ variantId: variant!.id, qty: 1 }],
    buyer: buyer ?? { name: `Comprador ${label}`, email: `${label}-buyer-${tag()}@authz.vita` },
  });
  if (buyer?.userId) {
    await db.update(orders).set({ buyerUserId: buyer.userId }).where(eq(orders.id, order.id));
    await db.update(checkouts).set({ buyerUserId: buyer.userId }).where(eq(checkouts.id, order.checkoutId!));
  }
  const [checkout] = await db.select({ id: checkouts.id, token: checkouts.accessToken }).from(checkouts).where(eq(checkouts.id, order.checkoutId!));
  return {
    owner,
    storeId: store.id,
    storeSlug: store.slug,
    productId: product.id,
    productSlug: product.slug,
    variantId: variant!.id,
    couponId: (coupon as { id: string }).id,
    couponCode,
    deliveryOptionId: (option as { id: string }).id,
    orderId: order.id,
    checkoutId: checkout!.id,
    checkoutToken: checkout!.token,
  };
}

/** Builds the whole world the matrix and the fuzz suites attack. */
export async function buildAuthzFixtures(db: Db): Promise<AuthzFixtures> {
  const victimBuyer = await createTestUser(db, { email: `victim-buyer-${tag()}@authz.vita` });
  const buyerName = `Rosa Privada ${tag()}`;
  const victim = await sellerWorld(db, 'victima', { name: buyerName, email: victimBuyer.email, userId: victimBuyer.id });
  const other = await sellerWorld(db, 'otra');
  const buyer = await createTestUser(db, { email: `buyer-${tag()}@authz.vita` });
  const admin = await createTestUser(db, { email: `admin-${tag()}@authz.vita`, groups: ['admins'] });

  const members = {
    manager: await createTestUser(db, { email: `victim-manager-${tag()}@authz.vita` }),
    staff: await createTestUser(db, { email: `victim-staff-${tag()}@authz.vita` }),
  };
  for (const [role, user] of Object.entries(members)) {
    await db.insert(storeMembers).values({ storeId: victim.storeId, userId: user.id, role: role as StoreRole, invitedBy: victim.owner.id });
  }

  const invitedEmail = `invited-${tag()}@authz.vita`;
  const [victimStore] = await db.select().from(stores).where(eq(stores.id, victim.storeId));
  const invitation = await inviteMember({ db, store: victimStore!, inviter: victim.owner, input: { storeId: victim.storeId, email: invitedEmail, role: 'staff', locale: 'es' } });

  const chatSecret = `Mi dirección privada ${tag()}`;
  const chat = await startConversation({
    db,
    userId: victimBuyer.id,
    input: { storeId: victim.storeId, productId: victim.productId, body: chatSecret, clientId: `authz-${tag()}` },
    background: recordingBackground(),
  });

  const upload = await callerFor(db, victim.owner).media.createUpload({
    storeId: victim.storeId,
    purpose: 'product',
    fileName: 'privada.jpg',
    contentType: 'image/jpeg',
    bytes: 1000,
  });
  const payoutAddress = `T${crypto.randomBytes(24).toString('base64url').replace(/[^1-9A-HJ-NP-Za-km-z]/g, 'A').slice(0, 33).padEnd(33, 'A')}`;
  const [payout] = await db
    .insert(payouts)
    .values({
      storeId: victim.storeId,
      requestedBy: victim.owner.id,
      amount: 5000,
      currency: 'PEN',
      destination: { network: 'USDT-TRC20', address: payoutAddress },
      provider: 'cregis',
      status: 'requested',
    })
    .returning({ id: payouts.id });

  return {
    victim: {
      ...victim,
      buyer: victimBuyer,
      buyerName,
      mediaId: upload.mediaId,
      payoutId: payout!.id,
      payoutAddress,
      members,
      invitationId: invitation.invitation.id,
      invitationToken: invitation.token,
      invitedEmail,
      conversationId: chat.conversation.id,
      chatSecret,
    },
    other,
    buyer,
    admin,
    privateValues: [
      victim.owner.id,
      victim.owner.email,
      victimBuyer.id,
      victimBuyer.email,
      buyerName,
      victim.orderId,
      victim.checkoutId,
      victim.checkoutToken,
      victim.couponId,
      victim.couponCode,
      victim.deliveryOptionId,
      upload.mediaId,
      payout!.id,
      payoutAddress,
      members.manager.email,
      members.staff.email,
      invitedEmail,
      invitation.invitation.id,
      invitation.token,
      chat.conversation.id,
      chatSecret,
    ],
  };
}
