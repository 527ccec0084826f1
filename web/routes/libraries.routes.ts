import { type Request, Router } from 'express';
import { listUniversitiesForFilters } from '../../services/demands/index.js';
import { enumLabel } from '../../services/i18n/index.js';
import {
  browseDemands,
  browseExperts,
  browseResults,
  countLibraries,
  getFacultyPage,
  getResultPage,
  getTeamPage,
  type LibraryDependencies,
  type LibraryViewer,
  parseDemandFilter,
  parseExpertFilter,
  parseResultFilter,
  viewerOf,
} from '../../services/libraries/index.js';
import { DEMAND_STATUSES } from '../../services/shared/enums.js';
import { pagerOf, scorePoints } from '../paging.js';
import { highlightWords, snippetOf } from '../snippets.js';
import { enumOptions } from './portal-forms.js';
import { idParam } from './request-helpers.js';

const LIBRARIES = ['demands', 'results', 'experts'] as const;
type Library = (typeof LIBRARIES)[number];

/** The query string of a library's current view, without its page, for the pager's links. */
function searchOf(request: Request): URLSearchParams {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(request.query))
    if (typeof value === 'string' && value !== '' && name !== 'page' && name !== 'lang')
      search.set(name, value);
  return search;
}

function pager(request: Request, library: string, page: number, pages: number) {
  const search = searchOf(request);
  return pagerOf(page, pages, (number) => {
    const copy = new URLSearchParams(search);
    if (number > 1) copy.set('page', String(number));
    const text = copy.toString();
    return `/${library}${text ? `?${text}` : ''}`;
  });
}

async function universityOptions(deps: LibraryDependencies, request: Request, selected: number | null) {
  return (await listUniversitiesForFilters(deps)).map((university) => ({
    value: String(university.id),
    label: request.locale === 'en' ? university.nameEn : university.nameZh,
    selected: university.id === selected,
  }));
}

const trlOptions = (selected: number | null) =>
  [1, 2, 3, 4, 5, 6, 7, 8, 9].map((trl) => ({
    value: String(trl),
    label: `≥ ${trl}`,
    selected: trl === selected,
  }));

/** The tabs over the three libraries; with a query each shows how many entries it finds. */
async function tabsOf(deps: LibraryDependencies, viewer: LibraryViewer, current: Library, query: string) {
  const counts = query ? await countLibraries(deps, viewer, query) : null;
  const suffix = query ? `?${new URLSearchParams({ q: query })}` : '';
  return LIBRARIES.map((library) => ({
    href: `/${library}${suffix}`,
    key: `library.${library}`,
    count: counts ? counts[library] : null,
    current: library === current,
  }));
}

/** A library with only its query kept: what "clear the filters" goes back to. */
function clearedHref(library: Library, query: string, extra: Record<string, string> = {}): string {
  const search = new URLSearchParams(extra);
  if (query) search.set('q', query);
  const text = search.toString();
  return `/${library}${text ? `?${text}` : ''}`;
}

const scoreOf = (entry: { score: number | null }) => (entry.score === null ? null : scorePoints(entry.score));

