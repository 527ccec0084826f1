import { eq, inArray, or } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { schema } from '../db/index.js';

const { collaborationTeams, enterprises, faculty, teams } = schema;

/** The collaborations a team works in, whether it leads or not; for a faculty member, their team's. */
export async function findCollaborationIdsOfProfile(
  db: Database,
  profile: { teamId: number | null; facultyId: number | null },
): Promise<number[]> {
  const teamOfFaculty = profile.facultyId
    ? db.select({ teamId: faculty.teamId }).from(faculty).where(eq(faculty.id, profile.facultyId))
    : null;
  const conditions = [
    profile.teamId ? eq(collaborationTeams.teamId, profile.teamId) : undefined,
    teamOfFaculty ? inArray(collaborationTeams.teamId, teamOfFaculty) : undefined,
  ].filter((condition) => condition !== undefined);
  if (conditions.length === 0) return [];
  const rows = await db
    .selectDistinct({ id: collaborationTeams.collaborationId })
    .from(collaborationTeams)
    .where(or(...conditions));
  return rows.map((row) => row.id);
}

/** The firm's contact, as the team of a collaboration sees it. */
export async function findEnterpriseContact(db: Database, enterpriseId: number) {
  const [row] = await db
    .select({
      name: enterprises.contactName,
      phone: enterprises.contactPhone,
      email: enterprises.contactEmail,
    })
    .from(enterprises)
    .where(eq(enterprises.id, enterpriseId));
  return row ?? null;
}

/** The lead team's leader, as the firm of a collaboration sees them. */
export async function findTeamLeaderContact(db: Database, teamId: number) {
  const [row] = await db
    .select({ name: faculty.name, phone: faculty.phone, email: faculty.email })
    .from(teams)
    .innerJoin(faculty, eq(faculty.id, teams.leaderId))
    .where(eq(teams.id, teamId));
  return row ?? null;
}
