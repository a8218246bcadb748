import { createSession, deleteSession } from '@/server/auth/session-routes';
import { limitedByIp } from '@/server/http/rate-limit';
import { withRequestLog } from '@/server/observability/request-log';

// Every sign-in and sign-up ends here (the Authenticator hands over Cognito's tokens): limited per IP.
export const POST = withRequestLog('auth.session', limitedByIp('signIn', 'session', createSession));
export const DELETE = withRequestLog('auth.session', deleteSession);
