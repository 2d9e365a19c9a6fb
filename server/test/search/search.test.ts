import type { GlobalSearchResponse } from "@image-studio/shared";
import { rankMatch } from "@image-studio/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collections, projects, prompts } from "../../src/db/schema";
import { createTestApp, signUp, type SignedUpUser, type TestApp } from "../harness";
import { caller, insertRow, nextTime } from "../images/fixtures";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function search(u: SignedUpUser, query: string): Promise<GlobalSearchResponse> {
  const res = await caller(t, u)(`/api/search?${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as GlobalSearchResponse;
}

describe("rankMatch", () => {
  const f = (v: string) => [{ name: "name", value: v, weight: 1 }];
  it("ranks exact ahead of prefix ahead of word start ahead of substring", () => {
    const s = (v: string) => rankMatch("moon", f(v)).score;
    expect(s("Moon")).toBeGreaterThan(s("moonlight garden"));
    expect(s("moonlight garden")).toBeGreaterThan(s("a full moon rising"));
    expect(s("a full moon rising")).toBeGreaterThan(s("honeymoon"));
    expect(s("honeymoon")).toBeGreaterThan(0);
    expect(s("sunrise")).toBe(0);
  });
  it("needs every word somewhere, and a heavier field wins", () => {
    expect(rankMatch("red fox", f("a red barn")).score).toBe(0);
    expect(rankMatch("red fox", [...f("a red barn"), { name: "tag", value: ["fox"], weight: 1 }]).score).toBeGreaterThan(0);
    const light = rankMatch("fox", [{ name: "notes", value: "fox", weight: 0.5 }]);
    const heavy = rankMatch("fox", [{ name: "tag", value: ["fox"], weight: 1.1 }]);
    expect(heavy.score).toBeGreaterThan(light.score);
    expect(heavy.matchedIn).toBe("tag");
  });
  it("treats regex characters literally", () => {
    expect(rankMatch("c++ (v2)", f("learning c++ (v2) today")).score).toBeGreaterThan(0);
  });
});

describe("GET /api/search", () => {
  it("finds images by prompt, tag, notes and parameters, best match first", async () => {
    const u = await signUp(t);
    const substring = await insertRow(t, u.user.id, { prompt: "honeymoon suite, warm light", updatedAt: nextTime() });
    const wordStart = await insertRow(t, u.user.id, { prompt: "a full moon over the bay", updatedAt: nextTime() });
    const prefix = await insertRow(t, u.user.id, { prompt: "moonlit forest path", updatedAt: nextTime() });
    const exact = await insertRow(t, u.user.id, { prompt: "moon", updatedAt: nextTime() });
    const tagged = await insertRow(t, u.user.id, { prompt: "night sky", tags: ["lunar"], updatedAt: nextTime() });
    const noted = await insertRow(t, u.user.id, { prompt: "portrait", notes: "client Lunar Inc. wants bluer", updatedAt: nextTime() });
    const seeded = await insertRow(t, u.user.id, { prompt: "field", parameters: { seed: 987654321 }, updatedAt: nextTime() });
    await insertRow(t, u.user.id, { prompt: "moon in the trash", deletedAt: new Date() });

    const moon = await search(u, "q=moon&type=images");
    expect(moon.images.map((h) => h.id)).toEqual([exact.id, prefix.id, wordStart.id, substring.id]);
    expect(moon.projects).toEqual([]);

    const lunar = await search(u, "q=lunar");
    expect(lunar.images.map((h) => h.id)).toEqual([tagged.id, noted.id]);
    expect(lunar.images[0]!.matchedIn).toBe("tag");
    expect((await search(u, "q=987654321")).images.map((h) => h.id)).toEqual([seeded.id]);
  });

  it("finds near misses by trigram similarity, after real matches", async () => {
    const u = await signUp(t);
    const img = await insertRow(t, u.user.id, { prompt: "lighthouse on a rocky coast" });
    const res = await search(u, "q=lighthose&type=images");
    expect(res.images.map((h) => h.id)).toEqual([img.id]);
  });

  it("searches projects, collections and prompts with names ahead of descriptions", async () => {
    const u = await signUp(t);
    const db = t.deps.database.db;
    const [described] = await db.insert(projects).values({ userId: u.user.id, name: "Client work", description: "Autumn catalogue" }).returning();
    const [named] = await db.insert(projects).values({ userId: u.user.id, name: "Autumn", updatedAt: new Date(Date.UTC(2020, 0, 1)) }).returning();
    await db.insert(projects).values({ userId: u.user.id, name: "Autumn archive", isArchived: true });
    const [col] = await db.insert(collections).values({ userId: u.user.id, name: "Autumn picks" }).returning();
    const [pr] = await db.insert(prompts).values({ userId: u.user.id, title: "Leaves", promptText: "autumn leaves in soft focus" }).returning();
    const res = await search(u, "q=autumn");
    expect(res.projects.map((h) => h.id)).toEqual([named!.id, described!.id]);
    expect(res.collections.map((h) => h.id)).toEqual([col!.id]);
    expect(res.prompts.map((h) => h.id)).toEqual([pr!.id]);
    expect((await search(u, "q=autumn&type=projects&archived=true")).projects).toHaveLength(3);
    expect((await search(u, "q=autumn&type=collections")).prompts).toEqual([]);
  });

  it("applies image filters and never shows another user's rows", async () => {
    const [a, b] = [await signUp(t), await signUp(t)];
    const fav = await insertRow(t, a.user.id, { prompt: "violet dunes", isFavorite: true });
    await insertRow(t, a.user.id, { prompt: "violet dunes again" });
    await insertRow(t, b.user.id, { prompt: "violet dunes" });
    expect((await search(a, "q=violet&favorite=true")).images.map((h) => h.id)).toEqual([fav.id]);
    expect((await search(a, "q=violet&modelId=nope/none")).images).toEqual([]);
    expect((await search(b, "q=violet")).images).toHaveLength(1);
    expect((await search(a, "q=%25_%5C")).images).toEqual([]);
  });

  it("rejects an empty or oversized query with a 400", async () => {
    const u = await signUp(t);
    expect((await caller(t, u)("/api/search?q=%20")).status).toBe(400);
    expect((await caller(t, u)(`/api/search?q=${"x".repeat(201)}`)).status).toBe(400);
    expect((await caller(t, u)("/api/search?q=a&type=users")).status).toBe(400);
    expect((await caller(t, null)("/api/search?q=a")).status).toBe(401);
  });
});
