import { getDb } from '@/server/db/client';
import { getLiveOffers } from '@/server/services/catalog/get-live-offers';
import { ZLiveOffersInput } from '@/server/services/catalog/schemas';
import { errorBody } from '@/server/errors/http';
import { localeOf } from '@/server/errors/locale';

/**
 * GET /api/live-offers?ids=<uuid>,<uuid>… — exact price and stock for the islands on cached pages.
 * Same service as the `catalog.liveOffers` procedure, as a plain GET that says `no-store` explicitly, so no CDN
 * in front of the host ever keeps a copy.
 */
export const dynamic = 'force-dynamic';

const NO_STORE = { 'cache-control': 'no-store' };

export async function GET(req: Request) {
  const ids = (new URL(req.url).searchParams.get('ids') ?? '').split(',').filter(Boolean);
  const parsed = ZLiveOffersInput.safeParse({ productIds: ids });
  if (!parsed.success) {
    return Response.json(errorBody(localeOf(req.headers), 'BAD_REQUEST', 'http.invalidProductList'), { status: 400, headers: NO_STORE });
  }
  const offers = await getLiveOffers({ db: getDb(), input: parsed.data });
  return Response.json({ offers }, { headers: NO_STORE });
}
