import { PGlite, protocol } from "@electric-sql/pglite";
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

/** Statement names parsed on each PGlite instance (it keeps them for its life: one session, no pool). */
const parsedOn = new WeakMap<PGlite, Set<string>>();

/**
 * PGlite: runs `text` as the named statement `name` — parsed once per PGlite, planned once PostgreSQL settles on a
 * generic plan — and answers its rows as text fields. PGlite's own `query()` (what Drizzle's prepared statements
 * run on it) sends every statement unnamed, so PostgreSQL parses and plans it again on each run: for the gallery
 * page about half of the query's time in the WebAssembly engine (docs/decisions/performance.md). Values are sent
 * as text, bound as parameters (never written into the SQL); for reads (nothing is synced to disk after it).
 * `undefined` when `db` is not on PGlite (or is a transaction's handle): the caller
 * runs its Drizzle prepared statement, which node-postgres already sends named.
 */
export async function pgliteNamedRows(db: Db, name: string, text: string, values: (string | null)[]): Promise<(string | null)[][] | undefined> {
  const client = (db as unknown as { $client?: unknown }).$client;
  if (!(client instanceof PGlite)) return undefined;
  let parsed = parsedOn.get(client);
  if (!parsed) parsedOn.set(client, (parsed = new Set()));
  const { serialize } = protocol;
  const run = (...parts: Uint8Array[]) => {
    const message = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      message.set(p, at);
      at += p.length;
    }
    return client.execProtocol(message, { syncToFs: false }); // throws on an error (after the Sync: session ready)
  };
  // Alone on the engine, as its query() is: not between another caller's statements or inside its transaction.
  const { messages } = await client.runExclusive(async () => {
    if (!parsed.has(name)) {
      // Parsed on its own first: a statement is remembered only once PostgreSQL has it.
      await run(serialize.parse({ name, text }), serialize.sync());
      parsed.add(name);
    }
    return run(serialize.bind({ statement: name, values }), serialize.execute({}), serialize.sync());
  });
  const rows: (string | null)[][] = [];
  for (const m of messages) if (m.name === "dataRow") rows.push((m as unknown as { fields: (string | null)[] }).fields);
  return rows;
}
