'use client';

import { useEffect } from 'react';
import { isBroadcastPage, isLivePage } from '@/server/http/security-headers';

const CHECKS = { broadcast: isBroadcastPage, live: isLivePage } as const;

/**
 * Content-Security-Policy and Permissions-Policy belong to the document the browser loaded, and a client-side
 * navigation keeps them. The live pages need their own (IVS and WebAssembly for the player; camera and microphone
 * for the broadcast studio, allowed on that path only), so when the document was loaded for another path — a tap
 * on a Link, the redirect after signing in — this reloads the same URL once, and the page gets its own headers.
 */
export function OwnDocumentHeaders({ page }: { page: keyof typeof CHECKS }) {
  useEffect(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    if (!nav) return;
    const loadedFor = new URL(nav.name).pathname;
    if (!CHECKS[page](loadedFor)) window.location.replace(window.location.href);
  }, [page]);
  return null;
}
