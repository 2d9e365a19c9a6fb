import type { PGlite } from "@electric-sql/pglite";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client";
import { pgliteNamedQuery, preparedPerDb, preparingDb } from "../../src/db/prepared";
import { boolean, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { openPglite } from "../ops/databases";

/** Named statements on PGlite (db/prepared.ts): parsed once, values bound and typed as query() does, errors contained. */
describe("pgliteNamedQuery", () => {
  let database: Database;
  let client: PGlite;
  const prepared = async () =>
    ((await database.db.execute(sql`SELECT name FROM pg_prepared_statements ORDER BY name`)) as unknown as { rows: { name: string }[] }).rows.map((r) => r.name);
  beforeAll(async () => {
    database = await openPglite();
    client = (database.db as unknown as { $client: PGlite }).$client;
  });
  afterAll(() => database.close());

  it("runs a statement under its name with bound values, parsing it once, typed as query() types them", async () => {
    const text = "SELECT $1::text || '!' AS a, $2::int * 2 AS b, $3::timestamptz AS at, $4::jsonb AS j, $5::bool AS ok";
    const values = ["it's; DROP TABLE users; --", 21, new Date("2026-01-02T03:04:05.678Z"), { k: ["v", 1] }, true];
    const named = await pgliteNamedQuery(client, "t_echo", text, values);
    expect(named.rows).toEqual((await client.query(text, values)).rows);
    expect(named.rows).toEqual([{ a: "it's; DROP TABLE users; --!", b: 42, at: new Date("2026-01-02T03:04:05.678Z"), j: { k: ["v", 1] }, ok: true }]);
    expect(named.fields.map((f) => f.name)).toEqual(["a", "b", "at", "j", "ok"]);
    expect((await pgliteNamedQuery(client, "t_echo", text, [null, 1, null, null, false], { rowMode: "array" })).rows).toEqual([[null, 2, null, null, false]]);
    expect(await prepared()).toEqual(["t_echo"]);
  });

  it("decodes with the caller's parsers laid over PGlite's, as query() does, without changing PGlite's own", async () => {
    const text = "SELECT $1::timestamptz AS at, $2::int AS n, $3::text AS t";
    const values = [new Date("2026-01-02T03:04:05.678Z"), 7, "x"];
    // What Drizzle passes with every query: timestamps left as PostgreSQL wrote them.
    const asText = { parsers: { 1184: (v: string) => v } };
    const tagged = { parsers: { 23: (v: string) => `n${v}`, 25: (v: string) => v.toUpperCase() } };
    for (let run = 0; run < 2; run++) {
      // Each overrides object on its own (the merged table is kept per object), twice (the second from the cache).
      expect((await pgliteNamedQuery(client, "t_parsers", text, values, asText)).rows).toEqual((await client.query(text, values, asText)).rows);
      expect((await pgliteNamedQuery(client, "t_parsers", text, values, asText)).rows).toEqual([{ at: "2026-01-02 03:04:05.678+00", n: 7, t: "x" }]);
      expect((await pgliteNamedQuery(client, "t_parsers", text, values, { ...tagged, rowMode: "array" })).rows).toEqual([[values[0], "n7", "X"]]);
      expect((await pgliteNamedQuery(client, "t_parsers", text, values)).rows).toEqual([{ at: values[0], n: 7, t: "x" }]);
    }
    expect((await client.query(text, values)).rows).toEqual([{ at: values[0], n: 7, t: "x" }]);
  });

  it("answers a bad value with PostgreSQL's error and keeps working", async () => {
    const text = "SELECT $1::uuid::text AS id";
    await expect(pgliteNamedQuery(client, "t_uuid", text, ["not-a-uuid"])).rejects.toThrow(/uuid/);
    // The statement was parsed before the failing bind: it is reused, not parsed twice ("already exists").
    expect((await pgliteNamedQuery(client, "t_uuid", text, ["00000000-0000-4000-8000-000000000001"])).rows).toEqual([{ id: "00000000-0000-4000-8000-000000000001" }]);
    await expect(pgliteNamedQuery(client, "t_broken", "SELECT FROM nowhere_at_all", [])).rejects.toThrow(/nowhere_at_all/);
    expect(await prepared()).toEqual(["t_echo", "t_parsers", "t_uuid"]);
  });

  it("writes, and answers how many rows it changed", async () => {
    await database.db.execute(sql`CREATE TABLE t_named (n int)`);
    const insert = await pgliteNamedQuery(client, "t_insert", "INSERT INTO t_named SELECT generate_series(1, $1::int)", [3]);
    expect(insert.affectedRows).toBe(3);
    expect((await client.query<{ c: number }>("SELECT count(*)::int AS c FROM t_named")).rows).toEqual([{ c: 3 }]);
  });

  it("never runs inside another caller's open transaction: it waits for it to end", async () => {
    await database.db.execute(sql`CREATE TABLE t_tx (n int)`);
    let during: Promise<Awaited<ReturnType<typeof pgliteNamedQuery>>> | undefined;
    const rolledBack = database.db.transaction(async (t) => {
      await t.execute(sql`INSERT INTO t_tx VALUES (1)`);
      // Asked for while the transaction is open, between two of its statements: had it run inside, it would see the row.
      during = pgliteNamedQuery(client, "t_count", "SELECT count(*)::int AS n FROM t_tx", []);
      await t.execute(sql`SELECT pg_sleep(0.02)`);
      throw new Error("roll back");
    });
    await expect(rolledBack).rejects.toThrow("roll back");
    expect((await during!).rows).toEqual([{ n: 0 }]);
  });
});

/** A table of the column types the session check reads (the test's own: on the PostgreSQL pass PGlite starts empty). */
const people = pgTable("t_people", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  verified: boolean("verified").notNull().default(false),
  preferences: jsonb("preferences").$type<Record<string, unknown>>().notNull().default({}),
});

