'use client';

import { useEffect, useSyncExternalStore } from 'react';
import { getLiveOffer, requestLiveOffers, subscribeLiveOffers, type LiveOffer } from './live-offers-client';

/** The live offer of one product (undefined until loaded); refreshed when the tab becomes visible again. */
export function useLiveOffer(productId: string): LiveOffer | null | undefined {
  useEffect(() => {
    requestLiveOffers([productId]);
    const onVisible = () => {
      if (document.visibilityState === 'visible') requestLiveOffers([productId], { force: true });
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [productId]);
  return useSyncExternalStore(
    subscribeLiveOffers,
    () => getLiveOffer(productId),
    () => undefined,
  );
}
