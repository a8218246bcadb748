import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Serves the service worker that @serwist/next bundled into <distDir>/serwist/sw.js during `next build`.
 * It lives in the build's own dist dir (not public/), so two builds in one working tree (dev, e2e, bench) never
 * hand a browser a worker whose precache list belongs to another build. 404 in `next dev` (no worker there).
 */
export const dynamic = 'force-dynamic';

export async function GET() {
  const file = path.join(process.cwd(), process.env.NEXT_DIST_DIR || '.next', 'serwist', 'sw.js');
  try {
    const body = await fs.readFile(file);
    return new Response(body, {
      headers: {
        'Content-Type': 'application/javascript; charset=utf-8',
        // The browser checks for a new worker on every navigation; never serve it from an HTTP cache.
        'Cache-Control': 'no-cache, no-store, must-revalidate',
        'Service-Worker-Allowed': '/',
      },
    });
  } catch {
    return new Response('// no service worker in this build', { status: 404, headers: { 'Content-Type': 'application/javascript', 'Cache-Control': 'no-store' } });
  }
}
