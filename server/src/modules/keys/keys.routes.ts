import { apiKeyCreateSchema } from "@image-studio/shared";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context";
import { validate } from "../../lib/validate";
import { ctxOf, requireUser } from "../../middleware/require-user";
import * as svc from "./keys.service";

const ID = ":id{[0-9a-fA-F-]{36}}";
const idParam = z.object({ id: z.uuid().transform((s) => s.toLowerCase()) });

/** /api/keys — the signed-in user's API keys (never reachable with a key: auth/api-key.ts). */
export const keyRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .get("/", async (c) => c.json({ items: await svc.list(ctxOf(c)) }))
  .post("/", validate("json", apiKeyCreateSchema), async (c) =>
    c.json(await svc.create(ctxOf(c), c.req.valid("json")), 201),
  )
  .delete(`/${ID}`, validate("param", idParam), async (c) =>
    c.json(await svc.revoke(ctxOf(c), c.req.valid("param").id)),
  );
