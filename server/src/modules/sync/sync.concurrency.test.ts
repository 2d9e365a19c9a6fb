import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ctxFor } from "../../../test/factories";
import { createTestApp, type TestApp } from "../../../test/harness";
import { pull } from "./sync.pull";
import { mid, syncUser } from "./sync.testing";

/**
 * The safe watermark: versions are taken when a statement runs, transactions commit in any order. These need a
 * second connection, so they run on PostgreSQL only (PGlite has one connection: nothing can commit out of order).
 */
describe("sync pull under concurrent transactions", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const onPostgres = () => t.deps.database.kind === "postgres";

  /** Opens a transaction on its own connection that takes a version (inserts a prompt) and stays open. */
  async function openWriter(userId: string) {
    const client = await t.deps.database.pool!.connect();
    await client.query("BEGIN");
    const id = mid();
    const { rows } = await client.query<{ version: string }>(
      "INSERT INTO prompts (id, user_id, title, prompt_text) VALUES ($1, $2, 'early', 'taken first, committed last') RETURNING version::text AS version",
      [id, userId],
    );
    let open = true;
    const finish = async (statement: "COMMIT" | "ROLLBACK") => {
      if (!open) return;
      open = false;
      try {
        await client.query(statement);
      } finally {
        client.release();
      }
    };
    /** `rollback` after `commit` does nothing, so tests can always roll back in `finally`. */
    return { id, version: Number(rows[0]!.version), commit: () => finish("COMMIT"), rollback: () => finish("ROLLBACK") };
  }

  it("waits for a transaction holding an earlier version, so the row that commits last is not skipped", async (ctx) => {
    if (!onPostgres()) return ctx.skip();
    const s = await syncUser(t);
    const start = (await s.pullAll()).cursor;
    const early = await openWriter(s.id);
    try {
      const late = mid();
      const [r] = await s.push([{ id: mid(), type: "prompt.create", prompt: { id: late, title: "late", promptText: "committed first" } }]);
      expect(r!.version).toBeGreaterThan(early.version);
      const pulling = s.pullAll(start);
      await sleep(300);
      await early.commit();
      const { pages } = await pulling;
      expect(pages.flatMap((p) => p.prompts).map((p) => p.id)).toEqual([early.id, late]);
    } finally {
      await early.rollback();
    }
  });

  it("answers up to the last proven watermark when the holder outlasts the wait, and delivers both later", async (ctx) => {
    if (!onPostgres()) return ctx.skip();
    const s = await syncUser(t);
    const start = (await s.pullAll()).cursor;
    const early = await openWriter(s.id);
    try {
      const late = mid();
      await s.push([{ id: mid(), type: "prompt.create", prompt: { id: late, title: "late", promptText: "committed first" } }]);
      const held = await pull(ctxFor(t.deps, s.u.user), { cursor: start, limit: 500 }, { maxWaitMs: 50 });
      // A naive `version > cursor` would answer `late` and move the cursor past `early` for good.
      expect(held.prompts).toEqual([]);
      expect(Number(held.cursor)).toBeLessThan(early.version);
      await early.commit();
      const { pages } = await s.pullAll(held.cursor);
      expect(pages.flatMap((p) => p.prompts).map((p) => p.id)).toEqual([early.id, late]);
    } finally {
      await early.rollback();
    }
  });

  it("delivers nothing of a transaction that rolls back, and moves on", async (ctx) => {
    if (!onPostgres()) return ctx.skip();
    const s = await syncUser(t);
    const start = (await s.pullAll()).cursor;
    const gone = await openWriter(s.id);
    const kept = mid();
    await s.push([{ id: mid(), type: "prompt.create", prompt: { id: kept, title: "kept", promptText: "x" } }]);
    const pulling = s.pullAll(start);
    await sleep(200);
    await gone.rollback();
    const { pages } = await pulling;
    expect(pages.flatMap((p) => p.prompts).map((p) => p.id)).toEqual([kept]);
  });
});
