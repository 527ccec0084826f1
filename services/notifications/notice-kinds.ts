import type { NoticeDelivery, UserRole } from '../shared/enums.js';

/** Every kind of notice XueQi writes; each has a sentence in the catalogue (`services/i18n/messages/notices.ts`). */
export const NOTICE_KINDS = [
  'interest_in_demand',
  'interest_in_profile',
  'introduced',
  'contact_released',
  'collaboration_created',
  'collaboration_stage',
  'milestone_due',
  'milestone_overdue',
  'signup_approved',
  'demand_ranks_you',
  'demand_published',
  'pair_ready',
  'import_finished',
  'signup_waiting',
  'project_submitted',
  'project_reviewed',
  'project_supported',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** The kinds each role can receive: what its preferences page lists. */
export const NOTICE_KINDS_BY_ROLE: Readonly<Record<UserRole, readonly NoticeKind[]>> = {
  enterprise: [
    'interest_in_demand',
    'introduced',
    'contact_released',
    'collaboration_created',
    'collaboration_stage',
    'milestone_due',
    'milestone_overdue',
    'signup_approved',
    'project_reviewed',
    'project_supported',
  ],
  university: [
    'demand_ranks_you',
    'interest_in_profile',
    'introduced',
    'contact_released',
    'collaboration_created',
    'collaboration_stage',
    'milestone_due',
    'milestone_overdue',
  ],
  staff: ['demand_published', 'pair_ready', 'project_submitted', 'milestone_overdue', 'import_finished'],
  // Administrators keep accounts and the bureau's lists, not a chain's brokering: the chain's
  // notices go to its staff, so offering them here would be a setting that never rings.
  admin: ['signup_waiting', 'import_finished'],
};

/**
 * What a user gets before choosing: at once for what asks them to act, a digest for what only
 * informs and may come in numbers (new demands ranking a team, support recorded item by item), the
 * portal for their own imports.
 */
export const DEFAULT_DELIVERY: Readonly<Record<NoticeKind, NoticeDelivery>> = {
  interest_in_demand: 'immediate',
  interest_in_profile: 'immediate',
  introduced: 'immediate',
  contact_released: 'immediate',
  collaboration_created: 'immediate',
  collaboration_stage: 'digest',
  milestone_due: 'digest',
  milestone_overdue: 'immediate',
  signup_approved: 'immediate',
  demand_ranks_you: 'digest',
  demand_published: 'digest',
  pair_ready: 'immediate',
  import_finished: 'portal',
  signup_waiting: 'immediate',
  project_submitted: 'immediate',
  project_reviewed: 'immediate',
  project_supported: 'digest',
};

export function isNoticeKind(value: unknown): value is NoticeKind {
  return typeof value === 'string' && (NOTICE_KINDS as readonly string[]).includes(value);
}
