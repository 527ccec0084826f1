import type {
  ChainCode,
  CollaborationStage,
  ConsortiumRole,
  ConsortiumStatus,
  ConsortiumTaskStatus,
  DeclineReason,
  DemandClass,
  DemandStatus,
  EnterpriseSize,
  FacultyTitle,
  IpStatus,
  MatchStatus,
  PartnerKind,
  ProjectStatus,
  ServiceKind,
  SupportKind,
  UserRole,
  Visibility,
  WorkKind,
} from '../services/shared/enums.js';

/**
 * The demo city as plain data. No database ids: records refer to each other by stable string
 * keys (`team:hitwh:003`), which the loader resolves to ids. Dates are ISO `YYYY-MM-DD` strings.
 */
export interface CityDataset {
  /** The day the story is told from: services, milestones and deadlines are placed around it. */
  asOf: string;
  chains: SeedChain[];
  universities: SeedUniversity[];
  staff: SeedStaff[];
  teams: SeedTeam[];
  faculty: SeedFaculty[];
  enterprises: SeedEnterprise[];
  demands: SeedDemand[];
  results: SeedResult[];
  matchCandidates: SeedMatchCandidate[];
  collaborations: SeedCollaboration[];
  services: SeedEnterpriseService[];
  users: SeedUser[];
  /** For every demand, the teams it was written for (and their members): the matcher's answer key. */
  groundTruth: GroundTruthEntry[];
  chokepoint: ChokepointDataset;
}

export interface SeedChain {
  code: ChainCode;
  nameZh: string;
  nameEn: string;
  sortOrder: number;
}

export interface SeedUniversity {
  key: string;
  code: string;
  nameZh: string;
  nameEn: string;
  /** Whether it trains doctoral students, so only its professors can be doctoral supervisors. */
  grantsDoctorates: boolean;
}

export interface SeedStaff {
  key: string;
  name: string;
  chain: ChainCode;
  position: string;
  email: string;
}

export interface SeedTeam {
  key: string;
  universityKey: string;
  nameZh: string;
  nameEn: string;
  chain: ChainCode;
  /** The sub-topics of its chain the team works on: one, sometimes two (vocabulary keys). */
  focus: string[];
  leaderKey: string;
  researchDirections: string[];
  description: string;
}

export interface SeedWork {
  kind: WorkKind;
  title: string;
  summary: string;
  year: number;
}

export interface SeedFaculty {
  key: string;
  universityKey: string;
  teamKey: string;
  name: string;
  title: FacultyTitle;
  isDoctoralSupervisor: boolean;
  chiefScientistChain: ChainCode | null;
  researchDirections: string[];
  bio: string;
  email: string | null;
  works: SeedWork[];
}

export interface SeedEnterprise {
  key: string;
  name: string;
  industry: string;
  chains: ChainCode[];
  size: EnterpriseSize;
  description: string;
  address: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
}

export interface SeedDemand {
  key: string;
  enterpriseKey: string;
  chain: ChainCode;
  /** The sub-topic it was written for (vocabulary key); the ground truth follows from it. */
  subtopic: string;
  title: string;
  titleEn: string;
  description: string;
  demandClass: DemandClass;
  expectedTrl: number;
  budgetMin: number;
  budgetMax: number;
  deadline: string;
  visibility: Visibility;
  status: DemandStatus;
  postedOn: string;
}

export interface SeedResult {
  key: string;
  ownerTeamKey: string | null;
  ownerFacultyKey: string | null;
  chain: ChainCode;
  title: string;
  summary: string;
  trl: number;
  ipStatus: IpStatus;
}

export interface SeedMatchCandidate {
  key: string;
  demandKey: string;
  teamKey: string | null;
  facultyKey: string | null;
  score: number;
  explanationTerms: [term: string, share: number][];
  status: MatchStatus;
  declineReason: DeclineReason | null;
  declineNote: string | null;
  enterpriseInterested: boolean;
  profileInterested: boolean;
  introducedOn: string | null;
  decidedOn: string | null;
}

export interface SeedMilestone {
  stage: CollaborationStage;
  title: string;
  dueOn: string;
  doneOn: string | null;
}

export interface SeedCollaboration {
  key: string;
  demandKey: string;
  enterpriseKey: string;
  leadTeamKey: string;
  /** Other teams in the collaboration (never the lead). */
  partnerTeamKeys: string[];
  matchCandidateKey: string;
  title: string;
  stage: CollaborationStage;
  /** 万元; null while the demand is still being refined and no contract is signed. */
  contractValue: number | null;
  patentsGranted: number;
  newProducts: number;
  revenue: number;
  notes: string;
  startedOn: string;
  milestones: SeedMilestone[];
}

export interface SeedEnterpriseService {
  staffKey: string;
  enterpriseKey: string;
  servedOn: string;
  kind: ServiceKind;
  note: string;
}

export interface SeedUser {
  email: string;
  password: string;
  displayName: string;
  role: UserRole;
  enterpriseKey: string | null;
  teamKey: string | null;
  facultyKey: string | null;
  staffKey: string | null;
}

export interface GroundTruthEntry {
  demandKey: string;
  teamKeys: string[];
  facultyKeys: string[];
}

/** A bank, the government fund or an insurer that gives 投贷保 support. */
export interface SeedPartner {
  key: string;
  name: string;
  kind: PartnerKind;
  contactName: string;
  contactPhone: string;
}

export interface SeedBenchmarkRate {
  ratePercent: number;
  effectiveOn: string;
}

/** One item of 拨投贷保 support, its figures already computed as the service would. Yuan. */
export interface SeedSupport {
  kind: SupportKind;
  partnerKey: string | null;
  amount: number;
  grantedOn: string;
  budgetLine: string | null;
  multiplier: number | null;
  creditedAmount: number | null;
  termMonths: number | null;
  ratePercent: number | null;
  benchmarkRatePercent: number | null;
  riskCompensationPercent: number | null;
  riskCompensation: number | null;
  cover: number | null;
  subsidyPercent: number | null;
  subsidy: number | null;
}

/** A project of the choke-point library, drawn from a choke-point demand. Budget in 万元. */
export interface SeedProject {
  key: string;
  demandKey: string;
  enterpriseKey: string;
  /** The collaboration on the demand, when there is one. */
  collaborationKey: string | null;
  teamKeys: string[];
  chain: ChainCode;
  title: string;
  breakthrough: string;
  goals: string;
  plan: string;
  attachments: string[];
  budget: number;
  startsOn: string;
  endsOn: string;
  status: ProjectStatus;
  reviewNote: string | null;
  submittedOn: string;
  admittedOn: string | null;
  support: SeedSupport[];
}

export interface SeedConsortiumMember {
  role: ConsortiumRole;
  enterpriseKey: string | null;
  teamKey: string | null;
  universityKey: string | null;
}

export interface SeedConsortiumTask {
  title: string;
  demandKey: string | null;
  collaborationKey: string | null;
  projectKey: string | null;
  status: ConsortiumTaskStatus;
}

export interface SeedConsortium {
  key: string;
  name: string;
  leadEnterpriseKey: string;
  technologyLine: string;
  chain: ChainCode;
  description: string;
  status: ConsortiumStatus;
  members: SeedConsortiumMember[];
  tasks: SeedConsortiumTask[];
}

/** The choke-point library, its partners and the consortia: drawn after the rest of the city. */
export interface ChokepointDataset {
  partners: SeedPartner[];
  benchmarkRates: SeedBenchmarkRate[];
  projects: SeedProject[];
  consortia: SeedConsortium[];
}
