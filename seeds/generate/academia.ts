import { CHAIN_CODES, type ChainCode, type FacultyTitle } from '../../services/shared/enums.js';
import type { SeedFaculty, SeedStaff, SeedTeam, SeedUniversity } from '../city.types.js';
import type { Random } from '../random.js';
import { type Subtopic, VOCABULARY } from '../vocabulary/index.js';
import { UNIVERSITIES, UNIVERSITY_CHAIN_AFFINITY } from '../vocabulary/universities.js';
import { pad, splitTotal, uniquePersonName, uniqueValue } from './helpers.js';
import { facultyBio, facultyDirections, teamDescription, teamDirections } from './profile-text.js';
import { type AcademicShape, STAFF_PER_CHAIN } from './shape.js';
import { facultyWorks } from './works.js';

export function generateUniversities(): SeedUniversity[] {
  return UNIVERSITIES.map(({ key, code, nameZh, nameEn, grantsDoctorates }) => ({
    key,
    code,
    nameZh,
    nameEn,
    grantsDoctorates,
  }));
}

export function generateStaff(random: Random): SeedStaff[] {
  const staff: SeedStaff[] = [];
  const taken = new Set<string>();
  for (const chain of CHAIN_CODES) {
    for (let index = 0; index < STAFF_PER_CHAIN[chain]; index++) {
      const number = staff.length + 1;
      staff.push({
        key: `staff:${pad(number, 2)}`,
        name: uniquePersonName(random, taken),
        chain,
        position: index === 0 ? '专班组长' : index === 1 ? '专班副组长' : '专班成员',
        email: `staff${pad(number, 2)}@kjj.weihai.example`,
      });
    }
  }
  return staff;
}

const OTHER_TITLES: readonly (readonly [FacultyTitle, number])[] = [
  ['associate_professor', 46],
  ['lecturer', 34],
  ['researcher', 5],
  ['associate_researcher', 9],
  ['assistant_researcher', 6],
];

const TEAM_NAME_PATTERNS: readonly ((subtopic: Subtopic, leader: string) => string)[] = [
  (subtopic) => `${subtopic.zh}研究团队`,
  (subtopic) => `${subtopic.zh}创新团队`,
  (subtopic) => `${subtopic.zh}工程技术团队`,
  (subtopic, leader) => `${leader}${subtopic.zh}团队`,
];

const TEAM_NAME_EN_ENDINGS = ['Research Group', 'Innovation Team', 'Engineering Team', 'Lab'];

interface TeamPlan {
  team: SeedTeam;
  size: number;
}

export interface Academia {
  teams: SeedTeam[];
  faculty: SeedFaculty[];
}

/**
 * Teams and faculty of the given shape. Each chain's sub-topics are dealt to its teams in turn, so
 * every sub-topic has at least one team and a demand on it always has a right answer.
 */
export function generateAcademia(
  random: Random,
  universities: SeedUniversity[],
  shape: AcademicShape,
): Academia {
  const plans: TeamPlan[] = [];
  // Wide enough for the last team's number, so keys still sort in creation order in a bigger city.
  const keyWidth = Math.max(3, String(Object.values(shape.teamsPerChain).reduce((a, b) => a + b)).length);
  const teamNamesByUniversity = new Map<string, Set<string>>();
  const personNamesByUniversity = new Map<string, Set<string>>();
  const leaderNames: string[] = [];
  for (const chain of CHAIN_CODES) {
    const vocabulary = VOCABULARY[chain];
    const dealt = random.shuffle(vocabulary.subtopics);
    for (let index = 0; index < shape.teamsPerChain[chain]; index++) {
      const university = pickUniversity(random, chain);
      const primary = dealt[index % dealt.length]!;
      const focus = [primary];
      if (random.chance(0.25)) {
        focus.push(random.pick(vocabulary.subtopics.filter((subtopic) => subtopic !== primary)));
      }
      const names = mapSet(personNamesByUniversity, university.key);
      const leaderName = uniquePersonName(random, names);
      const teamNames = mapSet(teamNamesByUniversity, university.key);
      const nameZh = uniqueValue(teamNames, (attempt) =>
        TEAM_NAME_PATTERNS[Math.min(attempt, TEAM_NAME_PATTERNS.length - 1)]!(primary, leaderName),
      );
      const key = `team:${university.code}:${pad(plans.length + 1, keyWidth)}`;
      leaderNames.push(leaderName);
      plans.push({
        size: 0,
        team: {
          key,
          universityKey: university.key,
          nameZh,
          nameEn: `${primary.en} ${random.pick(TEAM_NAME_EN_ENDINGS)}, ${university.nameEn}`,
          chain,
          focus: focus.map((subtopic) => subtopic.key),
          leaderKey: `${key}:member:01`,
          researchDirections: teamDirections(random, vocabulary, focus),
          description: '',
        },
      });
    }
  }
  const sizes = splitTotal(random, shape.faculty, plans.length, 4, 16);
  plans.forEach((plan, index) => {
    plan.size = sizes[index]!;
  });
  const faculty = generateFaculty(random, shape, { plans, leaderNames, personNamesByUniversity });
  for (const plan of plans) {
    const professors = faculty.filter(
      (member) => member.teamKey === plan.team.key && member.title === 'professor',
    ).length;
    plan.team.description = teamDescription(random, {
      teamName: plan.team.nameZh,
      universityName: universities.find((university) => university.key === plan.team.universityKey)!.nameZh,
      vocabulary: VOCABULARY[plan.team.chain],
      focus: plan.team.focus.map((key) => subtopicOf(plan.team.chain, key)),
      size: plan.size,
      professors,
    });
  }
  return { teams: plans.map((plan) => plan.team), faculty };
}

