import { and, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { schema } from '../db/index.js';
import type { Locale } from '../i18n/index.js';
import type { NoticeDelivery, UserRole } from '../shared/enums.js';
import type { NoticeKind } from './notice-kinds.js';
import type { Notice, NoticeRecipient, PairContext } from './notifications.types.js';

const {
  users,
  notifications,
  notificationPreferences,
  matchCandidates,
  demands,
  enterprises,
  teams,
  faculty,
} = schema;

type NotificationRow = typeof notifications.$inferSelect;

function toNotice(row: NotificationRow): Notice {
  return {
    id: row.id,
    userId: row.userId,
    kind: row.kind as NoticeKind,
    link: row.link,
    params: row.params,
    createdAt: row.createdAt,
    readAt: row.readAt,
  };
}

const activeUser = eq(users.status, 'active');

/** The people who speak for a team (its leader's account or accounts linked to the team) or for a faculty member. */
export async function findUserIdsOfProfiles(
  db: Database,
  side: { teamIds: number[]; facultyIds: number[] },
): Promise<number[]> {
  const conditions = [];
  if (side.teamIds.length) {
    conditions.push(inArray(users.teamId, side.teamIds));
    const leaders = db.select({ id: teams.leaderId }).from(teams).where(inArray(teams.id, side.teamIds));
    conditions.push(inArray(users.facultyId, leaders));
  }
  if (side.facultyIds.length) conditions.push(inArray(users.facultyId, side.facultyIds));
  if (conditions.length === 0) return [];
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(activeUser, eq(users.role, 'university'), or(...conditions)));
  return rows.map((row) => row.id);
}

/**
 * For many teams and faculty at once: each one's accounts (as `findUserIdsOfProfiles` finds them),
 * keyed `team:<id>` and `faculty:<id>`. Two queries, however many profiles: a demand's whole top 20.
 */
export async function findUserIdsByProfile(
  db: Database,
  side: { teamIds: number[]; facultyIds: number[] },
): Promise<Map<string, number[]>> {
  const byProfile = new Map<string, number[]>();
  if (side.teamIds.length === 0 && side.facultyIds.length === 0) return byProfile;
  const leaders = side.teamIds.length
    ? await db
        .select({ id: teams.id, leaderId: teams.leaderId })
        .from(teams)
        .where(inArray(teams.id, side.teamIds))
    : [];
  const facultyIds = [
    ...side.facultyIds,
    ...leaders.flatMap((team) => (team.leaderId ? [team.leaderId] : [])),
  ];
  const conditions = [];
  if (side.teamIds.length) conditions.push(inArray(users.teamId, side.teamIds));
  if (facultyIds.length) conditions.push(inArray(users.facultyId, facultyIds));
  const accounts = await db
    .select({ id: users.id, teamId: users.teamId, facultyId: users.facultyId })
    .from(users)
    .where(and(activeUser, eq(users.role, 'university'), or(...conditions)));
  const add = (key: string, id: number) => byProfile.set(key, [...(byProfile.get(key) ?? []), id]);
  for (const account of accounts) {
    if (account.facultyId !== null && side.facultyIds.includes(account.facultyId))
      add(`faculty:${account.facultyId}`, account.id);
    for (const team of leaders)
      if (account.teamId === team.id || (team.leaderId !== null && account.facultyId === team.leaderId))
        add(`team:${team.id}`, account.id);
  }
  return byProfile;
}

export async function findUserIdsOfEnterprises(db: Database, enterpriseIds: number[]): Promise<number[]> {
  if (enterpriseIds.length === 0) return [];
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(activeUser, eq(users.role, 'enterprise'), inArray(users.enterpriseId, enterpriseIds)));
  return rows.map((row) => row.id);
}

/** The staff on a chain's task force who have an account. */
export async function findStaffUserIdsOfChain(db: Database, chainCode: string): Promise<number[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(schema.staff, eq(schema.staff.id, users.staffId))
    .where(and(activeUser, eq(users.role, 'staff'), eq(schema.staff.chainCode, chainCode)));
  return rows.map((row) => row.id);
}

export async function findUserIdsByRole(db: Database, role: UserRole): Promise<number[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(activeUser, eq(users.role, role)));
  return rows.map((row) => row.id);
}

