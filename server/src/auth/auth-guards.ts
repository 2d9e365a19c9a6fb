import { registerRequestSchema } from "@image-studio/shared";
import type { GenericEndpointContext, HookEndpointContext } from "better-auth";
import { APIError, getSessionFromCtx, isAPIError } from "better-auth/api";
import type { ZodError } from "zod";
import type { Db } from "../db/client";
import { zodIssues } from "../middleware/error-handler";
import { deleteSessionsExcept } from "./auth.repo";
import { CLIENT_IP_HEADER } from "./client-ip";
import { COMMON_PASSWORD_MESSAGE, isCommonPassword, refusingCommonPasswords } from "./password-policy";
import { consume, forget, refund, SIGN_IN_FAILURE_RULE } from "./rate-limit";

/**
 * Checks on Better Auth's own endpoints, so its raw routes (/api/auth/sign-up/email…) hold the same rules as the
 * documented ones: input validation, common passwords, sign-in lockout per (IP, account), single-use TOTP codes.
 */

const validationError = (issues: { path: (string | number)[]; message: string }[]) =>
  new APIError("BAD_REQUEST", {
    code: "VALIDATION_ERROR",
    message: issues[0] ? `${issues[0].path.join(".")}: ${issues[0].message}` : "Invalid request",
    issues,
  });

const signUpSchema = refusingCommonPasswords(registerRequestSchema, "password");

/**
 * /sign-up/email as /register validates it: name, email and password by the shared contract (plus the
 * common-password list); an avatar can't be set here (it is uploaded and re-encoded in settings). Returns the
 * normalised body for Better Auth.
 */
export function validateSignUp(body: Record<string, unknown> | undefined): Record<string, unknown> {
  const parsed = signUpSchema.safeParse({ name: body?.name, email: body?.email, password: body?.password, language: body?.language });
  const issues = parsed.success ? [] : zodIssues(parsed.error as ZodError);
  if (body?.image !== undefined && body.image !== null)
    issues.push({ path: ["image"], message: "Set a profile picture by uploading it in settings after signing up" });
  if (!parsed.success || issues.length) throw validationError(issues);
  return { ...body, ...parsed.data };
}

/** A newly chosen password (reset, change) must not be a common one. */
export function checkNewPassword(body: Record<string, unknown> | undefined) {
  const password = body?.newPassword;
  if (typeof password === "string" && isCommonPassword(password))
    throw validationError([{ path: ["newPassword"], message: COMMON_PASSWORD_MESSAGE }]);
}

// ------------------------------------------------------------------------------------------------------------
// Sign-in lockout: failures per (client IP, account). Each attempt claims a count atomically (so parallel guesses
// can't slip past the limit); an attempt that wasn't a wrong password gives it back.

const signInKey = (ctx: HookEndpointContext, email: string) =>
  `signin-fail:${ctx.request?.headers.get(CLIENT_IP_HEADER) ?? "unknown"}:${email}`;

export async function claimSignInAttempt(db: Db, ctx: HookEndpointContext, email: string) {
  const decision = await consume(db, signInKey(ctx, email), SIGN_IN_FAILURE_RULE);
  if (decision.allowed) return;
  throw new APIError(
    "TOO_MANY_REQUESTS",
    {
      code: "RATE_LIMITED",
      message: `Too many attempts for this account. Try again in ${decision.retryAfter} seconds, or reset your password.`,
    },
    { "X-Retry-After": String(decision.retryAfter) },
  );
}

/** After the sign-in: only a wrong password (401) keeps its count. */
export async function settleSignInAttempt(db: Db, ctx: HookEndpointContext) {
  const email = typeof ctx.body?.email === "string" ? ctx.body.email.trim().toLowerCase() : undefined;
  if (!email) return;
  const returned = ctx.context.returned;
  if (isAPIError(returned) && returned.statusCode === 401) return;
  await refund(db, signInKey(ctx, email));
}

// ------------------------------------------------------------------------------------------------------------
// TOTP codes are accepted once: the first verification of a code claims it (per user) for longer than the code
// stays valid (Better Auth accepts the previous, current and next 30-second code); a refused attempt frees it.

const TOTP_CLAIM = { window: 150, max: 1 };
const claimed = new WeakMap<Request, string>();

/** The user a TOTP code is for: the signed-in user (enabling), or the one behind the pending two-factor cookie. */
async function totpUserId(ctx: HookEndpointContext): Promise<string | undefined> {
  // Hooks run inside the endpoint's pipeline, so the hook context carries what the session lookup reads.
  const session = await getSessionFromCtx(ctx as GenericEndpointContext).catch(() => null);
  if (session?.user.id) return session.user.id;
  const cookie = ctx.context.createAuthCookie("two_factor");
  const identifier = await ctx.getSignedCookie?.(cookie.name, ctx.context.secret);
  if (!identifier) return undefined;
  return (await ctx.context.internalAdapter.findVerificationValue(identifier))?.value;
}

export async function claimTotpCode(db: Db, ctx: HookEndpointContext) {
  const code = typeof ctx.body?.code === "string" ? ctx.body.code.trim() : undefined;
  const userId = code && ctx.request ? await totpUserId(ctx) : undefined;
  if (!code || !userId || !ctx.request) return;
  const key = `totp-used:${userId}:${code}`;
  if (!(await consume(db, key, TOTP_CLAIM)).allowed) {
    throw new APIError("UNAUTHORIZED", {
      code: "TOTP_CODE_REUSED",
      message: "This code was already used. Wait for the next code in your authenticator app.",
    });
  }
  claimed.set(ctx.request, key);
}

export async function settleTotpCode(db: Db, ctx: HookEndpointContext) {
  const key = ctx.request ? claimed.get(ctx.request) : undefined;
  if (!key) return;
  claimed.delete(ctx.request!);
  if (isAPIError(ctx.context.returned)) await forget(db, key);
}

// ------------------------------------------------------------------------------------------------------------
// A password change signs out every other device. Better Auth's own option deletes all sessions, this one too,
// and issues a new cookie: requests this device had in flight meanwhile then failed with 401 (a sign-out race).
// So the endpoint runs with revokeOtherSessions off, and a successful change deletes every session but this one.

export async function revokeOtherSessionsAfterPasswordChange(db: Db, ctx: HookEndpointContext) {
  if (isAPIError(ctx.context.returned)) return;
  const session = await getSessionFromCtx(ctx as GenericEndpointContext).catch(() => null);
  if (session) await deleteSessionsExcept(db, session.user.id, session.session.id);
}
