import { searchQuerySchema } from "@image-studio/shared";
import { Hono } from "hono";
import type { AppEnv } from "../../context";
import { validate } from "../../lib/validate";
import { ctxOf, requireUser } from "../../middleware/require-user";
import { searchImages } from "./search.service";

/** /api/search/images?q= — prompt, negative prompt, tags and model. */
export const searchRoutes = new Hono<AppEnv>().get("/images", requireUser, validate("query", searchQuerySchema), async (c) => {
    c.header("Cache-Control", "private, no-cache");
    return c.json(await searchImages(ctxOf(c), c.req.valid("query")));
  });