/** Each recipient with how they want this kind of notice (null: they never chose). */
export async function findRecipients(
  db: Database,
  userIds: number[],
  kind: NoticeKind,
): Promise<NoticeRecipient[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      locale: users.locale,
      role: users.role,
      delivery: notificationPreferences.delivery,
    })
    .from(users)
    .leftJoin(
      notificationPreferences,
      and(eq(notificationPreferences.userId, users.id), eq(notificationPreferences.kind, kind)),
    )
    .where(and(activeUser, inArray(users.id, userIds)));
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    locale: row.locale === 'en' ? 'en' : 'zh-CN',
    role: row.role as UserRole,
    delivery: (row.delivery as NoticeDelivery | null) ?? null,
  }));
}

/** Writes notices; one with a once-key already written for that user is skipped. Returns those written. */
export async function insertNotices(
  db: Database,
  rows: {
    userId: number;
    kind: NoticeKind;
    link: string;
    params: Record<string, string | number>;
    onceKey: string | null;
    digestPending: boolean;
  }[],
): Promise<Notice[]> {
  if (rows.length === 0) return [];
  const written = await db
    .insert(notifications)
    .values(rows)
    .onConflictDoNothing({ target: [notifications.userId, notifications.onceKey] })
    .returning();
  return written.map(toNotice);
}

export async function findNoticesOfUser(
  db: Database,
  userId: number,
  filter: { unreadOnly: boolean; limit: number; offset: number },
): Promise<Notice[]> {
  const rows = await db
    .select()
    .from(notifications)
    .where(
      and(eq(notifications.userId, userId), filter.unreadOnly ? isNull(notifications.readAt) : undefined),
    )
    .orderBy(desc(notifications.id))
    .limit(filter.limit)
    .offset(filter.offset);
  return rows.map(toNotice);
}

const unreadOf = (userId: number | SQL) =>
  and(eq(notifications.userId, userId), isNull(notifications.readAt));

export async function countUnreadNotices(db: Database, userId: number): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(notifications)
    .where(unreadOf(userId));
  return Number(row?.count ?? 0);
}

/**
 * The bell's count as a scalar subquery, for the query that reads a signed-in request's session
 * and user: the page's header then costs no statement of its own.
 */
export function unreadNoticesOf(userId: SQL): SQL<number> {
  return sql<number>`(select count(*)::int from ${notifications} where ${unreadOf(userId)})`;
}

/** Marks notices read (or unread); only the user's own, whatever ids are given. */
export async function setNoticesRead(
  db: Database,
  userId: number,
  ids: number[] | 'all',
  read: boolean,
): Promise<Notice[]> {
  const rows = await db
    .update(notifications)
    .set({ readAt: read ? sql`coalesce(${notifications.readAt}, now())` : null })
    .where(and(eq(notifications.userId, userId), ids === 'all' ? undefined : inArray(notifications.id, ids)))
    .returning();
  return rows.map(toNotice);
}

export async function findPreferences(
  db: Database,
  userId: number,
): Promise<Map<NoticeKind, NoticeDelivery>> {
  const rows = await db
    .select({ kind: notificationPreferences.kind, delivery: notificationPreferences.delivery })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  return new Map(rows.map((row) => [row.kind as NoticeKind, row.delivery as NoticeDelivery]));
}

export async function savePreferences(
  db: Database,
  userId: number,
  choices: { kind: NoticeKind; delivery: NoticeDelivery }[],
): Promise<void> {
  if (choices.length === 0) return;
  await db
    .insert(notificationPreferences)
    .values(choices.map((choice) => ({ userId, ...choice })))
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.kind],
      set: { delivery: sql`excluded.delivery` },
    });
}

