import { PGlite, parse, protocol, type QueryOptions, type Results } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzleConfig, type Db } from "./client";

/**
 * A query built once per database handle (a process has one; tests open several) and prepared under a name: the
 * SQL is not rebuilt per call, and it is parsed and planned once per connection — node-postgres names it on
 * PostgreSQL; on PGlite it is built on `preparingDb`'s handle, which runs it as a named statement.
 */
export function preparedPerDb<Q>(build: (db: Db) => Q): (db: Db) => Q {
  const cache = new WeakMap<Db, Q>();
  return (db) => {
    let query = cache.get(db);
    if (!query) cache.set(db, (query = build(preparingDb(db))));
    return query;
  };
}

const preparing = new WeakMap<Db, Db>();

/**
 * The handle to build prepared statements on: on PGlite a Drizzle handle whose queries run as named statements
 * (`pgliteNamedQuery`), elsewhere `db` itself (node-postgres already sends a prepared query named, and a
 * transaction's handle runs its statements as they are). For statements built once and reused: every distinct
 * text it runs stays parsed on the engine for the PGlite's life.
 */
export function preparingDb(db: Db): Db {
  const client = (db as unknown as { $client?: unknown }).$client;
  if (!(client instanceof PGlite)) return db;
  let named = preparing.get(db);
  if (!named) {
    const runner = {
      query: (text: string, params: unknown[] = [], options?: QueryOptions) => pgliteNamedQuery(client, statementName(client, text), text, params, options),
    };
    named = drizzlePglite({ client: runner as unknown as PGlite, ...drizzleConfig }) as unknown as Db;
    preparing.set(db, named);
  }
  return named;
}

/** Names given to statement texts, per PGlite: its engine keeps one namespace of statements, whatever handle ran them. */
const namesOn = new WeakMap<PGlite, Map<string, string>>();

function statementName(client: PGlite, text: string): string {
  let names = namesOn.get(client);
  if (!names) namesOn.set(client, (names = new Map()));
  let name = names.get(text);
  if (!name) names.set(text, (name = `drizzle_named_${names.size + 1}`));
  return name;
}

type RowDescription = InstanceType<typeof protocol.messages.RowDescriptionMessage>;

/** What PostgreSQL said about a named statement when it was parsed: its parameters' types and its rows' shape. */
interface Described {
  paramTypes: number[];
  rowDescription: RowDescription | undefined;
}

/** Statements parsed on each PGlite instance (it keeps them for its life: one session, no pool). */
const parsedOn = new WeakMap<PGlite, Map<string, Described>>();

/**
 * PGlite: `client.query(text, params, options)` — same values, same rows and errors — but as the named statement
 * `name`: parsed and described once per PGlite, planned once PostgreSQL settles on a generic plan, then each run is
 * one exchange (bind, execute, sync). PGlite's own `query()` sends every statement unnamed, so its engine parsed
 * and planned each run again (five exchanges): for the gallery page half of the query's time, for the session
 * check a fifth of a request's (docs/decisions/performance.md). Values are bound as parameters, never written into
 * the SQL. Like `query()` it waits for any transaction on the engine to end (PGlite's transaction lock) and runs
 * alone (its query lock): it never runs between the statements of another caller's open transaction.
 */
export async function pgliteNamedQuery<T = unknown>(client: PGlite, name: string, text: string, params: unknown[], options?: QueryOptions): Promise<Results<T>> {
  let parsed = parsedOn.get(client);
  if (!parsed) parsedOn.set(client, (parsed = new Map()));
  const { serialize } = protocol;
  const run = async (syncToFs: boolean, ...parts: Uint8Array[]) => {
    const message = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      message.set(p, at);
      at += p.length;
    }
    // Throws PostgreSQL's error (after the Sync: the session is ready for the next statement).
    return (await client.execProtocol(message, { syncToFs })).messages;
  };
  return client._runExclusiveTransaction(() =>
    client.runExclusive(async () => {
      let statement = parsed.get(name);
      if (!statement) {
        // Parsed on its own first: a statement is remembered only once PostgreSQL has it.
        const messages = await run(false, serialize.parse({ name, text, types: options?.paramTypes }), serialize.describe({ type: "S", name }), serialize.sync());
        statement = {
          paramTypes: parse.parseDescribeStatementResults(messages),
          rowDescription: messages.find((m): m is RowDescription => m.name === "rowDescription"),
        };
        parsed.set(name, statement);
      }
      const values = params.map((value, i) => {
        if (value === null || value === undefined) return null;
        const oid = statement.paramTypes[i]!;
        const serializer = options?.serializers?.[oid] ?? client.serializers[oid];
        return serializer ? serializer(value) : String(value);
      });
      // Synced to the file system after it, as `query()` does outside a transaction (a statement may write).
      const messages = await run(true, serialize.bind({ statement: name, values }), serialize.execute({}), serialize.sync());
      const described = statement.rowDescription ? [statement.rowDescription, ...messages] : messages;
      const { parsers, options: rest } = parsing(client, options);
      return parse.parseResults(described, parsers, rest)[0] as Results<T>;
    }),
  );
}

type Parsers = PGlite["parsers"];

/** Per PGlite: its type parsers with a caller's overrides laid over them, per overrides object. */
const mergedOn = new WeakMap<PGlite, WeakMap<object, Parsers>>();

/**
 * The parsers and options to decode a result with. PGlite's `parseResults` lays `options.parsers` over its own ≈ 320
 * type parsers by spreading both into a new object on every call — ≈ 80 µs per query on this machine, the largest
 * single cost of the session check on PGlite (Drizzle passes its timestamp overrides with every query). The merged
 * table is made once per overrides object (Drizzle's is one per prepared query) and handed over as the base, with
 * no overrides left to merge: the values decoded are the same.
 */
function parsing(client: PGlite, options: QueryOptions | undefined): { parsers: Parsers; options: QueryOptions | undefined } {
  if (!options?.parsers) return { parsers: client.parsers, options };
  let byOverrides = mergedOn.get(client);
  if (!byOverrides) mergedOn.set(client, (byOverrides = new WeakMap()));
  let parsers = byOverrides.get(options.parsers);
  if (!parsers) byOverrides.set(options.parsers, (parsers = { ...client.parsers, ...options.parsers }));
  return { parsers, options: { ...options, parsers: undefined } };
}
