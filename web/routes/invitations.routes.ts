import { type Request, type Response, Router } from 'express';
import {
  type AccountState,
  bulkInvite,
  findUniversities,
  INVITEE_KINDS,
  type Invitee,
  type InviteeFilter,
  inviteListedAddresses,
  invitePerson,
  isInviteeKind,
  listInvitees,
  previewBulkInvite,
  previewListedAddresses,
} from '../../services/accounts/index.js';
import { actorOf } from '../../services/audit/index.js';
import { requireRole } from '../auth/guards.js';
import { formBody, recordId } from './request-helpers.js';
import type { RouteDependencies } from './route-dependencies.js';
import { actThenReturn } from './staff/staff-context.js';

const STATES: AccountState[] = ['none', 'invited', 'active', 'pending', 'disabled'];
/** One page of a list; a university's faculty fit on it, the whole city's roster needs the filter. */
const LIST_LIMIT = 500;

function filterOf(source: Record<string, unknown>): InviteeFilter {
  const kind = isInviteeKind(source.kind) ? source.kind : 'faculty';
  const universityId = /^\d{1,9}$/.test(String(source.university ?? '')) ? Number(source.university) : null;
  const state = STATES.find((known) => known === source.state) ?? null;
  return { kind, universityId, state };
}

function queryOf(filter: InviteeFilter): string {
  const parts = [`kind=${filter.kind}`];
  if (filter.universityId) parts.push(`university=${filter.universityId}`);
  if (filter.state) parts.push(`state=${filter.state}`);
  return `/invitations?${parts.join('&')}`;
}

const personView = (person: Invitee) => ({
  ...person,
  canInvite: person.state === 'none',
  canResend: person.state === 'invited',
  canAct: person.state === 'none' || person.state === 'invited',
});

/**
 * Bringing the bureau's people in: each list with every person's account state, one-at-a-time
 * invitations and re-sends, and a whole list (or one university's part of it) at once.
 */
export function invitationRoutes({ db }: RouteDependencies): Router {
  const router = Router();
  router.use('/invitations', requireRole('staff', 'admin'));

  const renderList = async (
    request: Request,
    response: Response,
    filter: InviteeFilter,
    extra: object = {},
  ) => {
    const [people, universities] = await Promise.all([listInvitees(db, filter), findUniversities(db)]);
    response.render('pages/invitations/list', {
      title: request.t('invitations.title'),
      filter,
      kinds: INVITEE_KINDS.map((kind) => ({
        value: kind,
        labelKey: `invitations.kind.${kind}`,
        selected: kind === filter.kind,
      })),
      universities: universities.map((university) => ({
        ...university,
        selected: university.id === filter.universityId,
      })),
      states: STATES.map((state) => ({
        value: state,
        labelKey: `invitations.state.${state}`,
        selected: state === filter.state,
      })),
      showsUniversity: filter.kind === 'faculty' || filter.kind === 'team_leader',
      people: people.slice(0, LIST_LIMIT).map(personView),
      total: people.length,
      truncated: people.length > LIST_LIMIT,
      back: queryOf(filter),
      ...extra,
    });
  };

  router.get('/invitations', (request, response) => renderList(request, response, filterOf(request.query)));

  router.post('/invitations', (request, response) => {
    const body = formBody(request);
    return actThenReturn(request, response, '/invitations', 'invitations.done.sent', () =>
      invitePerson(db, actorOf(request.user), {
        kind: body.kind,
        id: recordId(body.id),
        email: body.email,
        locale: body.locale ?? request.locale,
      }),
    );
  });

  // The preview: how many would be invited and who would be skipped, before anything is sent.
  router.post('/invitations/bulk/preview', async (request, response) => {
    const filter = filterOf(formBody(request));
    const preview = await previewBulkInvite(db, filter);
    await renderList(request, response, { ...filter, state: null }, { preview, previewFilter: filter });
  });

  router.post('/invitations/bulk', async (request, response) => {
    const body = formBody(request);
    const filter = filterOf(body);
    const outcome = await bulkInvite(
      db,
      actorOf(request.user),
      filter,
      body.locale === 'en' ? 'en' : request.locale,
    );
    await renderList(request, response, { ...filter, state: null }, { outcome });
  });

  // A pasted column of addresses, checked line by line against the chosen list.
  router.post('/invitations/addresses/preview', async (request, response) => {
    const body = formBody(request);
    const filter = filterOf(body);
    const listed = await previewListedAddresses(db, { kind: filter.kind, text: body.addresses });
    await renderList(
      request,
      response,
      { ...filter, state: null },
      { listed, addresses: String(body.addresses ?? '') },
    );
  });

  router.post('/invitations/addresses', async (request, response) => {
    const body = formBody(request);
    const filter = filterOf(body);
    const listedOutcome = await inviteListedAddresses(db, actorOf(request.user), {
      kind: filter.kind,
      text: body.addresses,
      locale: body.locale === 'en' ? 'en' : request.locale,
    });
    await renderList(request, response, { ...filter, state: null }, { listedOutcome });
  });

  return router;
}
