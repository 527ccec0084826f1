/**
 * An object's fields as plain data that structuredClone and postMessage carry (typed arrays,
 * arrays, maps, numbers), for a copy of a built index in another thread. Fields are taken
 * wholesale rather than listed, so a field added to a class later travels without anyone
 * remembering to add it here; `replaced` gives the fields that hold class instances or
 * functions their plain form (or leaves them out, with undefined) and `restore` puts them back.
 */
export type Snapshot = { readonly [field: string]: unknown };

export function snapshotOf(object: object, replaced: Record<string, unknown> = {}): Snapshot {
  const fields: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(object)) {
    if (field in replaced) {
      if (replaced[field] !== undefined) fields[field] = replaced[field];
      continue;
    }
    if (typeof value === 'function') continue;
    fields[field] = value;
  }
  return fields;
}

/** Writes a snapshot's fields over a freshly constructed instance of the same class. */
export function restore<T extends object>(
  target: T,
  snapshot: Snapshot,
  replaced: Record<string, unknown> = {},
): T {
  Object.assign(target, snapshot, replaced);
  return target;
}
