import type { DevMail } from "@image-studio/shared";
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
      throw new AppError("NOT_FOUND", "The dev mailbox is off because SMTP is configured");
    const { env } = c.get("deps");
    if (env.DEV_MAILBOX === "off") throw new AppError("NOT_FOUND", "The dev mailbox is off (DEV_MAILBOX=off)");
    if (env.DEV_MAILBOX === "local" && !(isLocalRequest(c, env.TRUST_PROXY) && addressedLocally(c, env.APP_URL)))
      throw new AppError("NOT_FOUND", REMOTE_MESSAGE(env.APP_URL), { reason: "DEV_MAILBOX_LOCAL_ONLY" });
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
      if (!user) throw new AppError("UNAUTHORIZED", "Sign in as an administrator to clear the dev mailbox");
      if (user.role !== "admin") throw new AppError("FORBIDDEN", "Only administrators can clear the dev mailbox");
      await clearDevMail(c.get("deps").database.db, c.req.valid("query").to);
      return c.json({ ok: true });
    });
}

const REMOTE_MESSAGE = (appUrl: string) =>
  `The dev mailbox can only be read on the server's own machine: open ${new URL("/dev/mailbox", appUrl).href} there, ` +
  "or restart the server with DEV_MAILBOX=open (only on a trusted network) to read it from other devices.";
