import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { MatchDocument, ProfileKind } from '../../matcher/index.js';
import type { LabelledQuery, LabelledSet } from './eval-types.js';

/**
 * Reads a labelled set from JSONL: one object per line, either
 *   {"profile": MatchDocument}
 * or
 *   {"demand": MatchDocument | string, "relevant": {"team:3": 2, …} | ["team:3", …]}
 * (a list counts every id as grade 1), or the lines `npm run seed:ground-truth` writes:
 *   {"type": "profile", "id", "title"?, "keywords"?, "text", "works"?}
 *   {"type": "query", "id", "title"?, "text", "relevant": [id, …]}
 * Profiles must all be of one kind.
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
      type?: string;
      profile?: MatchDocument;
      demand?: MatchDocument | string;
      relevant?: Record<string, number> | string[];
    };
    try {
      record = JSON.parse(line);
    } catch {
      throw new Error(`${path}:${lineNumber}: not valid JSON`);
    }
    if (record.type === 'profile' || record.type === 'query') {
      const converted = fromSeedsLine(record as unknown as SeedsLine);
      if ('relevant' in converted) queries.push(converted);
      else profiles.push(converted);
    } else if (record.profile) {
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

/** One line of seeds' ground-truth export (seeds/ground-truth.ts), profile or query. */
interface SeedsLine {
  type: 'profile' | 'query';
  id: string;
  title?: string;
  keywords?: string[];
  text: string;
  works?: MatchDocument['works'];
  relevant?: string[];
}

/** A seeds profile becomes a team document; a seeds query a demand whose planted teams weigh 2. */
function fromSeedsLine(line: SeedsLine): MatchDocument | LabelledQuery {
  if (line.type === 'query') {
    const query: MatchDocument = { id: `demand:${line.id}`, kind: 'demand', text: line.text };
    if (line.title) query.title = line.title;
    return { query, relevant: Object.fromEntries((line.relevant ?? []).map((id) => [id, 2])) };
  }
  const profile: MatchDocument = { id: line.id, kind: 'team', text: line.text, works: line.works ?? [] };
  if (line.title) profile.title = line.title;
  if (line.keywords) profile.keywords = line.keywords;
  return profile;
}

/**
 * The demo data's planted ground truth, from seeds/: `groundTruthSet(generateCity())`, teams (with
 * their members' works) as profiles and demands as queries. Returns the reason instead when
 * seeds/ is missing or has another shape.
 */
export async function loadSeedsSet(): Promise<{ set?: LabelledSet; reason?: string }> {
  const modulePath = '../../seeds/index.js';
  try {
    const seeds = (await import(modulePath)) as {
      generateCity?: () => unknown;
      groundTruthSet?: (dataset: unknown) => {
        profiles: Omit<SeedsLine, 'type'>[];
        queries: Omit<SeedsLine, 'type'>[];
      };
    };
    if (typeof seeds.generateCity !== 'function' || typeof seeds.groundTruthSet !== 'function') {
      return { reason: 'seeds/index.ts has no generateCity() and groundTruthSet()' };
    }
    const truth = seeds.groundTruthSet(seeds.generateCity());
    const profiles = truth.profiles.map(
      (line) => fromSeedsLine({ ...line, type: 'profile' }) as MatchDocument,
    );
    const queries = truth.queries.map((line) => fromSeedsLine({ ...line, type: 'query' }) as LabelledQuery);
    return {
      set: {
        name: 'demo-planted',
        description: "planted ground truth of the demo city (seeds/), demands' planted teams",
        kind: 'team',
        profiles,
        queries,
      },
    };
  } catch (error) {
    return { reason: `seeds/ not available (${(error as Error).message.split('\n')[0]})` };
  }
}

/** The real labelled sets of shared/tuning/, in file-name order, named by file. */
export interface TuningSets {
  folder?: string;
  sets: LabelledSet[];
  reason?: string;
}

const TUNING_FOLDER = join('shared', 'tuning');

/**
 * Reads every `*.jsonl` of `folder`, or of the nearest `shared/tuning/` among the checkout's
 * parent folders (the sets are never copied into the repository: see its README there).
 */
export async function readTuningSets(folder?: string): Promise<TuningSets> {
  const found = folder ?? findTuningFolder();
  if (!found) return { sets: [], reason: `no ${TUNING_FOLDER}/ above ${repositoryRoot()}` };
  if (!existsSync(found)) throw new Error(`${found}: no such folder`);
  const files = readdirSync(found)
    .filter((name) => name.endsWith('.jsonl'))
    .sort();
  if (files.length === 0) return { folder: found, sets: [], reason: `no .jsonl files in ${found}` };
  const sets: LabelledSet[] = [];
  for (const file of files) {
    const set = await readLabelledSet(join(found, file));
    sets.push({ ...set, name: basename(file, '.jsonl') });
  }
  return { folder: found, sets };
}

function repositoryRoot(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
}

function findTuningFolder(): string | undefined {
  let folder = dirname(repositoryRoot());
  for (;;) {
    const candidate = join(folder, TUNING_FOLDER);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}
