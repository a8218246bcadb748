import { handleLocalUpload } from '@/server/http/media';

export async function PUT(req: Request, { params }: { params: Promise<{ key: string[] }> }) {
  return handleLocalUpload(req, (await params).key);
}
