import type { CityDataset } from './city.types.js';

export interface LabelledProfile {
  id: string;
  title?: string;
  keywords?: string[];
  text: string;
  works?: { title: string; text: string; year?: number; kind?: string }[];
}

export interface LabelledQuery {
  id: string;
  title?: string;
  text: string;
  /** Profile ids the query was written for. */
  relevant: string[];
}

/** A labelled set for the matcher's evaluation: teams as profiles, demands as queries. */
export interface LabelledSet {
  profiles: LabelledProfile[];
  queries: LabelledQuery[];
}

/**
 * Turns a dataset into the matcher's evaluation set. A team's profile carries its members' works,
 * as the service will index them; a query is a demand and its relevant ids the planted teams.
 */
export function groundTruthSet(dataset: CityDataset): LabelledSet {
  const worksByTeam = new Map<string, NonNullable<LabelledProfile['works']>>();
  for (const member of dataset.faculty) {
    const works = worksByTeam.get(member.teamKey) ?? [];
    worksByTeam.set(member.teamKey, works);
    for (const work of member.works) {
      works.push({ title: work.title, text: work.summary, year: work.year, kind: work.kind });
    }
  }
  const relevantByDemand = new Map(dataset.groundTruth.map((entry) => [entry.demandKey, entry.teamKeys]));
  return {
    profiles: dataset.teams.map((team) => ({
      id: team.key,
      title: team.nameZh,
      keywords: team.researchDirections,
      text: team.description,
      works: worksByTeam.get(team.key) ?? [],
    })),
    queries: dataset.demands.map((demand) => ({
      id: demand.key,
      title: demand.title,
      text: demand.description,
      relevant: relevantByDemand.get(demand.key) ?? [],
    })),
  };
}

/** The set as JSON lines: one `{"type":"profile",…}` or `{"type":"query",…}` per line. */
export function groundTruthLines(set: LabelledSet): string[] {
  return [
    ...set.profiles.map((profile) => JSON.stringify({ type: 'profile', ...profile })),
    ...set.queries.map((query) => JSON.stringify({ type: 'query', ...query })),
  ];
}
