import {
  COLLABORATION_STAGES,
  type CollaborationStage,
  type DeclineReason,
} from '../../services/shared/enums.js';
import type {
  GroundTruthEntry,
  SeedCollaboration,
  SeedDemand,
  SeedMatchCandidate,
  SeedMilestone,
  SeedTeam,
} from '../city.types.js';
import type { Random } from '../random.js';
import { subtopicByKey, VOCABULARY } from '../vocabulary/index.js';
import { addDays, pad } from './helpers.js';
import { AS_OF, COLLABORATIONS_BY_STAGE } from './shape.js';

const MILESTONES: Readonly<Record<CollaborationStage, readonly string[]>> = {
  refine_demand: ['联合调研，凝练技术需求', '形成技术需求说明书'],
  design_task: ['确定研发任务书与考核指标', '签订技术开发合同'],
  joint_research: ['完成小试验证', '完成中试与样品试制', '样品通过企业测试'],
  commercialise: ['产品定型与批量试产', '申请发明专利', '新产品上市销售'],
};

const DECLINE_NOTES: Readonly<Record<DeclineReason, string>> = {
  expertise_mismatch: '团队方向偏材料基础研究，与企业的工程化需求不一致。',
  capacity_full: '团队今年承担的横向课题已满，明年可再对接。',
  budget_mismatch: '企业预算低于团队测算的研发成本。',
  timeline_mismatch: '企业要求半年内出样，团队评估周期不少于一年半。',
  ip_terms: '双方对知识产权归属和收益分配未达成一致。',
  demand_withdrawn: '企业调整产品规划，需求暂缓。',
  other: '企业已与外地院所签约。',
};

export interface Brokering {
  matchCandidates: SeedMatchCandidate[];
  collaborations: SeedCollaboration[];
}

/**
 * The bureau's brokering so far: collaborations in every one of the four stages, each grown from
 * an accepted candidate with a ground-truth team, and other candidates at every step of the way,
 * including declined ones with their reasons. Scores here are illustrative, not the matcher's.
 */
