/** The real-time channel of one show: status changes, pins, chat, tips, deletions (server/realtime). */
export const showChannel = (showId: string) => `show:${showId}`;

/** What a viewer's subscription receives, by event kind. */
export type ShowEvent =
  | { kind: 'status'; payload: { status: 'live' | 'ended'; startedAt: string | null; endedAt: string | null } }
  | { kind: 'pin'; payload: LivePinPayload | null }
  | { kind: 'chat'; payload: LiveChatPayload }
  | { kind: 'chat.deleted'; payload: { ids: number[] } }
  | { kind: 'replay'; payload: { ready: boolean } };

/** `card` carries what the pinned card shows first (title, price), so viewers see it without a second request. */
export type LivePinPayload = { pinId: string; productId: string; pinnedAt: string; card?: { title: string; priceMin: number; currency: string } };
export type LiveChatPayload = {
  id: number;
  kind: 'message' | 'tip';
  author: string;
  body: string;
  tipAmount: number | null;
  currency: string | null;
  at: string;
};
