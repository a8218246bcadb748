import { env } from '../../env';

export type VapidKeys = { publicKey: string; privateKey: string; subject: string };

/** The VAPID keys from the environment, or null when push is not configured (then nothing is queued or sent). */
export function vapidKeys(): VapidKeys | null {
  const e = env();
  if (!e.VAPID_PUBLIC_KEY || !e.VAPID_PRIVATE_KEY) return null;
  return { publicKey: e.VAPID_PUBLIC_KEY, privateKey: e.VAPID_PRIVATE_KEY, subject: e.VAPID_SUBJECT };
}
