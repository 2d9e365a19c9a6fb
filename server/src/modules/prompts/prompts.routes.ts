import { promptCreateSchema, promptUpdateSchema } from "@image-studio/shared";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context";
import { validate } from "../../lib/validate";
import { ctxOf, requireUser } from "../../middleware/require-user";
import * as svc from "./prompts.service";

const ID = ":id{[0-9a-fA-F-]{36}}";
const idParam = z.object({ id: z.uuid().transform((s) => s.toLowerCase()) });

/** /api/prompts — the prompt library. Anonymous is 401; someone else's prompt is a 404. */
export const promptRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .get("/", async (c) => c.json({ items: await svc.list(ctxOf(c)) }))
  .post("/", validate("json", promptCreateSchema), async (c) => {
    const { prompt, created } = await svc.create(ctxOf(c), c.req.valid("json"));
    return c.json(prompt, created ? 201 : 200);
  })
  .get(`/${ID}`, validate("param", idParam), async (c) => c.json(await svc.get(ctxOf(c), c.req.valid("param").id)))
  .put(`/${ID}`, validate("param", idParam), validate("json", promptUpdateSchema), async (c) =>
    c.json(await svc.update(ctxOf(c), c.req.valid("param").id, c.req.valid("json"))),
  )
  .delete(`/${ID}`, validate("param", idParam), async (c) => c.json(await svc.remove(ctxOf(c), c.req.valid("param").id)));
