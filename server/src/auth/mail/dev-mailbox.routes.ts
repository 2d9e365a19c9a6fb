import type { DevMail } from "@image-studio/shared";
import { msg } from "../../i18n/api";
import { type Context, Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context";
import { AppError } from "../../lib/errors";
import { validate } from "../../lib/validate";
import { addressedLocally, isLocalRequest } from "../client-ip";
import { clearDevMail, listDevMail, type Mailer } from "./mailer";

const query = z.object({
  to: z.string().trim().max(254).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** DELETE ?to= clears one recipient's mail; without it, everything. */
const clearQuery = query.pick({ to: true });

/**
 * /api/dev/mailbox — the mail the app would have sent, newest first. Exists only while no SMTP server is
 * configured (then every message lands here instead); with SMTP_URL set it answers 404. DEV_MAILBOX decides
 * who may read it: only this machine (the default: the mail holds sign-in and reset links), anyone (open, an
 * explicit opt-in for a trusted network), or nobody. Clearing it also needs a signed-in admin, in every mode.
 */
export function devMailboxRoutes(mailer: Mailer) {
  const ensureOn = (c: Context<AppEnv>) => {
    if (mailer.kind !== "dev-mailbox")
      throw new AppError("NOT_FOUND", msg("devMailbox.smtp"));
    const { env } = c.get("deps");
    if (env.DEV_MAILBOX === "off") throw new AppError("NOT_FOUND", msg("devMailbox.off"));
    if (env.DEV_MAILBOX === "local" && !(isLocalRequest(c, env.TRUST_PROXY) && addressedLocally(c, env.APP_URL)))
      throw new AppError("NOT_FOUND", msg("devMailbox.localOnly", { url: new URL("/dev/mailbox", env.APP_URL).href }), { reason: "DEV_MAILBOX_LOCAL_ONLY" });
  };
  return new Hono<AppEnv>()
    .get("/mailbox", validate("query", query), async (c) => {
      ensureOn(c);
      const q = c.req.valid("query");
      const rows = await listDevMail(c.get("deps").database.db, { to: q.to, limit: q.limit });
      const items: DevMail[] = rows.map((r) => ({
        id: r.id,
        to: r.to,
        subject: r.subject,
        text: r.text,
        html: r.html,
        createdAt: r.createdAt.toISOString(),
      }));
      c.header("Cache-Control", "no-store");
      return c.json({ items });
    })
    .delete("/mailbox", validate("query", clearQuery), async (c) => {
      ensureOn(c);
      const user = c.get("user");
      if (!user) throw new AppError("UNAUTHORIZED", msg("devMailbox.signInAdmin"));
      if (user.role !== "admin") throw new AppError("FORBIDDEN", msg("devMailbox.adminsOnly"));
      await clearDevMail(c.get("deps").database.db, c.req.valid("query").to);
      return c.json({ ok: true });
    });
}

