import {
  webhookDeliveryListQuerySchema,
  webhookEndpointCreateSchema,
  webhookEndpointUpdateSchema,
} from "@image-studio/shared";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context";
import { validate } from "../../lib/validate";
import { ctxOf, requireUser } from "../../middleware/require-user";
import * as svc from "./webhooks.service";

const ID = ":id{[0-9a-fA-F-]{36}}";
const DELIVERY = ":deliveryId{[0-9a-fA-F-]{36}}";
const uuid = z.uuid().transform((s) => s.toLowerCase());
const idParam = z.object({ id: uuid });
const deliveryParam = z.object({ id: uuid, deliveryId: uuid });

/** /api/webhook-endpoints — the signed-in user's outgoing webhooks (never reachable with an API key). */
export const webhookEndpointRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .get("/", async (c) => c.json({ items: await svc.list(ctxOf(c)) }))
  .post("/", validate("json", webhookEndpointCreateSchema), async (c) =>
    c.json(await svc.create(ctxOf(c), c.req.valid("json")), 201),
  )
  .get(`/${ID}`, validate("param", idParam), async (c) => c.json(await svc.get(ctxOf(c), c.req.valid("param").id)))
  .patch(`/${ID}`, validate("param", idParam), validate("json", webhookEndpointUpdateSchema), async (c) =>
    c.json(await svc.update(ctxOf(c), c.req.valid("param").id, c.req.valid("json"))),
  )
  .delete(`/${ID}`, validate("param", idParam), async (c) =>
    c.json(await svc.remove(ctxOf(c), c.req.valid("param").id)),
  )
  .post(`/${ID}/test`, validate("param", idParam), async (c) =>
    c.json(await svc.sendTest(ctxOf(c), c.req.valid("param").id)),
  )
  .get(`/${ID}/deliveries`, validate("param", idParam), validate("query", webhookDeliveryListQuerySchema), async (c) =>
    c.json({ items: await svc.deliveries(ctxOf(c), c.req.valid("param").id, c.req.valid("query").limit) }),
  )
  .post(`/${ID}/deliveries/${DELIVERY}/redeliver`, validate("param", deliveryParam), async (c) => {
    const p = c.req.valid("param");
    return c.json(await svc.redeliver(ctxOf(c), p.id, p.deliveryId));
  });
