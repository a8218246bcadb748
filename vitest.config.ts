import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // .tsx imported by a test compiles with React's automatic JSX runtime, as Next compiles it (tsconfig says "preserve").
  esbuild: { jsx: 'automatic' },
  resolve: { alias: { '@': path.resolve(__dirname), 'server-only': path.resolve(__dirname, 'server/testing/server-only-stub.ts') } },
  test: {
    include: ['server/**/*.test.ts', 'scripts/**/*.test.ts', 'amplify/**/*.test.ts', 'components/**/*.test.ts'],
    globalSetup: ['server/testing/global-setup.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    env: { NODE_ENV: 'test', LOG_LEVEL: 'silent', COGNITO_USER_POOL_ID: 'local_test', COGNITO_CLIENT_ID: 'test-client', APP_URL: 'http://127.0.0.1:3999' },
  },
});
