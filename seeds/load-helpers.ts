import { getTableColumns } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/** PostgreSQL takes at most 65,535 bind parameters in one statement. */
const MAX_PARAMETERS = 65_535;

/** Rows in slices small enough that one multi-row INSERT stays under the parameter cap. */
export function slices<Row>(table: PgTable, rows: Row[]): Row[][] {
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(getTableColumns(table)).length));
  const result: Row[][] = [];
  for (let start = 0; start < rows.length; start += size) result.push(rows.slice(start, start + size));
  return result;
}

/** Seed dates are calendar days in Weihai; stored timestamps put them in the working morning there. */
export function at(isoDate: string): Date {
  return new Date(`${isoDate}T09:00:00+08:00`);
}

/** A key's id, or a clear error naming the dangling reference (a generator bug, never user input). */
export function lookup<Value>(map: Map<string, Value>, key: string | null, what: string): Value {
  const value = key === null ? undefined : map.get(key);
  if (value === undefined) throw new Error(`seed refers to an unknown ${what}: ${key}`);
  return value;
}
