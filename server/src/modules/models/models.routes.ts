import { Hono } from "hono";
import { z } from "zod";
import { catalogFor } from "../../auth/guest";
import type { AppEnv } from "../../context";
import { AppError } from "../../lib/errors";
import { validate } from "../../lib/validate";
import { requireAdmin } from "../../middleware/require-user";

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
  // Model ids contain slashes (fal-ai/flux/dev): match the rest of the path.
  .get("/:id{.+}", async (c) => {
    const model = await c.get("deps").catalog.get(c.req.param("id"));
    if (!model) throw new AppError("NOT_FOUND", "Model not found");
    return c.json(catalogFor(c.get("user"), [model])[0]!);
  });

export const adminModelRoutes = new Hono<AppEnv>().use(requireAdmin).put(
  "/:id{.+}/toggle",
  validate("json", z.object({ isActive: z.boolean().optional() }).default({})),
  async (c) => {
    const catalog = c.get("deps").catalog;
    const id = c.req.param("id");
    const current = await catalog.get(id);
    if (!current) throw new AppError("NOT_FOUND", "Model not found");
    const body = c.req.valid("json");
    const updated = await catalog.setActive(id, body.isActive ?? !current.isActive);
    return c.json(updated);
  },
);
