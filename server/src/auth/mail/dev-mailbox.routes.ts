import type { DevMail } from "@image-studio/shared";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context";
import { AppError } from "../../lib/errors";
import { validate } from "../../lib/validate";
import { clearDevMail, listDevMail, type Mailer } from "./mailer";

const query = z.object({
  to: z.string().trim().max(254).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/**
 * /api/dev/mailbox — the mail the app would have sent, newest first. Exists only while no SMTP server is
 * configured (then every message lands here instead); with SMTP_URL set it answers 404.
 */
export function devMailboxRoutes(mailer: Mailer) {
  const ensureOn = () => {
    if (mailer.kind !== "dev-mailbox")
      throw new AppError("NOT_FOUND", "The dev mailbox is off because SMTP is configured");
  };
  return new Hono<AppEnv>()
    .get("/mailbox", validate("query", query), async (c) => {
      ensureOn();
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
      ensureOn();
      await clearDevMail(c.get("deps").database.db);
      return c.json({ ok: true });
    });
}
