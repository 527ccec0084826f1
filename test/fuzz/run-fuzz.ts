import fc from 'fast-check';
import type { Database } from '../../services/db/index.js';
import type { Agent } from '../support/sessions.js';
import { databaseFingerprint } from './fingerprint.js';
import { type FuzzRequest, type FuzzRole, fuzzRequest } from './fuzz-requests.js';
import { formFieldNames, listPortalRoutes, type PortalRoute } from './portal-routes.js';

export interface FuzzSession {
  agent: Agent;
  token: string;
}

export interface FuzzFinding {
  request: FuzzRequest;
  status: number;
  /** The first lines of the answer: the error page or JSON, to see what broke. */
  answer: string;
}

export interface FuzzOutcome {
  requests: number;
  byStatus: Record<number, number>;
  /** Answers of 500 or more: each is a bug. */
  serverErrors: FuzzFinding[];
  /** Refused requests (4xx) after which some table's rows differed: each is a bug. */
  changedOnRefusal: (FuzzFinding & { tables: string[] })[];
  routes: number;
}

export interface FuzzRun {
  db: Database;
  express: Parameters<typeof listPortalRoutes>[0];
  sessions: Record<FuzzRole, FuzzSession>;
  runs: number;
  seed: number;
  /** Puts the fixture accounts back as they were (a fuzzed admin may disable one); called now and then. */
  restore?: () => Promise<void>;
  onProgress?: (done: number, outcome: FuzzOutcome) => void;
}

/**
 * Routes left out: logging out ends the very session the next requests need, and its behaviour has
 * tests of its own.
 */
const SKIPPED = new Set(['POST /logout']);

/** Percent-encodes the UTF-8 bytes of a value, as a browser does: a lone surrogate becomes U+FFFD. */
const encodeText = (value: unknown) =>
  [...Buffer.from(String(value), 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');

function encodeFields(fields: Record<string, unknown>): string {
  return Object.entries(fields)
    .flatMap(([name, value]) =>
      (Array.isArray(value) ? value : [value]).map((item) => `${encodeText(name)}=${encodeText(item)}`),
    )
    .join('&');
}

function send(request: FuzzRequest, session: FuzzSession) {
  const { agent, token } = session;
  const query = encodeFields(request.query);
  const url = query ? `${request.path}?${query}` : request.path;
  const csrfValue =
    request.csrf === 'valid' ? token : request.csrf === 'wrong' ? 'x'.repeat(token.length) : null;
  const call = agent[request.method](url);
  if (request.method === 'get') return call;
  if (request.file) {
    for (const [name, value] of Object.entries(request.body))
      for (const item of Array.isArray(value) ? value : [value]) call.field(name, String(item));
    if (csrfValue) call.field('_csrf', csrfValue);
    return call.attach('file', request.file.content, request.file.name);
  }
  if (request.path.startsWith('/api/')) {
    if (csrfValue) call.set('X-CSRF-Token', csrfValue);
    return call.set('Content-Type', 'application/json').send(JSON.stringify(request.body));
  }
  const body = csrfValue ? { ...request.body, _csrf: csrfValue } : request.body;
  return call.set('Content-Type', 'application/x-www-form-urlencoded').send(encodeFields(body));
}

function changedTables(before: string, after: string): string[] {
  const parse = (text: string) => new Map(text.split(';').map((part) => part.split('=') as [string, string]));
  const left = parse(before);
  return [...parse(after)].filter(([table, digest]) => left.get(table) !== digest).map(([table]) => table);
}

/**
 * Sends `runs` fuzzed requests (fixed by `seed`, so a failure can be replayed) over every route and
 * role, one at a time, and checks each answer: never 500 or more, and a refused request leaves every
 * table as it found it.
 */
export async function runPortalFuzz(run: FuzzRun): Promise<FuzzOutcome> {
  const routes: PortalRoute[] = listPortalRoutes(run.express).filter(
    (route) => !SKIPPED.has(`${route.method.toUpperCase()} ${route.path}`),
  );
  const requests = fc.sample(fuzzRequest(routes, formFieldNames()), { numRuns: run.runs, seed: run.seed });
  const outcome: FuzzOutcome = {
    requests: 0,
    byStatus: {},
    serverErrors: [],
    changedOnRefusal: [],
    routes: routes.length,
  };
  await run.restore?.();
  let fingerprint = await databaseFingerprint(run.db);
  for (const [index, request] of requests.entries()) {
    let response: { status: number; text?: string };
    try {
      response = await send(request, run.sessions[request.role]);
    } catch (error) {
      // An answer no HTTP client can read (a header past Node's 16 KB limit, say) is a server fault too.
      response = {
        status: 599,
        text: `unreadable answer: ${error instanceof Error ? error.message : error}`,
      };
    }
    outcome.requests += 1;
    outcome.byStatus[response.status] = (outcome.byStatus[response.status] ?? 0) + 1;
    const answer = () => String(response.text ?? '').slice(0, 400);
    if (response.status >= 500)
      outcome.serverErrors.push({ request, status: response.status, answer: answer() });
    const after = await databaseFingerprint(run.db);
    if (response.status >= 400 && response.status < 500 && after !== fingerprint) {
      outcome.changedOnRefusal.push({
        request,
        status: response.status,
        answer: answer(),
        tables: changedTables(fingerprint, after),
      });
    }
    fingerprint = after;
    if ((index + 1) % 100 === 0) {
      await run.restore?.();
      fingerprint = await databaseFingerprint(run.db);
      run.onProgress?.(index + 1, outcome);
    }
  }
  return outcome;
}
