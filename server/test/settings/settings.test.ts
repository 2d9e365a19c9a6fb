import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, jsonRequest, type SignedUpUser, signUp, type TestApp } from "../harness";

describe("settings API", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const call = (u: SignedUpUser, path: string, init: { method?: string; body?: unknown } = {}) =>
    jsonRequest(t, path, { ...init, cookie: u.cookie, ip: u.ip });
  const json = async <T = Record<string, unknown>>(res: Response, status = 200): Promise<T> => {
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(status);
    return body as T;
  };

  it("answers 401 without a session", async () => {
    const res = await jsonRequest(t, "/api/settings");
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("UNAUTHORIZED");
  });

  it("starts from defaults, then stores updates and merges misc settings key by key", async () => {
    const u = await signUp(t);
    const initial = await json(await call(u, "/api/settings"));
    expect(initial).toMatchObject({ theme: "auto", galleryViewMode: "grid", notificationsEnabled: true, defaultModelId: null, settings: {}, presets: [] });

    const first = await json(await call(u, "/api/settings", { method: "PUT", body: { theme: "dark", settings: { studioHistoryOpen: true, tour: "done" } } }));
    expect(first).toMatchObject({ theme: "dark", settings: { studioHistoryOpen: true, tour: "done" } });
    const second = await json<{ settings: Record<string, unknown>; theme: string; version: number }>(
      await call(u, "/api/settings", { method: "PUT", body: { galleryViewMode: "masonry", settings: { tour: null, language: "en" } } }),
    );
    expect(second.theme).toBe("dark");
    expect(second.settings).toEqual({ studioHistoryOpen: true, language: "en" });
    expect(second.version).toBeGreaterThan(first.version as number);
    expect(await json(await call(u, "/api/settings"))).toMatchObject({ galleryViewMode: "masonry", settings: { studioHistoryOpen: true, language: "en" } });
  });

  it("rejects bad values with field details and refuses to overwrite presets through PUT /api/settings", async () => {
    const u = await signUp(t);
    const bad = await json<{ error: { code: string; details: { issues: { path: string[] }[] } } }>(
      await call(u, "/api/settings", { method: "PUT", body: { theme: "purple" } }),
      400,
    );
    expect(bad.error.code).toBe("VALIDATION_FAILED");
    expect(bad.error.details.issues[0]!.path).toEqual(["theme"]);
    const reserved = await call(u, "/api/settings", { method: "PUT", body: { settings: { presets: [] } } });
    expect(reserved.status).toBe(400);
  });

  it("stores generation defaults checked against the model's ranges", async () => {
    const u = await signUp(t);
    const saved = await json(
      await call(u, "/api/settings/defaults", { method: "PUT", body: { defaultModelId: "local/sketch", defaultParameters: { steps: 30, aspectRatio: "16:9" } } }),
    );
    expect(saved).toEqual({ defaultModelId: "local/sketch", defaultParameters: { steps: 30, aspectRatio: "16:9" } });
    expect(await json(await call(u, "/api/settings/defaults"))).toEqual(saved);

    const outOfRange = await json<{ error: { code: string; message: string; details: { issues: { path: string[] }[] } } }>(
      await call(u, "/api/settings/defaults", { method: "PUT", body: { defaultParameters: { steps: 500 } } }),
      400,
    );
    expect(outOfRange.error.code).toBe("VALIDATION_FAILED");
    expect(outOfRange.error.details.issues[0]!.path).toEqual(["parameters", "steps"]);
    expect(outOfRange.error.message).toMatch(/between 1 and 50/);

    const unknown = await call(u, "/api/settings/defaults", { method: "PUT", body: { defaultModelId: "nope/model" } });
    expect(unknown.status).toBe(400);
    expect(await json(await call(u, "/api/settings/defaults"))).toEqual(saved);
  });

  it("saves, renames, lists and deletes named presets by client-minted id", async () => {
    const u = await signUp(t);
    const id = randomUUID();
    const body = { name: "Moody dusk", modelId: "local/sketch", prompt: "a (castle:1.2) at dusk", parameters: { steps: 12, seed: 42, aspectRatio: "4:3" } };
    const created = await json<{ id: string; name: string; createdAt: string }>(await call(u, `/api/settings/presets/${id}`, { method: "PUT", body }));
    expect(created).toMatchObject({ id, name: "Moody dusk", parameters: { steps: 12, seed: 42 } });

    // Replaying the same PUT (an outbox retry) does not make a second preset.
    await json(await call(u, `/api/settings/presets/${id}`, { method: "PUT", body }));
    const renamed = await json<{ name: string; createdAt: string }>(await call(u, `/api/settings/presets/${id}`, { method: "PUT", body: { ...body, name: "Dusk" } }));
    expect(renamed.name).toBe("Dusk");
    expect(renamed.createdAt).toBe(created.createdAt);

    const other = randomUUID();
    await json(await call(u, `/api/settings/presets/${other}`, { method: "PUT", body: { name: "Fast", modelId: "local/sketch-fast", parameters: {} } }));
    const list = await json<{ items: { id: string; name: string }[] }>(await call(u, "/api/settings/presets"));
    expect(list.items.map((p) => p.name)).toEqual(["Dusk", "Fast"]);
    expect((await json<{ presets: unknown[] }>(await call(u, "/api/settings"))).presets).toHaveLength(2);

    const clash = await json<{ error: { code: string } }>(await call(u, `/api/settings/presets/${randomUUID()}`, { method: "PUT", body: { ...body, name: "fast" } }), 409);
    expect(clash.error.code).toBe("CONFLICT");

    await json(await call(u, `/api/settings/presets/${id}`, { method: "DELETE" }));
    expect((await json<{ items: { name: string }[] }>(await call(u, "/api/settings/presets"))).items.map((p) => p.name)).toEqual(["Fast"]);
    expect((await call(u, `/api/settings/presets/${id}`, { method: "DELETE" })).status).toBe(404);
  });

  it("checks preset parameters against the model", async () => {
    const u = await signUp(t);
    const res = await json<{ error: { details: { issues: { path: string[] }[] } } }>(
      await call(u, `/api/settings/presets/${randomUUID()}`, { method: "PUT", body: { name: "Too many", modelId: "local/sketch", parameters: { numImages: 9 } } }),
      400,
    );
    expect(res.error.details.issues[0]!.path).toEqual(["parameters", "numImages"]);
    const empty = await call(u, `/api/settings/presets/${randomUUID()}`, { method: "PUT", body: { name: "  ", modelId: "local/sketch", parameters: {} } });
    expect(empty.status).toBe(400);
  });

  it("keeps each user's settings and presets to themselves", async () => {
    const a = await signUp(t);
    const b = await signUp(t);
    const id = randomUUID();
    await json(await call(a, `/api/settings/presets/${id}`, { method: "PUT", body: { name: "Mine", modelId: "local/sketch", parameters: {} } }));
    await json(await call(a, "/api/settings", { method: "PUT", body: { theme: "light" } }));
    expect(await json(await call(b, "/api/settings"))).toMatchObject({ theme: "auto", presets: [] });
    expect((await call(b, `/api/settings/presets/${id}`, { method: "DELETE" })).status).toBe(404);
    // B saving a preset under A's id makes B's own preset; A's is untouched.
    await json(await call(b, `/api/settings/presets/${id}`, { method: "PUT", body: { name: "Theirs", modelId: "local/sketch", parameters: {} } }));
    expect((await json<{ items: { name: string }[] }>(await call(a, "/api/settings/presets"))).items.map((p) => p.name)).toEqual(["Mine"]);
  });

  it("serialises concurrent preset saves without losing any", async () => {
    const u = await signUp(t);
    await Promise.all(
      Array.from({ length: 6 }, (_, i) => call(u, `/api/settings/presets/${randomUUID()}`, { method: "PUT", body: { name: `P${i}`, modelId: "local/sketch", parameters: {} } })),
    );
    const list = await json<{ items: unknown[] }>(await call(u, "/api/settings/presets"));
    expect(list.items).toHaveLength(6);
  });
});