/** A pair with what its notices name: the demand, its firm and chain, and the team or faculty member. */
export async function findPairContexts(db: Database, pairIds: number[]): Promise<PairContext[]> {
  if (pairIds.length === 0) return [];
  const rows = await db
    .select({
      pairId: matchCandidates.id,
      demandId: demands.id,
      demandTitle: demands.title,
      chainCode: demands.chainCode,
      enterpriseId: demands.enterpriseId,
      enterpriseName: enterprises.name,
      teamId: matchCandidates.teamId,
      facultyId: matchCandidates.facultyId,
      teamName: teams.nameZh,
      facultyName: faculty.name,
    })
    .from(matchCandidates)
    .innerJoin(demands, eq(demands.id, matchCandidates.demandId))
    .innerJoin(enterprises, eq(enterprises.id, demands.enterpriseId))
    .leftJoin(teams, eq(teams.id, matchCandidates.teamId))
    .leftJoin(faculty, eq(faculty.id, matchCandidates.facultyId))
    .where(inArray(matchCandidates.id, pairIds));
  return rows.map((row) => ({
    pairId: row.pairId,
    demandId: row.demandId,
    demandTitle: row.demandTitle,
    chainCode: row.chainCode,
    enterpriseId: row.enterpriseId,
    enterpriseName: row.enterpriseName,
    teamId: row.teamId,
    facultyId: row.facultyId,
    profileName: row.teamName ?? row.facultyName ?? '',
  }));
}

export async function findDemandContext(
  db: Database,
  demandId: number,
): Promise<{
  id: number;
  title: string;
  status: string;
  chainCode: string;
  enterpriseId: number;
  enterpriseName: string;
} | null> {
  const [row] = await db
    .select({
      id: demands.id,
      title: demands.title,
      status: demands.status,
      chainCode: demands.chainCode,
      enterpriseId: demands.enterpriseId,
      enterpriseName: enterprises.name,
    })
    .from(demands)
    .innerJoin(enterprises, eq(enterprises.id, demands.enterpriseId))
    .where(eq(demands.id, demandId));
  return row ?? null;
}

/** Who a collaboration concerns: its firm and every team on it, with the demand's title and chain. */
export async function findCollaborationContext(
  db: Database,
  collaborationId: number,
): Promise<{ id: number; title: string; chainCode: string; enterpriseId: number; teamIds: number[] } | null> {
  const [row] = await db
    .select({
      id: schema.collaborations.id,
      title: schema.collaborations.title,
      chainCode: demands.chainCode,
      enterpriseId: schema.collaborations.enterpriseId,
      leadTeamId: schema.collaborations.leadTeamId,
    })
    .from(schema.collaborations)
    .innerJoin(demands, eq(demands.id, schema.collaborations.demandId))
    .where(eq(schema.collaborations.id, collaborationId));
  if (!row) return null;
  const others = await db
    .select({ teamId: schema.collaborationTeams.teamId })
    .from(schema.collaborationTeams)
    .where(eq(schema.collaborationTeams.collaborationId, collaborationId));
  const teamIds = [...new Set([row.leadTeamId, ...others.map((other) => other.teamId)])];
  return { id: row.id, title: row.title, chainCode: row.chainCode, enterpriseId: row.enterpriseId, teamIds };
}

/** Open milestones due on or before `until` (YYYY-MM-DD), with their collaboration. */
export async function findOpenMilestonesDueBy(
  db: Database,
  until: string,
): Promise<{ id: number; title: string; dueOn: string; collaborationId: number }[]> {
  return db
    .select({
      id: schema.milestones.id,
      title: schema.milestones.title,
      dueOn: schema.milestones.dueOn,
      collaborationId: schema.milestones.collaborationId,
    })
    .from(schema.milestones)
    .where(and(isNull(schema.milestones.doneOn), sql`${schema.milestones.dueOn} <= ${until}`))
    .orderBy(schema.milestones.dueOn, schema.milestones.id);
}

/** Notices waiting for a digest that were written before `before`, locked for this composer. */
export async function claimDigestNotices(db: Database, before: Date): Promise<Notice[]> {
  const rows = await db
    .select()
    .from(notifications)
    .where(
      and(eq(notifications.digestPending, true), sql`${notifications.createdAt} < ${before.toISOString()}`),
    )
    .orderBy(notifications.userId, notifications.id)
    .for('update', { skipLocked: true });
  return rows.map(toNotice);
}

export async function clearDigestPending(db: Database, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.update(notifications).set({ digestPending: false }).where(inArray(notifications.id, ids));
}

export async function findRecipientsForDigest(
  db: Database,
  userIds: number[],
): Promise<{ id: number; email: string; displayName: string; locale: Locale }[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .select({ id: users.id, email: users.email, displayName: users.displayName, locale: users.locale })
    .from(users)
    .where(and(activeUser, inArray(users.id, userIds)));
  return rows.map((row) => ({ ...row, locale: row.locale === 'en' ? 'en' : 'zh-CN' }));
}
