import { describe, expect, it } from 'vitest';
import { CHAIN_CODES, COLLABORATION_STAGES } from '../services/shared/enums.js';
import type { CityDataset } from './city.types.js';
import { generateCity } from './generate-city.js';
import { groundTruthLines, groundTruthSet } from './ground-truth.js';
import { subtopicByKey } from './vocabulary/index.js';

const city = generateCity();

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

function expectUnique(values: string[]): void {
  const duplicates = values.filter((value, index) => values.indexOf(value) !== index);
  expect(duplicates).toEqual([]);
}

describe('the generated city', () => {
  it('has the shape of the bureau report: 11 universities, 153 teams, 1,319 faculty', () => {
    expect(city.chains).toHaveLength(8);
    expect(city.universities).toHaveLength(11);
    expect(city.teams).toHaveLength(153);
    expect(city.faculty).toHaveLength(1319);
    expect(city.faculty.filter((member) => member.isDoctoralSupervisor)).toHaveLength(186);
    expect(city.faculty.filter((member) => member.title === 'professor')).toHaveLength(571);
    expect(city.staff).toHaveLength(43);
  });

  it('assigns 25 chief scientists with at least two on every chain', () => {
    const chiefs = city.faculty.filter((member) => member.chiefScientistChain !== null);
    expect(chiefs).toHaveLength(25);
    const byChain = countBy(chiefs, (member) => member.chiefScientistChain!);
    for (const chain of CHAIN_CODES) expect(byChain[chain]).toBeGreaterThanOrEqual(2);
    const teams = new Map(city.teams.map((team) => [team.key, team]));
    for (const chief of chiefs) expect(teams.get(chief.teamKey)!.chain).toBe(chief.chiefScientistChain);
  });

  it('makes only professors and researchers at doctorate-granting universities doctoral supervisors', () => {
    const granting = new Set(city.universities.filter((u) => u.grantsDoctorates).map((u) => u.key));
    for (const member of city.faculty.filter((each) => each.isDoctoralSupervisor)) {
      expect(granting.has(member.universityKey)).toBe(true);
      expect(['professor', 'researcher']).toContain(member.title);
    }
  });

  it('has 107 demands split 49/22/21/15 over the classes and spread over all 8 chains', () => {
    expect(city.demands).toHaveLength(107);
    expect(countBy(city.demands, (demand) => demand.demandClass)).toEqual({
      chokepoint: 49,
      chain: 22,
      systemic: 21,
      disruptive: 15,
    });
    const byChain = countBy(city.demands, (demand) => demand.chain);
    for (const chain of CHAIN_CODES) expect(byChain[chain]).toBeGreaterThanOrEqual(5);
  });

  it('has mostly published demands, with some matched, closed, draft and confidential', () => {
    const byStatus = countBy(city.demands, (demand) => demand.status);
    expect(byStatus.published).toBeGreaterThan(50);
    for (const status of ['matched', 'closed', 'draft']) expect(byStatus[status]).toBeGreaterThan(0);
    expect(city.demands.some((demand) => demand.visibility === 'confidential')).toBe(true);
    for (const demand of city.demands) {
      expect(demand.budgetMin).toBeLessThanOrEqual(demand.budgetMax);
      expect(demand.expectedTrl).toBeGreaterThanOrEqual(1);
      expect(demand.expectedTrl).toBeLessThanOrEqual(9);
    }
  });

  it('has 300+ enterprises served 400+ times in 2022, every firm at least once', () => {
    expect(city.enterprises.length).toBeGreaterThanOrEqual(300);
    expect(city.services.length).toBeGreaterThanOrEqual(400);
    expect(new Set(city.services.map((service) => service.enterpriseKey)).size).toBe(city.enterprises.length);
    for (const service of city.services) expect(service.servedOn.startsWith('2022-')).toBe(true);
  });

  it('avoids the brands of real, well-known Weihai firms', () => {
    for (const enterprise of city.enterprises)
      expect(enterprise.name).not.toMatch(/光威|威高|迪尚|三角|好当家/);
  });

  it('has collaborations in every one of the four stages, with done, overdue and upcoming milestones', () => {
    const stages = new Set(city.collaborations.map((collaboration) => collaboration.stage));
    expect([...stages].sort()).toEqual([...COLLABORATION_STAGES].sort());
    const milestones = city.collaborations.flatMap((collaboration) => collaboration.milestones);
    expect(milestones.some((milestone) => milestone.doneOn !== null)).toBe(true);
    expect(milestones.some((milestone) => milestone.doneOn === null && milestone.dueOn < city.asOf)).toBe(
      true,
    );
    expect(milestones.some((milestone) => milestone.doneOn === null && milestone.dueOn > city.asOf)).toBe(
      true,
    );
  });

  it('grows every collaboration from an accepted candidate for its lead team', () => {
    const candidates = new Map(city.matchCandidates.map((candidate) => [candidate.key, candidate]));
    for (const collaboration of city.collaborations) {
      const candidate = candidates.get(collaboration.matchCandidateKey)!;
      expect(candidate).toMatchObject({ status: 'accepted', teamKey: collaboration.leadTeamKey });
      expect(candidate.demandKey).toBe(collaboration.demandKey);
    }
    const declined = city.matchCandidates.filter((candidate) => candidate.status === 'declined');
    expect(declined.length).toBeGreaterThan(0);
    for (const candidate of declined) expect(candidate.declineReason).not.toBeNull();
  });

  it('has about 150 results ready for industry, each owned by a team or one faculty member', () => {
    expect(city.results.length).toBeGreaterThanOrEqual(140);
    for (const result of city.results)
      expect((result.ownerTeamKey === null) !== (result.ownerFacultyKey === null)).toBe(true);
  });

  it('has one demo account per role, all in the story of one carbon-fibre collaboration', () => {
    expect(city.users.map((user) => user.role).sort()).toEqual([
      'admin',
      'enterprise',
      'staff',
      'university',
    ]);
    const [enterprise, university, staff] = city.users;
    const collaboration = city.collaborations.find(
      (item) => item.enterpriseKey === enterprise!.enterpriseKey && item.leadTeamKey === university!.teamKey,
    );
    expect(collaboration).toBeDefined();
    expect(city.teams.find((team) => team.key === university!.teamKey)!.chain).toBe('carbon_fiber');
    expect(city.staff.find((member) => member.key === staff!.staffKey)!.chain).toBe('carbon_fiber');
  });

  it('writes texts of the lengths the portal is designed for', () => {
    for (const team of city.teams) expect(team.description.length).toBeGreaterThanOrEqual(80);
    for (const team of city.teams) expect(team.description.length).toBeLessThanOrEqual(200);
    for (const member of city.faculty) {
      expect(member.bio.length).toBeGreaterThanOrEqual(60);
      expect(member.bio.length).toBeLessThanOrEqual(150);
      for (const work of member.works) {
        expect(work.summary.length).toBeGreaterThanOrEqual(40);
        expect(work.summary.length).toBeLessThanOrEqual(120);
      }
    }
  });

  it('is identical on two runs', () => {
    expect(generateCity()).toEqual(city);
  });

  it('draws another city from another seed', () => {
    expect(generateCity(7).faculty.map((member) => member.name)).not.toEqual(city.faculty.map((m) => m.name));
  });
});

