import { Hono } from "hono";
import { requestLanguage } from "../../i18n/request";
import { z } from "zod";
import { catalogFor } from "../../auth/guest";
import type { AppEnv } from "../../context";
import { notFound } from "../../lib/errors";
import { validate } from "../../lib/validate";
import { announcementsQuerySchema, createAnnouncementSchema } from "@image-studio/shared";
import { ctxOf, requireAdmin } from "../../middleware/require-user";
import { audit } from "../audit/audit";
import * as announcements from "./announcements.service";
import * as modelStats from "./model-stats.service";
import { sampleFile, samples } from "./model-samples";
import { serveObject } from "../images/images.http";

/** The model catalog: public (the landing and the studio both read it). */
export const modelRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const list = catalogFor(c.get("user"), await c.get("deps").catalog.list());
    return c.json({ items: list.filter((m) => m.isActive) });
  })
  .get("/featured", async (c) => {
    const list = catalogFor(c.get("user"), await c.get("deps").catalog.list());
    return c.json({ items: list.filter((m) => m.isActive && m.featured) });
  })
  .get("/categories", async (c) => {
    const list = (await c.get("deps").catalog.list()).filter((m) => m.isActive);
    const counts = new Map<string, number>();
    for (const m of list) counts.set(m.category, (counts.get(m.category) ?? 0) + 1);
    return c.json({ items: [...counts].map(([id, count]) => ({ id, count })) });
  })
  .get("/status", async (c) => {
    c.header("Cache-Control", "no-store");
    return c.json({ items: await modelStats.statuses(c.get("deps"), c.get("user")) });
  })
  .get("/announcements", validate("query", announcementsQuerySchema), async (c) => c.json(await announcements.list(c.get("deps"), c.req.valid("query"))))
  .get("/samples/:sampleId", validate("param", z.object({ sampleId: z.uuid("Sample ids are UUIDs") })), async (c) => {
    const row = await sampleFile(c.get("deps"), c.req.valid("param").sampleId);
    if (!row) throw notFound("sample");
    return serveObject(c, c.get("deps").storage, row.storageKey, { cacheControl: "public, max-age=86400", ranges: false, contentType: row.contentType });
  })
  .get("/:id{.+}/samples", async (c) => {
    const found = await samples(c.get("deps"), c.req.param("id"), requestLanguage(c));
    if (!found) throw notFound("model");
    c.header("Cache-Control", "no-store");
    return c.json(found);
  })
  .get("/:id{.+}/stats", async (c) => {
    c.header("Cache-Control", "no-store");
    return c.json(await modelStats.stats(c.get("deps"), c.req.param("id")));
  })
  // Model ids contain slashes (fal-ai/flux/dev): match the rest of the path.
  .get("/:id{.+}", async (c) => {
    const model = await c.get("deps").catalog.get(c.req.param("id"));
    if (!model) throw notFound("model");
    return c.json(catalogFor(c.get("user"), [model])[0]!);
  });

export const adminModelRoutes = new Hono<AppEnv>()
  .use(requireAdmin)
  // Every model, switched off ones too (the public list leaves those out), for the console's toggles.
  .get("/", async (c) => {
    c.header("Cache-Control", "no-store");
    return c.json({ items: await c.get("deps").catalog.list() });
  })
  .put(
  "/:id{.+}/toggle",
  validate("json", z.object({ isActive: z.boolean().optional() }).default({})),
  async (c) => {
    const catalog = c.get("deps").catalog;
    const id = c.req.param("id");
    const current = await catalog.get(id);
    if (!current) throw notFound("model");
    const body = c.req.valid("json");
    const isActive = body.isActive ?? !current.isActive;
    const updated = await catalog.setActive(id, isActive);
    await audit(ctxOf(c), { action: isActive ? "model.enable" : "model.disable", targetType: "model", targetId: id, details: { was: current.isActive } });
    return c.json(updated);
  },
);

const announcementId = z.object({ id: z.uuid("Announcement ids are UUIDs") });

/** /api/admin/announcements — post, list and withdraw model announcements. */
export const adminAnnouncementRoutes = new Hono<AppEnv>()
  .use(requireAdmin)
  .get("/", validate("query", announcementsQuerySchema), async (c) => {
    c.header("Cache-Control", "no-store");
    return c.json(await announcements.list(c.get("deps"), c.req.valid("query"), true));
  })
  .post("/", validate("json", createAnnouncementSchema), async (c) => c.json(await announcements.create(ctxOf(c), c.req.valid("json")), 201))
  .delete("/:id", validate("param", announcementId), async (c) => c.json(await announcements.remove(ctxOf(c), c.req.valid("param").id)));
