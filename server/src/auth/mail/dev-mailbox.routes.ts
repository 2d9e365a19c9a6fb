import type { DevMail } from "@image-studio/shared";
import { type Context, Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context";
import { AppError } from "../../lib/errors";
import { validate } from "../../lib/validate";
import { clientIp } from "../client-ip";
import { clearDevMail, listDevMail, type Mailer } from "./mailer";

const query = z.object({
  to: z.string().trim().max(254).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/**
 * /api/dev/mailbox — the mail the app would have sent, newest first. Exists only while no SMTP server is
 * configured (then every message lands here instead); with SMTP_URL set it answers 404. DEV_MAILBOX decides
 * who may read it: anyone, only this machine (the production default: the mail holds sign-in links), or nobody.
 */
export function devMailboxRoutes(mailer: Mailer) {
  const ensureOn = (c: Context<AppEnv>) => {
    if (mailer.kind !== "dev-mailbox")
      throw new AppError("NOT_FOUND", "The dev mailbox is off because SMTP is configured");
    const { env } = c.get("deps");
    if (env.DEV_MAILBOX === "off") throw new AppError("NOT_FOUND", "The dev mailbox is off (DEV_MAILBOX=off)");
    if (env.DEV_MAILBOX === "local" && !isLoopback(clientIp(c, env.TRUST_PROXY)))
      throw new AppError("NOT_FOUND", "The dev mailbox can only be read on the server's own machine (DEV_MAILBOX=local)");
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
    .delete("/mailbox", async (c) => {
      ensureOn(c);
      await clearDevMail(c.get("deps").database.db);
      return c.json({ ok: true });
    });
}

/** 127.0.0.0/8, ::1 and their IPv4-mapped forms. In-process requests (no address at all) count as local. */
export function isLoopback(ip: string | undefined): boolean {
  if (ip === undefined) return true;
  const v4 = ip.startsWith("::ffff:") ? ip.slice(7) : ip;
  return v4.startsWith("127.") || ip === "::1";
}
