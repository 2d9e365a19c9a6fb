import {
  checkoutRequestSchema,
  createCreditCodeSchema,
  creditHistoryQuerySchema,
  creditLimitsSchema,
  redeemCodeSchema,
} from "@image-studio/shared";
import { Hono } from "hono";
import type { AppEnv } from "../../context";
import { validate } from "../../lib/validate";
import { ctxOf, requireAdmin, requireUser } from "../../middleware/require-user";
import { csvCell } from "../images/images.csv";
import * as codes from "./codes.service";
import * as credits from "./credits.service";
import * as stripe from "./stripe.service";

const CSV_COLUMNS = [
  "id",
  "createdAt",
  "kind",
  "amount",
  "balanceAfter",
  "reason",
  "modelId",
  "jobId",
  "imageId",
] as const;
const historyCsvQuery = creditHistoryQuerySchema.pick({ kind: true, from: true, to: true });

/** /api/credits/* — the caller's balance, ledger (JSON and CSV), limits, codes and top-ups. */
export const creditRoutes = new Hono<AppEnv>()
  .use(requireUser)
  .get("/balance", async (c) => {
    c.header("Cache-Control", "no-store");
    return c.json(await credits.balance(ctxOf(c)));
  })
  .get("/history", validate("query", creditHistoryQuerySchema), async (c) => {
    c.header("Cache-Control", "no-store");
    return c.json(await credits.history(ctxOf(c), c.req.valid("query")));
  })
  .get("/history.csv", validate("query", historyCsvQuery), async (c) => {
    const ctx = ctxOf(c);
    const query = c.req.valid("query");
    // Validate the filter before the first byte goes out: a bad range is a 400, not a broken download.
    const rows = credits.allHistory(ctx, query);
    const first = await rows.next();
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(`\uFEFF${CSV_COLUMNS.join(",")}\r\n`));
        if (first.done) controller.close();
        else controller.enqueue(encoder.encode(line(first.value)));
      },
      async pull(controller) {
        if (first.done) return;
        const next = await rows.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(line(next.value)));
      },
    });
    const day = ctx.now.toISOString().slice(0, 10);
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="credit-history-${day}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  })
  .get("/limits", async (c) => c.json(await credits.getLimits(ctxOf(c))))
  .put("/limits", validate("json", creditLimitsSchema), async (c) =>
    c.json(await credits.setLimits(ctxOf(c), c.req.valid("json"))),
  )
  .post("/redeem", validate("json", redeemCodeSchema), async (c) =>
    c.json(await codes.redeem(ctxOf(c), c.req.valid("json").code)),
  )
  .get("/offers", (c) => c.json(stripe.offers(c.get("deps"))))
  .post("/checkout", validate("json", checkoutRequestSchema), async (c) =>
    c.json(await stripe.createCheckout(ctxOf(c), c.req.valid("json").pack)),
  );

const line = (item: Record<(typeof CSV_COLUMNS)[number], unknown>) =>
  `${CSV_COLUMNS.map((k) => csvCell(item[k])).join(",")}\r\n`;

/** /api/admin/credit-codes — administrators make and list redeemable codes. */
export const adminCreditCodeRoutes = new Hono<AppEnv>()
  .use(requireAdmin)
  .get("/", async (c) => {
    c.header("Cache-Control", "no-store");
    return c.json(await codes.listCodes(ctxOf(c)));
  })
  .post("/", validate("json", createCreditCodeSchema), async (c) =>
    c.json(await codes.createCode(ctxOf(c), c.req.valid("json")), 201),
  );

/** POST /api/webhooks/stripe — Stripe's signed event delivery (404 while Stripe is not configured). */
export const stripeWebhookRoutes = new Hono<AppEnv>().post("/stripe", async (c) => {
  const raw = await c.req.text();
  const result = await stripe.handleWebhook(c.get("deps"), raw, c.req.header("stripe-signature"));
  return c.json({ received: true, ...result });
});
