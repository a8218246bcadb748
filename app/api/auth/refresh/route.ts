import { refreshAndRedirect, refreshForClient } from '@/server/auth/session-routes';
import { limitedByIp } from '@/server/http/rate-limit';

export const GET = limitedByIp('refresh', 'refresh', refreshAndRedirect);
export const POST = limitedByIp('refresh', 'refresh', refreshForClient);
