import { handleLocalUpload } from '@/server/http/media';
import { limitedByIp } from '@/server/http/rate-limit';

export const PUT = limitedByIp('upload', 'put', async (req: Request, { params }: { params: Promise<{ key: string[] }> }) => handleLocalUpload(req, (await params).key));
