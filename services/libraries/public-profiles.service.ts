import type { Database } from '../db/index.js';
import { NotFoundError } from '../shared/errors.js';
import {
  countCollaborationsOfTeam,
  findPublicFaculty,
  findPublicResult,
  findPublicTeam,
  findResultsOf,
  findTeamMembers,
  findWorksOf,
} from './public-profiles.repository.js';

/** A team's public page: directions, members, their works, results, and collaborations by count only. */
export async function getTeamPage(db: Database, teamId: number) {
  const team = await findPublicTeam(db, teamId);
  if (!team) throw new NotFoundError('no such team');
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
  const member = await findPublicFaculty(db, facultyId);
  if (!member) throw new NotFoundError('no such faculty member');
  const [works, results] = await Promise.all([
    findWorksOf(db, [facultyId]),
    findResultsOf(db, { teamId: null, facultyIds: [facultyId] }),
  ]);
  return { member, works, results };
}

export async function getResultPage(db: Database, resultId: number) {
  const result = await findPublicResult(db, resultId);
  if (!result) throw new NotFoundError('no such result');
  return { result };
}
