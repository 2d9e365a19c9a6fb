import { globalSearchQuerySchema, searchQuerySchema } from "@image-studio/shared";
import { Hono } from "hono";
import type { AppEnv } from "../../context";
import { validate } from "../../lib/validate";
import { ctxOf, requireUser } from "../../middleware/require-user";
import { searchAll, searchImages } from "./search.service";

/**
 * /api/search?q=&type= — ranked matches across images, projects, collections and prompts.
 * /api/search/images?q= — prompt, negative prompt, tags and model, paginated like the gallery.
 */
export const searchRoutes = new Hono<AppEnv>()
  .get("/", requireUser, validate("query", globalSearchQuerySchema), async (c) => {
    c.header("Cache-Control", "private, no-cache");
    return c.json(await searchAll(ctxOf(c), c.req.valid("query")));
  })
  .get("/images", requireUser, validate("query", searchQuerySchema), async (c) => {
    c.header("Cache-Control", "private, no-cache");
    return c.json(await searchImages(ctxOf(c), c.req.valid("query")));
  });
