import { confirmMedia } from '../services/media/confirm-media';
import { createUpload } from '../services/media/create-upload';
import { ZConfirmMediaInput, ZCreateUploadInput } from '../services/media/schemas';
import { authedProcedure, createTRPCRouter, rateLimit } from '../trpc/init';

export const mediaRouter = createTRPCRouter({
  createUpload: authedProcedure
    .input(ZCreateUploadInput)
    .use(rateLimit('upload'))
    .mutation(({ ctx, input }) => createUpload({ db: ctx.db, userId: ctx.user.id, input })),

  confirm: authedProcedure
    .input(ZConfirmMediaInput)
    .mutation(({ ctx, input }) => confirmMedia({ db: ctx.db, userId: ctx.user.id, mediaId: input.mediaId })),
});
