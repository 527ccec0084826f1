import { isIP } from 'node:net';
import path from 'node:path';
import { DEFAULT_LOCALE, translate } from './i18n/index.js';

/** Everything the service reads from its environment, parsed once and frozen. */
export interface Config {
  /** A PostgreSQL server's URL; without it the service runs on embedded PGlite under `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  port: number;
  sessionSecret: string;
  /** True when SESSION_SECRET was not given and a development secret stands in. */
  sessionSecretIsDefault: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  isProduction: boolean;
  /** `smtp://user:pass@host:587` (or `smtps://`): where mail goes. Unset: mail stays in the outbox. */
  smtpUrl: string | null;
  /** The From of every mail XueQi sends. */
  mailFrom: string;
  /** The portal's address as people reach it, for the links in mails (no trailing slash). */
  publicUrl: string;
  /**
   * Proxies whose X-Forwarded-For is believed (addresses, CIDR ranges, or Express's names loopback,
   * linklocal, uniquelocal). Empty: the client address is the connection's, and the header is ignored.
   */
  trustedProxies: readonly string[];
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const DEVELOPMENT_SESSION_SECRET = 'xueqi-development-secret-change-me';

function readPort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 3000;
  const port = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 1 to 65535, got "${raw}"`);
  }
  return port;
}

function readDatabaseUrl(raw: string | undefined): string | null {
  if (raw === undefined || raw.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`DATABASE_URL is not a URL: "${raw}"`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(
      `DATABASE_URL must start with postgres:// or postgresql://, got "${url.protocol}//"`,
    );
  }
  return raw;
}

function readLogLevel(raw: string | undefined): Config['logLevel'] {
  if (raw === undefined || raw === '') return 'info';
  const level = LOG_LEVELS.find((known) => known === raw);
  if (!level) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  return level;
}

function readSmtpUrl(raw: string | undefined): string | null {
  if (raw === undefined || raw.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ConfigError(`SMTP_URL is not a URL: "${raw}"`);
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
    throw new ConfigError(`SMTP_URL must start with smtp:// or smtps://, got "${url.protocol}//"`);
  return raw.trim();
}

function readPublicUrl(raw: string | undefined, port: number): string {
  if (raw === undefined || raw.trim() === '') return `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ConfigError(`PUBLIC_URL is not a URL: "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ConfigError(`PUBLIC_URL must start with http:// or https://, got "${url.protocol}//"`);
  return url.toString().replace(/\/+$/, '');
}

const MAIL_FROM_SHAPE = /^(?:[^<>]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/;

function readMailFrom(raw: string | undefined): string {
  const from = raw?.trim() || `${translate(DEFAULT_LOCALE, 'app.sender')} <no-reply@xueqi.localhost>`;
  if (!MAIL_FROM_SHAPE.test(from))
    throw new ConfigError(`MAIL_FROM must be an address or "Name <address>", got "${raw}"`);
  return from;
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function readTrustedProxies(raw: string | undefined): readonly string[] {
  const entries = (raw ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const validBits =
      bits === undefined ||
      (/^\d{1,3}$/.test(bits) && Number(bits) <= (isIP(address ?? '') === 6 ? 128 : 32));
    if (!PROXY_NAMES.has(entry) && (extra !== undefined || isIP(address ?? '') === 0 || !validBits))
      throw new ConfigError(
        `TRUSTED_PROXIES must list addresses, CIDR ranges or loopback/linklocal/uniquelocal, separated by commas; "${entry}" is none of these`,
      );
  }
  return Object.freeze(entries);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const isProduction = env.NODE_ENV === 'production';
  const secret = env.SESSION_SECRET?.trim() ?? '';
  if (isProduction && secret.length < 32) {
    throw new ConfigError(
      secret === ''
        ? 'SESSION_SECRET is not set: NODE_ENV=production needs a secret of at least 32 characters (e.g. openssl rand -base64 48)'
        : 'SESSION_SECRET must be at least 32 characters long when NODE_ENV=production',
    );
  }
  if (secret !== '' && secret.length < 16) {
    throw new ConfigError('SESSION_SECRET must be at least 16 characters long');
  }
  const port = readPort(env.PORT);
  return Object.freeze({
    databaseUrl: readDatabaseUrl(env.DATABASE_URL),
    dataDir: path.resolve(env.DATA_DIR?.trim() || './data'),
    port,
    sessionSecret: secret || DEVELOPMENT_SESSION_SECRET,
    sessionSecretIsDefault: secret === '',
    logLevel: readLogLevel(env.LOG_LEVEL),
    isProduction,
    smtpUrl: readSmtpUrl(env.SMTP_URL),
    mailFrom: readMailFrom(env.MAIL_FROM),
    publicUrl: readPublicUrl(env.PUBLIC_URL, port),
    trustedProxies: readTrustedProxies(env.TRUSTED_PROXIES),
  });
}
