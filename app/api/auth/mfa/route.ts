import { mfaAction, mfaStatus } from '@/server/auth/mfa-routes';

export const dynamic = 'force-dynamic';

export const GET = (req: Request) => mfaStatus(req);
export const POST = (req: Request) => mfaAction(req);