export function generateBrokering(
  random: Random,
  demands: SeedDemand[],
  teams: SeedTeam[],
  groundTruth: GroundTruthEntry[],
): Brokering {
  const truthByDemand = new Map(groundTruth.map((entry) => [entry.demandKey, entry]));
  const candidates: SeedMatchCandidate[] = [];
  const collaborations: SeedCollaboration[] = [];
  const pairs = new Set<string>();
  const addCandidate = (candidate: Omit<SeedMatchCandidate, 'key'>): SeedMatchCandidate => {
    const pair = `${candidate.demandKey}|${candidate.teamKey}|${candidate.facultyKey}`;
    if (pairs.has(pair)) throw new Error(`duplicate candidate ${pair}`);
    pairs.add(pair);
    const full = { key: `candidate:${pad(candidates.length + 1, 4)}`, ...candidate };
    candidates.push(full);
    return full;
  };
  const explanation = (demand: SeedDemand, onTopic: boolean): [string, number][] => {
    const subtopic = subtopicByKey(demand.subtopic);
    const words = onTopic
      ? random.sample(subtopic.terms, 3)
      : random.sample(VOCABULARY[demand.chain].general, 2);
    let left = 1;
    return words.map((word, index) => {
      const share =
        index === words.length - 1 ? left : Math.round(left * (0.4 + random.next() * 0.2) * 100) / 100;
      left = Math.round((left - share) * 100) / 100;
      return [word, share];
    });
  };
  const score = (onTopic: boolean) =>
    Math.round((onTopic ? 0.55 + random.next() * 0.35 : 0.28 + random.next() * 0.22) * 1000) / 1000;

  const stages = random.shuffle(
    COLLABORATION_STAGES.flatMap((stage) =>
      Array.from({ length: COLLABORATIONS_BY_STAGE[stage] }, () => stage),
    ),
  );
  const open = demands.filter((demand) => demand.status !== 'draft');
  const chosen = random.shuffle(open).slice(0, 34);
  // Some demands are big enough for two teams to lead separate parts of the work.
  const withTwo = new Set(
    chosen
      .filter((demand) => truthByDemand.get(demand.key)!.teamKeys.length >= 2)
      .slice(0, stages.length - chosen.length),
  );
  const plan = chosen.flatMap((demand) => (withTwo.has(demand) ? [demand, demand] : [demand]));
  for (const demand of random.sample(
    open.filter((other) => !chosen.includes(other)),
    stages.length - plan.length,
  ))
    plan.push(demand);

  const usedTeams = new Map<string, Set<string>>();
  plan.forEach((demand, index) => {
    const stage = stages[index]!;
    const truth = truthByDemand.get(demand.key)!;
    const used = usedTeams.get(demand.key) ?? new Set<string>();
    usedTeams.set(demand.key, used);
    const leadTeamKey = random.pick(truth.teamKeys.filter((key) => !used.has(key)));
    used.add(leadTeamKey);
    const partnerTeamKeys: string[] = [];
    if (random.chance(0.3)) {
      const partners = teams.filter(
        (team) => team.chain === demand.chain && !used.has(team.key) && !truth.teamKeys.includes(team.key),
      );
      if (partners.length > 0) {
        const partner = random.pick(partners).key;
        partnerTeamKeys.push(partner);
        used.add(partner);
      }
    }
    const startedOn = addDays('2022-01-10', random.int(0, 300));
    const accepted = addCandidate({
      demandKey: demand.key,
      teamKey: leadTeamKey,
      facultyKey: null,
      score: score(true),
      explanationTerms: explanation(demand, true),
      status: 'accepted',
      declineReason: null,
      declineNote: null,
      enterpriseInterested: true,
      profileInterested: true,
      introducedOn: addDays(startedOn, -random.int(20, 60)),
      decidedOn: addDays(startedOn, -random.int(1, 15)),
    });
    const stageIndex = COLLABORATION_STAGES.indexOf(stage);
    const inCommerce = stage === 'commercialise';
    collaborations.push({
      key: `collaboration:${pad(collaborations.length + 1)}`,
      demandKey: demand.key,
      enterpriseKey: demand.enterpriseKey,
      leadTeamKey,
      partnerTeamKeys,
      matchCandidateKey: accepted.key,
      title: plan.indexOf(demand) === index ? demand.title : `${demand.title}（子课题二）`,
      stage,
      contractValue: stage === 'refine_demand' ? null : random.int(30, 600),
      patentsGranted: stageIndex >= 2 ? random.int(stageIndex - 2, stageIndex + 1) : 0,
      newProducts: inCommerce ? random.int(1, 3) : 0,
      revenue: inCommerce ? random.int(80, 3000) : 0,
      notes: inCommerce ? '成果已在企业实现转化，专班持续跟踪销售情况。' : '专班按“4个共同”机制跟踪推进。',
      startedOn,
      milestones: milestones(random, stage, startedOn),
    });
  });

  for (const demand of plan) demand.status = 'matched';
  // A demand whose work has reached the market, or one withdrawn by its firm, is closed.
  for (const collaboration of collaborations.filter((item) => item.stage === 'commercialise').slice(0, 4)) {
    demands.find((demand) => demand.key === collaboration.demandKey)!.status = 'closed';
  }

  const pending = open.filter((demand) => demand.status === 'published');
  for (const demand of pending.slice(0, 3)) {
    demand.status = 'closed';
    const truth = truthByDemand.get(demand.key)!;
    addCandidate(declined(demand, truth.teamKeys[0]!, 'demand_withdrawn', true));
  }
  for (const demand of random.sample(pending.slice(3), 40)) {
    const truth = truthByDemand.get(demand.key)!;
    const onTopic = random.sample(truth.teamKeys, random.int(1, Math.min(2, truth.teamKeys.length)));
    for (const teamKey of onTopic) {
      const status = random.weighted([
        ['suggested', 2],
        ['shortlisted', 3],
        ['introduced', 3],
      ] as const);
      addCandidate({
        demandKey: demand.key,
        teamKey,
        facultyKey: null,
        score: score(true),
        explanationTerms: explanation(demand, true),
        status,
        declineReason: null,
        declineNote: null,
        enterpriseInterested: status === 'introduced' || random.chance(0.3),
        profileInterested: status === 'introduced',
        introducedOn: status === 'introduced' ? addDays(AS_OF, -random.int(5, 90)) : null,
        decidedOn: null,
      });
    }
    // Sometimes the firm wants one expert rather than a whole team.
    if (random.chance(0.25)) {
      addCandidate({
        demandKey: demand.key,
        teamKey: null,
        facultyKey: random.pick(truth.facultyKeys),
        score: score(true),
        explanationTerms: explanation(demand, true),
        status: 'shortlisted',
        declineReason: null,
        declineNote: null,
        enterpriseInterested: true,
        profileInterested: false,
        introducedOn: null,
        decidedOn: null,
      });
    }
    // The broker also looked at a neighbouring team, which turned it down or was turned down.
    const distractors = teams.filter(
      (team) => team.chain === demand.chain && !truth.teamKeys.includes(team.key),
    );
    if (distractors.length > 0 && random.chance(0.5)) {
      const reason = random.weighted([
        ['expertise_mismatch', 5],
        ['capacity_full', 2],
        ['budget_mismatch', 2],
        ['timeline_mismatch', 1],
        ['ip_terms', 1],
        ['other', 1],
      ] as const);
      addCandidate(declined(demand, random.pick(distractors).key, reason, false));
    }
  }

  function declined(
    demand: SeedDemand,
    teamKey: string,
    reason: DeclineReason,
    onTopic: boolean,
  ): Omit<SeedMatchCandidate, 'key'> {
    const introducedOn = addDays(AS_OF, -random.int(30, 200));
    return {
      demandKey: demand.key,
      teamKey,
      facultyKey: null,
      score: score(onTopic),
      explanationTerms: explanation(demand, onTopic),
      status: 'declined',
      declineReason: reason,
      declineNote: DECLINE_NOTES[reason],
      enterpriseInterested: onTopic,
      profileInterested: false,
      introducedOn,
      decidedOn: addDays(introducedOn, random.int(3, 25)),
    };
  }
  return { matchCandidates: candidates, collaborations };
}

/** Stages already passed are done; the current one has something done, something due, maybe overdue. */
function milestones(random: Random, stage: CollaborationStage, startedOn: string): SeedMilestone[] {
  const current = COLLABORATION_STAGES.indexOf(stage);
  const list: SeedMilestone[] = [];
  let due = startedOn;
  COLLABORATION_STAGES.forEach((each, index) => {
    if (index > current + 1) return;
    const titles = random.sample(MILESTONES[each], index === current ? 2 : 1);
    for (const title of titles) {
      due = addDays(due, random.int(30, 110));
      const isPast = index < current;
      const isCurrentDone = index === current && title === titles[0] && random.chance(0.6);
      const doneOn = isPast || isCurrentDone ? addDays(due, random.int(-20, 15)) : null;
      list.push({ stage: each, title, dueOn: due, doneOn: doneOn && doneOn > AS_OF ? AS_OF : doneOn });
    }
  });
  return list;
}
