import crypto from 'node:crypto';
import { authed, open, seller, type Matrix } from './format';

/** A show id no one has: show-scoped calls must answer NOT_FOUND to everyone outside the show's store. */
const noShow = () => crypto.randomUUID();
const ALL_NOT_FOUND = { anon: 'NOT_FOUND', buyer: 'NOT_FOUND', otherSeller: 'NOT_FOUND' } as const;

/**
 * Live selling: the show page, its events, presence and follows are public; chat, tips and follows need a session;
 * everything on the seller side is the store's members' (live.manage; chat moderation is chat.reply, staff included).
 */
export const matrix: Matrix = {
  'live.show': open(() => ({ slug: 'noexiste01' })),
  'live.events': open(() => ({ showId: noShow(), lastEventId: null })),
  'live.product': open((f) => ({ showId: noShow(), productId: f.victim.productId }), { expect: ALL_NOT_FOUND, note: 'no such show' }),
  'live.heartbeat': open(() => ({ showId: noShow(), viewerKey: 'viewer-key-01' }), { expect: ALL_NOT_FOUND, note: 'no such show' }),
  'live.followState': open((f) => ({ storeId: f.victim.storeId })),
  'live.storeShows': open((f) => ({ storeId: f.victim.storeId })),
  'live.sendChat': authed(() => ({ showId: noShow(), body: 'hola' }), { buyer: 'NOT_FOUND', otherSeller: 'NOT_FOUND' }),
  'live.tip': authed(() => ({ showId: noShow(), amount: 500 }), { buyer: 'NOT_FOUND', otherSeller: 'NOT_FOUND' }),
  'live.tipStatus': authed(() => ({ checkoutId: crypto.randomUUID() }), { buyer: 'NOT_FOUND', otherSeller: 'NOT_FOUND' }),
  'live.follow': authed((f) => ({ storeId: f.victim.storeId }), { buyer: 'ALLOWED', otherSeller: 'ALLOWED' }),
  'live.unfollow': authed((f) => ({ storeId: f.victim.storeId }), { buyer: 'ALLOWED', otherSeller: 'ALLOWED' }),

  'liveSeller.list': seller('live.manage', (f) => ({ storeId: f.victim.storeId }), { crossTenant: (_f, own) => ({ storeId: own.storeId }), crossTenantExpect: 'ALLOWED' }),
  'liveSeller.schedule': seller('live.manage', (f) => ({ storeId: f.victim.storeId, title: 'Show intruso', scheduledAt: new Date(Date.now() + 3_600_000), productIds: [f.victim.productId] })),
  'liveSeller.get': seller('live.manage', (f) => ({ storeId: f.victim.storeId, showId: noShow() }), { crossTenant: (_f, own) => ({ storeId: own.storeId, showId: noShow() }) }),
  'liveSeller.cancel': seller('live.manage', (f) => ({ storeId: f.victim.storeId, showId: noShow() }), { crossTenant: (_f, own) => ({ storeId: own.storeId, showId: noShow() }) }),
  'liveSeller.arm': seller('live.manage', (f) => ({ storeId: f.victim.storeId, showId: noShow() }), { crossTenant: (_f, own) => ({ storeId: own.storeId, showId: noShow() }) }),
  'liveSeller.streamSetup': seller('live.manage', (f) => ({ storeId: f.victim.storeId })),
  'liveSeller.createChannel': seller('live.manage', (f) => ({ storeId: f.victim.storeId })),
  'liveSeller.rotateKey': seller('live.manage', (f) => ({ storeId: f.victim.storeId })),
  'liveSeller.pin': seller('live.manage', (f) => ({ storeId: f.victim.storeId, showId: noShow(), productId: f.victim.productId }), {
    crossTenant: (f, own) => ({ storeId: own.storeId, showId: noShow(), productId: f.victim.productId }),
  }),
  'liveSeller.unpin': seller('live.manage', (f) => ({ storeId: f.victim.storeId, showId: noShow() }), { crossTenant: (_f, own) => ({ storeId: own.storeId, showId: noShow() }) }),
  'liveSeller.deleteMessage': seller('chat.reply', (f) => ({ storeId: f.victim.storeId, showId: noShow(), messageId: 1 }), { crossTenant: (_f, own) => ({ storeId: own.storeId, showId: noShow(), messageId: 1 }) }),
  'liveSeller.ban': seller('chat.reply', (f) => ({ storeId: f.victim.storeId, showId: noShow(), messageId: 1 }), { crossTenant: (_f, own) => ({ storeId: own.storeId, showId: noShow(), messageId: 1 }) }),
};
