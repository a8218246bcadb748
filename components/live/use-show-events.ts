'use client';

import { useSubscription } from '@trpc/tanstack-react-query';
import { useTRPC } from '@/components/providers/trpc';
import type { ShowEvent } from '@/server/services/live/realtime';

/** The show's real-time events (SSE), resumed from `lastEventId` after a drop without loss or duplicates. */
export function useShowEvents(showId: string, lastEventId: string | null, onEvent: (e: ShowEvent) => void) {
  const trpc = useTRPC();
  useSubscription(trpc.live.events.subscriptionOptions({ showId, lastEventId }, { onData: ({ data }) => onEvent(data as ShowEvent) }));
}

/** Timed metadata (IVS) carries one message or a batch (JSON array); both paths end in the same pin handler. */
export function parseMetadata(text: string): Array<{ type: string; pinId?: string; productId?: string }> {
  try {
    const v = JSON.parse(text) as unknown;
    return (Array.isArray(v) ? v : [v]).filter((x): x is { type: string } => !!x && typeof x === 'object' && 'type' in x);
  } catch {
    return [];
  }
}
