import { promptSchema, publicPromptSchema } from "@image-studio/shared";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, users } from "../../src/db/schema";
import { createTestApp, signUp, type TestApp } from "../harness";
import { caller, insertRow, makePng, ok, storeImage } from "../images/fixtures";

const LOCAL = "local/sketch";

describe("prompt tools API", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const person = async () => {
    const u = await signUp(t);
    return { u, call: caller(t, u) };
  };
  const save = async (call: ReturnType<typeof caller>, body: Record<string, unknown>) =>
    promptSchema.parse(await ok(call("/api/prompts", { body: { id: randomUUID(), title: "T", promptText: "p", ...body } }), 201));

  it("stores templates with variables, validates them, and reports the new fields", async () => {
    const { call } = await person();
    const p = await save(call, { title: "Pets", promptText: "a {animal} in {snow|rain}", isTemplate: true, variables: { animal: ["cat", "dog"] } });
    expect(p).toMatchObject({ isTemplate: true, variables: { animal: ["cat", "dog"] }, isPublic: false, usageCount: 0, lastUsedAt: null, exampleImageId: null });
    for (const variables of [{ "bad name": ["x"] }, { a: [""] }, { a: Array.from({ length: 101 }, (_, i) => `v${i}`) }]) {
      const res = await call("/api/prompts", { body: { id: randomUUID(), title: "T", promptText: "p", variables } });
      expect(res.status, JSON.stringify(variables).slice(0, 40)).toBe(400);
    }
  });

  it("counts a use when a generation names the caller's prompt, and keep-rate follows what became of its images", async () => {
    const { u, call } = await person();
    const p = await save(call, { promptText: "a lighthouse at dusk" });
    const job = await ok<{ id: string }>(call("/api/generate/text-to-image", { body: { prompt: "a lighthouse at dusk", modelId: LOCAL, promptId: p.id } }), 202);
    const after = promptSchema.parse(await ok(call(`/api/prompts/${p.id}`)));
    expect(after.usageCount).toBe(1);
    expect(after.lastUsedAt).not.toBeNull();
    expect(after.version).toBeGreaterThan(p.version);
    // Someone else's prompt id is not linked and not counted (and the generation still queues).
    const other = await person();
    const theirs = await save(other.call, {});
    await ok(call("/api/generate/text-to-image", { body: { prompt: "x", modelId: LOCAL, promptId: theirs.id } }), 202);
    expect(promptSchema.parse(await ok(other.call(`/api/prompts/${theirs.id}`))).usageCount).toBe(0);

    await insertRow(t, u.user.id, { jobId: job.id, prompt: "a lighthouse at dusk", isFavorite: true });
    await insertRow(t, u.user.id, { jobId: job.id, prompt: "a lighthouse at dusk" });
    await insertRow(t, u.user.id, { jobId: job.id, prompt: "a lighthouse at dusk", deletedAt: new Date() });
    await insertRow(t, u.user.id, { jobId: job.id, prompt: "a lighthouse at dusk", deletedAt: new Date() });
    const stats = await ok<{ items: { promptId: string; uses: number; images: number; kept: number; favorited: number; keepRate: number }[] }>(call("/api/prompts/stats"));
    expect(stats.items).toEqual([{ promptId: p.id, uses: 1, images: 4, kept: 2, favorited: 1, keepRate: 0.5 }]);

    const history = await ok<{ items: { text: string; uses: number; keepRate: number | null; modelId: string }[] }>(call("/api/prompts/history?q=lighthouse"));
    expect(history.items).toEqual([expect.objectContaining({ text: "a lighthouse at dusk", uses: 1, keepRate: 0.5, modelId: LOCAL })]);
    const all = await ok<{ items: { text: string }[] }>(call("/api/prompts/history"));
    expect(all.items.map((i) => i.text)).toEqual(["x", "a lighthouse at dusk"]);
  });

  it("community: publish with an example picture, browse without e-mails, star, copy; private prompts stay private", async () => {
    const author = await person();
    const reader = await person();
    const png = await makePng();
    const img = await storeImage(t, author.u.user.id, png, { prompt: "a fox" });
    const p = await save(author.call, { title: "Fox in snow", promptText: "a red fox in fresh snow, golden hour lighting", category: "Animals", tags: ["fox"] });
    const hidden = await save(author.call, { title: "Secret", promptText: "a secret fox" });
    // Another user's picture can't be the example.
    const foreign = await storeImage(t, reader.u.user.id, png);
    expect((await author.call(`/api/prompts/${p.id}`, { method: "PUT", body: { isPublic: true, exampleImageId: foreign.id } })).status).toBe(404);
    const published = promptSchema.parse(await ok(author.call(`/api/prompts/${p.id}`, { method: "PUT", body: { isPublic: true, exampleImageId: img.id } })));
    expect(published).toMatchObject({ isPublic: true, exampleImageId: img.id });

    const page = await ok<{ items: unknown[]; nextCursor: string | null }>(reader.call("/api/prompts/public?q=fox"));
    const items = page.items.map((i) => publicPromptSchema.parse(i));
    const mine = items.find((i) => i.id === p.id)!;
    expect(mine).toMatchObject({ title: "Fox in snow", author: { name: author.u.user.name }, mine: false, stars: 0, starredByMe: false, copies: 0 });
    expect(items.some((i) => i.id === hidden.id)).toBe(false);
    expect(JSON.stringify(page)).not.toContain(author.u.user.email);
    const ex = await reader.call(mine.exampleUrl!);
    expect(ex.status).toBe(200);
    expect(ex.headers.get("content-type")).toBe("image/webp");
    expect(ex.headers.get("cache-control")).toContain("private");

    // Star (someone else's published prompt), then unstar; the author's own favourite flag is separate.
    expect(await ok(reader.call(`/api/prompts/${p.id}/favorite`, { body: { favorite: true } }))).toEqual({ id: p.id, isFavorite: true, stars: 1 });
    const popular = await ok<{ items: { id: string; starredByMe: boolean; stars: number }[] }>(reader.call("/api/prompts/public?sort=popular&q=fox"));
    expect(popular.items.find((i) => i.id === p.id)).toMatchObject({ starredByMe: true, stars: 1 });
    expect(await ok(reader.call(`/api/prompts/${p.id}/favorite`, { body: { favorite: false } }))).toEqual({ id: p.id, isFavorite: false, stars: 0 });
    expect((await reader.call(`/api/prompts/${hidden.id}/favorite`, { body: { favorite: true } })).status).toBe(404);

    // Copy into the reader's library, idempotent by the new id; the source counts a copy.
    const newId = randomUUID();
    const copy = promptSchema.parse(await ok(reader.call(`/api/prompts/${p.id}/copy`, { body: { id: newId } }), 201));
    expect(copy).toMatchObject({ id: newId, title: "Fox in snow", promptText: published.promptText, isPublic: false, category: "Animals" });
    expect((await reader.call(`/api/prompts/${p.id}/copy`, { body: { id: newId } })).status).toBe(200);
    expect((await reader.call(`/api/prompts/${hidden.id}/copy`, { body: {} })).status).toBe(404);
    const again = await ok<{ items: { id: string; copies: number }[] }>(reader.call("/api/prompts/public?q=fox"));
    expect(again.items.find((i) => i.id === p.id)?.copies).toBe(1);

    // Trashing the example takes the picture off at once; unpublishing takes the prompt off the list.
    await ok(author.call(`/api/images/${img.id}`, { method: "DELETE" }));
    expect((await reader.call(mine.exampleUrl!)).status).toBe(404);
    await ok(author.call(`/api/prompts/${p.id}`, { method: "PUT", body: { isPublic: false } }));
    const gone = await ok<{ items: { id: string }[] }>(reader.call("/api/prompts/public?q=fox"));
    expect(gone.items.some((i) => i.id === p.id)).toBe(false);
  });

  it("pages the community list with a cursor and refuses a forged one", async () => {
    const author = await person();
    const reader = await person();
    const tag = `tide${randomUUID().slice(0, 8)}`;
    for (let i = 0; i < 5; i++) {
      const p = await save(author.call, { title: `${tag} ${i}`, promptText: `${tag} number ${i}` });
      await ok(author.call(`/api/prompts/${p.id}`, { method: "PUT", body: { isPublic: true } }));
    }
    const seen: string[] = [];
    let cursor: string | null = "";
    for (let guard = 0; cursor !== null && guard < 5; guard++) {
      const res: { items: { title: string }[]; nextCursor: string | null } = await ok(reader.call(`/api/prompts/public?q=${tag}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`));
      seen.push(...res.items.map((i) => i.title));
      cursor = res.nextCursor;
    }
    expect(seen.sort()).toEqual([0, 1, 2, 3, 4].map((i) => `${tag} ${i}`));
    expect((await reader.call("/api/prompts/public?cursor=r:nonsense")).status).toBe(400);
    expect((await reader.call("/api/prompts/public?sort=popular&cursor=r:2026-01-01T00:00:00.000Z|x")).status).toBe(400);
  });

  it("admins unpublish (audited); users can't", async () => {
    const author = await person();
    const admin = await person();
    await t.deps.database.db.update(users).set({ role: "admin" }).where(eq(users.id, admin.u.user.id));
    const p = await save(author.call, {});
    await ok(author.call(`/api/prompts/${p.id}`, { method: "PUT", body: { isPublic: true } }));
    expect((await author.call(`/api/admin/prompts/${p.id}/unpublish`, { body: {} })).status).toBe(403);
    expect(await ok(admin.call(`/api/admin/prompts/${p.id}/unpublish`, { body: {} }))).toEqual({ id: p.id, isPublic: false });
    expect(promptSchema.parse(await ok(author.call(`/api/prompts/${p.id}`))).isPublic).toBe(false);
    const entries = await t.deps.database.db.select().from(auditLog).where(eq(auditLog.targetId, p.id));
    expect(entries.map((e) => [e.action, e.actorId])).toEqual([["prompt.unpublish", admin.u.user.id]]);
    expect((await admin.call(`/api/admin/prompts/${p.id}/unpublish`, { body: {} })).status).toBe(404);
  });

  it("categories (own with counts + suggestions) and prompt search ranked title-first", async () => {
    const { call } = await person();
    await save(call, { title: "Harbour", promptText: "boats", category: "Landscape" });
    await save(call, { title: "Old harbour walls", promptText: "stone", category: "Landscape" });
    await save(call, { title: "Cat", promptText: "a cat by the harbour", category: "Animals" });
    const cats = await ok<{ items: { name: string; count: number }[]; suggested: string[] }>(call("/api/prompts/categories"));
    expect(cats.items).toEqual([
      { name: "Landscape", count: 2 },
      { name: "Animals", count: 1 },
    ]);
    expect(cats.suggested).not.toContain("Landscape");
    expect(cats.suggested).toContain("Portrait");
    const found = await ok<{ items: { title: string }[]; history: unknown[] }>(call("/api/search/prompts?q=harbour"));
    expect(found.items.map((i) => i.title)).toEqual(["Harbour", "Old harbour walls", "Cat"]);
    expect((await call("/api/search/prompts?q=")).status).toBe(400);
  });
});
