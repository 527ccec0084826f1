import type { Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Config } from '../services/config.js';
import type { DatabaseHandle } from '../services/db/index.js';
import { loginLimitPolicy } from '../services/login-limits/index.js';
import { MailSender, setPortalAddress, smtpTransport } from '../services/mail/index.js';
import type { MatchingService, SuggestionWorker } from '../services/matching/index.js';
import { type NoticeWorker, startNoticeWorker } from '../services/notifications/index.js';
import type { Logger } from '../services/shared/logger.js';
import { csrfProtection } from './csrf.js';
import { handleErrors, notFound } from './errors.js';
import { inputHygiene } from './input-hygiene.js';
import { localeFromRequest } from './locale.js';
import { navigation } from './navigation.js';
import { requestContext } from './request-context.js';
import { accountRoutes } from './routes/account.routes.js';
import { adminRoutes } from './routes/admin/admin.routes.js';
import { demandApi } from './routes/api/demands.api.js';
import { profileApi } from './routes/api/profiles.api.js';
import { authRoutes } from './routes/auth.routes.js';
import { portalCollaborationRoutes } from './routes/collaborations.routes.js';
import { companyRoutes } from './routes/company.routes.js';
import { consortiumMemberRoutes } from './routes/consortia.routes.js';
import { demandRoutes } from './routes/demands.routes.js';
import { healthRoutes } from './routes/health.routes.js';
import { introductionRoutes } from './routes/introductions.routes.js';
import { invitationRoutes } from './routes/invitations.routes.js';
import { libraryRoutes } from './routes/libraries.routes.js';
import { matchedDemandRoutes } from './routes/matched-demands.routes.js';
import { noticeBell, notificationRoutes } from './routes/notifications.routes.js';
import { outgoingMailRoutes } from './routes/outgoing-mail.routes.js';
import { profileRoutes } from './routes/profile.routes.js';
import { projectRoutes } from './routes/projects.routes.js';
import { publicRoutes } from './routes/public.routes.js';
import type { RouteDependencies } from './routes/route-dependencies.js';
import { staffRoutes } from './routes/staff/staff.routes.js';
import { statsRoutes } from './routes/stats.routes.js';
import { sessions } from './sessions.js';
import { staticHeaders } from './static-headers.js';
import { parseUploads } from './uploads.js';
import { viewEngine } from './views/engine.js';
import { viewHelpers } from './views/helpers.js';

const WEB_DIR = path.dirname(fileURLToPath(import.meta.url));

export interface AppDependencies {
  config: Readonly<Config>;
  database: DatabaseHandle;
  /** This process's matcher index, already built and listening for changes. */
  matching: MatchingService;
  /** Keeps the brokering queue's suggestions current from the change feed; stopped with the app. */
  suggestions?: SuggestionWorker | null;
  logger: Logger;
  /** Failed logins per account and address before each next try waits (1 s, doubling); see services/login-limits. */
  loginLimit?: number;
  /**
   * Run the background notice worker (milestone notices, digests and, with SMTP_URL, the outbox
   * sender) from start() to stop(). The server does; tests drive those steps themselves.
   */
  noticeWorker?: boolean;
}

export interface XueqiApp {
  express: Express;
  /** Listens on the configured port (0 picks a free one) and resolves with the URL. */
  start(port?: number): Promise<string>;
  /** Stops taking requests, lets those under way finish, stops the matcher, then closes the database. */
  stop(): Promise<void>;
}

