import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CHAIN_CODES } from '../services/shared/enums.js';
import { academicShape, TEAMS_PER_CHAIN } from './generate/shape.js';
import { CITY_SEED, generateCity } from './generate-city.js';

const city = generateCity();
const doubled = generateCity(CITY_SEED, { scale: 2 });

const works = (dataset: typeof city) => dataset.faculty.reduce((sum, member) => sum + member.works.length, 0);

function duplicatesOf(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => seen.has(value) || !seen.add(value));
}

describe('the city at a multiple of its academic size', () => {
  it('keeps the report’s city byte for byte at scale 1, the default', () => {
    // The planted ground truth and the matcher's measured quality are of this exact city: change
    // this fingerprint only when the city is meant to change.
    const fingerprint = createHash('sha256').update(JSON.stringify(city)).digest('hex');
    expect(fingerprint).toBe('d239b38899d89ebcbd00230025e7e72f7a030aee71cb32ad411d47ce17e58fdd');
  });

  it('has twice the teams on every chain, faculty, professors, supervisors, chief scientists and results at 2×', () => {
    expect(doubled.teams).toHaveLength(306);
    for (const chain of CHAIN_CODES)
      expect(doubled.teams.filter((team) => team.chain === chain)).toHaveLength(2 * TEAMS_PER_CHAIN[chain]);
    expect(doubled.faculty).toHaveLength(2638);
    expect(doubled.faculty.filter((member) => member.title === 'professor')).toHaveLength(1142);
    expect(doubled.faculty.filter((member) => member.isDoctoralSupervisor)).toHaveLength(372);
    expect(doubled.faculty.filter((member) => member.chiefScientistChain !== null)).toHaveLength(50);
    expect(doubled.results).toHaveLength(300);
    // Works follow each person's title, so their number doubles only roughly.
    expect(works(doubled) / works(city)).toBeGreaterThan(1.9);
    expect(works(doubled) / works(city)).toBeLessThan(2.1);
  });

  it('leaves the bureau’s side as the report has it: the same universities, staff, firms and demands', () => {
    expect(doubled.universities).toEqual(city.universities);
    expect(doubled.staff).toEqual(city.staff);
    expect(doubled.enterprises).toEqual(city.enterprises);
    expect(doubled.demands).toEqual(city.demands);
    expect(doubled.groundTruth.map((entry) => entry.demandKey)).toEqual(city.demands.map((d) => d.key));
    for (const entry of doubled.groundTruth) expect(entry.teamKeys.length).toBeGreaterThanOrEqual(1);
  });

  it('keeps keys and the schema’s natural keys unique in the bigger city', () => {
    expect(duplicatesOf(doubled.teams.map((team) => `${team.universityKey}|${team.nameZh}`))).toEqual([]);
    expect(duplicatesOf(doubled.faculty.map((member) => member.key))).toEqual([]);
    expect(duplicatesOf(doubled.faculty.map((member) => `${member.teamKey}|${member.name}`))).toEqual([]);
    expect(
      duplicatesOf(doubled.results.map((r) => `${r.ownerTeamKey}|${r.ownerFacultyKey}|${r.title}`)),
    ).toEqual([]);
  });

  it('is identical on two runs', () => {
    expect(generateCity(CITY_SEED, { scale: 2 })).toEqual(doubled);
  });

  it('promises about 13,000 faculty in 1,530 teams at 10×', () => {
    const shape = academicShape(10);
    expect(Object.values(shape.teamsPerChain).reduce((sum, count) => sum + count)).toBe(1530);
    expect(shape).toMatchObject({
      faculty: 13_190,
      professors: 5710,
      doctoralSupervisors: 1860,
      results: 1500,
    });
  });

  it('refuses a scale that is not a whole number from 1 to 20', () => {
    for (const scale of [0, -1, 2.5, 21, Number.NaN])
      expect(() => generateCity(CITY_SEED, { scale })).toThrow(/whole number from 1 to 20/);
  });
});
