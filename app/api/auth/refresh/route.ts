import { refreshAndRedirect, refreshForClient } from '@/server/auth/session-routes';

export const GET = refreshAndRedirect;
export const POST = refreshForClient;
