import { loadConfig } from '../../services/config.js';
import { MatchingService, SuggestionWorker } from '../../services/matching/index.js';
import { createLogger } from '../../services/shared/logger.js';
import { createApp, type XueqiApp } from '../../web/app.js';
import type { TestDatabase } from './databases.js';

export interface TestApp extends XueqiApp {
  matching: MatchingService;
  suggestions: SuggestionWorker | null;
}

/** The app as the server builds it, on a test database, logging nothing. */
export async function createTestApp(
  database: TestDatabase,
  options: { loginLimit?: number; suggestions?: boolean } = {},
): Promise<TestApp> {
  const { suggestions: withSuggestions = false, ...appOptions } = options;
  const matching = await MatchingService.start(database);
  const suggestions = withSuggestions ? SuggestionWorker.start(database, matching) : null;
  const app = createApp({
    config: loadConfig({}),
    database,
    matching,
    suggestions,
    logger: createLogger('silent'),
    ...appOptions,
  });
  return { ...app, matching, suggestions };
}
