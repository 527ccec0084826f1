import type { Database } from '../db/index.js';
import { listFacultyProfiles, listTeamProfiles } from '../profiles/profiles.service.js';
import { NotFoundError } from '../shared/errors.js';
import {
  countCollaborationsOfTeam,
  findPublicResult,
  findResultsOf,
  findTeamMembers,
  findWorksOf,
} from './public-profiles.repository.js';

/** A team's public page: directions, members, their works, results, and collaborations by count only. */
export async function getTeamPage(db: Database, teamId: number) {
  const [profile] = await listTeamProfiles(db, [teamId]);
  if (!profile) throw new NotFoundError('no such team');
  // A team's face to the public: no contact details anywhere on it.
  const team = {
    id: profile.id,
    name: profile.nameZh,
    nameEn: profile.nameEn,
    universityId: profile.universityId,
    universityName: profile.universityName,
    chainCode: profile.chainCode,
    researchDirections: profile.researchDirections,
    description: profile.description,
    leaderId: profile.leaderId,
  };
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
  const member = {
    id: profile.id,
    name: profile.name,
    title: profile.title,
    isDoctoralSupervisor: profile.isDoctoralSupervisor,
    chiefScientistChain: profile.chiefScientistChain,
    researchDirections: profile.researchDirections,
    bio: profile.bio,
    universityName: profile.universityName,
    teamId: profile.teamId,
    teamName: profile.teamName,
    chainCode: profile.chainCode,
  };
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
