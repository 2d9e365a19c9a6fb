import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client";
import { pgliteNamedRows } from "../../src/db/prepared";
import { openPglite } from "../ops/databases";

/** The gallery page's named statements on PGlite (db/prepared.ts): parsed once, values bound, errors contained. */
describe("pgliteNamedRows", () => {
  let database: Database;
  const prepared = async () =>
    ((await database.db.execute(sql`SELECT name FROM pg_prepared_statements ORDER BY name`)) as unknown as { rows: { name: string }[] }).rows.map((r) => r.name);
  beforeAll(async () => {
    database = await openPglite();
  });
  afterAll(() => database.close());

  it("runs a statement under its name with bound values, parsing it once", async () => {
    const text = "SELECT $1::text || '!' AS a, $2::int * 2 AS b";
    expect(await pgliteNamedRows(database.db, "t_echo", text, ["it's; DROP TABLE users; --", "21"])).toEqual([["it's; DROP TABLE users; --!", "42"]]);
    expect(await pgliteNamedRows(database.db, "t_echo", text, [null, "1"])).toEqual([[null, "2"]]);
    expect(await prepared()).toEqual(["t_echo"]);
  });

  it("answers a bad value with PostgreSQL's error and keeps working", async () => {
    const text = "SELECT $1::uuid::text AS id";
    await expect(pgliteNamedRows(database.db, "t_uuid", text, ["not-a-uuid"])).rejects.toThrow(/uuid/);
    // The statement was parsed before the failing bind: it is reused, not parsed twice ("already exists").
    expect(await pgliteNamedRows(database.db, "t_uuid", text, ["00000000-0000-4000-8000-000000000001"])).toEqual([["00000000-0000-4000-8000-000000000001"]]);
    await expect(pgliteNamedRows(database.db, "t_broken", "SELECT FROM nowhere_at_all", [])).rejects.toThrow(/nowhere_at_all/);
    expect(await pgliteNamedRows(database.db, "t_echo", "SELECT $1::text || '!' AS a, $2::int * 2 AS b", ["x", "2"])).toEqual([["x!", "4"]]);
    expect(await prepared()).toEqual(["t_echo", "t_uuid"]);
  });

  it("waits for a transaction on the engine to finish, and is not used on a transaction's own handle", async () => {
    let inside: unknown = "unset";
    const tx = database.db.transaction(async (t) => {
      inside = await pgliteNamedRows(t, "t_tx", "SELECT 1", []);
      await t.execute(sql`SELECT pg_sleep(0.05)`);
    });
    const during = pgliteNamedRows(database.db, "t_after", "SELECT now() = statement_timestamp() AS x", []);
    await tx;
    expect(inside).toBeUndefined();
    expect(await during).toHaveLength(1);
  });
});
