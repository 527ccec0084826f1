/**
 * The domain's closed vocabularies. Codes are stored in the database (checked by constraints);
 * their labels are in the message catalogue (`services/i18n/messages/enums.ts`, `enum.<kind>.<code>`).
 * One list per enumeration so schema, seeds, imports and views agree.
 */

export const CHAIN_CODES = [
  'medical',
  'carbon_fiber',
  'marine_equipment',
  'special_vehicle',
  'info_tech',
  'new_energy',
  'marine_bio',
  'fishing_tackle',
] as const;
export type ChainCode = (typeof CHAIN_CODES)[number];

/** The bureau's four classes of key technology (重大关键技术). */
export const DEMAND_CLASSES = ['chokepoint', 'chain', 'systemic', 'disruptive'] as const;
export type DemandClass = (typeof DEMAND_CLASSES)[number];

export const DEMAND_STATUSES = ['draft', 'published', 'matched', 'closed'] as const;
export type DemandStatus = (typeof DEMAND_STATUSES)[number];

export const VISIBILITIES = ['public', 'confidential'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const FACULTY_TITLES = [
  'professor',
  'associate_professor',
  'lecturer',
  'researcher',
  'associate_researcher',
  'assistant_researcher',
] as const;
export type FacultyTitle = (typeof FACULTY_TITLES)[number];

export const WORK_KINDS = ['paper', 'patent', 'project', 'result'] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

export const ENTERPRISE_SIZES = ['large', 'medium', 'small', 'micro'] as const;
export type EnterpriseSize = (typeof ENTERPRISE_SIZES)[number];

export const IP_STATUSES = [
  'patent_granted',
  'patent_pending',
  'software_copyright',
  'know_how',
  'none',
] as const;
export type IpStatus = (typeof IP_STATUSES)[number];

export const MATCH_STATUSES = ['suggested', 'shortlisted', 'introduced', 'accepted', 'declined'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

/** The fixed reasons a pair can be declined for; the other side sees the label. */
export const DECLINE_REASONS = [
  'expertise_mismatch',
  'capacity_full',
  'budget_mismatch',
  'timeline_mismatch',
  'ip_terms',
  'demand_withdrawn',
  'other',
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/** The "4 个共同": the life of a collaboration, in order. */
export const COLLABORATION_STAGES = [
  'refine_demand',
  'design_task',
  'joint_research',
  'commercialise',
] as const;
export type CollaborationStage = (typeof COLLABORATION_STAGES)[number];

export const SERVICE_KINDS = [
  'visit',
  'matchmaking',
  'policy',
  'financing',
  'talent',
  'ip',
  'platform',
  'other',
] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export const USER_ROLES = ['enterprise', 'university', 'staff', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const USER_STATUSES = ['pending', 'active', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** How both sides' agreement to a pair reached outside the portal was confirmed. */
export const AGREEMENT_CHANNELS = ['phone', 'meeting', 'email', 'letter'] as const;
export type AgreementChannel = (typeof AGREEMENT_CHANNELS)[number];

/** What an accepted pair's consent rests on: both sides' interest in the portal, or an agreement staff recorded. */
export const CONSENT_BASES = ['portal_interest', 'recorded_agreement'] as const;
export type ConsentBasis = (typeof CONSENT_BASES)[number];

/** Where a choke-point project stands in the library (卡脖子攻关项目库). */
export const PROJECT_STATUSES = ['submitted', 'changes_requested', 'admitted', 'rejected'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** The four sides of "拨投贷保" support for an admitted project. */
export const SUPPORT_KINDS = ['grant', 'investment', 'loan', 'insurance'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

/** The partner organisations that give support: banks lend, the fund invests, insurers cover. */
export const PARTNER_KINDS = ['bank', 'fund', 'insurer'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** A consortium member's part in it (创新联合体). */
export const CONSORTIUM_ROLES = ['lead', 'supporting', 'upstream', 'downstream'] as const;
export type ConsortiumRole = (typeof CONSORTIUM_ROLES)[number];

export const CONSORTIUM_STATUSES = ['forming', 'active', 'concluded'] as const;
export type ConsortiumStatus = (typeof CONSORTIUM_STATUSES)[number];

export const CONSORTIUM_TASK_STATUSES = ['planned', 'under_way', 'done'] as const;
export type ConsortiumTaskStatus = (typeof CONSORTIUM_TASK_STATUSES)[number];

/** How a user takes each kind of notice: in the portal only, by email at once, or in a daily digest. */
export const NOTICE_DELIVERIES = ['portal', 'immediate', 'digest'] as const;
export type NoticeDelivery = (typeof NOTICE_DELIVERIES)[number];

/**
 * Where a mail in the outbox stands. `sending` is claimed by a sender; `failed` is final: the SMTP
 * server refused it, retries ran out, or a sender stopped mid-conversation (never re-sent on its own).
 */
export const MAIL_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];
