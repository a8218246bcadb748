import { defineStorage } from '@aws-amplify/backend';

/**
 * The app uploads through presigned URLs issued by the server and hands out object URLs itself, so
 * client roles only need `get` (not `read`, which adds s3:ListBucket and would let anyone enumerate
 * every user's keys). A signed-in user may write and delete under their own identity prefix only.
 */
export const storage = defineStorage({
  name: 'vitaMedia',
  access: (allow) => ({
    'public/stores/*': [allow.guest.to(['get']), allow.authenticated.to(['get'])],
    'media/{entity_id}/*': [
      allow.guest.to(['get']),
      allow.authenticated.to(['get']),
      allow.entity('identity').to(['read', 'write', 'delete']),
    ],
  }),
});
