import { actorOf, insertAuditEntries } from '../audit/index.js';
import { announceChanges, type ChangeNotice, type Database, withDomainErrors } from '../db/index.js';

import type { PortalDependencies } from '../demands/demands.types.js';
import { DuplicateRecordError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.js';
import type { User } from '../users/index.js';
import {
  deleteWork,
  findFacultyByIds,
  findResultsByIds,
  findResultsOfOwners,
  findTeamsByIds,
  findWorksByIds,
  findWorksOfFaculty,
  insertResult,
  insertWork,
  updateFaculty,
  updateResult,
  updateTeam,
  updateWork,
} from './profiles.repository.js';
import type {
  FacultyProfile,
  OwnProfile,
  ResultForIndustry,
  Submission,
  TeamProfile,
  Work,
} from './profiles.types.js';
import {
  parseFacultyInput,
  parseResultInput,
  parseTeamInput,
  parseWorkInput,
} from './profiles.validation.js';

const isStaff = (user: User) => user.role === 'staff' || user.role === 'admin';

/**
 * Runs a profile write in one transaction with its audit entry and its row in the change feed,
 * then gives this process's index a bounded wait to apply it, so the user's next page already
 * ranks with the new text (a slow index never fails a save that committed). A duplicate title is
 * a field problem, not a conflict page.
 */
async function writeProfile<T>(
  deps: PortalDependencies,
  notice: () => ChangeNotice,
  work: (tx: Database) => Promise<T>,
): Promise<T> {
  let result: T;
  let position = 0;
  try {
    result = await withDomainErrors(() =>
      deps.db.transaction(async (tx) => {
        const value = await work(tx);
        position = await announceChanges(tx, notice());
        return value;
      }),
    );
  } catch (error) {
    if (error instanceof DuplicateRecordError)
      throw new ValidationError('duplicate', { title: 'validation.duplicateTitle' });
    throw error;
  }
  if (position) await deps.matching.awaitChange(position);
  return result;
}

export async function findOwnProfile(db: Database, user: User): Promise<OwnProfile> {
  if (user.role !== 'university') throw new ForbiddenError('only university users keep a profile');
  const [[team], [member]] = await Promise.all([
    findTeamsByIds(db, user.teamId ? [user.teamId] : []),
    findFacultyByIds(db, user.facultyId ? [user.facultyId] : []),
  ]);
  const [works, results] = await Promise.all([
    findWorksOfFaculty(db, member ? [member.id] : []),
    findResultsOfOwners(db, { teamId: team?.id ?? null, facultyId: member?.id ?? null }),
  ]);
  return { team: team ?? null, faculty: member ?? null, works, results };
}

function requireTeam(user: User): number {
  if (user.role !== 'university' || !user.teamId) throw new ForbiddenError('this account keeps no team');
  return user.teamId;
}

function requireFaculty(user: User): number {
  if (user.role !== 'university' || !user.facultyId)
    throw new ForbiddenError('this account is no faculty member');
  return user.facultyId;
}

/** Teams by id, in no particular order; unknown ids are left out. */
export function listTeamProfiles(db: Database, ids: number[]): Promise<TeamProfile[]> {
  return findTeamsByIds(db, ids);
}

/**
 * Faculty members by id as anyone may read them: without their email and phone, which only
 * `findFacultyProfile` gives, to themselves and staff.
 */
export async function listFacultyProfiles(db: Database, ids: number[]): Promise<FacultyProfile[]> {
  return (await findFacultyByIds(db, ids)).map((member) => ({ ...member, email: null, phone: null }));
}

/** A team anyone signed in may read; 404 for an unknown id. */
export async function findTeamProfile(db: Database, teamId: number): Promise<TeamProfile> {
  const [team] = await findTeamsByIds(db, [teamId]);
  if (!team) throw new NotFoundError('no such team');
  return team;
}

/** A faculty member anyone signed in may read; contact details only for themselves and staff. */
export async function findFacultyProfile(
  db: Database,
  user: User,
  facultyId: number,
): Promise<FacultyProfile> {
  const [member] = await findFacultyByIds(db, [facultyId]);
  if (!member) throw new NotFoundError('no such faculty member');
  if (isStaff(user) || user.facultyId === facultyId) return member;
  return { ...member, email: null, phone: null };
}

export async function updateTeamProfile(
  deps: PortalDependencies,
  user: User,
  teamId: number,
  input: Submission,
): Promise<TeamProfile> {
  const before = await findTeamProfile(deps.db, teamId);
  if (user.teamId !== teamId || user.role !== 'university') throw new ForbiddenError('not your team');
  const fields = parseTeamInput(input);
  await writeProfile(
    deps,
    () => ({ entity: 'team', ids: [teamId] }),
    async (tx) => {
      await updateTeam(tx, teamId, fields);
      await insertAuditEntries(tx, actorOf(user), [
        {
          action: 'team.updated',
          entityType: 'team',
          entityId: teamId,
          before: { description: before.description, researchDirections: before.researchDirections },
          after: fields,
        },
      ]);
    },
  );
  return findTeamProfile(deps.db, teamId);
}

export async function updateFacultyProfile(
  deps: PortalDependencies,
  user: User,
  facultyId: number,
  input: Submission,
): Promise<FacultyProfile> {
  const before = await findFacultyProfile(deps.db, user, facultyId);
  if (user.facultyId !== facultyId || user.role !== 'university')
    throw new ForbiddenError('not your profile');
  const fields = parseFacultyInput(input);
  await writeProfile(
    deps,
    () => ({ entity: 'faculty', ids: [facultyId] }),
    async (tx) => {
      await updateFaculty(tx, facultyId, fields);
      await insertAuditEntries(tx, actorOf(user), [
        {
          action: 'faculty.updated',
          entityType: 'faculty',
          entityId: facultyId,
          before: { bio: before.bio, researchDirections: before.researchDirections },
          after: fields,
        },
      ]);
    },
  );
  return findFacultyProfile(deps.db, user, facultyId);
}

export const updateOwnTeam = (deps: PortalDependencies, user: User, input: Submission) =>
  updateTeamProfile(deps, user, requireTeam(user), input);

export const updateOwnFaculty = (deps: PortalDependencies, user: User, input: Submission) =>
  updateFacultyProfile(deps, user, requireFaculty(user), input);

/** One of the user's own works; anyone else's, or an unknown id, is not found. */
export async function findOwnWork(db: Database, user: User, workId: number): Promise<Work> {
  const [work] = await findWorksByIds(db, [workId]);
  if (!work || user.role !== 'university' || work.facultyId !== user.facultyId)
    throw new NotFoundError('no such work');
  return work;
}

export async function addWork(deps: PortalDependencies, user: User, input: Submission): Promise<Work> {
  const facultyId = requireFaculty(user);
  const fields = parseWorkInput(input);
  return writeProfile(
    deps,
    () => ({ entity: 'faculty', ids: [facultyId] }),
    async (tx) => {
      const work = await insertWork(tx, facultyId, fields);
      await insertAuditEntries(tx, actorOf(user), [
        { action: 'work.created', entityType: 'work', entityId: work.id, after: work },
      ]);
      return work;
    },
  );
}

export async function editWork(deps: PortalDependencies, user: User, workId: number, input: Submission) {
  const before = await findOwnWork(deps.db, user, workId);
  const fields = parseWorkInput(input);
  await writeProfile(
    deps,
    () => ({ entity: 'faculty', ids: [before.facultyId] }),
    async (tx) => {
      await updateWork(tx, workId, fields);
      await insertAuditEntries(tx, actorOf(user), [
        {
          action: 'work.updated',
          entityType: 'work',
          entityId: workId,
          before,
          after: { ...before, ...fields },
        },
      ]);
    },
  );
}

export async function removeWork(deps: PortalDependencies, user: User, workId: number): Promise<void> {
  const before = await findOwnWork(deps.db, user, workId);
  await writeProfile(
    deps,
    () => ({ entity: 'faculty', ids: [before.facultyId] }),
    async (tx) => {
      await deleteWork(tx, workId);
      await insertAuditEntries(tx, actorOf(user), [
        { action: 'work.deleted', entityType: 'work', entityId: workId, before },
      ]);
    },
  );
}

/** One of the results the user's team or the user owns; anyone else's, or an unknown id, is not found. */
export async function findOwnResult(db: Database, user: User, resultId: number): Promise<ResultForIndustry> {
  const [result] = await findResultsByIds(db, [resultId]);
  const owns =
    result &&
    user.role === 'university' &&
    ((result.ownerTeamId !== null && result.ownerTeamId === user.teamId) ||
      (result.ownerFacultyId !== null && result.ownerFacultyId === user.facultyId));
  if (!owns) throw new NotFoundError('no such result');
  return result;
}

export async function addResult(deps: PortalDependencies, user: User, input: Submission) {
  if (user.role !== 'university' || (!user.teamId && !user.facultyId))
    throw new ForbiddenError('only university users list results');
  const fields = parseResultInput(input);
  const teamId = user.teamId ?? (await findFacultyByIds(deps.db, [user.facultyId!]))[0]?.teamId ?? null;
  const [team] = await findTeamsByIds(deps.db, teamId ? [teamId] : []);
  const owner = {
    ownerTeamId: user.teamId,
    ownerFacultyId: user.teamId ? null : user.facultyId,
    chainCode: team?.chainCode ?? null,
  };
  let createdId = 0;
  return writeProfile(
    deps,
    () => ({ entity: 'result', ids: [createdId] }),
    async (tx) => {
      const result = await insertResult(tx, owner, fields);
      createdId = result.id;
      await insertAuditEntries(tx, actorOf(user), [
        { action: 'result.created', entityType: 'result', entityId: result.id, after: result },
      ]);
      return result;
    },
  );
}

export async function editResult(deps: PortalDependencies, user: User, resultId: number, input: Submission) {
  const before = await findOwnResult(deps.db, user, resultId);
  const fields = parseResultInput(input);
  await writeProfile(
    deps,
    () => ({ entity: 'result', ids: [resultId] }),
    async (tx) => {
      await updateResult(tx, resultId, fields);
      await insertAuditEntries(tx, actorOf(user), [
        {
          action: 'result.updated',
          entityType: 'result',
          entityId: resultId,
          before,
          after: { ...before, ...fields },
        },
      ]);
    },
  );
}
