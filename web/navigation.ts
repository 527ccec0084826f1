import type { NextFunction, Request, Response } from 'express';
import type { UserRole } from '../services/shared/enums.js';

type NavItem = { href: string; key: string };

const PUBLIC_NAV: NavItem[] = [{ href: '/', key: 'nav.home' }];

const NAV_BY_ROLE: Record<UserRole, NavItem[]> = {
  enterprise: [
    { href: '/demands', key: 'nav.myDemands' },
    { href: '/introductions', key: 'nav.introductions' },
    { href: '/projects', key: 'nav.myProjects' },
    { href: '/consortia', key: 'nav.consortia' },
    { href: '/company', key: 'nav.company' },
  ],
  university: [
    { href: '/profile', key: 'nav.profile' },
    { href: '/matched-demands', key: 'nav.matchedDemands' },
    { href: '/introductions', key: 'nav.introductions' },
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
  ],
  admin: [
    { href: '/admin/users', key: 'nav.admin' },
    { href: '/staff/queue', key: 'nav.queue' },
    { href: '/staff/projects', key: 'nav.projects' },
    { href: '/staff/partners', key: 'nav.partners' },
    { href: '/staff/report', key: 'nav.report' },
    { href: '/staff/lists', key: 'nav.imports' },
  ],
};

/** What every page's layout needs: who is signed in and the navigation for their role. */
export function navigation(request: Request, response: Response, next: NextFunction): void {
  const items = [...PUBLIC_NAV, ...(request.user ? NAV_BY_ROLE[request.user.role] : [])];
  response.locals.nav = items.map((item) => ({
    ...item,
    current: item.href === '/' ? request.path === '/' : request.path.startsWith(item.href),
  }));
  response.locals.currentUser = request.user
    ? { displayName: request.user.displayName, role: request.user.role }
    : null;
  response.locals.flash = request.session?.flash ?? [];
  if (request.session?.flash) delete request.session.flash;
  next();
}

/** A one-time message shown on the next page. */
export function flash(request: Request, kind: 'success' | 'error' | 'info', key: string): void {
  request.session.flash = [...(request.session.flash ?? []), { kind, key }];
}
