import { createHash } from 'node:crypto';
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

/**
 * The name of a statement whose text depends on which filters are set (the staff queue's): a
 * digest of the text, so each shape is parsed and planned once per connection and then runs on the
 * server's cached plan. Two texts never share a name; the driver refuses that rather than run one
 * in place of the other.
 */
export function nameByShape(prefix: string, text: string): string {
  return `${prefix}_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
}
