import { CREDIT_PACKS, type CheckoutSession, type CreditOffers, type CreditPackId } from "@image-studio/shared";
import { msg } from "../../i18n/api";
import Stripe from "stripe";
import type { Ctx, Deps } from "../../context";
import type { Db } from "../../db/client";
import { stripeEvents } from "../../db/schema";
import { AppError, notFound } from "../../lib/errors";
import { notify } from "../notifications/notify";
import { applyCredits } from "./credits.repo";

/**
 * Stripe Checkout top-ups, present only when STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are set. A checkout
 * session carries the user and the pack's credits in its metadata; the signed `checkout.session.completed`
 * (or `…async_payment_succeeded`) webhook credits them once per session, whichever events arrive and however
 * often Stripe re-delivers them.
 */
const clients = new Map<string, Stripe>();

function stripeOf(deps: Deps): Stripe | null {
  const { STRIPE_SECRET_KEY: key, STRIPE_WEBHOOK_SECRET: secret, STRIPE_API_URL: base } = deps.env;
  if (!key || !secret) return null;
  const id = `${key}|${base ?? ""}`;
  let client = clients.get(id);
  if (!client) {
    const url = base ? new URL(base) : undefined;
    client = new Stripe(key, {
      maxNetworkRetries: 1,
      ...(url
        ? {
            host: url.hostname,
            port: url.port || (url.protocol === "http:" ? 80 : 443),
            protocol: url.protocol === "http:" ? "http" : "https",
          }
        : {}),
    });
    clients.set(id, client);
  }
  return client;
}

const unconfigured = () => notFound("nothing");

export function offers(deps: Deps): CreditOffers {
  return stripeOf(deps)
    ? { checkout: true, packs: CREDIT_PACKS.map((p) => ({ ...p })) }
    : { checkout: false, packs: [] };
}

export async function createCheckout(ctx: Ctx, packId: CreditPackId): Promise<CheckoutSession> {
  const stripe = stripeOf(ctx.deps);
  if (!stripe) throw unconfigured();
  if (ctx.user.isGuest) throw new AppError("FORBIDDEN", msg("guest.buyCredits"));
  const pack = CREDIT_PACKS.find((p) => p.id === packId)!;
  const app = ctx.deps.env.APP_URL;
  let session: Stripe.Checkout.Session;
  try {
    session = await stripe.checkout.sessions.create({
      mode: "payment",
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: "usd",
            unit_amount: pack.priceCents,
            product_data: { name: `${pack.credits.toLocaleString("en-US")} Image Studio credits` },
          },
        },
      ],
      client_reference_id: ctx.user.id,
      customer_email: ctx.user.email,
      metadata: { userId: ctx.user.id, credits: String(pack.credits), pack: pack.id },
      success_url: `${app}/usage?checkout=success`,
      cancel_url: `${app}/usage?checkout=cancelled`,
    });
  } catch (err) {
    ctx.log.warn("stripe checkout failed", { err });
    throw new AppError("PROVIDER_ERROR", msg("credits.checkoutFailed"));
  }
  if (!session.url) throw new AppError("PROVIDER_ERROR", msg("credits.noCheckoutPage"));
  return { url: session.url };
}

const PAID_EVENTS = new Set(["checkout.session.completed", "checkout.session.async_payment_succeeded"]);

/** Verifies and applies one webhook delivery; answers what happened (for the log and the tests). */
export async function handleWebhook(
  deps: Deps,
  raw: string,
  signature: string | undefined,
): Promise<{ credited: number; duplicate: boolean }> {
  const stripe = stripeOf(deps);
  if (!stripe) throw unconfigured();
  let event: Stripe.Event;
  try {
    event = await stripe.webhooks.constructEventAsync(raw, signature ?? "", deps.env.STRIPE_WEBHOOK_SECRET!);
  } catch {
    throw new AppError("BAD_REQUEST", msg("credits.badStripeSignature"));
  }
  if (!PAID_EVENTS.has(event.type)) return { credited: 0, duplicate: false };
  const session = event.data.object as Stripe.Checkout.Session;
  if (session.payment_status !== "paid") return { credited: 0, duplicate: false };
  const userId = session.metadata?.userId ?? session.client_reference_id ?? "";
  const credits = Number(session.metadata?.credits);
  if (!/^[0-9a-f-]{36}$/i.test(userId) || !Number.isInteger(credits) || credits <= 0) {
    deps.log.warn("stripe session without our metadata", { eventId: event.id, sessionId: session.id });
    return { credited: 0, duplicate: false };
  }
  const result = await deps.database.db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [first] = await tx
      .insert(stripeEvents)
      .values({ eventId: event.id, sessionId: session.id, userId, credits })
      .onConflictDoNothing()
      .returning();
    if (!first) return { credited: 0, duplicate: true };
    const balance = await applyCredits(tx, {
      userId,
      amount: credits,
      kind: "purchase",
      note: `Bought ${credits.toLocaleString("en-US")} credits`,
      meta: { stripeEventId: event.id, stripeSessionId: session.id, amountTotal: session.amount_total },
    });
    if (balance === null) deps.log.warn("stripe payment for an unknown user", { userId, eventId: event.id });
    return { credited: balance === null ? 0 : credits, duplicate: false };
  });
  if (result.credited > 0) {
    await notify(deps, {
      userId,
      kind: "credits.granted",
      params: { credits },
      link: "/usage",
      dedupeKey: `stripe:${session.id}`,
    });
  }
  return result;
}