function pickUniversity(random: Random, chain: ChainCode) {
  return random.weighted(
    UNIVERSITIES.map(
      (university) =>
        [
          university,
          university.weight * (UNIVERSITY_CHAIN_AFFINITY[university.key]!.includes(chain) ? 1 : 0.08),
        ] as const,
    ),
  );
}

function mapSet(map: Map<string, Set<string>>, key: string): Set<string> {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  return set;
}

function subtopicOf(chain: ChainCode, key: string): Subtopic {
  return VOCABULARY[chain].subtopics.find((subtopic) => subtopic.key === key)!;
}

function generateFaculty(
  random: Random,
  shape: AcademicShape,
  teams: { plans: TeamPlan[]; leaderNames: string[]; personNamesByUniversity: Map<string, Set<string>> },
): SeedFaculty[] {
  const { plans, leaderNames, personNamesByUniversity } = teams;
  const doctoralUniversities = new Set(
    UNIVERSITIES.filter((university) => university.grantsDoctorates).map((university) => university.key),
  );
  const members = plans.flatMap((plan, teamIndex) =>
    Array.from({ length: plan.size }, (_, index) => ({
      plan,
      index,
      name: index === 0 ? leaderNames[teamIndex]! : '',
    })),
  );
  // Leaders are professors; the remaining professorships go to other members at random.
  const others = members.filter((member) => member.index > 0);
  const extraProfessors = new Set(random.sample(others, shape.professors - plans.length));
  const titles = new Map(
    members.map((member) => [
      member,
      member.index === 0 || extraProfessors.has(member) ? 'professor' : random.weighted(OTHER_TITLES),
    ]),
  );
  // Doctoral supervisors: senior people at universities that train doctors, leaders first.
  const eligible = members.filter(
    (member) =>
      doctoralUniversities.has(member.plan.team.universityKey) &&
      (titles.get(member) === 'professor' || titles.get(member) === 'researcher'),
  );
  const supervisors = new Set(
    [
      ...random.shuffle(eligible.filter((member) => member.index === 0)),
      ...random.shuffle(eligible.filter((member) => member.index > 0)),
    ].slice(0, shape.doctoralSupervisors),
  );
  const chiefs = new Set<(typeof members)[number]>();
  for (const chain of CHAIN_CODES) {
    const onChain = members.filter((member) => member.plan.team.chain === chain);
    const ranked = [
      ...random.shuffle(onChain.filter((member) => supervisors.has(member))),
      ...random.shuffle(
        onChain.filter((member) => !supervisors.has(member) && titles.get(member) === 'professor'),
      ),
    ];
    for (const member of ranked.slice(0, shape.chiefScientistsPerChain[chain])) chiefs.add(member);
  }
  return members.map((member) => {
    const { team } = member.plan;
    const vocabulary = VOCABULARY[team.chain];
    const focus = team.focus.map((key) => subtopicOf(team.chain, key));
    const title = titles.get(member)!;
    const name = member.name || uniquePersonName(random, personNamesByUniversity.get(team.universityKey)!);
    const isDoctoralSupervisor = supervisors.has(member);
    const chiefScientistChain = chiefs.has(member) ? team.chain : null;
    const directions = facultyDirections(random, vocabulary, focus);
    return {
      key: `${team.key}:member:${pad(member.index + 1, 2)}`,
      universityKey: team.universityKey,
      teamKey: team.key,
      name,
      title,
      isDoctoralSupervisor,
      chiefScientistChain,
      researchDirections: directions,
      bio: facultyBio(random, {
        name,
        title,
        isDoctoralSupervisor,
        chiefScientistChain,
        directions,
        isLeader: member.index === 0,
      }),
      email: null,
      works: facultyWorks(random, {
        title,
        vocabulary,
        focus,
        writesInEnglish: doctoralUniversities.has(team.universityKey),
      }),
    };
  });
}
