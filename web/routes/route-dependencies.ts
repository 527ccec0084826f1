import type { PortalDependencies } from '../../services/demands/index.js';

/** What every route factory is given: the database and this process's matcher. */
export type RouteDependencies = PortalDependencies;
