import { loadConfig } from '../../services/config.js';
import { MatchingService } from '../../services/matching/index.js';
import { createLogger } from '../../services/shared/logger.js';
import { createApp, type XueqiApp } from '../../web/app.js';
import type { TestDatabase } from './databases.js';

export interface TestApp extends XueqiApp {
  matching: MatchingService;
}

/** The app as the server builds it, on a test database, logging nothing. */
export async function createTestApp(
  database: TestDatabase,
  options: { loginLimit?: number } = {},
): Promise<TestApp> {
  const matching = await MatchingService.start(database);
  const app = createApp({
    config: loadConfig({}),
    database,
    matching,
    logger: createLogger('silent'),
    ...options,
  });
  return { ...app, matching };
}
