import { serveLocalMedia } from '@/server/http/media';

async function handler(req: Request, { params }: { params: Promise<{ key: string[] }> }) {
  return serveLocalMedia(req, (await params).key);
}

export { handler as GET, handler as HEAD };
