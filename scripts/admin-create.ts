import { parseArgs } from 'node:util';
import { createAdministrator } from '../services/accounts/index.js';
import { ConfigError } from '../services/config.js';
import { setPortalAddress } from '../services/mail/index.js';
import { openConfiguredDatabase, runScript } from './script-runner.js';

/**
 * Creates an administrator (the first one of a production database) and prints the one-time link
 * that sets their password. No password is chosen, shown or stored in plain text anywhere.
 */
runScript('admin:create', async () => {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' } },
    strict: true,
  });
  if (!values.email)
    throw new ConfigError('usage: npm run admin:create -- --email admin@bureau.example [--name 张三]');
  const { config, database } = await openConfiguredDatabase();
  try {
    setPortalAddress(config.publicUrl);
    const { setPasswordUrl } = await createAdministrator(database.db, {
      email: values.email,
      displayName: values.name,
    });
    process.stdout.write(
      `administrator ${values.email.toLowerCase()} created. Open this link within 24 hours to set the password (it works once):\n${setPasswordUrl}\n`,
    );
  } finally {
    await database.close();
  }
});
