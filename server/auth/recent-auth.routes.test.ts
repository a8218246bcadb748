import crypto from 'node:crypto';
import { eq, and } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { storeMembers, stores } from '../db/schema';
import { callerFor, rejectionOf } from '../testing/caller';
import { createTestUser, testDb } from '../testing/db';

const db = testDb();

describe('recent sign-in on sensitive procedures', () => {
  it('team.changeRole refuses an owner whose sign-in is old, and changes nothing', async () => {
    const owner = await createTestUser(db);
    const member = await createTestUser(db);
    const [store] = await db.insert(stores).values({ slug: `r-${crypto.randomBytes(4).toString('hex')}`, name: 'R', currency: 'PEN' }).returning();
    await db.insert(storeMembers).values([
      { storeId: store!.id, userId: owner.id, role: 'owner' },
      { storeId: store!.id, userId: member.id, role: 'staff' },
    ]);
    const stale = callerFor(db, { ...owner, authTime: Math.floor(Date.now() / 1000) - 2 * 3600 });
    const err = await rejectionOf(stale.team.changeRole({ storeId: store!.id, userId: member.id, role: 'manager' }));
    expect([err.code, err.cause?.data?.reason]).toEqual(['FORBIDDEN', 'RECENT_AUTH_REQUIRED']);
    const [m] = await db.select().from(storeMembers).where(and(eq(storeMembers.storeId, store!.id), eq(storeMembers.userId, member.id)));
    expect(m!.role).toBe('staff');
    await callerFor(db, owner).team.changeRole({ storeId: store!.id, userId: member.id, role: 'manager' });
    const [m2] = await db.select().from(storeMembers).where(and(eq(storeMembers.storeId, store!.id), eq(storeMembers.userId, member.id)));
    expect(m2!.role).toBe('manager');
  });
});
