/**
 * Security headers for every page and API answer (composed by the root middleware and next.config.mjs headers()).
 * Edge-safe: no Node APIs, reads process.env directly (server/env.ts is Node-only).
 *
 * Content-Security-Policy, two shapes:
 *  - per-request pages (dashboard, cart, checkout, orders, sign-in, invitations, admin, search, dev mail): a fresh
 *    nonce per request, `script-src 'nonce-…' 'strict-dynamic'` — no inline script runs unless Next rendered it with
 *    the nonce (Next reads the nonce from the request's CSP header and puts it on its own scripts).
 *  - cached pages (marketplace, stores, products, categories, their /en variants, offline): their HTML is rendered
 *    once and served to everyone, so it cannot carry a per-request nonce, and App Router puts the page's RSC payload
 *    in inline `self.__next_f.push(…)` scripts whose content differs per page and per ISR regeneration — no fixed
 *    hash list can cover them. These get `script-src 'self' 'unsafe-inline'` (scripts only from our origin, with
 *    Subresource Integrity on every chunk via `experimental.sri`), and everything else as strict as the dynamic
 *    pages: no plugins, no <base>, no framing, forms only to us, connections only to the allow-list.
 *  The root layout's one constant inline script (the theme, components/ui/theme-script.ts) runs before any nonce
 *  could reach the static layout, so per-request pages allow it by its SHA-256 hash (hashes are honoured next to
 *  'strict-dynamic'). Cached pages must NOT list it: a hash in script-src makes browsers ignore 'unsafe-inline',
 *  which would block the RSC payload scripts; 'unsafe-inline' already lets it run there.
 * Everything else: HSTS (https only), nosniff, Referrer-Policy, frame-ancestors 'none' + X-Frame-Options DENY,
 * COOP, and a Permissions-Policy that turns camera and microphone on only on the live broadcast studio.
 */

import { THEME_SCRIPT } from '@/components/ui/theme-script';
import { sha256Base64 } from './sha256';

export type PageKind = 'dynamic' | 'cached';

/** Per-request pages: strict nonce CSP. Anything not listed is treated as cached (the safe direction for a miss). */
const DYNAMIC_PREFIXES = ['/dashboard', '/admin', '/carrito', '/checkout', '/pedidos', '/ingresar', '/invitacion', '/buscar', '/dev', '/cuenta'];

export function pageKind(pathname: string): PageKind {
  return DYNAMIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`)) ? 'dynamic' : 'cached';
}

/** The browser live studio (H-LIVE): the only page allowed to use camera and microphone. */
const BROADCAST_PAGE = /^\/dashboard\/tiendas\/[^/]+\/en-vivo(?:\/|$)/;
/** Pages that run the IVS player (WebAssembly) or the broadcast SDK. */
const LIVE_PAGE = /^(?:\/en)?\/live(?:\/|$)|^\/s\/[^/]+\/en-vivo(?:\/|$)|\/en-vivo(?:\/|$)/;

export function isBroadcastPage(pathname: string): boolean {
  return BROADCAST_PAGE.test(pathname);
}

/** Pages whose CSP lets the IVS player in (its origins, WebAssembly). */
export function isLivePage(pathname: string): boolean {
  return LIVE_PAGE.test(pathname);
}

function origin(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** Origins the browser talks to besides our own: Cognito, the media bucket, IVS, the local HLS server. */
export function externalOrigins(env: NodeJS.ProcessEnv = process.env) {
  const cognito =
    origin(env.COGNITO_ENDPOINT) ??
    (env.COGNITO_REGION ? `https://cognito-idp.${env.COGNITO_REGION}.amazonaws.com` : null);
  const media = origin(env.MEDIA_PUBLIC_BASE_URL);
  // Presigned PUTs go straight to the bucket (regional virtual-hosted URL).
  const bucket = env.MEDIA_DRIVER === 's3' && env.MEDIA_BUCKET ? `https://${env.MEDIA_BUCKET}.s3.${env.MEDIA_REGION ?? 'us-east-1'}.amazonaws.com` : null;
  const hls = origin(env.LIVE_HLS_BASE_URL);
  return { cognito, media, bucket, hls };
}

let themeHash: string | undefined;
/** The CSP source allowing the root layout's theme script (computed once, from the text the layout renders). */
export function themeScriptSource(): string {
  themeHash ??= `'sha256-${sha256Base64(THEME_SCRIPT)}'`;
  return themeHash;
}

export function contentSecurityPolicy(opts: { kind: PageKind; nonce?: string; pathname: string; dev?: boolean; https?: boolean; env?: NodeJS.ProcessEnv }): string {
  const o = externalOrigins(opts.env);
  const live = LIVE_PAGE.test(opts.pathname);
  const ivs = ['https://*.live-video.net', 'wss://*.live-video.net'];
  const script =
    opts.kind === 'dynamic' && opts.nonce
      ? [`'nonce-${opts.nonce}'`, "'strict-dynamic'", themeScriptSource()]
      : ["'self'", "'unsafe-inline'"];
  if (live) script.push("'wasm-unsafe-eval'");
  // React Refresh / webpack HMR in `next dev` evaluate code.
  if (opts.dev) script.push("'unsafe-eval'");
  const directives: Record<string, (string | null)[]> = {
    'default-src': ["'self'"],
    'script-src': script,
    // Inline style attributes (React `style={…}`, next/image placeholders, Amplify UI) — not a script vector.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', o.media, o.bucket],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", o.cognito, o.bucket, o.media, ...(live ? [...ivs, o.hls] : []), ...(opts.dev ? ['ws:'] : [])],
    'media-src': ["'self'", 'blob:', o.media, ...(live ? ['https://*.live-video.net', o.hls] : [])],
    'worker-src': ["'self'", 'blob:'],
    'manifest-src': ["'self'"],
    'frame-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
  };
  const parts = Object.entries(directives).map(([k, v]) => `${k} ${[...new Set(v.filter(Boolean))].join(' ')}`);
  if (opts.https) parts.push('upgrade-insecure-requests');
  return parts.join('; ');
}

const PERMISSIONS_OFF = ['accelerometer', 'autoplay=(self)', 'display-capture', 'geolocation', 'gyroscope', 'magnetometer', 'midi', 'payment', 'usb', 'browsing-topics', 'interest-cohort'];

export function permissionsPolicy(pathname: string): string {
  const av = isBroadcastPage(pathname) ? ['camera=(self)', 'microphone=(self)'] : ['camera=()', 'microphone=()'];
  return [...av, ...PERMISSIONS_OFF.map((p) => (p.includes('=') ? p : `${p}=()`)), 'fullscreen=(self)', 'picture-in-picture=(self)'].join(', ');
}

/** Headers every answer carries (pages and API). HSTS only over https: browsers ignore it on http anyway. */
export function baseSecurityHeaders(opts: { https: boolean; pathname: string }): Record<string, string> {
  const h: Record<string, string> = {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': permissionsPolicy(opts.pathname),
  };
  // Browsers ignore HSTS received over http (RFC 6797), so local http dev is unaffected.
  if (opts.https) h['Strict-Transport-Security'] = 'max-age=63072000; includeSubDomains';
  return h;
}

/** A random nonce (16 bytes, base64) with Web Crypto (Edge and Node). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/** Whether the deployment is served over https: the request's protocol, or the proxy's forwarded one. */
export function isHttps(req: { url: string; headers: Headers }): boolean {
  const forwarded = req.headers.get('x-forwarded-proto');
  if (forwarded) return forwarded.split(',')[0]!.trim() === 'https';
  return new URL(req.url).protocol === 'https:';
}
