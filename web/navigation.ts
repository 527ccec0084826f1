import type { NextFunction, Request, Response } from 'express';
import type { UserRole } from '../services/shared/enums.js';

type NavItem = { href: string; key: string };

const PUBLIC_NAV: NavItem[] = [
  { href: '/', key: 'nav.home' },
  { href: '/demands', key: 'library.demands' },
  { href: '/results', key: 'library.results' },
  { href: '/experts', key: 'library.experts' },
];

const NAV_BY_ROLE: Record<UserRole, NavItem[]> = {
  enterprise: [
    { href: '/demands/mine', key: 'nav.myDemands' },
    { href: '/introductions', key: 'nav.introductions' },
    { href: '/collaborations', key: 'nav.progress' },
    { href: '/projects', key: 'nav.myProjects' },
    { href: '/consortia', key: 'nav.consortia' },
    { href: '/company', key: 'nav.company' },
  ],
  university: [
    { href: '/profile', key: 'nav.profile' },
    { href: '/matched-demands', key: 'nav.matchedDemands' },
    { href: '/introductions', key: 'nav.introductions' },
    { href: '/collaborations', key: 'nav.progress' },
    { href: '/consortia', key: 'nav.consortia' },
  ],
  staff: [
    { href: '/staff/queue', key: 'nav.queue' },
    { href: '/staff/collaborations', key: 'nav.collaborations' },
    { href: '/staff/projects', key: 'nav.projects' },
    { href: '/staff/consortia', key: 'nav.consortia' },
    { href: '/staff/dashboard', key: 'nav.dashboard' },
    { href: '/staff/enterprises', key: 'nav.enterprises' },
    { href: '/staff/report', key: 'nav.report' },
    { href: '/staff/lists', key: 'nav.imports' },
    { href: '/invitations', key: 'nav.invitations' },
  ],
  admin: [
    { href: '/admin/users', key: 'nav.admin' },
    { href: '/staff/queue', key: 'nav.queue' },
    { href: '/staff/projects', key: 'nav.projects' },
    { href: '/staff/partners', key: 'nav.partners' },
    { href: '/staff/report', key: 'nav.report' },
    { href: '/staff/lists', key: 'nav.imports' },
    { href: '/invitations', key: 'nav.invitations' },
    { href: '/admin/mail', key: 'nav.outgoingMail' },
  ],
};

/** What every page's layout needs: who is signed in and the navigation for their role. */
export function navigation(request: Request, response: Response, next: NextFunction): void {
  const items = [...PUBLIC_NAV, ...(request.user ? NAV_BY_ROLE[request.user.role] : [])];
  // The longest address the path starts with is the current one: /demands/mine is not /demands.
  const within = (href: string) =>
    href === '/' ? request.path === '/' : request.path === href || request.path.startsWith(`${href}/`);
  const current = items
    .filter((item) => within(item.href))
    .sort((left, right) => right.href.length - left.href.length)[0];
  response.locals.nav = items.map((item) => ({ ...item, current: item === current }));
  // The header's box shows what a library was searched for; other pages' own `q` stays theirs.
  const inLibrary = /^\/(demands|results|experts)$/.test(request.path);
  response.locals.searchQuery =
    inLibrary && typeof request.query.q === 'string' ? request.query.q.slice(0, 200) : '';
  response.locals.currentUser = request.user
    ? { displayName: request.user.displayName, role: request.user.role }
    : null;
  response.locals.flash = request.session?.flash ?? [];
  if (request.session?.flash) delete request.session.flash;
  next();
}

/** A one-time message shown on the next page. */
export function flash(
  request: Request,
  kind: 'success' | 'error' | 'info',
  key: string,
  params?: Record<string, string>,
): void {
  request.session.flash = [...(request.session.flash ?? []), { kind, key, ...(params ? { params } : {}) }];
}
