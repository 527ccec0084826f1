import type { Database } from '../db/index.js';
import type { NoticeKind } from './notice-kinds.js';
import {
  findCollaborationContext,
  findDemandContext,
  findPairContexts,
  findStaffUserIdsOfChain,
  findUserIdsByProfile,
  findUserIdsByRole,
  findUserIdsOfEnterprises,
  findUserIdsOfProfiles,
} from './notifications.repository.js';
import type { NoticeDraft, PairContext } from './notifications.types.js';
import { notify } from './notify.js';

/**
 * One function per event the issue lists, each called inside the transaction of the change. They
 * take ids, look up what the sentence needs, and hand drafts to `notify`.
 */

const profileLink = (demandId: number) => `/matched-demands/${demandId}`;
const enterpriseLink = (demandId: number) => `/demands/${demandId}`;

function pairParams(pair: PairContext) {
  return { demand: pair.demandTitle, enterprise: pair.enterpriseName, profile: pair.profileName };
}

async function pairContext(tx: Database, pairId: number): Promise<PairContext | null> {
  const [pair] = await findPairContexts(tx, [pairId]);
  return pair ?? null;
}

const profileUsers = (tx: Database, pair: PairContext) =>
  findUserIdsOfProfiles(tx, {
    teamIds: pair.teamId ? [pair.teamId] : [],
    facultyIds: pair.facultyId ? [pair.facultyId] : [],
  });

/** Both sides of a pair, each with the page it reads the pair on. */
async function bothSides(tx: Database, pair: PairContext, kind: NoticeKind): Promise<NoticeDraft[]> {
  return [
    {
      kind,
      userIds: await findUserIdsOfEnterprises(tx, [pair.enterpriseId]),
      link: '/introductions',
      params: pairParams(pair),
    },
    { kind, userIds: await profileUsers(tx, pair), link: '/introductions', params: pairParams(pair) },
  ];
}

/**
 * One side said interested: the other side is told; when both now are, the chain's staff are told
 * the pair is ready; when staff had already introduced them, both are told contact is released.
 */
export async function notifyInterest(
  tx: Database,
  input: {
    pairId: number;
    by: 'enterprise' | 'profile';
    actorUserId: number | null;
    released: boolean;
    bothInterested: boolean;
  },
): Promise<void> {
  const pair = await pairContext(tx, input.pairId);
  if (!pair) return;
  const drafts: NoticeDraft[] = [
    input.by === 'enterprise'
      ? {
          kind: 'interest_in_profile',
          userIds: await profileUsers(tx, pair),
          link: profileLink(pair.demandId),
          params: pairParams(pair),
        }
      : {
          kind: 'interest_in_demand',
          userIds: await findUserIdsOfEnterprises(tx, [pair.enterpriseId]),
          link: enterpriseLink(pair.demandId),
          params: pairParams(pair),
        },
  ];
  if (input.bothInterested)
    drafts.push({
      kind: 'pair_ready',
      userIds: await findStaffUserIdsOfChain(tx, pair.chainCode),
      link: `/staff/queue?chain=${pair.chainCode}`,
      params: pairParams(pair),
    });
  if (input.released) drafts.push(...(await bothSides(tx, pair, 'contact_released')));
  await notify(tx, drafts, input.actorUserId);
}

/** Staff introduced a pair; if both sides had already said interested, contact is released too. */
export async function notifyIntroduced(
  tx: Database,
  input: { pairId: number; actorUserId: number | null; released: boolean },
): Promise<void> {
  const pair = await pairContext(tx, input.pairId);
  if (!pair) return;
  const drafts = await bothSides(tx, pair, 'introduced');
  if (input.released) drafts.push(...(await bothSides(tx, pair, 'contact_released')));
  await notify(tx, drafts, input.actorUserId);
}

