import { randomUUID } from "node:crypto";
import { syncPushSchema } from "@image-studio/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type SignedUpUser, signUp, type TestApp } from "../harness";
import { caller, insertRow, ok } from "../images/fixtures";

/**
 * Creates by client-minted id under concurrency: an outbox replayed by two tabs, a retry racing the original.
 * PGlite runs one statement at a time and hides these races, so they run on PostgreSQL only (CI's pass).
 */
describe("concurrent creates with one client-minted id (PostgreSQL)", () => {
  let t: TestApp;
  let u: SignedUpUser;
  let call: ReturnType<typeof caller>;
  const N = 10;

  beforeAll(async () => {
    t = await createTestApp();
    u = await signUp(t);
    call = caller(t, u);
  });
  afterAll(() => t.close());

  const onPostgres = () => t.deps.database.kind === "postgres";
  const count = async (table: string, id: string) => {
    const { rows } = await t.deps.database.pool!.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${table} WHERE id = $1`,
      [id],
    );
    return rows[0]!.n;
  };

  /** N identical requests at once: every one succeeds, exactly one creates, all answer the same row. */
  async function race(path: (id: string) => string, body: (id: string) => Record<string, unknown>, created: number) {
    const id = randomUUID();
    const res = await Promise.all(Array.from({ length: N }, () => call(path(id), { body: body(id) })));
    const statuses = res.map((r) => r.status);
    expect(
      statuses.filter((s) => s !== 200 && s !== created),
      JSON.stringify(statuses),
    ).toEqual([]);
    if (created !== 200) expect(statuses.filter((s) => s === created)).toHaveLength(1);
    const bodies = await Promise.all(res.map(async (r) => (await r.json()) as { id: string; imageCount?: number }));
    expect(new Set(bodies.map((b) => b.id))).toEqual(new Set([id]));
    return { id, bodies };
  }

  it("creates a project once", async (ctx) => {
    if (!onPostgres()) return ctx.skip();
    const { id } = await race(
      () => "/api/projects",
      (id) => ({ id, name: "Raced" }),
      201,
    );
    expect(await count("projects", id)).toBe(1);
  });

  it("creates a collection once", async (ctx) => {
    if (!onPostgres()) return ctx.skip();
    const { id } = await race(
      () => "/api/collections",
      (id) => ({ id, name: "Raced" }),
      201,
    );
    expect(await count("collections", id)).toBe(1);
  });

  it("creates a prompt once", async (ctx) => {
    if (!onPostgres()) return ctx.skip();
    const { id } = await race(
      () => "/api/prompts",
      (id) => ({ id, title: "Raced", promptText: "x" }),
      201,
    );
    expect(await count("prompts", id)).toBe(1);
  });

  it("duplicates a project once, every answer with all its images", async (ctx) => {
    if (!onPostgres()) return ctx.skip();
    const src = await ok<{ id: string }>(call("/api/projects", { body: { name: "Source" } }), 201);
    for (let i = 0; i < 3; i++) await insertRow(t, u.user.id, { projectId: src.id });
    const { id, bodies } = await race(
      () => `/api/projects/${src.id}/duplicate`,
      (id) => ({ id }),
      201,
    );
    expect(await count("projects", id)).toBe(1);
    expect(bodies.map((b) => b.imageCount)).toEqual(Array(N).fill(3));
    const { rows } = await t.deps.database.pool!.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM images WHERE project_id = $1",
      [id],
    );
    expect(rows[0]!.n).toBe(3);
  });

  it("applies sync creates of one entity id from different mutations once, each answered as applied", async (ctx) => {
    if (!onPostgres()) return ctx.skip();
    const ids = { project: randomUUID(), collection: randomUUID(), prompt: randomUUID() };
    const push = (m: Record<string, unknown>) =>
      call("/api/sync/push", { body: { mutations: [{ id: randomUUID(), ...m }] } });
    const kinds = [
      { type: "project.create", project: { id: ids.project, name: "Raced" } },
      { type: "collection.create", collection: { id: ids.collection, name: "Raced" } },
      { type: "prompt.create", prompt: { id: ids.prompt, title: "Raced", promptText: "x" } },
    ];
    const res = await Promise.all(kinds.flatMap((m) => Array.from({ length: N }, () => push(m))));
    const results = await Promise.all(res.map(async (r) => syncPushSchema.parse(await r.json()).results[0]!));
    expect(results.map((r) => `${r.status}:${r.error?.code ?? ""}`).filter((s) => s !== "applied:")).toEqual([]);
    expect(new Set(results.map((r) => r.entityId))).toEqual(new Set(Object.values(ids)));
    for (const [table, id] of [
      ["projects", ids.project],
      ["collections", ids.collection],
      ["prompts", ids.prompt],
    ] as const) {
      expect(await count(table, id)).toBe(1);
    }
  });
});
