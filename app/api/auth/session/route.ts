import { createSession, deleteSession } from '@/server/auth/session-routes';

export const POST = createSession;
export const DELETE = deleteSession;
