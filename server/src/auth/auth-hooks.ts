import { LANGUAGES } from "@image-studio/shared";
import type { BetterAuthOptions } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import type { Deps } from "../context";
import { claimFirstAdmin, knownDevice, liftBan, recordLogin, setUpNewUser, signInState } from "./auth.repo";
import type { Mailer } from "./mail/mailer";
import { newSignInMail, twoFactorEnabledMail } from "./mail/templates";
import { limitGuestCreation } from "./guest";
import { completeGuestUpgrade } from "./guest-upgrade";
import {
  checkNewPassword,
  claimSignInAttempt,
  claimTotpCode,
  revokeOtherSessionsAfterPasswordChange,
  settleSignInAttempt,
  settleTotpCode,
  validateSignUp,
} from "./auth-guards";
import { ACCOUNT_RULES, consume } from "./rate-limit";
import { describeDevice } from "./user-agent";

const SIGN_IN_PATHS = new Set([
  "/sign-in/email",
  "/two-factor/verify-totp",
  "/two-factor/verify-backup-code",
  "/callback/:id",
]);

const isKnownLanguage = (v: unknown): v is string => typeof v === "string" && LANGUAGES.some((l) => l.id === v);

export const isAdminEmail = (deps: Deps, email: string) => deps.env.ADMIN_EMAILS.includes(email.toLowerCase());

/** Credits a "Try demo" guest starts with: enough to try the local engine, not to run up fal.ai costs. */
export const GUEST_CREDITS = 25;

/** Better Auth's database hooks: roles and welcome credits for new users; who may get a session. */
export function databaseHooks(deps: Deps, mailer: Mailer): BetterAuthOptions["databaseHooks"] {
  const db = deps.database.db;
  const link = (path: string) => `${deps.env.APP_URL.replace(/\/$/, "")}${path}`;
  return {
    user: {
      create: {
        before: async (user) => {
          const email = String(user.email).toLowerCase();
          const guest = (user as { isAnonymous?: boolean }).isAnonymous === true;
          const admin = !guest && (isAdminEmail(deps, email) || (await claimFirstAdmin(db, email)));
          const language = (user as { language?: unknown }).language;
          return { data: { ...user, role: admin ? "admin" : "user", language: isKnownLanguage(language) ? language : "en" } };
        },
        after: async (user) => {
          const guest = (user as { isAnonymous?: boolean }).isAnonymous === true;
          await setUpNewUser(db, user.id, guest ? GUEST_CREDITS : deps.env.SIGNUP_CREDITS);
        },
      },
      update: {
        // Only a language the app knows is stored (Better Auth's update-user takes the field as input).
        before: async (data) => {
          if (!("language" in data) || isKnownLanguage((data as { language?: unknown }).language)) return { data };
          const { language: _dropped, ...rest } = data as Record<string, unknown>;
          return { data: rest as typeof data };
        },
        after: async (user, ctx) => {
          // A guest who confirmed the address they gave in "Save your work" becomes a full account.
          if ((user as { isAnonymous?: boolean }).isAnonymous === true && user.emailVerified)
            await completeGuestUpgrade(deps, user.id, GUEST_CREDITS);
          // verify-totp only updates the user when it switches two-factor on (the enable flow).
          if (ctx?.path === "/two-factor/verify-totp" && user.twoFactorEnabled === true) {
            await mailer.deliver(
              user.email,
              twoFactorEnabledMail(deps.env.APP_URL, {
                name: user.name,
                language: (user as { language?: string }).language,
                timeZone: (user as { timezone?: string }).timezone,
                when: new Date(),
                settingsUrl: link("/settings?tab=account"),
              }),
            );
          }
        },
      },
    },
    session: {
      create: {
        before: async (session) => {
          const state = await signInState(db, session.userId);
          if (!state) return false;
          if (!state.isActive) {
            throw new APIError("FORBIDDEN", {
              code: "ACCOUNT_DISABLED",
              message: "This account has been deactivated. Contact the administrator to restore it.",
            });
          }
          if (state.banned) {
            if (state.banExpires && state.banExpires.getTime() < Date.now()) {
              await liftBan(db, session.userId);
              return;
            }
            throw new APIError("FORBIDDEN", {
              code: "BANNED_USER",
              message: "This account has been suspended. Contact support if you think this is a mistake.",
            });
          }
        },
      },
    },
  };
}

/**
 * Endpoint hooks: input and password rules on Better Auth's raw routes, per-account rate limits, sign-in lockout
 * per (IP, account), single-use TOTP codes, forced session revocation on password change, sign-in notices.
 */
export function authHooks(deps: Deps, mailer: Mailer): BetterAuthOptions["hooks"] {
  const db = deps.database.db;
  const link = (path: string) => `${deps.env.APP_URL.replace(/\/$/, "")}${path}`;
  return {
    before: createAuthMiddleware(async (ctx) => {
      await limitGuestCreation(deps, ctx.path, ctx.request?.headers ?? ctx.headers);
      const signUpBody = ctx.path === "/sign-up/email" ? validateSignUp(ctx.body) : undefined;
      if (ctx.path === "/reset-password" || ctx.path === "/change-password") checkNewPassword(ctx.body);
      const rule = ACCOUNT_RULES[ctx.path];
      const email = typeof ctx.body?.email === "string" ? ctx.body.email.trim().toLowerCase() : undefined;
      if (ctx.path === "/sign-in/email" && email && ctx.request) await claimSignInAttempt(db, ctx, email);
      if (ctx.path === "/two-factor/verify-totp") await claimTotpCode(db, ctx);
      if (rule && email && ctx.request) {
        const decision = await consume(db, `acct:${ctx.path}:${email}`, rule);
        if (!decision.allowed) {
          throw new APIError(
            "TOO_MANY_REQUESTS",
            {
              code: "RATE_LIMITED",
              message: `Too many attempts for this account. Try again in ${decision.retryAfter} seconds.`,
            },
            { "X-Retry-After": String(decision.retryAfter) },
          );
        }
      }
      if (ctx.path === "/change-password") {
        // A password change always signs out every other session: after it succeeds (see the after hook), keeping
        // this one — so the option is off here whatever the caller sent.
        return { context: { body: { ...ctx.body, revokeOtherSessions: false } } };
      }
      if (signUpBody) return { context: { body: signUpBody } };
    }),
    after: createAuthMiddleware(async (ctx) => {
      if (ctx.path === "/sign-in/email" && ctx.request) await settleSignInAttempt(db, ctx);
      if (ctx.path === "/two-factor/verify-totp") await settleTotpCode(db, ctx);
      if (ctx.path === "/change-password") await revokeOtherSessionsAfterPasswordChange(db, ctx);
      if (!SIGN_IN_PATHS.has(ctx.path)) return;
      const created = ctx.context.newSession;
      if (!created) return; // failed, or a two-factor challenge is pending
      const { user, session } = created;
      await recordLogin(db, user.id, isAdminEmail(deps, user.email));
      const ua = session.userAgent ?? "";
      if (await knownDevice(db, user.id, ua, session.token)) return;
      await mailer.deliver(
        user.email,
        newSignInMail(deps.env.APP_URL, {
          name: user.name,
          language: (user as { language?: string }).language,
          timeZone: (user as { timezone?: string }).timezone,
          when: new Date(),
          device: describeDevice(ua),
          ip: session.ipAddress ?? "",
          sessionsUrl: link("/settings?tab=account#sessions"),
        }),
      );
    }),
  };
}