async function collaborationDrafts(
  tx: Database,
  collaborationId: number,
  kind: NoticeKind,
  params: Record<string, string | number>,
  onceKey?: string,
): Promise<NoticeDraft[]> {
  const collaboration = await findCollaborationContext(tx, collaborationId);
  if (!collaboration) return [];
  const common = {
    kind,
    params: { demand: collaboration.title, ...params },
    link: '/introductions',
    ...(onceKey ? { onceKey } : {}),
  };
  const drafts: NoticeDraft[] = [
    { ...common, userIds: await findUserIdsOfEnterprises(tx, [collaboration.enterpriseId]) },
    {
      ...common,
      userIds: await findUserIdsOfProfiles(tx, { teamIds: collaboration.teamIds, facultyIds: [] }),
    },
  ];
  if (kind === 'milestone_overdue')
    drafts.push({
      ...common,
      link: `/staff/collaborations/${collaboration.id}`,
      userIds: await findStaffUserIdsOfChain(tx, collaboration.chainCode),
    });
  return drafts;
}

export async function notifyCollaborationCreated(
  tx: Database,
  input: { collaborationId: number; actorUserId: number | null },
): Promise<void> {
  await notify(
    tx,
    await collaborationDrafts(tx, input.collaborationId, 'collaboration_created', {}),
    input.actorUserId,
  );
}

export async function notifyStageChanged(
  tx: Database,
  input: { collaborationId: number; stage: string; actorUserId: number | null },
): Promise<void> {
  await notify(
    tx,
    await collaborationDrafts(tx, input.collaborationId, 'collaboration_stage', { stage: input.stage }),
    input.actorUserId,
  );
}

/** A milestone within 7 days of its date, or past it: told once per milestone and kind. */
export async function notifyMilestone(
  tx: Database,
  input: { milestoneId: number; collaborationId: number; title: string; dueOn: string; overdue: boolean },
): Promise<number> {
  const kind = input.overdue ? 'milestone_overdue' : 'milestone_due';
  const drafts = await collaborationDrafts(
    tx,
    input.collaborationId,
    kind,
    { milestone: input.title, dueOn: input.dueOn },
    `${kind}:${input.milestoneId}`,
  );
  return (await notify(tx, drafts)).length;
}

/** A demand was published: the staff of its chain are told. */
export async function notifyDemandPublished(
  tx: Database,
  input: { demandId: number; actorUserId: number | null },
): Promise<void> {
  const demand = await findDemandContext(tx, input.demandId);
  if (!demand) return;
  await notify(
    tx,
    [
      {
        kind: 'demand_published',
        userIds: await findStaffUserIdsOfChain(tx, demand.chainCode),
        link: `/staff/queue?chain=${demand.chainCode}`,
        params: { demand: demand.title, enterprise: demand.enterpriseName, chain: demand.chainCode },
      },
    ],
    input.actorUserId,
  );
}

/** How far down a new demand's ranking a team or faculty member is told it fits. */
export const TOP_RANKED_NOTICE_DEPTH = 10;

/**
 * A published demand's new top pairs: each team and each faculty member among the first 10 of its
 * kind is told once per demand, with its rank by score. Called where the top pairs are saved.
 */
export async function notifyTopRankedProfiles(
  tx: Database,
  demandId: number,
  pairs: { teamId: number | null; facultyId: number | null; score: number }[],
): Promise<number> {
  const demand = await findDemandContext(tx, demandId);
  if (demand?.status !== 'published') return 0;
  const ranked = [...pairs].sort((left, right) => right.score - left.score);
  const teams = ranked.filter((pair) => pair.teamId !== null).slice(0, TOP_RANKED_NOTICE_DEPTH);
  const members = ranked.filter((pair) => pair.facultyId !== null).slice(0, TOP_RANKED_NOTICE_DEPTH);
  const accounts = await findUserIdsByProfile(tx, {
    teamIds: teams.map((pair) => pair.teamId!),
    facultyIds: members.map((pair) => pair.facultyId!),
  });
  const drafts: NoticeDraft[] = [];
  for (const [rank, pair] of [...teams.entries(), ...members.entries()]) {
    const userIds =
      accounts.get(pair.teamId !== null ? `team:${pair.teamId}` : `faculty:${pair.facultyId}`) ?? [];
    if (userIds.length === 0) continue;
    drafts.push({
      kind: 'demand_ranks_you',
      userIds,
      link: profileLink(demand.id),
      params: { demand: demand.title, rank: rank + 1 },
      onceKey: `demand_ranks_you:${demand.id}`,
    });
  }
  return (await notify(tx, drafts)).length;
}

