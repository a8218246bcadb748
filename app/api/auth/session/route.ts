import { createSession, deleteSession } from '@/server/auth/session-routes';
import { limitedByIp } from '@/server/http/rate-limit';

// Every sign-in and sign-up ends here (the Authenticator hands over Cognito's tokens): limited per IP.
export const POST = limitedByIp('signIn', 'session', createSession);
export const DELETE = deleteSession;
