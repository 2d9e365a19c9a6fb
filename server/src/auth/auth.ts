import { LIMITS } from "@image-studio/shared";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { isAPIError } from "better-auth/api";
import { anonymous, twoFactor } from "better-auth/plugins";
import type { Deps } from "../context";
import * as schema from "../db/schema";
import { authHooks, databaseHooks } from "./auth-hooks";
import { CLIENT_IP_HEADER } from "./client-ip";
import { OWN_ORIGIN_HEADER, trustedOrigins } from "./origin";
import type { Mailer } from "./mail/mailer";
import { existingAccountMail, resetPasswordMail, verifyEmailMail } from "./mail/templates";
import { consume, IP_RULES } from "./rate-limit";

/** The account's language on Better Auth's user objects (an additional field its types do not carry). */
const languageOf = (user: object) => (user as { language?: string }).language;

export const AUTH_BASE_PATH = "/api/auth";
export const COOKIE_PREFIX = "image-studio";
/** Sessions last 30 days and slide: each day of use pushes the expiry out again. */
export const SESSION_EXPIRES_IN = 30 * 24 * 3600;
const RESET_TOKEN_EXPIRES_IN = 3600;

/** Secure cookies whenever the app is served over https, and always in production on a non-loopback host. */
export function useSecureCookies(appUrl: string, isProduction: boolean): boolean {
  const url = new URL(appUrl);
  const loopback = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  return url.protocol === "https:" || (isProduction && !loopback);
}

export function createAuth(deps: Deps, mailer: Mailer) {
  const { env, log } = deps;
  const db = deps.database.db;
  const appUrl = env.APP_URL.replace(/\/$/, "");
  const link = (path: string) => `${appUrl}${path}`;
  return betterAuth({
    appName: "Image Studio",
    baseURL: appUrl,
    basePath: AUTH_BASE_PATH,
    secret: env.BETTER_AUTH_SECRET,
    // APP_URL, and the origin the request was addressed to (set by us, never taken from the client): same-origin.
    trustedOrigins: (request) => trustedOrigins(appUrl, request?.headers.get(OWN_ORIGIN_HEADER) ?? undefined),
    telemetry: { enabled: false },
    logger: {
      level: env.LOG_LEVEL === "debug" ? "debug" : "warn",
      log: (level, message, ...args) => log[level](`auth: ${message}`, args.length ? { args } : undefined),
    },
    onAPIError: {
      onError: (e) => {
        // Refusals (wrong password, rate limits…) are answered to the client; only real failures are logged loudly.
        if (isAPIError(e) && e.status !== "INTERNAL_SERVER_ERROR")
          log.debug("auth: request refused", { status: e.status, message: e.message });
        else log.error("auth: unexpected error", { err: e });
      },
    },
    database: drizzleAdapter(db, { provider: "pg", usePlural: true, schema }),
    advanced: {
      database: { generateId: "uuid" },
      cookiePrefix: COOKIE_PREFIX,
      useSecureCookies: useSecureCookies(appUrl, env.isProduction),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", path: "/" },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      disableOriginCheck: false,
      disableCSRFCheck: false,
    },
    rateLimit: {
      enabled: true,
      window: 60,
      max: 200,
      customRules: IP_RULES,
      customStorage: { consume: (key, rule) => consume(db, `ip:${key}`, rule) },
    },
    session: {
      expiresIn: SESSION_EXPIRES_IN,
      updateAge: 24 * 3600,
      freshAge: 15 * 60,
    },
    user: {
      additionalFields: {
        role: { type: "string", input: false, required: false, defaultValue: "user" },
        banned: { type: "boolean", input: false, required: false, defaultValue: false },
        banExpires: { type: "date", input: false, required: false },
        isActive: { type: "boolean", input: false, required: false, defaultValue: true },
        preferences: { type: "json", input: false, required: false },
        // The account's language (mails, the app) and time zone (dates in mails). Sign-up may send the device's
        // language; databaseHooks keeps only a known one.
        language: { type: "string", input: true, required: false, defaultValue: "en" },
        timezone: { type: "string", input: false, required: false, defaultValue: "UTC" },
      },
    },
    account: {
      accountLinking: { enabled: true, trustedProviders: ["github", "google"], allowDifferentEmails: true },
      encryptOAuthTokens: true,
    },
    verification: { storeIdentifier: "hashed" },
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      autoSignIn: false,
      minPasswordLength: LIMITS.passwordMinLength,
      maxPasswordLength: LIMITS.passwordMaxLength,
      resetPasswordTokenExpiresIn: RESET_TOKEN_EXPIRES_IN,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, token }) => {
        const url = link(`/reset-password?token=${encodeURIComponent(token)}`);
        await mailer.deliver(
          user.email,
          resetPasswordMail(appUrl, { name: user.name, language: languageOf(user), url, expiresMinutes: RESET_TOKEN_EXPIRES_IN / 60 }),
        );
      },
      onExistingUserSignUp: async ({ user }) => {
        await mailer.deliver(user.email, existingAccountMail(appUrl, { name: user.name, language: languageOf(user), signInUrl: link("/sign-in") }));
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      sendOnSignIn: false,
      autoSignInAfterVerification: true,
      expiresIn: 3600,
      sendVerificationEmail: async ({ user, token }) => {
        const url = link(`/verify-email?token=${encodeURIComponent(token)}`);
        await mailer.deliver(user.email, verifyEmailMail(appUrl, { name: user.name, language: languageOf(user), url }));
      },
    },
    socialProviders: {
      ...(env.GITHUB_CLIENT_ID && env.GITHUB_CLIENT_SECRET
        ? { github: { clientId: env.GITHUB_CLIENT_ID, clientSecret: env.GITHUB_CLIENT_SECRET } }
        : {}),
      ...(env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET
        ? {
            google: {
              clientId: env.GOOGLE_CLIENT_ID,
              clientSecret: env.GOOGLE_CLIENT_SECRET,
              prompt: "select_account" as const,
            },
          }
        : {}),
    },
    plugins: [
      twoFactor({ issuer: "Image Studio", backupCodeOptions: { amount: 10, length: 10 } }),
      // "Try demo": a guest account with limited credits on the local engine; signing up later keeps the work.
      anonymous({ emailDomainName: "guest.image-studio.invalid" }),
    ],
    // Profile changes go through PUT /api/auth/profile (validated, avatar handled separately).
    disabledPaths: ["/update-user", "/delete-user", "/change-email"],
    databaseHooks: databaseHooks(deps, mailer),
    hooks: authHooks(deps, mailer),
  });
}

export type Auth = ReturnType<typeof createAuth>;
