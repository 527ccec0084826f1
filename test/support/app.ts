import { loadConfig } from '../../services/config.js';
import type { DatabaseHandle } from '../../services/db/index.js';
import { MatchingService } from '../../services/matching/index.js';
import { createLogger } from '../../services/shared/logger.js';
import { createApp, type XueqiApp } from '../../web/app.js';

export interface TestApp extends XueqiApp {
  matching: MatchingService;
}

/** The app as the server builds it, on a test database, logging nothing. */
export async function createTestApp(
  database: DatabaseHandle,
  options: { loginLimit?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<TestApp> {
  const { env = {}, ...rest } = options;
  const matching = await MatchingService.start(database);
  const app = createApp({
    config: loadConfig(env),
    database,
    matching,
    logger: createLogger('silent'),
    ...rest,
  });
  return { ...app, matching };
}
