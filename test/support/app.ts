import { loadConfig } from '../../services/config.js';
import { createLogger } from '../../services/shared/logger.js';
import { createApp, type XueqiApp } from '../../web/app.js';
import type { TestDatabase } from './databases.js';

/** The app as the server builds it, on a test database, logging nothing. */
export function createTestApp(database: TestDatabase): XueqiApp {
  return createApp({ config: loadConfig({}), database, logger: createLogger('silent') });
}
