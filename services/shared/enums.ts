/**
 * The domain's closed vocabularies. Codes are stored in the database (checked by constraints);
 * labels are what people read. One list per enumeration so schema, seeds, imports and views agree.
 */

type Labelled<Code extends string> = Readonly<Record<Code, { zh: string; en: string }>>;

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
export const CHAIN_LABELS: Labelled<ChainCode> = {
  medical: { zh: '医药医疗器械', en: 'Pharma & medical devices' },
  carbon_fiber: { zh: '碳纤维复合材料', en: 'Carbon-fibre composites' },
  marine_equipment: { zh: '船舶与海工装备', en: 'Ships & offshore equipment' },
  special_vehicle: { zh: '专用汽车', en: 'Special-purpose vehicles' },
  info_tech: { zh: '信创（新一代信息技术）', en: 'IT innovation (next-generation IT)' },
  new_energy: { zh: '高效新能源', en: 'Efficient new energy' },
  marine_bio: { zh: '海洋生物', en: 'Marine biology' },
  fishing_tackle: { zh: '钓具', en: 'Fishing tackle' },
};

/** The bureau's four classes of key technology (重大关键技术). */
export const DEMAND_CLASSES = ['chokepoint', 'chain', 'systemic', 'disruptive'] as const;
export type DemandClass = (typeof DEMAND_CLASSES)[number];
export const DEMAND_CLASS_LABELS: Labelled<DemandClass> = {
  chokepoint: { zh: '卡脖子技术', en: 'Choke-point technology' },
  chain: { zh: '链条式技术', en: 'Chain technology' },
  systemic: { zh: '体系化技术', en: 'Systemic technology' },
  disruptive: { zh: '有裂变前景的颠覆性技术', en: 'Disruptive technology' },
};

export const DEMAND_STATUSES = ['draft', 'published', 'matched', 'closed'] as const;
export type DemandStatus = (typeof DEMAND_STATUSES)[number];
export const DEMAND_STATUS_LABELS: Labelled<DemandStatus> = {
  draft: { zh: '草稿', en: 'Draft' },
  published: { zh: '已发布', en: 'Published' },
  matched: { zh: '已对接', en: 'Matched' },
  closed: { zh: '已关闭', en: 'Closed' },
};

export const VISIBILITIES = ['public', 'confidential'] as const;
export type Visibility = (typeof VISIBILITIES)[number];
export const VISIBILITY_LABELS: Labelled<Visibility> = {
  public: { zh: '公开', en: 'Public' },
  confidential: { zh: '保密', en: 'Confidential' },
};

export const FACULTY_TITLES = [
  'professor',
  'associate_professor',
  'lecturer',
  'researcher',
  'associate_researcher',
  'assistant_researcher',
] as const;
export type FacultyTitle = (typeof FACULTY_TITLES)[number];
export const FACULTY_TITLE_LABELS: Labelled<FacultyTitle> = {
  professor: { zh: '教授', en: 'Professor' },
  associate_professor: { zh: '副教授', en: 'Associate professor' },
  lecturer: { zh: '讲师', en: 'Lecturer' },
  researcher: { zh: '研究员', en: 'Research professor' },
  associate_researcher: { zh: '副研究员', en: 'Associate research professor' },
  assistant_researcher: { zh: '助理研究员', en: 'Assistant research fellow' },
};

export const WORK_KINDS = ['paper', 'patent', 'project', 'result'] as const;
export type WorkKind = (typeof WORK_KINDS)[number];
export const WORK_KIND_LABELS: Labelled<WorkKind> = {
  paper: { zh: '论文', en: 'Paper' },
  patent: { zh: '专利', en: 'Patent' },
  project: { zh: '项目', en: 'Project' },
  result: { zh: '成果', en: 'Result' },
};

