import { msg } from "../i18n/api";
import {
  type AuthConfig,
  changePasswordRequestSchema,
  emailOnlyRequestSchema,
  LIMITS,
  loginRequestSchema,
  registerRequestSchema,
  resetPasswordRequestSchema,
  updateProfileRequestSchema,
  verifyEmailRequestSchema,
} from "@image-studio/shared";
import { verifyJWT } from "better-auth/crypto";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../context";
import { AppError } from "../lib/errors";
import { validate } from "../lib/validate";
import { ctxOf, requireUser } from "../middleware/require-user";
import * as accountRepo from "../modules/account/account.repo";
import * as account from "../modules/account/account.service";
import type { Auth } from "./auth";
import { callAuth, mergeCookies } from "./bridge";
import type { Mailer } from "./mail/mailer";
import { refusingCommonPasswords } from "./password-policy";
import { currentSession, sessionAccount } from "./session";

/** Better Auth's reset-password body says `newPassword`; the documented API says `password`. Both work. */
const resetBody = z.preprocess(
  (v) =>
    v && typeof v === "object" && !("password" in v) && "newPassword" in v
      ? { ...v, password: (v as { newPassword: unknown }).newPassword }
      : v,
  refusingCommonPasswords(resetPasswordRequestSchema, "password"),
);
const registerBody = refusingCommonPasswords(registerRequestSchema, "password");
const changePasswordBody = refusingCommonPasswords(changePasswordRequestSchema, "newPassword");

const LINK_ERRORS = new Set(["INVALID_TOKEN", "TOKEN_EXPIRED", "USER_NOT_FOUND"]);
const reasonOf = (err: AppError) => (err.details as { reason?: string } | undefined)?.reason;

interface SignInResult {
  twoFactorRedirect?: boolean;
  twoFactorMethods?: string[];
  user?: { id: string };
}

/**
 * The documented account API (camelCase JSON, the product's error body). Each route runs the matching
 * Better Auth endpoint through its HTTP pipeline, so it behaves exactly like the UI flows — same rate limits,
 * origin checks, hooks and cookies. Mounted at /api/auth before Better Auth's catch-all.
 */
