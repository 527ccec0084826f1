import { openConfiguredDatabase, runScript } from './script-runner.js';

runScript('migrate', async () => {
  const { database } = await openConfiguredDatabase();
  await database.close();
  process.stdout.write(`migrations applied to ${database.driver} (${database.location})\n`);
});