export const ENTERPRISE_SIZES = ['large', 'medium', 'small', 'micro'] as const;
export type EnterpriseSize = (typeof ENTERPRISE_SIZES)[number];
export const ENTERPRISE_SIZE_LABELS: Labelled<EnterpriseSize> = {
  large: { zh: '大型', en: 'Large' },
  medium: { zh: '中型', en: 'Medium' },
  small: { zh: '小型', en: 'Small' },
  micro: { zh: '微型', en: 'Micro' },
};

export const IP_STATUSES = [
  'patent_granted',
  'patent_pending',
  'software_copyright',
  'know_how',
  'none',
] as const;
export type IpStatus = (typeof IP_STATUSES)[number];
export const IP_STATUS_LABELS: Labelled<IpStatus> = {
  patent_granted: { zh: '已授权专利', en: 'Patent granted' },
  patent_pending: { zh: '专利申请中', en: 'Patent pending' },
  software_copyright: { zh: '软件著作权', en: 'Software copyright' },
  know_how: { zh: '技术秘密', en: 'Know-how' },
  none: { zh: '无', en: 'None' },
};

export const MATCH_STATUSES = ['suggested', 'shortlisted', 'introduced', 'accepted', 'declined'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];
export const MATCH_STATUS_LABELS: Labelled<MatchStatus> = {
  suggested: { zh: '系统推荐', en: 'Suggested' },
  shortlisted: { zh: '已入围', en: 'Shortlisted' },
  introduced: { zh: '已引荐', en: 'Introduced' },
  accepted: { zh: '已达成', en: 'Accepted' },
  declined: { zh: '已婉拒', en: 'Declined' },
};

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
export const DECLINE_REASON_LABELS: Labelled<DeclineReason> = {
  expertise_mismatch: { zh: '研究方向不匹配', en: 'Expertise does not fit' },
  capacity_full: { zh: '团队任务已满', en: 'Team at capacity' },
  budget_mismatch: { zh: '经费预期不一致', en: 'Budget expectations differ' },
  timeline_mismatch: { zh: '时间安排不一致', en: 'Timeline does not fit' },
  ip_terms: { zh: '知识产权条款未谈拢', en: 'IP terms not agreed' },
  demand_withdrawn: { zh: '需求已撤回', en: 'Demand withdrawn' },
  other: { zh: '其他原因', en: 'Other reason' },
};

/** The "4 个共同": the life of a collaboration, in order. */
export const COLLABORATION_STAGES = [
  'refine_demand',
  'design_task',
  'joint_research',
  'commercialise',
] as const;
export type CollaborationStage = (typeof COLLABORATION_STAGES)[number];
export const COLLABORATION_STAGE_LABELS: Labelled<CollaborationStage> = {
  refine_demand: { zh: '共同凝练科技需求', en: 'Refine the demand together' },
  design_task: { zh: '共同设计研发任务', en: 'Design the R&D task together' },
  joint_research: { zh: '共同组织科技攻关', en: 'Run the research together' },
  commercialise: { zh: '共同推动成果转化', en: 'Bring the result to market together' },
};

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
export const SERVICE_KIND_LABELS: Labelled<ServiceKind> = {
  visit: { zh: '走访调研', en: 'Visit' },
  matchmaking: { zh: '供需对接', en: 'Matchmaking' },
  policy: { zh: '政策辅导', en: 'Policy guidance' },
  financing: { zh: '金融服务（拨投贷保）', en: 'Financing' },
  talent: { zh: '人才引育', en: 'Talent' },
  ip: { zh: '知识产权', en: 'Intellectual property' },
  platform: { zh: '平台与仪器共享', en: 'Platforms & instruments' },
  other: { zh: '其他', en: 'Other' },
};

export const USER_ROLES = ['enterprise', 'university', 'staff', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];
export const USER_ROLE_LABELS: Labelled<UserRole> = {
  enterprise: { zh: '企业', en: 'Enterprise' },
  university: { zh: '高校团队/教师', en: 'University team / faculty' },
  staff: { zh: '科技局工作人员', en: 'Bureau staff' },
  admin: { zh: '管理员', en: 'Administrator' },
};