export async function notifySignupWaiting(
  tx: Database,
  input: { enterpriseName: string; email: string },
): Promise<void> {
  await notify(tx, [
    {
      kind: 'signup_waiting',
      userIds: await findUserIdsByRole(tx, 'admin'),
      link: '/admin/users?status=pending',
      params: { enterprise: input.enterpriseName, email: input.email },
    },
  ]);
}

export async function notifySignupApproved(
  tx: Database,
  input: { userId: number; role: string },
): Promise<void> {
  if (input.role !== 'enterprise') return;
  await notify(tx, [{ kind: 'signup_approved', userIds: [input.userId], link: '/demands', params: {} }]);
}

/** The person who ran an import is told it finished, with what it changed. */
export async function notifyImportFinished(
  tx: Database,
  input: { userId: number | null; importKind: string; created: number; updated: number },
): Promise<void> {
  if (input.userId === null) return;
  await notify(tx, [
    {
      kind: 'import_finished',
      userIds: [input.userId],
      link: '/staff/lists',
      params: { importKind: input.importKind, created: input.created, updated: input.updated },
    },
  ]);
}

/** What a choke-point project's notices name; the projects service has it in hand. */
export interface ProjectNoticeSubject {
  id: number;
  title: string;
  enterpriseId: number;
  enterpriseName: string;
  chainCode: string;
}

/** A review note longer than this is cut in the sentence (and a mail's subject); the page has it whole. */
const NOTE_IN_NOTICE_MAX = 140;

const shortNote = (note: string) =>
  note.length > NOTE_IN_NOTICE_MAX ? `${note.slice(0, NOTE_IN_NOTICE_MAX - 1)}…` : note;

/** A firm applied to the library or resubmitted: the staff of the project's chain are to review it. */
export async function notifyProjectSubmitted(
  tx: Database,
  input: { project: ProjectNoticeSubject; resubmitted: boolean; actorUserId: number | null },
): Promise<void> {
  const { project } = input;
  await notify(
    tx,
    [
      {
        kind: 'project_submitted',
        userIds: await findStaffUserIdsOfChain(tx, project.chainCode),
        link: `/staff/projects/${project.id}`,
        params: {
          variant: input.resubmitted ? 'resubmitted' : 'applied',
          project: project.title,
          enterprise: project.enterpriseName,
          chain: project.chainCode,
        },
      },
    ],
    input.actorUserId,
  );
}

/** Staff decided on a firm's application: its users are told the decision, with the note or reason. */
export async function notifyProjectReviewed(
  tx: Database,
  input: {
    project: ProjectNoticeSubject;
    decision: 'admit' | 'changes' | 'reject';
    note: string;
    actorUserId: number | null;
  },
): Promise<void> {
  const { project } = input;
  await notify(
    tx,
    [
      {
        kind: 'project_reviewed',
        userIds: await findUserIdsOfEnterprises(tx, [project.enterpriseId]),
        link: `/projects/${project.id}`,
        params: {
          variant: input.decision,
          project: project.title,
          ...(input.note ? { note: shortNote(input.note) } : {}),
        },
      },
    ],
    input.actorUserId,
  );
}

/** Support was recorded for an admitted project: its firm's users are told which kind. */
export async function notifyProjectSupported(
  tx: Database,
  input: { project: ProjectNoticeSubject; support: string; actorUserId: number | null },
): Promise<void> {
  const { project } = input;
  await notify(
    tx,
    [
      {
        kind: 'project_supported',
        userIds: await findUserIdsOfEnterprises(tx, [project.enterpriseId]),
        link: `/projects/${project.id}`,
        params: { project: project.title, support: input.support },
      },
    ],
    input.actorUserId,
  );
}
