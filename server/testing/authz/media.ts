import { authed, type Matrix } from './format';

export const matrix: Matrix = {
  'media.createUpload': authed(
    (f) => ({ storeId: f.victim.storeId, purpose: 'product', fileName: 'x.jpg', contentType: 'image/jpeg', bytes: 1000 }),
    { buyer: 'NOT_FOUND', otherSeller: 'NOT_FOUND' },
  ),
  'media.confirm': authed((f) => ({ mediaId: f.victim.mediaId }), { buyer: 'NOT_FOUND', otherSeller: 'NOT_FOUND' }),
};
