import { DEMO_ACCOUNTS, type SeedOutcome, seedCityIfEmpty } from '../seeds/index.js';
import type { DatabaseHandle } from '../services/db/index.js';
import { MatchingService, SuggestionWorker } from '../services/matching/index.js';
import type { Logger } from '../services/shared/logger.js';

/**
 * Seeds the demo city into an empty database, then starts the matcher on it and lets it suggest
 * the brokering candidates of every published demand, so the queue shows the matcher's own
 * scores and reasons rather than the seed's. On a database that holds a city it changes nothing.
 * With `worker`, the suggestion worker is started too, to keep those suggestions current.
 */
export async function prepareDemoCity(
  database: DatabaseHandle,
  logger: Logger | null = null,
  options: { worker?: boolean } = {},
): Promise<{
  outcome: SeedOutcome;
  matching: MatchingService;
  suggestions: number;
  worker: SuggestionWorker | null;
}> {
  const outcome = await seedCityIfEmpty(database.db);
  const matching = await MatchingService.start(database, logger);
  const suggestions = outcome.seeded ? await matching.suggestForPublishedDemands() : 0;
  const worker = options.worker ? SuggestionWorker.start(database, matching, { logger }) : null;
  return { outcome, matching, suggestions, worker };
}

export function formatDemoLogins(): string {
  const lines = DEMO_ACCOUNTS.map(
    (account) =>
      `  ${account.role.padEnd(10)} ${account.email.padEnd(28)} ${account.password.padEnd(16)} ${account.description}`,
  );
  return `demo logins (role, email, password):\n${lines.join('\n')}\n`;
}
