import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { schema } from '../db/index.js';
import type { AccountState, Invitee, InviteeFilter } from './accounts.types.js';

const { faculty, teams, universities, staff, enterprises, users, invitations } = schema;

type PersonRow = Omit<Invitee, 'state' | 'invitationExpired'>;

async function facultyRows(db: Database, filter: InviteeFilter, ids: number[] | null): Promise<PersonRow[]> {
  const rows = await db
    .select({
      id: faculty.id,
      name: faculty.name,
      email: faculty.email,
      university: universities.nameZh,
      team: teams.nameZh,
    })
    .from(faculty)
    .innerJoin(universities, eq(universities.id, faculty.universityId))
    .leftJoin(teams, eq(teams.id, faculty.teamId))
    .where(
      and(
        filter.universityId ? eq(faculty.universityId, filter.universityId) : undefined,
        ids ? inArray(faculty.id, ids) : undefined,
      ),
    )
    .orderBy(universities.nameZh, faculty.name, faculty.id);
  return rows.map((row) => ({
    kind: 'faculty',
    id: row.id,
    name: row.name,
    email: row.email,
    context: row.team ? `${row.university} · ${row.team}` : row.university,
    role: 'university',
    link: { facultyId: row.id, teamId: null, staffId: null, enterpriseId: null },
  }));
}

async function teamLeaderRows(
  db: Database,
  filter: InviteeFilter,
  ids: number[] | null,
): Promise<PersonRow[]> {
  const rows = await db
    .select({
      id: teams.id,
      team: teams.nameZh,
      leaderId: faculty.id,
      name: faculty.name,
      email: faculty.email,
      university: universities.nameZh,
    })
    .from(teams)
    .innerJoin(faculty, eq(faculty.id, teams.leaderId))
    .innerJoin(universities, eq(universities.id, teams.universityId))
    .where(
      and(
        filter.universityId ? eq(teams.universityId, filter.universityId) : undefined,
        ids ? inArray(teams.id, ids) : undefined,
      ),
    )
    .orderBy(universities.nameZh, teams.nameZh, teams.id);
  return rows.map((row) => ({
    kind: 'team_leader',
    id: row.id,
    name: row.name,
    email: row.email,
    context: `${row.university} · ${row.team}`,
    role: 'university',
    link: { facultyId: row.leaderId, teamId: row.id, staffId: null, enterpriseId: null },
  }));
}

async function staffRows(db: Database, ids: number[] | null): Promise<PersonRow[]> {
  const rows = await db
    .select({
      id: staff.id,
      name: staff.name,
      email: staff.email,
      chain: staff.chainCode,
      position: staff.position,
    })
    .from(staff)
    .where(ids ? inArray(staff.id, ids) : undefined)
    .orderBy(staff.chainCode, staff.name, staff.id);
  return rows.map((row) => ({
    kind: 'staff',
    id: row.id,
    name: row.name,
    email: row.email,
    context: [row.chain ?? '', row.position].filter(Boolean).join(' · '),
    role: 'staff',
    link: { facultyId: null, teamId: null, staffId: row.id, enterpriseId: null },
  }));
}

async function enterpriseRows(db: Database, ids: number[] | null): Promise<PersonRow[]> {
  const rows = await db
    .select({
      id: enterprises.id,
      name: enterprises.name,
      contactName: enterprises.contactName,
      email: enterprises.contactEmail,
    })
    .from(enterprises)
    .where(ids ? inArray(enterprises.id, ids) : undefined)
    .orderBy(enterprises.name, enterprises.id);
  return rows.map((row) => ({
    kind: 'enterprise',
    id: row.id,
    name: row.contactName || row.name,
    email: row.email || null,
    context: row.name,
    role: 'enterprise',
    link: { facultyId: null, teamId: null, staffId: null, enterpriseId: row.id },
  }));
}

/** The column of users and invitations that links an account to a person of this kind. */
function linkColumns(kind: Invitee['kind']) {
  switch (kind) {
    case 'faculty':
      return {
        user: users.facultyId,
        invitation: invitations.facultyId,
        of: (person: PersonRow) => person.link.facultyId!,
      };
    case 'team_leader':
      return {
        user: users.teamId,
        invitation: invitations.teamId,
        of: (person: PersonRow) => person.link.teamId!,
      };
    case 'staff':
      return {
        user: users.staffId,
        invitation: invitations.staffId,
        of: (person: PersonRow) => person.link.staffId!,
      };
    case 'enterprise':
      return {
        user: users.enterpriseId,
        invitation: invitations.enterpriseId,
        of: (person: PersonRow) => person.link.enterpriseId!,
      };
  }
}

/**
 * The people of one list with their account state. A faculty member's account is any account linked
 * to them; a team leader's is an account linked to the team (what the leader signs in as).
 */
export async function findInvitees(
  db: Database,
  filter: InviteeFilter,
  ids: number[] | null = null,
): Promise<Invitee[]> {
  const people =
    filter.kind === 'faculty'
      ? await facultyRows(db, filter, ids)
      : filter.kind === 'team_leader'
        ? await teamLeaderRows(db, filter, ids)
        : filter.kind === 'staff'
          ? await staffRows(db, ids)
          : await enterpriseRows(db, ids);
  if (people.length === 0) return [];
  const columns = linkColumns(filter.kind);
  const linkIds = people.map(columns.of);
  const accounts = await db
    .select({ linkId: columns.user, status: users.status })
    .from(users)
    .where(inArray(columns.user, linkIds));
  const open = await db
    .select({ linkId: columns.invitation, expired: sql<boolean>`${invitations.expiresAt} <= now()` })
    .from(invitations)
    .where(
      and(
        inArray(columns.invitation, linkIds),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    );
  const accountOf = new Map<number, string>();
  for (const account of accounts) {
    if (account.linkId === null) continue;
    const known = accountOf.get(account.linkId);
    if (known !== 'active') accountOf.set(account.linkId, account.status);
  }
  const invitationOf = new Map(
    open.filter((row) => row.linkId !== null).map((row) => [row.linkId!, row.expired]),
  );
  const invitees = people.map((person): Invitee => {
    const linkId = columns.of(person);
    const account = accountOf.get(linkId) as AccountState | undefined;
    const invited = invitationOf.get(linkId);
    return {
      ...person,
      state: account ?? (invited === undefined ? 'none' : 'invited'),
      invitationExpired: account === undefined && invited === true,
    };
  });
  return filter.state ? invitees.filter((invitee) => invitee.state === filter.state) : invitees;
}

/** Of these addresses, those some account already uses (lower-cased). */
export async function findEmailsWithAccounts(db: Database, emails: string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const lowered = [...new Set(emails.map((email) => email.toLowerCase()))];
  const rows = await db
    .select({ email: sql<string>`lower(${users.email})` })
    .from(users)
    .where(inArray(sql`lower(${users.email})`, lowered));
  return new Set(rows.map((row) => row.email));
}

export async function findUniversities(db: Database): Promise<{ id: number; name: string }[]> {
  return db
    .select({ id: universities.id, name: universities.nameZh })
    .from(universities)
    .orderBy(universities.id);
}