describe('natural keys of the generated city', () => {
  const keyed = (dataset: CityDataset) => [
    ...dataset.universities.map((u) => u.key),
    ...dataset.teams.map((t) => t.key),
    ...dataset.faculty.map((f) => f.key),
    ...dataset.enterprises.map((e) => e.key),
    ...dataset.demands.map((d) => d.key),
  ];

  it('gives every record a distinct key', () => {
    expectUnique(keyed(city));
  });

  it('keeps the schema natural keys unique', () => {
    expectUnique(city.teams.map((team) => `${team.universityKey}|${team.nameZh}`));
    expectUnique(city.faculty.map((member) => `${member.universityKey}|${member.name}|${member.teamKey}`));
    expectUnique(city.enterprises.map((enterprise) => enterprise.name));
    expectUnique(city.demands.map((demand) => `${demand.enterpriseKey}|${demand.title}`));
    expectUnique(
      city.results.map((result) => `${result.ownerTeamKey}|${result.ownerFacultyKey}|${result.title}`),
    );
    expectUnique(
      city.faculty.flatMap((member) =>
        member.works.map((work) => `${member.key}|${work.kind}|${work.title}`),
      ),
    );
    expectUnique(city.staff.map((member) => member.email));
    expectUnique(city.matchCandidates.map((c) => `${c.demandKey}|${c.teamKey}|${c.facultyKey}`));
  });

  it('keeps a demand–team pair in at most one collaboration', () => {
    expectUnique(
      city.collaborations.flatMap((collaboration) =>
        [collaboration.leadTeamKey, ...collaboration.partnerTeamKeys].map(
          (team) => `${collaboration.demandKey}|${team}`,
        ),
      ),
    );
  });
});

describe('the planted ground truth', () => {
  const teams = new Map(city.teams.map((team) => [team.key, team]));
  const demands = new Map(city.demands.map((demand) => [demand.key, demand]));

  it('names at least one team for every demand, always on the demand’s chain and sub-topic', () => {
    expect(city.groundTruth).toHaveLength(107);
    for (const entry of city.groundTruth) {
      const demand = demands.get(entry.demandKey)!;
      expect(entry.teamKeys.length).toBeGreaterThanOrEqual(1);
      for (const key of entry.teamKeys) {
        expect(teams.get(key)!.chain).toBe(demand.chain);
        expect(teams.get(key)!.focus).toContain(demand.subtopic);
      }
    }
  });

  it('lists exactly the members of the planted teams as the faculty answers', () => {
    for (const entry of city.groundTruth) {
      const expected = city.faculty
        .filter((member) => entry.teamKeys.includes(member.teamKey))
        .map((m) => m.key);
      expect(entry.facultyKeys).toEqual(expected);
    }
  });

  it('writes demands partly in their own words: some shared terms, some paraphrases', () => {
    for (const demand of city.demands) {
      const subtopic = subtopicByKey(demand.subtopic);
      expect(subtopic.terms.some((term) => demand.description.includes(term))).toBe(true);
      expect(subtopic.paraphrases.some((phrase) => demand.description.includes(phrase))).toBe(true);
    }
  });

  it('turns into a labelled set of teams as profiles and demands as queries, as JSON lines', () => {
    const set = groundTruthSet(city);
    expect(set.profiles).toHaveLength(153);
    expect(set.queries).toHaveLength(107);
    const profileIds = new Set(set.profiles.map((profile) => profile.id));
    for (const query of set.queries) for (const id of query.relevant) expect(profileIds.has(id)).toBe(true);
    expect(set.profiles.reduce((sum, profile) => sum + (profile.works?.length ?? 0), 0)).toBe(
      city.faculty.reduce((sum, member) => sum + member.works.length, 0),
    );
    const lines = groundTruthLines(set);
    expect(lines).toHaveLength(260);
    expect(JSON.parse(lines[0]!).type).toBe('profile');
    expect(JSON.parse(lines.at(-1)!).type).toBe('query');
  });
});
