import { type Request, Router } from 'express';
import { chainOfStaff } from '../../../services/admin/index.js';
import {
  addConsortiumMember,
  addConsortiumTask,
  assertMayKeepConsortium,
  createConsortium,
  getConsortiumForUser,
  listConsortia,
  listDemandsOfFirms,
  listEnterpriseChoices,
  listTeamChoices,
  listUniversityChoices,
  rankTeamsForConsortium,
  removeConsortiumMember,
  setConsortiumTaskStatus,
  updateConsortiumDetails,
} from '../../../services/consortia/index.js';
import { CHAIN_CODES, CONSORTIUM_ROLES, CONSORTIUM_STATUSES } from '../../../services/shared/enums.js';
import { consortiumPageModel } from '../consortium-view.js';
import { formBody, idParam } from '../request-helpers.js';
import type { RouteDependencies } from '../route-dependencies.js';
import { actThenReturn, chainOptions, chosenChain, optionsOf } from './staff-context.js';

/** Staff set up and keep the consortia of their chain; any staff member may read them all. */
export function consortiumStaffRoutes({ db, matching }: RouteDependencies): Router {
  const router = Router();

  router.get('/staff/consortia', async (request, response) => {
    const chainCode = await chosenChain(db, request);
    const [consortia, enterprises] = await Promise.all([
      listConsortia(db, { chainCode }),
      listEnterpriseChoices(db),
    ]);
    response.render('pages/consortia/list', {
      title: request.t('nav.consortia'),
      staffView: true,
      chainCode,
      chainOptions: chainOptions(request, chainCode),
      formChainOptions: optionsOf(request, 'chain', CHAIN_CODES, chainCode),
      enterpriseOptions: enterprises.map((enterprise) => ({ value: enterprise.id, label: enterprise.name })),
      consortia,
      back: '/staff/consortia',
    });
  });

  router.post('/staff/consortia', (request, response) =>
    actThenReturn(request, response, '/staff/consortia', 'consortium.created', async () => {
      const id = await createConsortium(db, request.user!, formBody(request));
      return `/staff/consortia/${id}`;
    }),
  );

  router.get('/staff/consortia/:id', async (request, response) => {
    const user = request.user!;
    const consortium = await getConsortiumForUser(db, user, idParam(request));
    const mayAct = user.role === 'admin' || (await chainOfStaff(db, user.staffId)) === consortium.chainCode;
    const memberFirms = consortium.members
      .filter((member) => member.kind === 'enterprise')
      .map((member) => member.memberId);
    const tasked = new Set(consortium.tasks.map((task) => task.demandId));
    const [enterprises, teams, universities, demands, ranking] = await Promise.all([
      listEnterpriseChoices(db),
      listTeamChoices(db),
      listUniversityChoices(db),
      listDemandsOfFirms(db, memberFirms),
      rankTeamsForConsortium(db, matching, user, consortium.id),
    ]);
    response.render('pages/consortia/consortium', {
      ...consortiumPageModel(request, consortium),
      staffView: true,
      mayAct,
      statusOptions: optionsOf(request, 'consortiumStatus', CONSORTIUM_STATUSES, consortium.status),
      roleOptions: optionsOf(
        request,
        'consortiumRole',
        CONSORTIUM_ROLES.filter((role) => role !== 'lead'),
      ),
      enterpriseOptions: enterprises.map((item) => ({ value: item.id, label: item.name })),
      teamOptions: teams.map((item) => ({ value: item.id, label: `${item.name}（${item.universityName}）` })),
      universityOptions: universities.map((item) => ({ value: item.id, label: item.name })),
      markableDemands: demands.filter((demand) => !tasked.has(demand.id)),
      ranking: ranking.map((team, index) => ({
        ...team,
        rank: index + 1,
        percentScore: Math.round(team.score * 100),
        topTerms: team.terms
          .slice(0, 5)
          .map((term) => term.term)
          .join('、'),
      })),
      back: `/staff/consortia/${consortium.id}`,
    });
  });

  const action = (
    path: string,
    successKey: string,
    act: (id: number, body: Record<string, unknown>, request: Request) => Promise<unknown>,
  ) =>
    router.post(`/staff/consortia/:id/${path}`, async (request, response) => {
      const id = idParam(request);
      await assertMayKeepConsortium(db, request.user!, id);
      return actThenReturn(request, response, `/staff/consortia/${id}`, successKey, () =>
        act(id, formBody(request), request),
      );
    });

  action('details', 'form.saved', (id, body, request) =>
    updateConsortiumDetails(db, request.user!, id, body),
  );
  action('members', 'consortium.memberAdded', (id, body, request) =>
    addConsortiumMember(db, request.user!, id, body),
  );
  action('tasks', 'consortium.taskAdded', (id, body, request) =>
    addConsortiumTask(db, request.user!, id, body),
  );
  router.post('/staff/consortia/:id/members/:memberId/delete', async (request, response) => {
    const id = idParam(request);
    await assertMayKeepConsortium(db, request.user!, id);
    return actThenReturn(request, response, `/staff/consortia/${id}`, 'consortium.memberRemoved', () =>
      removeConsortiumMember(db, request.user!, id, idParam(request, 'memberId')),
    );
  });
  router.post('/staff/consortia/:id/tasks/:taskId/status', async (request, response) => {
    const id = idParam(request);
    await assertMayKeepConsortium(db, request.user!, id);
    return actThenReturn(request, response, `/staff/consortia/${id}`, 'form.saved', () =>
      setConsortiumTaskStatus(db, request.user!, id, idParam(request, 'taskId'), formBody(request).status),
    );
  });

  return router;
}
