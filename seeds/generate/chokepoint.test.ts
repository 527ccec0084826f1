import { describe, expect, it } from 'vitest';
import {
  insuranceRuleBreaches,
  investmentRuleBreaches,
  loanRuleBreaches,
} from '../../services/projects/support-rules.js';
import { generateCity } from '../generate-city.js';

const city = generateCity();
const { projects, consortia } = city.chokepoint;
const support = projects.flatMap((project) => project.support);

describe('the demo city’s choke-point library and consortia', () => {
  it('draws every project from a distinct published choke-point demand of the project’s firm and chain', () => {
    const demands = new Map(city.demands.map((demand) => [demand.key, demand]));
    expect(new Set(projects.map((project) => project.demandKey)).size).toBe(projects.length);
    for (const project of projects) {
      const demand = demands.get(project.demandKey)!;
      expect(demand).toMatchObject({
        demandClass: 'chokepoint',
        enterpriseKey: project.enterpriseKey,
        chain: project.chain,
      });
      expect(project.startsOn <= project.endsOn).toBe(true);
    }
  });

  it('gives support of each kind to admitted projects only, every figure inside its rule', () => {
    expect(
      projects
        .filter((project) => project.status !== 'admitted')
        .every((project) => project.support.length === 0),
    ).toBe(true);
    expect(
      projects
        .filter((project) => project.status === 'admitted')
        .every((project) => project.support.length > 0),
    ).toBe(true);
    for (const item of support) {
      if (item.kind === 'loan')
        expect(
          loanRuleBreaches({
            principal: item.amount,
            termMonths: item.termMonths!,
            ratePercent: item.ratePercent!,
            benchmarkRatePercent: item.benchmarkRatePercent,
            collateral: false,
            riskCompensationPercent: item.riskCompensationPercent!,
          }),
        ).toEqual([]);
      if (item.kind === 'insurance') expect(insuranceRuleBreaches(item.subsidyPercent!)).toEqual([]);
      if (item.kind === 'investment') expect(investmentRuleBreaches(item.multiplier!)).toEqual([]);
    }
    const investments = support.filter((item) => item.kind === 'investment');
    expect(investments).toHaveLength(5);
    expect(investments.reduce((sum, item) => sum + item.amount, 0)).toBeGreaterThanOrEqual(50_000_000);
  });

  it('forms 10 firm-led consortia with supporting academia and firms up and down the chain', () => {
    expect(consortia).toHaveLength(10);
    for (const consortium of consortia) {
      expect(consortium.members.filter((member) => member.role === 'lead')).toEqual([
        expect.objectContaining({ enterpriseKey: consortium.leadEnterpriseKey }),
      ]);
      expect(consortium.members.some((member) => member.teamKey && member.role === 'supporting')).toBe(true);
      expect(
        consortium.members.some((member) => member.role === 'upstream' || member.role === 'downstream'),
      ).toBe(true);
    }
    const enterpriseUser = city.users.find((user) => user.role === 'enterprise')!;
    expect(consortia[0]!.leadEnterpriseKey).toBe(enterpriseUser.enterpriseKey);
  });
});
