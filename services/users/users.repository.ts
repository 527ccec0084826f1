import { eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { schema } from '../db/index.js';
import type { UserRole, UserStatus } from '../shared/enums.js';
import type { User } from './users.types.js';

type UserRow = typeof schema.users.$inferSelect;

export function toUser(row: Omit<UserRow, 'passwordHash'>): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role as UserRole,
    status: row.status as UserStatus,
    locale: row.locale === 'en' ? 'en' : 'zh-CN',
    enterpriseId: row.enterpriseId,
    teamId: row.teamId,
    facultyId: row.facultyId,
    staffId: row.staffId,
    createdAt: row.createdAt,
    lastLoginAt: row.lastLoginAt,
  };
}

export async function findUsersByIds(db: Database, ids: number[]): Promise<User[]> {
  if (ids.length === 0) return [];
  const rows = await db.select().from(schema.users).where(inArray(schema.users.id, ids));
  return rows.map(toUser);
}

/** The user and their hash, for checking a password; nothing else should read the hash. */
export async function findCredentialsByEmail(
  db: Database,
  email: string,
): Promise<{ user: User; passwordHash: string } | null> {
  const [row] = await db
    .select()
    .from(schema.users)
    .where(eq(sql`lower(${schema.users.email})`, email.trim().toLowerCase()));
  return row ? { user: toUser(row), passwordHash: row.passwordHash } : null;
}

export async function insertUser(db: Database, values: typeof schema.users.$inferInsert): Promise<User> {
  const [row] = await db.insert(schema.users).values(values).returning();
  return toUser(row!);
}

export async function updateUser(
  db: Database,
  id: number,
  values: Partial<Pick<UserRow, 'status' | 'role' | 'locale' | 'lastLoginAt' | 'displayName' | 'staffId'>>,
): Promise<User | null> {
  const [row] = await db.update(schema.users).set(values).where(eq(schema.users.id, id)).returning();
  return row ? toUser(row) : null;
}

export async function listUsers(db: Database, filter: { status?: UserStatus } = {}): Promise<User[]> {
  const query = db.select().from(schema.users);
  const rows = filter.status
    ? await query.where(eq(schema.users.status, filter.status)).orderBy(schema.users.createdAt)
    : await query.orderBy(schema.users.role, schema.users.email);
  return rows.map(toUser);
}

export async function countUsers(db: Database): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(schema.users);
  return Number(row?.count ?? 0);
}

/**
 * The active administrators' ids, their rows locked for the transaction: two administrators
 * disabling each other at once must not leave the bureau with none.
 */
export async function lockActiveAdministrators(db: Database): Promise<number[]> {
  const rows = await db
    .select({ id: schema.users.id })
    .from(schema.users)
    .where(sql`${schema.users.role} = 'admin' and ${schema.users.status} = 'active'`)
    .orderBy(schema.users.id)
    .for('update');
  return rows.map((row) => row.id);
}
