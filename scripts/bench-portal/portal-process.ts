import { parseArgs } from 'node:util';
import { loadConfig } from '../../services/config.js';
import { databaseTargetFromConfig, openDatabase } from '../../services/db/index.js';
import { createLogger } from '../../services/shared/logger.js';
import { createApp } from '../../web/app.js';
import { prepareDemoCity } from '../demo-city.js';
import type { ParentMessage, PortalMessage } from './messages.js';

/**
 * The portal as `npm start` builds it, forked by the bench: the same config from the environment,
 * the same createApp, the demo city seeded when the database is empty. It counts the SQL statements
 * it sends and tells the bench over IPC, so queries per page are measured on the real code path.
 * `--scale N` seeds the city at N times its academic size; the bench has checked N.
 */
let statements = 0;
/** The last statements' texts, so the bench can show what one request asked. */
const recent: string[] = [];
const RECENT_KEPT = 100;
const send = (message: PortalMessage) => process.send?.(message);

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(databaseTargetFromConfig(config), {
    onQuery: (statement) => {
      statements += 1;
      recent.push(statement);
      if (recent.length > RECENT_KEPT) recent.shift();
    },
  });
  await database.migrate();
  const logger = createLogger(config.logLevel);
  const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' } } });
  const { outcome, matching, seconds } = await prepareDemoCity(database, logger, {
    scale: Number(values.scale),
  });
  const app = createApp({ config, database, matching, logger });
  const url = await app.start(0);
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'statements') {
      const cpu = process.cpuUsage();
      send({ type: 'statements', count: statements, recent: [...recent], cpuMicros: cpu.user + cpu.system });
    }
    if (message.type === 'stop') app.stop().finally(() => process.exit(0));
  });
  const city = outcome.seeded
    ? { faculty: outcome.counts.faculty, works: outcome.counts.works, seconds }
    : null;
  send({ type: 'ready', url, city });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench portal: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
