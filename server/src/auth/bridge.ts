import type { ErrorCode } from "@image-studio/shared";
import type { Context } from "hono";
import type { AppEnv } from "../context";
import { type ApiKey, type ApiMessage, msg } from "../i18n/api";
import apiEnglish from "../i18n/locales/en/api.json";
import { AppError } from "../lib/errors";
import { AUTH_BASE_PATH, type Auth } from "./auth";
import { CLIENT_IP_HEADER, clientIp } from "./client-ip";
import { OWN_ORIGIN_HEADER, requestOrigin } from "./origin";

/** Better Auth's error codes (and those our hooks throw through it) with words of ours: `authProvider.<code>` in the api catalog. */
const CODES_WITH_TEXT = new Set(Object.keys(apiEnglish.authProvider));

function codeFor(status: number, baCode?: string): ErrorCode {
  if (status === 429) return "RATE_LIMITED";
  if (baCode === "VALIDATION_ERROR") return "VALIDATION_FAILED";
  if (status === 401) return "UNAUTHORIZED";
  if (status === 403) return "FORBIDDEN";
  if (status === 404) return "NOT_FOUND";
  if (status === 409 || status === 422) return "CONFLICT";
  if (status === 413) return "PAYLOAD_TOO_LARGE";
  if (status >= 500) return "INTERNAL";
  return "BAD_REQUEST";
}

export interface TranslatedError {
  code: ErrorCode;
  /** Words of ours when we have them for Better Auth's code, else Better Auth's own message. */
  message: ApiMessage;
  reason?: string;
  retryAfter?: string;
  /** Field issues of a validation failure (shape of the shared error body's `details.issues`). */
  issues?: { path: (string | number)[]; message: string }[];
}

/** The error body's `details`: Better Auth's reason code and, for validation failures, the field issues. */
export function errorDetails(t: TranslatedError): Record<string, unknown> | undefined {
  if (!t.reason && !t.issues) return undefined;
  return { ...(t.reason ? { reason: t.reason } : {}), ...(t.issues ? { issues: t.issues } : {}) };
}

/** Our hooks' per-account limits (auth-hooks.ts, auth-guards.ts) say more than Better Auth's per-IP limit. */
function rateLimitKey(message: string | undefined): ApiKey {
  if (!message?.startsWith("Too many attempts for")) return "rateLimit.tryAgainIn";
  if (message.startsWith("Too many attempts for demo sessions")) return message.includes("this day") ? "rateLimit.guestsDay" : "rateLimit.guestsHour";
  return message.includes("reset your password") ? "rateLimit.accountOrReset" : "rateLimit.account";
}

/** Better Auth's `{ code?, message }` error (any status ≥ 400) in the product's vocabulary. */
export function translateAuthError(status: number, body: unknown, headers: Headers): TranslatedError {
  const b = (body && typeof body === "object" ? body : {}) as { code?: string; message?: string; issues?: unknown };
  const code = codeFor(status, b.code);
  const retryAfter = headers.get("retry-after") ?? headers.get("x-retry-after") ?? undefined;
  const seconds = retryAfter ?? "60";
  const message: ApiMessage =
    code === "RATE_LIMITED"
      ? msg(rateLimitKey(b.message), { seconds })
      : b.code && CODES_WITH_TEXT.has(b.code)
        ? msg(`authProvider.${b.code}` as ApiKey)
        : (b.message ?? msg("request.notCompleted"));
  const issues = Array.isArray(b.issues) ? (b.issues as TranslatedError["issues"]) : undefined;
  return {
    code,
    message,
    reason: b.code,
    retryAfter: retryAfter ?? (code === "RATE_LIMITED" ? "60" : undefined),
    ...(issues ? { issues } : {}),
  };
}

export function toAppError(t: TranslatedError): AppError {
  return new AppError(t.code, t.message, errorDetails(t), t.retryAfter ? { "Retry-After": t.retryAfter } : undefined);
}

const FORWARDED_HEADERS = [
  "cookie",
  "user-agent",
  "origin",
  "referer",
  "sec-fetch-site",
  "sec-fetch-mode",
  "sec-fetch-dest",
  "accept-language",
];

/** The request as Better Auth should see it: our resolved client IP, never a client-supplied one. */
export function authHeaders<E extends AppEnv>(c: Context<E>, extra?: Record<string, string>): Headers {
  const deps = c.get("deps");
  const headers = new Headers();
  for (const h of FORWARDED_HEADERS) {
    const v = c.req.header(h);
    if (v) headers.set(h, v);
  }
  // Non-browser API clients send neither Origin nor Fetch Metadata; browsers always send one of them on writes.
  if (!headers.has("origin") && !headers.has("sec-fetch-site")) headers.set("origin", new URL(deps.env.APP_URL).origin);
  const ip = clientIp(c, deps.env.TRUST_PROXY);
  if (ip) headers.set(CLIENT_IP_HEADER, ip);
  const own = requestOrigin(c, deps.env.TRUST_PROXY);
  if (own) headers.set(OWN_ORIGIN_HEADER, own);
  for (const [k, v] of Object.entries(extra ?? {})) headers.set(k, v);
  return headers;
}

export interface AuthCall {
  method: "GET" | "POST";
  path: string;
  body?: Record<string, unknown>;
  query?: Record<string, string>;
  /** Cookie header to send instead of the request's (e.g. with a fresh two-factor cookie). */
  cookie?: string;
}

/**
 * Runs one Better Auth endpoint through its full HTTP pipeline (origin checks, rate limits, hooks), copies
 * its cookies onto our response, and returns its JSON — or throws the translated AppError.
 */
export async function callAuth<T = Record<string, unknown>, E extends AppEnv = AppEnv>(
  c: Context<E>,
  auth: Auth,
  call: AuthCall,
): Promise<{ data: T; setCookies: string[] }> {
  const url = new URL(`${AUTH_BASE_PATH}${call.path}`, c.req.url);
  for (const [k, v] of Object.entries(call.query ?? {})) url.searchParams.set(k, v);
  const headers = authHeaders(c, call.cookie !== undefined ? { cookie: call.cookie } : undefined);
  if (call.body) headers.set("content-type", "application/json");
  const res = await auth.handler(
    new Request(url, { method: call.method, headers, body: call.body ? JSON.stringify(call.body) : undefined }),
  );
  const setCookies = res.headers.getSetCookie();
  for (const v of setCookies) c.header("set-cookie", v, { append: true });
  const text = await res.text();
  let data: unknown = undefined;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (res.status >= 400) throw toAppError(translateAuthError(res.status, data, res.headers));
  return { data: (data ?? {}) as T, setCookies };
}

/** Cookie header for a follow-up call: the request's cookies overridden by the ones just set. */
export function mergeCookies(requestCookie: string | undefined, setCookies: string[]): string {
  const jar = new Map<string, string>();
  for (const part of (requestCookie ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k) jar.set(k, v.join("="));
  }
  for (const sc of setCookies) {
    const [pair] = sc.split(";");
    const [k, ...v] = (pair ?? "").trim().split("=");
    if (k) jar.set(k, v.join("="));
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}
