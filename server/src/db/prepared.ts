import type { Db } from "./client";

/**
 * A query built once per database handle (a process has one; tests open several) and prepared under a name: the
 * SQL is not rebuilt per call, and node-postgres parses and plans it once per connection.
 */
export function preparedPerDb<Q>(build: (db: Db) => Q): (db: Db) => Q {
  const cache = new WeakMap<Db, Q>();
  return (db) => {
    let query = cache.get(db);
    if (!query) cache.set(db, (query = build(db)));
    return query;
  };
}
