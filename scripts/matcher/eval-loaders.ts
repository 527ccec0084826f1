import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { MatchDocument, ProfileKind } from '../../matcher/index.js';
import type { LabelledQuery, LabelledSet, PlantedGroundTruth } from './eval-types.js';

/**
 * Reads a labelled set from JSONL: one object per line, either
 *   {"profile": MatchDocument}
 * or
 *   {"demand": MatchDocument | string, "relevant": {"team:3": 2, …} | ["team:3", …]}
 * (a list counts every id as grade 1). Profiles must all be of one kind.
 */
export async function readLabelledSet(path: string): Promise<LabelledSet> {
  const profiles: MatchDocument[] = [];
  const queries: LabelledQuery[] = [];
  let lineNumber = 0;
  for await (const line of createInterface({
    input: createReadStream(path),
    crlfDelay: Number.POSITIVE_INFINITY,
  })) {
    lineNumber++;
    if (!line.trim()) continue;
    let record: {
      profile?: MatchDocument;
      demand?: MatchDocument | string;
      relevant?: Record<string, number> | string[];
    };
    try {
      record = JSON.parse(line);
    } catch {
      throw new Error(`${path}:${lineNumber}: not valid JSON`);
    }
    if (record.profile) {
      profiles.push(record.profile);
    } else if (record.demand !== undefined && record.relevant) {
      const query: MatchDocument =
        typeof record.demand === 'string'
          ? { id: `demand:line-${lineNumber}`, kind: 'demand', text: record.demand }
          : record.demand;
      const relevant = Array.isArray(record.relevant)
        ? Object.fromEntries(record.relevant.map((id) => [id, 1]))
        : record.relevant;
      queries.push({ query, relevant });
    } else {
      throw new Error(`${path}:${lineNumber}: expected {"profile": …} or {"demand": …, "relevant": …}`);
    }
  }
  const kind = (profiles[0]?.kind ?? 'team') as ProfileKind;
  return { name: path, description: `labelled set from ${path}`, kind, profiles, queries };
}

/**
 * The demo data's planted ground truth as a labelled set: each demand should find the teams it
 * was written for (grade 2). Teams carry their members' directions and biographies as works.
 */
export function toLabelledSet(truth: PlantedGroundTruth, name = 'demo-planted'): LabelledSet {
  const members = new Map<string, NonNullable<PlantedGroundTruth['faculty']>>();
  for (const person of truth.faculty ?? []) {
    if (!person.teamKey) continue;
    members.set(person.teamKey, [...(members.get(person.teamKey) ?? []), person]);
  }
  const profiles: MatchDocument[] = truth.teams.map((team) => {
    const document: MatchDocument = {
      id: `team:${team.key}`,
      kind: 'team',
      title: team.name,
      keywords: team.directions ?? [],
      text: team.description ?? '',
      works: (members.get(team.key) ?? []).map((person) => ({
        title: [person.name, ...(person.directions ?? [])].join(' '),
        text: person.bio ?? '',
      })),
    };
    if (team.chain) document.attributes = { chain: team.chain };
    return document;
  });
  const queries: LabelledQuery[] = truth.demands.map((demand) => ({
    query: { id: `demand:${demand.key}`, kind: 'demand', title: demand.title, text: demand.description },
    relevant: Object.fromEntries(demand.teamKeys.map((key) => [`team:${key}`, 2])),
  }));
  return {
    name,
    description: 'planted ground truth of the demo data (seeds/)',
    kind: 'team',
    profiles,
    queries,
  };
}

/**
 * The demo generator's planted ground truth, if seeds/ offers it as `plantedGroundTruth()`.
 * Returns undefined (with the reason) when seeds/ is not there yet or has another shape.
 */
export async function loadSeedsSet(): Promise<{ set?: LabelledSet; reason?: string }> {
  const modulePath = '../../seeds/index.js';
  try {
    const seeds = (await import(modulePath)) as {
      plantedGroundTruth?: () => PlantedGroundTruth | Promise<PlantedGroundTruth>;
    };
    if (typeof seeds.plantedGroundTruth !== 'function')
      return { reason: 'seeds/index.ts has no plantedGroundTruth()' };
    return { set: toLabelledSet(await seeds.plantedGroundTruth()) };
  } catch (error) {
    return { reason: `seeds/ not available (${(error as Error).message.split('\n')[0]})` };
  }
}
