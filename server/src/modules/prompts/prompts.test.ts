import { errorBodySchema, promptSchema } from "@image-studio/shared";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caller } from "../../../test/images/fixtures";
import { createTestApp, signUp, type TestApp } from "../../../test/harness";

describe("/api/prompts", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const user = async () => caller(t, await signUp(t));
  const code = async (res: Response) => errorBodySchema.parse(await res.json()).error.code;

  it("creates (idempotently by id), lists, reads, edits only the fields given and deletes", async () => {
    const call = await user();
    const id = randomUUID();
    const body = { id, title: "  Dawn  ", promptText: "a harbour at dawn", tags: ["sea", "sea", "calm"], category: "places" };
    const created = await call("/api/prompts", { body });
    expect(created.status).toBe(201);
    const p = promptSchema.parse(await created.json());
    expect(p).toMatchObject({ id, title: "Dawn", tags: ["sea", "calm"], negativePrompt: "", isFavorite: false, usageCount: 0 });
    const replay = await call("/api/prompts", { body });
    expect(replay.status).toBe(200);
    expect(promptSchema.parse(await replay.json()).version).toBe(p.version);

    const edited = promptSchema.parse(await (await call(`/api/prompts/${id}`, { method: "PUT", body: { isFavorite: true } })).json());
    expect(edited).toMatchObject({ title: "Dawn", category: "places", isFavorite: true });
    expect(edited.version).toBeGreaterThan(p.version);
    expect(promptSchema.parse(await (await call(`/api/prompts/${id}`)).json())).toEqual(edited);
    const list = (await (await call("/api/prompts")).json()) as { items: unknown[] };
    expect(list.items.map((i) => promptSchema.parse(i).id)).toEqual([id]);

    expect((await call(`/api/prompts/${id}`, { method: "DELETE" })).status).toBe(200);
    expect((await call(`/api/prompts/${id}`)).status).toBe(404);
    expect((await call(`/api/prompts/${id}`, { method: "DELETE" })).status).toBe(404);
  });

  it("validates input", async () => {
    const call = await user();
    for (const body of [{ id: randomUUID(), title: "", promptText: "x" }, { id: "nope", title: "t", promptText: "x" }, { id: randomUUID(), title: "t", promptText: "x", extra: 1 }]) {
      const res = await call("/api/prompts", { body });
      expect(res.status).toBe(400);
      expect(await code(res)).toBe("VALIDATION_FAILED");
    }
  });

  it("is 401 anonymous and 404 for someone else's prompt (creating under their id too, answered as any unknown id)", async () => {
    const anon = caller(t, null);
    expect((await anon("/api/prompts")).status).toBe(401);
    expect((await anon("/api/prompts", { body: { id: randomUUID(), title: "t", promptText: "x" } })).status).toBe(401);
    const owner = await user();
    const other = await user();
    const id = randomUUID();
    await owner("/api/prompts", { body: { id, title: "Mine", promptText: "mine" } });
    expect((await other(`/api/prompts/${id}`)).status).toBe(404);
    expect((await other(`/api/prompts/${id}`, { method: "PUT", body: { title: "theirs" } })).status).toBe(404);
    expect((await other(`/api/prompts/${id}`, { method: "DELETE" })).status).toBe(404);
    const taken = await other("/api/prompts", { body: { id, title: "theirs", promptText: "x" } });
    const unknown = await other(`/api/prompts/${randomUUID()}`);
    expect(taken.status).toBe(404);
    const error = async (r: Response) => ({ ...((await r.json()) as { error: Record<string, unknown> }).error, requestId: undefined });
    expect(await error(taken)).toEqual(await error(unknown));
    expect(((await (await other("/api/prompts")).json()) as { items: unknown[] }).items).toEqual([]);
    expect(promptSchema.parse(await (await owner(`/api/prompts/${id}`)).json()).title).toBe("Mine");
  });
});
