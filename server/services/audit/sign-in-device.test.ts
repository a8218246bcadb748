import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { createTestUser, testDb } from '../../testing/db';
import { deviceLabel, networkOf, recordSignInDevice } from './sign-in-device';

const db = testDb();
const ANDROID = 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';
const MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';

describe('sign-in from a new device', () => {
  it('labels devices coarsely', () => {
    expect(deviceLabel(ANDROID)).toBe('Chrome · Android');
    expect(deviceLabel(MAC)).toBe('Safari · macOS');
    expect(networkOf('190.12.34.56')).toBe('190.12.34');
  });

  it('audits the first sign-in from another device once, not the first device ever nor repeats', async () => {
    const u = await createTestUser(db);
    expect(await recordSignInDevice({ db, userId: u.id, userAgent: ANDROID, ip: '190.12.34.56' })).toEqual({ newDevice: false });
    expect(await recordSignInDevice({ db, userId: u.id, userAgent: ANDROID, ip: '190.12.34.99' })).toEqual({ newDevice: false });
    expect(await recordSignInDevice({ db, userId: u.id, userAgent: MAC, ip: '201.1.2.3' })).toEqual({ newDevice: true });
    expect(await recordSignInDevice({ db, userId: u.id, userAgent: MAC, ip: '201.1.2.4' })).toEqual({ newDevice: false });
    const entries = await db.select().from(auditLog).where(and(eq(auditLog.subject, `user:${u.id}`), eq(auditLog.action, 'auth.new_device')));
    expect(entries.map((e) => e.data)).toEqual([{ device: 'Safari · macOS', network: '201.1.2.*' }]);
  });
});
