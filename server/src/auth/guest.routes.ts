import { registerRequestSchema } from "@image-studio/shared";
import { Hono } from "hono";
import type { AppEnv } from "../context";
import { validate } from "../lib/validate";
import { requireUser } from "../middleware/require-user";
import type { Auth } from "./auth";
import { callAuth } from "./bridge";
import { startGuestUpgrade } from "./guest-upgrade";
import type { Mailer } from "./mail/mailer";
import { refusingCommonPasswords } from "./password-policy";

/** The same rules as registering: a common password is refused on its field. */
const upgradeBody = refusingCommonPasswords(registerRequestSchema, "password");

/** /api/auth/guest — mounted before Better Auth's catch-all. */
export function guestRoutes(auth: Auth, mailer: Mailer) {
  return new Hono<AppEnv>().post("/upgrade", requireUser, validate("json", upgradeBody), async (c) => {
    const input = c.req.valid("json");
    const send = async (email: string) => {
      await callAuth(c, auth, { method: "POST", path: "/send-verification-email", body: { email } });
    };
    await startGuestUpgrade(c.get("deps"), auth, mailer, c.get("user"), input, send);
    return c.json(
      {
        email: input.email.trim().toLowerCase(),
        verificationSent: true,
        message:
          "Check your inbox: open the link we sent to finish creating your account. Your images stay where they are.",
      },
      202,
    );
  });
}
