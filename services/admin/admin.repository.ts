import { asc, eq } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { schema } from '../db/index.js';

const { staff, users } = schema;

export async function findStaffMembers(db: Database) {
  return db
    .select({
      id: staff.id,
      name: staff.name,
      chainCode: staff.chainCode,
      position: staff.position,
      email: staff.email,
    })
    .from(staff)
    .orderBy(asc(staff.chainCode), asc(staff.name));
}

export async function lockStaffMember(tx: Database, id: number) {
  const [row] = await tx.select().from(staff).where(eq(staff.id, id)).for('update');
  return row ?? null;
}

export async function setStaffChain(tx: Database, id: number, chainCode: string | null) {
  await tx.update(staff).set({ chainCode }).where(eq(staff.id, id));
}

export async function insertStaffMember(tx: Database, values: { name: string; email: string | null }) {
  const [row] = await tx.insert(staff).values(values).returning();
  return row!;
}

export async function lockUser(tx: Database, id: number) {
  const [row] = await tx.select().from(users).where(eq(users.id, id)).for('update');
  return row ?? null;
}

export async function setUserRole(tx: Database, id: number, role: 'staff' | 'admin', staffId: number | null) {
  await tx.update(users).set({ role, staffId }).where(eq(users.id, id));
}

export async function findStaffIdOfUser(db: Database, userId: number): Promise<number | null> {
  const [row] = await db.select({ staffId: users.staffId }).from(users).where(eq(users.id, userId));
  return row?.staffId ?? null;
}

export async function findChainOfStaff(db: Database, staffId: number): Promise<string | null> {
  const [row] = await db.select({ chainCode: staff.chainCode }).from(staff).where(eq(staff.id, staffId));
  return row?.chainCode ?? null;
}
