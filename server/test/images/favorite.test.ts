import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImageDetail } from "@image-studio/shared";
import { createTestApp, type SignedUpUser, signUp, type TestApp } from "../harness";
import { caller, insertRow, ok } from "../images/fixtures";

/** POST /api/images/:id/favorite sets the flag to the value sent: no toggle, so replays and races end as asked. */
describe("favourite", () => {
  let t: TestApp;
  let u: SignedUpUser;
  let call: ReturnType<typeof caller>;

  beforeAll(async () => {
    t = await createTestApp();
    u = await signUp(t);
    call = caller(t, u);
  });
  afterAll(() => t.close());

  const favorite = (id: string, body?: unknown) =>
    call(`/api/images/${id}/favorite`, { method: "POST", ...(body === undefined ? {} : { body }) });
  const state = async (id: string) => (await ok<ImageDetail>(call(`/api/images/${id}`))).isFavorite;

  it("refuses a request without the wanted state (the old toggle) with 400, changing nothing", async () => {
    const row = await insertRow(t, u.user.id);
    for (const body of [undefined, {}, { favorite: "yes" }, { favorite: null }, { favorite: true, extra: 1 }]) {
      const res = await favorite(row.id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect(await state(row.id)).toBe(false);
    expect((await ok<ImageDetail>(favorite(row.id, { favorite: true }))).isFavorite).toBe(true);
    expect((await ok<ImageDetail>(favorite(row.id, { favorite: true }))).isFavorite).toBe(true);
  });

  it("under 30 concurrent requests, answers each its own write and ends in the state of the last one (PostgreSQL)", async (ctx) => {
    if (t.deps.database.kind !== "postgres") return ctx.skip();
    const row = await insertRow(t, u.user.id);
    const wanted = Array.from({ length: 30 }, (_, i) => i % 2 === 0);
    const answers = await Promise.all(wanted.map((f) => ok<ImageDetail>(favorite(row.id, { favorite: f }))));
    expect(answers.map((a) => a.isFavorite)).toEqual(wanted);
    expect(new Set(answers.map((a) => a.version)).size).toBe(30);
    const last = answers.reduce((a, b) => (b.version > a.version ? b : a));
    const now = await ok<ImageDetail>(call(`/api/images/${row.id}`));
    expect({ isFavorite: now.isFavorite, version: now.version }).toEqual({
      isFavorite: last.isFavorite,
      version: last.version,
    });
    // The old toggle, 30 times at once, is refused every time: the state cannot drift.
    const toggles = await Promise.all(Array.from({ length: 30 }, () => favorite(row.id, {})));
    expect(toggles.map((r) => r.status)).toEqual(Array(30).fill(400));
    expect(await state(row.id)).toBe(last.isFavorite);
  });
});
