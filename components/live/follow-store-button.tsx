'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';

type FollowState = { following: boolean; followers: number; signedIn: boolean };
type Labels = { follow: string; following: string };

/**
 * Plain fetches to the tRPC route (cached public pages do not ship the tRPC/TanStack client, like cart-client.ts):
 * `live.followState` (GET, never cached) and `live.follow` / `live.unfollow` (POST).
 */
async function call(path: string, init?: RequestInit): Promise<FollowState> {
  const res = await fetch(`/api/trpc/${path}`, { cache: 'no-store', credentials: 'same-origin', ...init, headers: { accept: 'application/json', ...init?.headers } });
  const body = (await res.json().catch(() => null)) as { result?: { data?: { json?: FollowState } }; error?: { json?: { data?: { code?: string } } } } | null;
  if (!res.ok || !body?.result?.data?.json) throw new Error(body?.error?.json?.data?.code ?? 'NETWORK');
  return body.result.data.json;
}

const signInHref = (nextPath: string) => `/ingresar?next=${encodeURIComponent(nextPath)}`;

/**
 * Follow / Following for a store on its cached page: the state is read in the browser after load, so the page stays
 * static. Until then (and for visitors who are not signed in, or without JS) it is a link to sign in that comes back
 * to `nextPath`. Labels come translated from the server component that renders it.
 */
export function FollowStoreButton({ storeId, nextPath, labels, className = '' }: { storeId: string; nextPath: string; labels: Labels; className?: string }) {
  const [state, setState] = useState<FollowState | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let alive = true;
    call(`live.followState?input=${encodeURIComponent(JSON.stringify({ json: { storeId } }))}`)
      .then((s) => alive && setState(s))
      .catch(() => {
        // Stays the sign-in link: following still works from there.
      });
    return () => {
      alive = false;
    };
  }, [storeId]);

  const base = `inline-flex h-11 items-center gap-2 rounded-full px-5 text-sm font-semibold transition focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-600 ${className}`;
  if (!state?.signedIn) {
    return (
      <Link href={signInHref(nextPath)} prefetch={false} className={`${base} bg-zinc-900 text-white hover:bg-zinc-700`} data-testid="follow-store">
        <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2.2} strokeLinecap="round" className="size-4" aria-hidden="true"><path d="M12 5v14M5 12h14" /></svg>
        {labels.follow}
      </Link>
    );
  }
  const toggle = async () => {
    setBusy(true);
    try {
      const path = state.following ? 'live.unfollow' : 'live.follow';
      setState(await call(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ json: { storeId } }) }));
    } catch (err) {
      // The session ended meanwhile: sign in again and come back.
      if (err instanceof Error && err.message === 'UNAUTHORIZED') window.location.assign(signInHref(nextPath));
    } finally {
      setBusy(false);
    }
  };
  return (
    <button
      type="button"
      onClick={() => void toggle()}
      disabled={busy}
      className={`${base} ${state.following ? 'bg-zinc-100 text-zinc-900 ring-1 ring-zinc-300 hover:bg-zinc-200' : 'bg-zinc-900 text-white hover:bg-zinc-700'} disabled:opacity-60`}
      data-testid="follow-store"
    >
      {state.following ? <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2.2} strokeLinecap="round" strokeLinejoin="round" className="size-4" aria-hidden="true"><path d="m5 12 5 5 9-10" /></svg> : <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2.2} strokeLinecap="round" className="size-4" aria-hidden="true"><path d="M12 5v14M5 12h14" /></svg>}
      {state.following ? labels.following : labels.follow}
    </button>
  );
}