export const USER_STATUSES = ['pending', 'active', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** How both sides' agreement to a pair reached outside the portal was confirmed. */
export const AGREEMENT_CHANNELS = ['phone', 'meeting', 'email', 'letter'] as const;
export type AgreementChannel = (typeof AGREEMENT_CHANNELS)[number];
export const AGREEMENT_CHANNEL_LABELS: Labelled<AgreementChannel> = {
  phone: { zh: '电话', en: 'Phone' },
  meeting: { zh: '面谈', en: 'Meeting' },
  email: { zh: '电子邮件', en: 'Email' },
  letter: { zh: '书面函件', en: 'Letter' },
};

/** What an accepted pair's consent rests on: both sides' interest in the portal, or an agreement staff recorded. */
export const CONSENT_BASES = ['portal_interest', 'recorded_agreement'] as const;
export type ConsentBasis = (typeof CONSENT_BASES)[number];

/** Where a choke-point project stands in the library (卡脖子攻关项目库). */
export const PROJECT_STATUSES = ['submitted', 'changes_requested', 'admitted', 'rejected'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const PROJECT_STATUS_LABELS: Labelled<ProjectStatus> = {
  submitted: { zh: '审核中', en: 'Under review' },
  changes_requested: { zh: '待修改', en: 'Changes requested' },
  admitted: { zh: '已入库', en: 'Admitted' },
  rejected: { zh: '未入库', en: 'Rejected' },
};

/** The four sides of "拨投贷保" support for an admitted project. */
export const SUPPORT_KINDS = ['grant', 'investment', 'loan', 'insurance'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];
export const SUPPORT_KIND_LABELS: Labelled<SupportKind> = {
  grant: { zh: '拨（财政资金）', en: 'Grant (city budget)' },
  investment: { zh: '投（政府基金）', en: 'Investment (government fund)' },
  loan: { zh: '贷（卡脖子攻关贷）', en: 'Loan (choke-point loan)' },
  insurance: { zh: '保（卡脖子研发损失险）', en: 'Insurance (R&D-loss insurance)' },
};

/** The partner organisations that give support: banks lend, the fund invests, insurers cover. */
export const PARTNER_KINDS = ['bank', 'fund', 'insurer'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];
export const PARTNER_KIND_LABELS: Labelled<PartnerKind> = {
  bank: { zh: '银行', en: 'Bank' },
  fund: { zh: '政府基金', en: 'Government fund' },
  insurer: { zh: '保险机构', en: 'Insurer' },
};

/** A consortium member's part in it (创新联合体). */
export const CONSORTIUM_ROLES = ['lead', 'supporting', 'upstream', 'downstream'] as const;
export type ConsortiumRole = (typeof CONSORTIUM_ROLES)[number];
export const CONSORTIUM_ROLE_LABELS: Labelled<ConsortiumRole> = {
  lead: { zh: '牵头单位', en: 'Lead' },
  supporting: { zh: '支撑单位', en: 'Supporting' },
  upstream: { zh: '上游企业', en: 'Upstream' },
  downstream: { zh: '下游企业', en: 'Downstream' },
};

export const CONSORTIUM_STATUSES = ['forming', 'active', 'concluded'] as const;
export type ConsortiumStatus = (typeof CONSORTIUM_STATUSES)[number];
export const CONSORTIUM_STATUS_LABELS: Labelled<ConsortiumStatus> = {
  forming: { zh: '组建中', en: 'Forming' },
  active: { zh: '运行中', en: 'Active' },
  concluded: { zh: '已结束', en: 'Concluded' },
};

export const CONSORTIUM_TASK_STATUSES = ['planned', 'under_way', 'done'] as const;
export type ConsortiumTaskStatus = (typeof CONSORTIUM_TASK_STATUSES)[number];
export const CONSORTIUM_TASK_STATUS_LABELS: Labelled<ConsortiumTaskStatus> = {
  planned: { zh: '计划中', en: 'Planned' },
  under_way: { zh: '攻关中', en: 'Under way' },
  done: { zh: '已完成', en: 'Done' },
};