/** The demand, result and expert libraries, their detail pages, and the header's one search. */
export function libraryRoutes(deps: LibraryDependencies): Router {
  const router = Router();

  router.get('/search', (request, response) => {
    const query = typeof request.query.q === 'string' ? request.query.q.trim().slice(0, 200) : '';
    const asked = request.query.in;
    const library = (LIBRARIES as readonly unknown[]).includes(asked) ? (asked as Library) : 'demands';
    response.redirect(`/${library}${query ? `?${new URLSearchParams({ q: query })}` : ''}`);
  });

  router.get('/demands', async (request, response) => {
    const viewer = viewerOf(request.user);
    const filter = parseDemandFilter(request.query as Record<string, unknown>, viewer);
    const [page, tabs] = await Promise.all([
      browseDemands(deps, viewer, filter),
      tabsOf(deps, viewer, 'demands', filter.query),
    ]);
    response.render('pages/libraries/demands', {
      title: request.t('library.demands'),
      library: 'demands',
      clearHref: clearedHref('demands', filter.query),
      filter,
      tabs,
      total: page.total,
      entries: page.entries.map((entry) => ({
        ...entry,
        score: scoreOf(entry),
        snippet: snippetOf(entry.description, highlightWords(filter.query, entry.terms)),
        confidential: entry.visibility === 'confidential',
      })),
      pager: pager(request, 'demands', page.page, page.pages),
      chainOptions: enumOptions(request.locale, 'chain', filter.chain),
      classOptions: enumOptions(request.locale, 'demandClass', filter.demandClass),
      trlOptions: trlOptions(filter.minTrl),
      statusOptions:
        viewer.kind === 'staff'
          ? DEMAND_STATUSES.map((status) => ({
              value: status,
              label: enumLabel(request.locale, 'demandStatus', status),
              selected: status === filter.status,
            }))
          : null,
    });
  });

  router.get('/results', async (request, response) => {
    const viewer = viewerOf(request.user);
    const filter = parseResultFilter(request.query as Record<string, unknown>);
    const [page, tabs, universities] = await Promise.all([
      browseResults(deps, filter),
      tabsOf(deps, viewer, 'results', filter.query),
      universityOptions(deps, request, filter.universityId),
    ]);
    response.render('pages/libraries/results', {
      title: request.t('library.results'),
      library: 'results',
      clearHref: clearedHref('results', filter.query),
      filter,
      tabs,
      total: page.total,
      entries: page.entries.map((entry) => ({
        ...entry,
        score: scoreOf(entry),
        snippet: snippetOf(entry.summary, highlightWords(filter.query, entry.terms)),
      })),
      pager: pager(request, 'results', page.page, page.pages),
      chainOptions: enumOptions(request.locale, 'chain', filter.chain),
      universityOptions: universities,
      trlOptions: trlOptions(filter.minTrl),
      ipOptions: enumOptions(request.locale, 'ipStatus', filter.ipStatus),
    });
  });

  router.get('/results/:id', async (request, response) => {
    const { result } = await getResultPage(deps.db, idParam(request));
    response.render('pages/libraries/result', { title: result.title, result });
  });

  router.get('/experts', async (request, response) => {
    const viewer = viewerOf(request.user);
    const filter = parseExpertFilter(request.query as Record<string, unknown>);
    const [page, tabs, universities] = await Promise.all([
      browseExperts(deps, filter),
      tabsOf(deps, viewer, 'experts', filter.query),
      universityOptions(deps, request, filter.universityId),
    ]);
    const kindHref = (kind: string) => {
      const search = searchOf(request);
      search.set('kind', kind);
      if (kind === 'team') {
        search.delete('title');
        search.delete('supervisor');
      }
      return `/experts?${search}`;
    };
    response.render('pages/libraries/experts', {
      title: request.t('library.experts'),
      library: 'experts',
      clearHref: clearedHref('experts', filter.query, { kind: filter.kind }),
      filter,
      tabs,
      total: page.total,
      isFaculty: filter.kind === 'faculty',
      kinds: (['team', 'faculty'] as const).map((kind) => ({
        href: kindHref(kind),
        key: `library.kind.${kind}`,
        current: kind === filter.kind,
      })),
      entries: page.entries.map((entry) => ({
        ...entry,
        href: entry.kind === 'team' ? `/experts/teams/${entry.id}` : `/experts/faculty/${entry.id}`,
        score: scoreOf(entry),
        directions: entry.researchDirections.slice(0, 4),
        snippet: snippetOf(
          [entry.researchDirections.join('、'), entry.text].filter(Boolean).join('。'),
          highlightWords(filter.query, entry.terms),
        ),
      })),
      pager: pager(request, 'experts', page.page, page.pages),
      chainOptions: enumOptions(request.locale, 'chain', filter.chain),
      universityOptions: universities,
      titleOptions: enumOptions(request.locale, 'facultyTitle', filter.title),
    });
  });

  /** A profile's works with the one a ranking named as its best evidence (`?evidence=`) marked. */
  const worksWithEvidence = <Work extends { title: string }>(request: Request, works: Work[]) => {
    const evidence = typeof request.query.evidence === 'string' ? request.query.evidence.slice(0, 300) : null;
    const marked = works.map((work) => ({ ...work, best: evidence !== null && work.title === evidence }));
    return { works: marked, hasEvidence: marked.some((work) => work.best) };
  };

  router.get('/experts/teams/:id', async (request, response) => {
    const page = await getTeamPage(deps.db, idParam(request));
    response.render('pages/libraries/team', {
      title: page.team.name,
      ...page,
      ...worksWithEvidence(request, page.works),
    });
  });

  router.get('/experts/faculty/:id', async (request, response) => {
    const page = await getFacultyPage(deps.db, idParam(request));
    response.render('pages/libraries/faculty', {
      title: page.member.name,
      ...page,
      ...worksWithEvidence(request, page.works),
    });
  });

  return router;
}
