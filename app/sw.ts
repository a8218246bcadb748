/// <reference lib="webworker" />
/**
 * VITA's service worker (Serwist, bundled by @serwist/next in the webpack build; served at /sw.js by
 * app/sw.js/route.ts; not built in `next dev`).
 *
 * - Precaches the app shell (Next's static chunks, CSS, fonts) and the offline page.
 * - Public, identical-for-everyone pages (marketplace home, category, store and product pages, es and en) are
 *   stale-while-revalidate: they open instantly and offline, and refresh in the background.
 * - Images (next/image, /media) are stale-while-revalidate with an expiry.
 * - NEVER cached: anything authenticated or personal — tRPC and every /api route, the dashboard, cart, checkout,
 *   orders, messages, sign-in, admin — and any non-GET. Those go to the network; a navigation that fails offline
 *   gets the offline page.
 * - Web Push: shows the notification the server sent (server/services/push) and opens its URL on click.
 */
import type { PrecacheEntry, SerwistGlobalConfig } from 'serwist';
import { CacheableResponsePlugin, CacheFirst, ExpirationPlugin, NetworkOnly, Serwist, StaleWhileRevalidate } from 'serwist';

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

/** Same list as server/i18n/paths.ts (bilingual public pages), with the /en prefix allowed. */
const PUBLIC_PAGE = [/^(\/en)?\/?$/, /^(\/en)?\/s\/[^/]+$/, /^(\/en)?\/s\/[^/]+\/p\/[^/]+$/, /^(\/en)?\/c\/[^/]+$/];
/** Never from a cache, whatever the request looks like. */
const PRIVATE = /^\/(api|dashboard|carrito|checkout|pedidos|mensajes|ingresar|admin|dev|cuenta|equipo|sw\.js)(\/|$)/;

const isRsc = (req: Request) => req.headers.get('RSC') === '1' || new URL(req.url).searchParams.has('_rsc');

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  // A new version waits until the person accepts the "new version" prompt (components/pwa/sw-updates.tsx).
  skipWaiting: false,
  clientsClaim: true,
  navigationPreload: true,
  disableDevLogs: true,
  runtimeCaching: [
    {
      matcher: ({ url, request, sameOrigin }) => !sameOrigin || request.method !== 'GET' || PRIVATE.test(url.pathname) || isRsc(request),
      handler: new NetworkOnly(),
    },
    {
      matcher: ({ url, request }) => request.mode === 'navigate' && PUBLIC_PAGE.some((re) => re.test(url.pathname)) && url.search === '',
      handler: new StaleWhileRevalidate({
        cacheName: 'vita-pages',
        plugins: [new CacheableResponsePlugin({ statuses: [200] }), new ExpirationPlugin({ maxEntries: 80, maxAgeSeconds: 7 * 24 * 3600 })],
      }),
    },
    {
      matcher: ({ url }) => url.pathname.startsWith('/_next/image') || url.pathname.startsWith('/media/'),
      handler: new StaleWhileRevalidate({
        cacheName: 'vita-images',
        plugins: [new CacheableResponsePlugin({ statuses: [200] }), new ExpirationPlugin({ maxEntries: 300, maxAgeSeconds: 30 * 24 * 3600, purgeOnQuotaError: true })],
      }),
    },
    {
      matcher: ({ url }) => url.pathname.startsWith('/_next/static/') || url.pathname.startsWith('/icons/'),
      handler: new CacheFirst({ cacheName: 'vita-static', plugins: [new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 365 * 24 * 3600 })] }),
    },
    // Everything else (search, manifest, …): network; a failed navigation falls back to the offline page.
    { matcher: () => true, handler: new NetworkOnly() },
  ],
  fallbacks: {
    entries: [{ url: '/offline', matcher: ({ request }) => request.destination === 'document' }],
  },
});

serwist.addEventListeners();

type PushPayload = { title: string; body?: string; url?: string; tag?: string; icon?: string };

self.addEventListener('push', (event) => {
  let data: PushPayload = { title: 'VITA' };
  try {
    data = { ...data, ...(event.data?.json() as PushPayload) };
  } catch {
    if (event.data) data.body = event.data.text();
  }
  event.waitUntil(
    self.registration.showNotification(data.title, {
      body: data.body,
      tag: data.tag,
      icon: data.icon ?? '/icons/icon-192.png',
      badge: '/icons/badge-96.png',
      data: { url: data.url ?? '/' },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = new URL((event.notification.data as { url?: string } | null)?.url ?? '/', self.location.origin);
  if (target.origin !== self.location.origin) return;
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const open = windows.find((w) => new URL(w.url).pathname === target.pathname);
      if (open) return open.focus();
      return self.clients.openWindow(target.href);
    })(),
  );
});
