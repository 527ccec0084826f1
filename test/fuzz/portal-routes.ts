import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Express } from 'express';

export interface PortalRoute {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: string;
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/**
 * Every route the app has, read from Express's own router, so a route added on any branch is
 * fuzzed without anyone remembering to list it.
 */
export function listPortalRoutes(app: Express): PortalRoute[] {
  const routes: PortalRoute[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods))
          routes.push({ method: method as PortalRoute['method'], path: layer.route.path });
      } else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return routes;
}

const VIEWS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../web/views');

function templatesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? templatesUnder(path.join(folder, entry.name))
      : entry.name.endsWith('.hbs')
        ? [path.join(folder, entry.name)]
        : [],
  );
}

/** Field names that JSON clients use beside the forms' own. */
const API_FIELDS = ['status', 'titleEn', 'researchDirections', 'bio', 'description', 'intent'];

/** The name of every form field the portal's templates render: what a fuzzed body fills in. */
export function formFieldNames(): string[] {
  const names = new Set(API_FIELDS);
  for (const file of templatesUnder(VIEWS_DIR)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\bname="([A-Za-z_][\w]*)"/g))
      names.add(match[1]!);
  }
  names.delete('_csrf');
  return [...names].sort();
}