/** The one way the app is assembled: the server, the tests and the scripts all build it here. */
export function createApp({
  config,
  database,
  matching,
  suggestions = null,
  logger,
  loginLimit = 10,
  noticeWorker = false,
}: AppDependencies): XueqiApp {
  const { db } = database;
  const routes: RouteDependencies = { db, matching };
  setPortalAddress(config.publicUrl);
  const app = express();
  app.disable('x-powered-by');
  // X-Forwarded-For is believed only from the proxies the operator named; otherwise anyone could
  // rotate the header to get fresh login attempts.
  app.set('trust proxy', config.trustedProxies.length > 0 ? [...config.trustedProxies] : false);
  app.engine('hbs', viewEngine(path.join(WEB_DIR, 'views'), viewHelpers));
  app.set('view engine', 'hbs');
  app.set('views', path.join(WEB_DIR, 'views'));
  // Express otherwise looks each view's file up again on every render outside NODE_ENV=production;
  // the zero-setup `npm start` serves real users too. (The engine keeps compiled templates in every mode.)
  app.enable('view cache');

  app.use(requestContext(logger));
  app.use(
    staticHeaders(
      helmet({
        contentSecurityPolicy: {
          useDefaults: false,
          directives: {
            defaultSrc: ["'self'"],
            scriptSrc: ["'self'"],
            styleSrc: ["'self'"],
            imgSrc: ["'self'", 'data:'],
            fontSrc: ["'self'"],
            connectSrc: ["'self'"],
            formAction: ["'self'"],
            frameAncestors: ["'none'"],
            baseUri: ["'none'"],
            objectSrc: ["'none'"],
          },
        },
      }),
    ),
  );
  app.use('/assets', express.static(path.join(WEB_DIR, 'public'), { maxAge: '1h' }));
  app.use(healthRoutes(database, matching));
  app.use(express.json({ limit: '1mb' }));
  app.use(express.urlencoded({ extended: false, limit: '1mb' }));
  app.use(sessions(db, { secret: config.sessionSecret, secure: config.isProduction }));
  app.use(localeFromRequest);
  app.use(parseUploads);
  app.use(inputHygiene);
  app.use(csrfProtection);
  app.use(navigation);
  app.use(noticeBell(db));

  app.use(statsRoutes(routes));
  app.use(publicRoutes(routes));
  app.use(libraryRoutes(routes));
  app.use(
    authRoutes(routes, {
      loginLimits: loginLimitPolicy(loginLimit),
      deviceSecret: config.sessionSecret,
      secureCookies: config.isProduction,
    }),
  );
  app.use(accountRoutes(routes));
  app.use(notificationRoutes(routes));
  app.use(invitationRoutes(routes));
  app.use(outgoingMailRoutes(routes, { smtpConfigured: config.smtpUrl !== null }));
  app.use(demandRoutes(routes));
  app.use(companyRoutes(routes));
  app.use(profileRoutes(routes));
  app.use(matchedDemandRoutes(routes));
  app.use(introductionRoutes(routes));
  app.use(portalCollaborationRoutes(routes));
  app.use(projectRoutes(routes));
  app.use(consortiumMemberRoutes(routes));
  app.use(demandApi(routes));
  app.use(profileApi(routes));
  app.use(staffRoutes(routes));
  app.use(adminRoutes(routes, { loginLimits: loginLimitPolicy(loginLimit) }));
  app.use(notFound);
  app.use(handleErrors);

  let server: Server | null = null;
  let worker: NoticeWorker | null = null;
  let transport: ReturnType<typeof smtpTransport> | null = null;
  return {
    express: app,
    start(port = config.port) {
      return new Promise((resolve, reject) => {
        const listening = app.listen(port, (error?: Error) => {
          if (error) return reject(error);
          const address = listening.address();
          const actualPort = typeof address === 'object' && address ? address.port : port;
          resolve(`http://localhost:${actualPort}`);
        });
        listening.once('error', reject);
        server = listening;
        if (noticeWorker && !worker) {
          transport = config.smtpUrl ? smtpTransport(config.smtpUrl) : null;
          const sender = transport ? new MailSender(db, transport, { from: config.mailFrom, logger }) : null;
          worker = startNoticeWorker({ db, sender, logger });
        }
      });
    },
    async stop() {
      const running = server;
      server = null;
      if (running) {
        await new Promise<void>((resolve) => {
          running.close(() => resolve());
          running.closeIdleConnections();
        });
      }
      await worker?.stop();
      worker = null;
      transport?.close();
      await suggestions?.stop();
      await matching.stop();
      await database.close();
    },
  };
}
