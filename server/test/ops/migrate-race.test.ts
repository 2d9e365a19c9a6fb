import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client";
import { postgresUrl, scratchDatabase } from "./databases";

const base = postgresUrl();

// Several processes starting at once on an empty database all migrate it. PGlite is one process: PostgreSQL only.
describe.skipIf(!base)("migrations started at once (PostgreSQL)", () => {
  it("all succeed on an empty database, each migration applied once", async () => {
    const scratch = await scratchDatabase(base!);
    const processes = await Promise.all(
      Array.from({ length: 6 }, () => openDatabase({ url: scratch.url, poolSize: 2 })),
    );
    try {
      const results = await Promise.allSettled(processes.map((p) => p.migrate()));
      const failures = results.flatMap((r) =>
        r.status === "rejected" ? [String((r.reason as Error).cause ?? r.reason)] : [],
      );
      expect(failures).toEqual([]);
      const { rows } = await processes[0]!.pool!.query<{ n: number }>(
        "select count(*)::int as n from drizzle.__drizzle_migrations",
      );
      const { rows: ext } = await processes[0]!.pool!.query("select 1 from pg_extension where extname = 'pg_trgm'");
      expect(ext).toHaveLength(1);
      expect(rows[0]!.n).toBeGreaterThan(0);
      // Every journal entry exactly once: a re-run on the migrated database applies nothing new.
      await processes[0]!.migrate();
      const { rows: after } = await processes[0]!.pool!.query<{ n: number }>(
        "select count(*)::int as n from drizzle.__drizzle_migrations",
      );
      expect(after[0]!.n).toBe(rows[0]!.n);
    } finally {
      await Promise.all(processes.map((p) => p.close()));
      await scratch.drop();
    }
  });
});
