import { deleteAccountRequestSchema, onboardingUpdateSchema } from "@image-studio/shared";
import { Hono } from "hono";
import { deleteCookie } from "hono/cookie";
import { z } from "zod";
import { currentSession } from "../../auth/session";
import type { AppEnv } from "../../context";
import { validate } from "../../lib/validate";
import { ctxOf, requireUser } from "../../middleware/require-user";
import * as dataService from "./account-data.service";
import * as account from "./account.service";

const idParam = z.object({ id: z.uuid("Session ids are UUIDs") });

export interface AccountRouteOptions {
  /** Names of the auth cookies to clear when the account is gone. */
  authCookieNames: () => Promise<string[]>;
  /** Sends the "account deleted" notice. */
  onDeleted: (who: { email: string; name: string; language: string }) => Promise<void>;
}

/** /api/account/* — sessions, onboarding, data export and deletion of the signed-in user's account. */
export function accountRoutes(opts: AccountRouteOptions) {
  return (
    new Hono<AppEnv>()
      .use(requireUser)
      .get("/sessions", async (c) => {
        c.header("Cache-Control", "no-store");
        return c.json({ items: await account.listSessions(ctxOf(c), currentSession(c).id) });
      })
      .delete("/sessions/:id", validate("param", idParam), async (c) => {
        const id = c.req.valid("param").id;
        await account.revokeSession(ctxOf(c), id);
        return c.json({ ok: true, signedOut: id === currentSession(c).id });
      })
      .post("/sessions/revoke-others", async (c) =>
        c.json(await account.revokeOtherSessions(ctxOf(c), currentSession(c).id)),
      )
      /** Sign out everywhere, this device included. */
      .post("/sessions/revoke-all", async (c) => {
        const result = await account.revokeAllSessions(ctxOf(c));
        for (const name of await opts.authCookieNames())
          deleteCookie(c, name, { path: "/", secure: name.startsWith("__Secure-") });
        return c.json(result);
      })
      .put("/onboarding", validate("json", onboardingUpdateSchema), async (c) =>
        c.json(await account.setOnboarding(ctxOf(c), c.req.valid("json"))),
      )
      .get("/export", async (c) => {
        const ctx = ctxOf(c);
        const data = await dataService.exportData(ctx);
        c.header("Cache-Control", "no-store");
        c.header(
          "Content-Disposition",
          `attachment; filename="image-studio-export-${ctx.now.toISOString().slice(0, 10)}.json"`,
        );
        return c.json(data);
      })
      .post("/delete", validate("json", deleteAccountRequestSchema), async (c) => {
        const ctx = ctxOf(c);
        const body = c.req.valid("json");
        const who = await dataService.deleteAccount(ctx, {
          password: body.password,
          sessionCreatedAt: currentSession(c).createdAt,
        });
        await opts.onDeleted(who);
        for (const name of await opts.authCookieNames())
          deleteCookie(c, name, { path: "/", secure: name.startsWith("__Secure-") });
        return c.json({ ok: true, message: "Your account and everything in it were deleted." });
      })
  );
}
