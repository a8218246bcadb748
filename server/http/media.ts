import { Readable } from 'node:stream';
import { getMediaStorage } from '../adapters/media';
import type { LocalMediaStorage } from '../adapters/media/local';
import { receiveLocalUpload } from '../services/media/receive-upload';
import { errorBody } from '../errors/http';
import { localeOf } from '../errors/locale';

/**
 * HTTP side of local media (MEDIA_DRIVER=local): the signed-PUT receiver and the public file route.
 * With S3 both answer 404 — the browser talks to the bucket directly.
 */
function localMediaStorage(): LocalMediaStorage | null {
  const storage = getMediaStorage();
  // Not `instanceof`: the instance is cached on globalThis and Next.js may bundle this module more than once.
  return storage.driver === 'local' ? (storage as LocalMediaStorage) : null;
}

const notFound = (req: Request) =>
  Response.json({ ok: false, ...errorBody(localeOf(req.headers), 'NOT_FOUND', 'http.notFound') }, { status: 404, headers: { 'Cache-Control': 'no-store' } });

/** PUT /api/media/upload/<key>?exp&len&type&sig */
export async function handleLocalUpload(req: Request, keySegments: string[]): Promise<Response> {
  const storage = localMediaStorage();
  if (!storage) return notFound(req);
  const receipt = await receiveLocalUpload({
    storage,
    key: keySegments.join('/'),
    query: new URL(req.url).searchParams,
    contentType: req.headers.get('content-type'),
    contentLength: req.headers.get('content-length'),
    body: req.body,
  });
  return Response.json(receipt.body, { status: receipt.status, headers: { 'Cache-Control': 'no-store' } });
}

const CONTENT_TYPES: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

/** GET/HEAD /media/<key>: keys are content-unique, so a stored file never changes and may be cached forever. */
export async function serveLocalMedia(req: Request, keySegments: string[]): Promise<Response> {
  const storage = localMediaStorage();
  if (!storage) return notFound(req);
  const key = keySegments.join('/');
  const contentType = CONTENT_TYPES[key.slice(key.lastIndexOf('.') + 1)];
  if (!contentType || !storage.pathFor(key)) return notFound(req);
  const stat = await storage.statObject(key);
  if (!stat) return notFound(req);

  const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
  const headers = new Headers({
    'Content-Type': contentType,
    'Cache-Control': 'public, max-age=31536000, immutable',
    ETag: etag,
    'X-Content-Type-Options': 'nosniff',
  });
  const ifNoneMatch = req.headers.get('if-none-match');
  if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim() === etag || t.trim() === `W/${etag}` || t.trim() === '*')) {
    return new Response(null, { status: 304, headers });
  }
  headers.set('Content-Length', String(stat.size));
  if (req.method === 'HEAD') return new Response(null, { status: 200, headers });
  const body = Readable.toWeb(storage.readStream(key)) as ReadableStream<Uint8Array>;
  return new Response(body, { status: 200, headers });
}
