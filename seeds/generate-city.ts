import { enumLabel } from '../services/i18n/index.js';
import { CHAIN_CODES } from '../services/shared/enums.js';
import type {
  CityDataset,
  GroundTruthEntry,
  SeedDemand,
  SeedFaculty,
  SeedTeam,
  SeedUser,
} from './city.types.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';
import { generateAcademia, generateStaff, generateUniversities } from './generate/academia.js';
import { generateBrokering } from './generate/brokering.js';
import { generateChokepoint } from './generate/chokepoint.js';
import { generateDemands } from './generate/demands.js';
import { generateEnterprises, generateServices } from './generate/enterprises.js';
import { generateResults } from './generate/results.js';
import { AS_OF, academicShape } from './generate/shape.js';
import { Random } from './random.js';

/** Any fixed number: change it and the whole city is drawn anew, but stays the same on every run. */
export const CITY_SEED = 20_221_231;

export interface CityOptions {
  /**
   * How many times the report's academic size: teams, faculty with their works, and results
   * (see `academicShape`). A whole number from 1, the default and the report's own city, to 20.
   */
  scale?: number;
}

/**
 * The demo city of Weihai, of the exact shape of the bureau's report, or of its academic side at
 * `scale` times that size. Deterministic: the same seed and scale give the same data on every run
 * and machine; nothing reads the clock or Math.random().
 */
export function generateCity(seed: number = CITY_SEED, options: CityOptions = {}): CityDataset {
  const shape = academicShape(options.scale ?? 1);
  // Each part draws from its own stream, so changing one part leaves the others as they were.
  const streams = (name: string) => new Random(seed ^ hashName(name));
  const universities = generateUniversities();
  const staff = generateStaff(streams('staff'));
  const { teams, faculty } = generateAcademia(streams('academia'), universities, shape);
  const enterprises = generateEnterprises(streams('enterprises'));
  const demands = generateDemands(streams('demands'), enterprises, teams);
  const groundTruth = plantedGroundTruth(demands, teams, faculty);
  const { matchCandidates, collaborations } = generateBrokering(
    streams('brokering'),
    demands,
    teams,
    groundTruth,
  );
  const users = demoUsers(collaborations, teams, staff);
  const enterpriseUser = users.find((user) => user.role === 'enterprise')!;
  const universityUser = users.find((user) => user.role === 'university')!;
  const chokepoint = generateChokepoint(streams('chokepoint'), {
    demands,
    enterprises,
    teams,
    universities,
    matchCandidates,
    collaborations,
    showcase: { enterpriseKey: enterpriseUser.enterpriseKey!, teamKey: universityUser.teamKey! },
  });
  return {
    asOf: AS_OF,
    chains: CHAIN_CODES.map((code, index) => ({
      code,
      nameZh: enumLabel('zh-CN', 'chain', code),
      nameEn: enumLabel('en', 'chain', code),
      sortOrder: index + 1,
    })),
    universities,
    staff,
    teams,
    faculty,
    enterprises,
    demands,
    results: generateResults(streams('results'), { teams, faculty, total: shape.results }),
    matchCandidates,
    collaborations,
    services: generateServices(streams('services'), enterprises, staff),
    users,
    groundTruth,
    chokepoint,
  };
}

function hashName(name: string): number {
  let hash = 2_166_136_261;
  for (const character of name) hash = Math.imul(hash ^ character.charCodeAt(0), 16_777_619) >>> 0;
  return hash;
}

/** A demand was written for its sub-topic, so its right answers are the teams focused on it. */
function plantedGroundTruth(
  demands: SeedDemand[],
  teams: SeedTeam[],
  faculty: SeedFaculty[],
): GroundTruthEntry[] {
  return demands.map((demand) => {
    const teamKeys = teams.filter((team) => team.focus.includes(demand.subtopic)).map((team) => team.key);
    const members = new Set(teamKeys);
    return {
      demandKey: demand.key,
      teamKeys,
      facultyKeys: faculty.filter((member) => members.has(member.teamKey)).map((member) => member.key),
    };
  });
}

/** The demo logins point at a carbon-fibre collaboration so every role sees the same story. */
function demoUsers(
  collaborations: CityDataset['collaborations'],
  teams: SeedTeam[],
  staff: CityDataset['staff'],
): SeedUser[] {
  const teamsByKey = new Map(teams.map((team) => [team.key, team]));
  const showcase =
    collaborations.find((item) => teamsByKey.get(item.leadTeamKey)?.chain === 'carbon_fiber') ??
    collaborations[0]!;
  const team = teamsByKey.get(showcase.leadTeamKey)!;
  const chainStaff = staff.find((member) => member.chain === team.chain)!;
  const entities: Record<string, Partial<SeedUser>> = {
    enterprise: { enterpriseKey: showcase.enterpriseKey, displayName: '企业演示账号' },
    university: { teamKey: team.key, facultyKey: team.leaderKey, displayName: '高校演示账号' },
    staff: { staffKey: chainStaff.key, displayName: `${chainStaff.name}（专班演示账号）` },
    admin: { displayName: '系统管理员' },
  };
  return DEMO_ACCOUNTS.map((account) => ({
    email: account.email,
    password: account.password,
    role: account.role,
    displayName: '',
    enterpriseKey: null,
    teamKey: null,
    facultyKey: null,
    staffKey: null,
    ...entities[account.role],
  }));
}
