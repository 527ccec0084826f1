import type { Database } from '../db/index.js';
import { listFacultyProfiles, listTeamProfiles } from '../profiles/profiles.service.js';
import { NotFoundError } from '../shared/errors.js';
import { loadResultEntries } from './libraries.repository.js';
import {
  countCollaborationsOfTeam,
  findResultsOf,
  findTeamMembers,
  findWorksOf,
} from './public-profiles.repository.js';

/** A team's public page: directions, members, their works, results, and collaborations by count only. */
export async function getTeamPage(db: Database, teamId: number) {
  const [profile] = await listTeamProfiles(db, [teamId]);
  if (!profile) throw new NotFoundError('no such team');
  // A team's face to the public: no contact details anywhere on it.
  const { nameZh, updatedAt, ...face } = profile;
  const team = { ...face, name: nameZh };
  const members = await findTeamMembers(db, teamId);
  const memberIds = members.map((member) => member.id);
  const [works, results, collaborations] = await Promise.all([
    findWorksOf(db, memberIds),
    findResultsOf(db, { teamId, facultyIds: memberIds }),
    countCollaborationsOfTeam(db, teamId),
  ]);
  return {
    team,
    members: members.map((member) => ({ ...member, isLeader: member.id === team.leaderId })),
    works,
    results,
    collaborations,
  };
}

/** A faculty member's public page: title, directions, works and results; never their email or phone. */
export async function getFacultyPage(db: Database, facultyId: number) {
  const [profile] = await listFacultyProfiles(db, [facultyId]);
  if (!profile) throw new NotFoundError('no such faculty member');
  const { email, phone, universityId, updatedAt, ...member } = profile;
  const [works, results] = await Promise.all([
    findWorksOf(db, [facultyId]),
    findResultsOf(db, { teamId: null, facultyIds: [facultyId] }),
  ]);
  return { member, works, results };
}

export async function getResultPage(db: Database, resultId: number) {
  const [entry] = await loadResultEntries(db, [resultId]);
  if (!entry) throw new NotFoundError('no such result');
  return { result: { ...entry, ownerFacultyId: entry.facultyId } };
}