describe("preparingDb", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openPglite();
  });
  afterAll(() => database.close());

  it("on PGlite, builds Drizzle's prepared queries to run named, with Drizzle's own mapping", async () => {
    await database.db.execute(
      sql`CREATE TABLE t_people (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), verified boolean NOT NULL DEFAULT false, preferences jsonb NOT NULL DEFAULT '{}')`,
    );
    const [row] = await database.db.insert(people).values({ email: "named@example.com", verified: true, preferences: { theme: "dark", n: [1, 2] } }).returning({ id: people.id });
    const query = preparedPerDb((db) =>
      db
        .select({ id: people.id, email: people.email, createdAt: people.createdAt, verified: people.verified, preferences: people.preferences })
        .from(people)
        .where(eq(people.id, sql.placeholder("id")))
        .prepare("t_user_by_id"),
    );
    const [direct] = await database.db
      .select({ id: people.id, email: people.email, createdAt: people.createdAt, verified: people.verified, preferences: people.preferences })
      .from(people)
      .where(eq(people.id, row!.id));
    expect(await query(database.db).execute({ id: row!.id })).toEqual([direct]);
    expect(direct).toMatchObject({ email: "named@example.com", verified: true, preferences: { theme: "dark", n: [1, 2] } });
    expect(direct!.createdAt).toBeInstanceOf(Date);
    expect(await query(database.db).execute({ id: "00000000-0000-4000-8000-000000000009" })).toEqual([]);
    const res = (await database.db.execute(sql`SELECT statement FROM pg_prepared_statements`)) as unknown as { rows: { statement: string }[] };
    expect(res.rows.map((r) => r.statement)).toEqual([expect.stringMatching(/^select "id", "email", .* from "t_people" where "t_people"."id" = \$1$/)]);
  });

  it("leaves a transaction's handle as it is", async () => {
    await database.db.transaction(async (t) => {
      expect(preparingDb(t)).toBe(t);
    });
    expect(preparingDb(database.db)).toBe(preparingDb(database.db));
  });
});
