import type { Database } from './database.js';

/**
 * A named statement built once per database: drizzle does not build its SQL again, nor the server
 * plan it again, on every request. For the few statements nearly every page view asks; one asked
 * now and then is not worth a name held on every connection.
 */
export function preparedPerDatabase<Statement>(
  build: (db: Database) => Statement,
): (db: Database) => Statement {
  const built = new WeakMap<Database, Statement>();
  return (db) => {
    let statement = built.get(db);
    if (!statement) {
      statement = build(db);
      built.set(db, statement);
    }
    return statement;
  };
}
