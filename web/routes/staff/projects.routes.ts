import { type Request, Router } from 'express';
import { chainOfStaff } from '../../../services/admin/index.js';
import type { Database } from '../../../services/db/index.js';
import {
  CONTENT_TYPES,
  EXPORT_FORMATS,
  type ExportFormat,
  renderCsv,
  renderXlsx,
} from '../../../services/exports/index.js';
import {
  assertMayActOnProject,
  createPartner,
  exportProjects,
  getProjectForUser,
  INSURANCE_SUBSIDY_MAX_PERCENT,
  isProjectStatus,
  listBenchmarkRates,
  listLibrary,
  listPartners,
  type ProjectFilter,
  RISK_COMPENSATION_MAX_PERCENT,
  recordSupport,
  reviewProject,
  setBenchmarkRate,
} from '../../../services/projects/index.js';
import { todayInCity } from '../../../services/shared/city-date.js';
import { PARTNER_KINDS, PROJECT_STATUSES, SUPPORT_KINDS } from '../../../services/shared/enums.js';
import { projectPageModel } from '../project-view.js';
import { formBody, idParam } from '../request-helpers.js';
import type { RouteDependencies } from '../route-dependencies.js';
import { sendFile } from './send-file.js';
import { actThenReturn, chainOptions, chosenChain, optionsOf } from './staff-context.js';

async function libraryFilter(db: Database, request: Request): Promise<ProjectFilter> {
  const status = isProjectStatus(request.query.status) ? request.query.status : null;
  const text = typeof request.query.q === 'string' ? request.query.q.trim().slice(0, 100) : '';
  return { chainCode: await chosenChain(db, request), status, text: text || null };
}

function filterQuery(filter: ProjectFilter): string {
  const query = new URLSearchParams({ chain: filter.chainCode ?? 'all' });
  if (filter.status) query.set('status', filter.status);
  if (filter.text) query.set('q', filter.text);
  return query.toString();
}

/** The choke-point library for the bureau: browse, review, record 拨投贷保 support; partners and the benchmark rate. */
export function projectLibraryRoutes({ db }: RouteDependencies): Router {
  const router = Router();

  router.get('/staff/projects', async (request, response) => {
    const filter = await libraryFilter(db, request);
    const library = await listLibrary(db, filter);
    const query = filterQuery(filter);
    response.render('pages/staff/projects', {
      title: request.t('nav.projects'),
      chainCode: filter.chainCode,
      chainOptions: chainOptions(request, filter.chainCode ?? null),
      statusOptions: optionsOf(request, 'projectStatus', PROJECT_STATUSES, filter.status),
      text: filter.text ?? '',
      library,
      counts: PROJECT_STATUSES.map((status) => ({
        status,
        count: library.countsByStatus[status],
        href: `/staff/projects?${filterQuery({ ...filter, status })}`,
        current: status === filter.status,
      })),
      exports: EXPORT_FORMATS.map((format) => ({
        format,
        href: `/staff/projects/export?${query}&format=${format}`,
      })),
    });
  });

  router.get('/staff/projects/export', async (request, response) => {
    const filter = await libraryFilter(db, request);
    const format: ExportFormat = request.query.format === 'csv' ? 'csv' : 'xlsx';
    const table = await exportProjects(db, { locale: request.locale }, filter);
    sendFile(response, {
      fileName: `xueqi-projects-${todayInCity()}.${format}`,
      contentType: CONTENT_TYPES[format],
      body: format === 'xlsx' ? await renderXlsx([table]) : renderCsv(table),
    });
  });

  router.get('/staff/projects/:id', async (request, response) => {
    const user = request.user!;
    const project = await getProjectForUser(db, user, idParam(request));
    const mayAct = user.role === 'admin' || (await chainOfStaff(db, user.staffId)) === project.chainCode;
    const partners = await listPartners(db);
    const partnerOptions = (kind: string) =>
      partners
        .filter((partner) => partner.kind === kind)
        .map((partner) => ({ value: partner.id, label: partner.name }));
    response.render('pages/projects/project', {
      ...projectPageModel(request, project),
      staffView: true,
      canReview: mayAct && project.status === 'submitted',
      canRecordSupport: mayAct && project.status === 'admitted',
      isAdmin: user.role === 'admin',
      otherChain: !mayAct,
      supportKinds: SUPPORT_KINDS,
      banks: partnerOptions('bank'),
      funds: partnerOptions('fund'),
      insurers: partnerOptions('insurer'),
      today: todayInCity(),
      defaults: {
        riskCompensationPercent: RISK_COMPENSATION_MAX_PERCENT,
        subsidyPercent: INSURANCE_SUBSIDY_MAX_PERCENT,
      },
      back: `/staff/projects/${project.id}`,
    });
  });

  router.post('/staff/projects/:id/review', async (request, response) => {
    const id = idParam(request);
    await assertMayActOnProject(db, request.user!, id);
    const body = formBody(request);
    return actThenReturn(
      request,
      response,
      `/staff/projects/${id}`,
      `project.done.${String(body.decision)}`,
      async () => {
        await reviewProject(db, request.user!, id, { decision: body.decision, note: body.note });
      },
    );
  });

  router.post('/staff/projects/:id/support', async (request, response) => {
    const id = idParam(request);
    await assertMayActOnProject(db, request.user!, id);
    return actThenReturn(request, response, `/staff/projects/${id}`, 'support.recorded', () =>
      recordSupport(db, request.user!, id, formBody(request)),
    );
  });

  router.get('/staff/partners', async (request, response) => {
    const [partners, rates] = await Promise.all([listPartners(db), listBenchmarkRates(db)]);
    const inForce = rates.find((rate) => rate.effectiveOn <= todayInCity()) ?? null;
    response.render('pages/staff/partners', {
      title: request.t('nav.partners'),
      partners,
      kindOptions: optionsOf(request, 'partnerKind', PARTNER_KINDS),
      rates: rates.map((rate) => ({ ...rate, inForce: rate.id === inForce?.id })),
      isAdmin: request.user!.role === 'admin',
      back: '/staff/partners',
    });
  });

  router.post('/staff/partners', (request, response) =>
    actThenReturn(request, response, '/staff/partners', 'support.partnerCreated', () =>
      createPartner(db, request.user!, formBody(request)),
    ),
  );

  router.post('/staff/benchmark-rates', (request, response) =>
    actThenReturn(request, response, '/staff/partners', 'support.benchmarkSet', () =>
      setBenchmarkRate(db, request.user!, formBody(request)),
    ),
  );

  return router;
}