export function aliasRoutes(auth: Auth, mailer: Mailer) {
  return (
    new Hono<AppEnv>()
      .get("/config", (c) => {
        const env = c.get("deps").env;
        const body: AuthConfig = {
          devMailbox: mailer.kind === "dev-mailbox" && env.DEV_MAILBOX !== "off",
          providers: {
            github: Boolean(env.GITHUB_CLIENT_ID && env.GITHUB_CLIENT_SECRET),
            google: Boolean(env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET),
          },
          signupCredits: env.SIGNUP_CREDITS,
          passwordMinLength: LIMITS.passwordMinLength,
        };
        return c.json(body);
      })
      .post("/register", validate("json", registerBody), async (c) => {
        const { name, email, password, language } = c.req.valid("json");
        // Known and new addresses get the same answer (no account enumeration); known ones get a notice by mail.
        await callAuth(c, auth, { method: "POST", path: "/sign-up/email", body: { name, email, password, ...(language ? { language } : {}) } });
        return c.json(
          {
            email,
            verificationSent: true,
            message: "Check your inbox: we sent you a link to confirm your email address.",
          },
          201,
        );
      })
      .post("/login", validate("json", loginRequestSchema), async (c) => {
        const { email, password, rememberMe, code } = c.req.valid("json");
        const signIn = await callAuth<SignInResult>(c, auth, {
          method: "POST",
          path: "/sign-in/email",
          body: { email, password, rememberMe: rememberMe ?? true },
        });
        let userId = signIn.data.user?.id;
        if (signIn.data.twoFactorRedirect) {
          if (!code)
            return c.json({ twoFactorRequired: true as const, methods: signIn.data.twoFactorMethods ?? ["totp"] });
          const cookie = mergeCookies(c.req.header("cookie"), signIn.setCookies);
          const verified = await callAuth<SignInResult>(c, auth, {
            method: "POST",
            path: "/two-factor/verify-totp",
            body: { code },
            cookie,
          });
          userId = verified.data.user?.id;
        }
        if (!userId) throw new AppError("INTERNAL", msg("auth.noUser"));
        const deps = c.get("deps");
        return c.json({
          twoFactorRequired: false as const,
          user: await account.loadMeUser(deps.database.db, userId, deps.env.ADMIN_EMAILS),
        });
      })
      .post("/logout", async (c) => {
        await callAuth(c, auth, { method: "POST", path: "/sign-out", body: {} });
        return c.json({ ok: true });
      })
      .get("/me", requireUser, async (c) => {
        c.header("Cache-Control", "no-store");
        return c.json(await account.me(ctxOf(c), currentSession(c), sessionAccount(c)));
      })
      /** Like /me, but signed out is an answer (`null`, 200), not an error — for the app's session polling. */
      .get("/session", async (c) => {
        c.header("Cache-Control", "no-store");
        return c.json(c.get("user") ? await account.me(ctxOf(c), currentSession(c), sessionAccount(c)) : null);
      })
      .post("/verify-email", validate("json", verifyEmailRequestSchema), async (c) => {
        const { token } = c.req.valid("json");
        const deps = c.get("deps");
        const db = deps.database.db;
        // Better Auth answers a repeated link like a first one; we say so, so the page can send people to sign in.
        const payload = (await verifyJWT(token, deps.env.BETTER_AUTH_SECRET)) as {
          email?: string;
          updateTo?: string;
        } | null;
        if (
          payload?.email &&
          !payload.updateTo &&
          (await accountRepo.findUserByEmail(db, payload.email))?.emailVerified
        ) {
          throw new AppError("CONFLICT", msg("auth.alreadyConfirmed"), {
            reason: "ALREADY_VERIFIED",
          });
        }
        try {
          await callAuth(c, auth, { method: "GET", path: "/verify-email", query: { token } });
        } catch (err) {
          if (err instanceof AppError && LINK_ERRORS.has(reasonOf(err) ?? "")) {
            const expired = reasonOf(err) === "TOKEN_EXPIRED";
            throw new AppError(
              "BAD_REQUEST",
              msg(expired ? "auth.confirmLinkExpired" : "auth.confirmLinkInvalid"),
              { reason: reasonOf(err) },
            );
          }
          throw err;
        }
        const user = payload?.email
          ? await accountRepo.findUserByEmail(db, payload.updateTo ?? payload.email)
          : undefined;
        if (!user)
          throw new AppError("BAD_REQUEST", msg("auth.confirmLinkInvalid"), {
            reason: "INVALID_TOKEN",
          });
        return c.json({ verified: true, user: await account.loadMeUser(db, user.id, deps.env.ADMIN_EMAILS) });
      })
      .post("/resend-verification", validate("json", emailOnlyRequestSchema), async (c) => {
        const { email } = c.req.valid("json");
        await callAuth(c, auth, { method: "POST", path: "/send-verification-email", body: { email } });
        return c.json({ ok: true, message: "If that address has an unconfirmed account, a new link is on its way." });
      })
      .post("/forgot-password", validate("json", emailOnlyRequestSchema), async (c) => {
        const { email } = c.req.valid("json");
        await callAuth(c, auth, { method: "POST", path: "/request-password-reset", body: { email } });
        return c.json({
          ok: true,
          message: "If an account exists for that address, we've sent a link to reset the password.",
        });
      })
      .post("/reset-password", validate("json", resetBody), async (c) => {
        const { token, password } = c.req.valid("json");
        await callAuth(c, auth, { method: "POST", path: "/reset-password", body: { token, newPassword: password } });
        return c.json({ ok: true, message: "Your password was changed. Sign in with the new one." });
      })
      .put("/profile", requireUser, validate("json", updateProfileRequestSchema), async (c) => {
        return c.json({ user: await account.updateProfile(ctxOf(c), c.req.valid("json")) });
      })
      .put("/change-password", requireUser, validate("json", changePasswordBody), async (c) => {
        const { currentPassword, newPassword } = c.req.valid("json");
        await callAuth(c, auth, {
          method: "POST",
          path: "/change-password",
          body: { currentPassword, newPassword },
        });
        return c.json({
          ok: true,
          otherSessionsRevoked: true,
          message: "Password changed. Other devices were signed out.",
        });
      })
  );
}
