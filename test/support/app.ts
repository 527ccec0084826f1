import { loadConfig } from '../../services/config.js';
import type { DatabaseHandle } from '../../services/db/index.js';
import { MatchingService, SuggestionWorker } from '../../services/matching/index.js';
import { createLogger } from '../../services/shared/logger.js';
import { createApp, type XueqiApp } from '../../web/app.js';

export interface TestApp extends XueqiApp {
  matching: MatchingService;
  suggestions: SuggestionWorker | null;
}

/** The app as the server builds it, on a test database, logging nothing. */
export async function createTestApp(
  /** A test database, or a second connection to one as another process would open. */
  database: DatabaseHandle & { dispose?: () => Promise<void> },
  options: { loginLimit?: number; suggestions?: boolean; env?: NodeJS.ProcessEnv } = {},
): Promise<TestApp> {
  const { suggestions: withSuggestions = false, env = {}, ...appOptions } = options;
  const matching = await MatchingService.start(database);
  const suggestions = withSuggestions ? SuggestionWorker.start(database, matching) : null;
  const app = createApp({
    config: loadConfig(env),
    database,
    matching,
    suggestions,
    logger: createLogger('silent'),
    ...appOptions,
  });
  return { ...app, matching, suggestions };
}
