import type { ImageList } from "@image-studio/shared";
import { eq, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../src/db/rows";
import { images } from "../../src/db/schema";
import { toSummary } from "../../src/modules/images/images.mapper";
import { tileOrNull } from "../../src/modules/images/images.tile-json";
import { createTestApp, signUp, type TestApp } from "../harness";
import { caller, insertRow, ok } from "./fixtures";

/**
 * `images.tile_json` is written by the database (migration 0021's trigger) and sent by the gallery as it is: it must
 * stay what images.tile-json.ts says and what toSummary gives, whoever writes the row and however.
 */
describe("images.tile_json, the tile the database writes", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("is made by the expression in images.tile-json.ts (a change there needs a migration replacing the trigger)", async () => {
    const expected = new PgDialect().sqlToQuery(tileOrNull).sql.replaceAll('"images".', "NEW.");
    const res = await t.deps.database.db.execute(sql`SELECT prosrc AS src FROM pg_proc WHERE proname = 'images_tile_json'`);
    const src = rowsOf<{ src: string }>(res)[0]?.src;
    expect(src, "the images_tile_json trigger function is missing").toBeTypeOf("string");
    expect(src!.replace(/\s+/g, " ")).toContain(`NEW.tile_json := ${expected.replace(/\s+/g, " ")};`);
  });

  it("follows every change made through the API, and ignores a session's float and time-zone settings", async () => {
    const u = await signUp(t);
    const call = caller(t, u);
    const db = t.deps.database.db;
    const a = await insertRow(t, u.user.id, { prompt: "first" });
    const b = await insertRow(t, u.user.id, { prompt: "second", mediaType: "video", durationSeconds: 2 });
    await ok(call(`/api/images/${a.id}/rate`, { method: "POST", body: { rating: 4 } }));
    await ok(call(`/api/images/${a.id}/favorite`, { method: "POST", body: { favorite: true } }));
    await ok(call(`/api/images/${a.id}`, { method: "PATCH", body: { tags: ["harbour", "dawn"], altText: "a harbour" } }));
    await ok(call(`/api/images/${b.id}`, { method: "DELETE" }));
    // A writer whose session prints floats with extra digits and dates in another zone.
    await db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL extra_float_digits = 3`);
      await tx.execute(sql`SET LOCAL TimeZone = 'Asia/Kolkata'`);
      await tx.update(images).set({ durationSeconds: 1 / 3 }).where(eq(images.id, b.id));
    });

    const rows = await db.select().from(images).where(eq(images.userId, u.user.id));
    for (const row of rows) expect(row.tileJson).toBe(JSON.stringify(toSummary(row)));
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(a.id)).toMatchObject({ rating: 4, isFavorite: true, tags: ["harbour", "dawn"], altText: "a harbour" });
    expect(byId.get(b.id)!.deletedAt).not.toBeNull();
    expect(JSON.parse(byId.get(b.id)!.tileJson!).durationSeconds).toBe(1 / 3);

    // …and the pages send it: live and trash.
    const live = await ok<ImageList>(call("/api/images"));
    expect(live.items.map((i) => i.id)).toEqual([a.id]);
    expect(live.items[0]).toEqual(JSON.parse(byId.get(a.id)!.tileJson!));
    const trash = await ok<ImageList>(call("/api/images?trash=true"));
    expect(trash.items).toEqual([JSON.parse(byId.get(b.id)!.tileJson!)]);
  });

  it("is null where PostgreSQL cannot write the tile exactly, and the page then writes it from the row", async () => {
    const u = await signUp(t);
    const row = await insertRow(t, u.user.id, { prompt: `${"x".repeat(299)}😀tail`, mediaType: "video", durationSeconds: 1e20 });
    expect(row.tileJson).toBeNull();
    const page = await ok<ImageList>(caller(t, u)("/api/images"));
    expect(page.items).toEqual([JSON.parse(JSON.stringify(toSummary(row)))]);
  });
});
