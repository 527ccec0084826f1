import { Router } from 'express';
import { actorOf } from '../../../services/audit/index.js';
import {
  getEnterprisePage,
  listEnterprises,
  logEnterpriseService,
} from '../../../services/enterprises/index.js';
import { todayInCity } from '../../../services/shared/city-date.js';
import { SERVICE_KINDS } from '../../../services/shared/enums.js';
import { formBody, idParam } from '../request-helpers.js';
import type { RouteDependencies } from '../route-dependencies.js';
import { actThenReturn, chainOptions, chosenChain, optionsOf } from './staff-context.js';

export function enterpriseRoutes({ db }: RouteDependencies): Router {
  const router = Router();

  router.get('/staff/enterprises', async (request, response) => {
    const chainCode = await chosenChain(db, request);
    const query = typeof request.query.q === 'string' ? request.query.q.slice(0, 60) : '';
    response.render('pages/staff/enterprises', {
      title: request.t('nav.enterprises'),
      chainCode,
      chainOptions: chainOptions(request, chainCode),
      query,
      enterprises: await listEnterprises(db, { chainCode, nameContains: query }),
    });
  });

  router.get('/staff/enterprises/:id', async (request, response) => {
    const page = await getEnterprisePage(db, idParam(request));
    response.render('pages/staff/enterprise', {
      title: page.enterprise.name,
      ...page,
      kindOptions: optionsOf(request, 'serviceKind', SERVICE_KINDS),
      today: todayInCity(),
      canLog: request.user?.staffId !== null && request.user?.staffId !== undefined,
    });
  });

  router.post('/staff/enterprises/:id/services', (request, response) => {
    const id = idParam(request);
    const body = formBody(request);
    return actThenReturn(request, response, `/staff/enterprises/${id}`, 'enterprise.done.serviceLogged', () =>
      logEnterpriseService(db, actorOf(request.user), request.user?.staffId ?? null, {
        enterpriseId: id,
        servedOn: body.servedOn,
        kind: body.kind,
        note: body.note,
      }),
    );
  });

  return router;
}
