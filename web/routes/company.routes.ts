import { type Request, Router } from 'express';
import type { PortalDependencies } from '../../services/demands/index.js';
import { findOwnCompany, updateOwnCompany } from '../../services/profiles/index.js';
import { ValidationError } from '../../services/shared/errors.js';
import { requireRole } from '../auth/guards.js';
import { flash } from '../navigation.js';
import { asFormValues, enumOptions, keptValues } from './portal-forms.js';
import { formBody } from './request-helpers.js';

function companyModel(
  request: Request,
  name: string,
  values: Record<string, string>,
  errors: Record<string, string>,
) {
  return {
    title: request.t('nav.company'),
    name,
    values,
    errors,
    hasErrors: Object.keys(errors).length > 0,
    sizeOptions: enumOptions(request.locale, 'enterpriseSize', values.size),
  };
}

/** The enterprise keeps its company profile: what firms and staff read about it, and how to reach it. */
export function companyRoutes(deps: PortalDependencies): Router {
  const router = Router();
  router.use('/company', requireRole('enterprise'));

  router.get('/company', async (request, response) => {
    const company = await findOwnCompany(deps.db, request.user!);
    response.render(
      'pages/enterprise/company',
      companyModel(request, company.name, asFormValues(company), {}),
    );
  });

  router.post('/company', async (request, response) => {
    const body = formBody(request);
    try {
      await updateOwnCompany(deps.db, request.user!, body);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const company = await findOwnCompany(deps.db, request.user!);
      return response
        .status(400)
        .render(
          'pages/enterprise/company',
          companyModel(request, company.name, keptValues(body), error.details),
        );
    }
    flash(request, 'success', 'form.saved');
    response.redirect(303, '/company');
  });

  return router;
}
