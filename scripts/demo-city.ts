import { CITY_SEED, DEMO_ACCOUNTS, generateCity, type SeedOutcome, seedCityIfEmpty } from '../seeds/index.js';
import { type DatabaseHandle, refreshPlannerStatistics } from '../services/db/index.js';
import { MatchingService, SuggestionWorker } from '../services/matching/index.js';
import type { Logger } from '../services/shared/logger.js';

/**
 * Seeds the demo city into an empty database, then starts the matcher on it and lets it suggest
 * the brokering candidates of every published demand, so the queue shows the matcher's own
 * scores and reasons rather than the seed's. On a database that holds a city it changes nothing.
 * With `worker`, the suggestion worker is started too, to keep those suggestions current; with
 * `scale`, the city seeded is that many times the report's academic size (see `generateCity`).
 * `seconds` says how long each step took, so a bigger city's cost can be read off.
 */
export async function prepareDemoCity(
  database: DatabaseHandle,
  logger: Logger | null = null,
  options: { worker?: boolean; scale?: number } = {},
): Promise<{
  outcome: SeedOutcome;
  matching: MatchingService;
  suggestions: number;
  worker: SuggestionWorker | null;
  seconds: { seed: number; index: number; suggest: number };
}> {
  const started = performance.now();
  const outcome = await seedCityIfEmpty(database.db, () => generateCity(CITY_SEED, { scale: options.scale }));
  const seeded = performance.now();
  const matching = await MatchingService.start(database, logger);
  const indexed = performance.now();
  const suggestions = outcome.seeded ? await matching.suggestForPublishedDemands() : 0;
  await refreshPlannerStatistics(database.db);
  const suggested = performance.now();
  const worker = options.worker ? SuggestionWorker.start(database, matching, { logger }) : null;
  const seconds = {
    seed: (seeded - started) / 1000,
    index: (indexed - seeded) / 1000,
    suggest: (suggested - indexed) / 1000,
  };
  return { outcome, matching, suggestions, worker, seconds };
}

export function formatDemoLogins(): string {
  const lines = DEMO_ACCOUNTS.map(
    (account) =>
      `  ${account.role.padEnd(10)} ${account.email.padEnd(28)} ${account.password.padEnd(16)} ${account.description}`,
  );
  return `demo logins (role, email, password):\n${lines.join('\n')}\n`;
}
