import { handleReceiptDownload } from '@/server/http/receipts';

export const dynamic = 'force-dynamic';

export async function GET(req: Request, { params }: { params: Promise<{ orderId: string }> }) {
  return handleReceiptDownload(req, (await params).orderId);
}
