import { type AnyColumn, type SQL, sql } from 'drizzle-orm';

/** A CHECK expression keeping a text column inside one of the domain's enumerations. */
export function isOneOf(column: AnyColumn, values: readonly string[]): SQL {
  const literals = values.map((value) => `'${value.replaceAll("'", "''")}'`).join(', ');
  return sql`${column} in (${sql.raw(literals)})`;
}
