import type { ErrorBody, ErrorCode } from "@image-studio/shared";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ZodError } from "zod";
import { AppError } from "../lib/errors";
import type { AppEnv } from "../context";
import { renderApi } from "../i18n/api";
import { requestLanguage } from "../i18n/request";

function body(c: Context<AppEnv>, code: ErrorCode, message: string, details?: unknown): ErrorBody {
  return { error: { code, message, ...(details === undefined ? {} : { details }), requestId: c.get("requestId") ?? "" } };
}

export function zodIssues(err: ZodError) {
  return err.issues.map((i) => ({ path: i.path.map((p) => (typeof p === "symbol" ? String(p) : p)), message: i.message }));
}

const codeOf = (status: number): ErrorCode =>
  status === 413 ? "PAYLOAD_TOO_LARGE" : status === 401 ? "UNAUTHORIZED" : status === 404 ? "NOT_FOUND" : status === 429 ? "RATE_LIMITED" : status >= 500 ? "INTERNAL" : "BAD_REQUEST";

/** The one place errors become responses: AppError, zod failures, Hono's HTTP errors, and unknown errors. */
export function onError(err: Error, c: Context<AppEnv>) {
  if (err instanceof AppError) {
    for (const [k, v] of Object.entries(err.headers ?? {})) c.header(k, v);
    const { message, details } = err.localized(requestLanguage(c));
    return c.json(body(c, err.code, message, details), err.status as ContentfulStatusCode);
  }
  if (err instanceof ZodError) {
    const issues = zodIssues(err);
    const first = issues[0];
    const message = first ? `${first.path.join(".") || "body"}: ${first.message}` : renderApi(requestLanguage(c), "request.invalid");
    return c.json(body(c, "VALIDATION_FAILED", message, { issues }), 400);
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    return c.json(body(c, codeOf(status), err.message || renderApi(requestLanguage(c), "request.failed")), status as ContentfulStatusCode);
  }
  c.get("log")?.error("unhandled error", { err });
  return c.json(body(c, "INTERNAL", renderApi(requestLanguage(c), "request.internal")), 500);
}

const noRoute = (c: Context<AppEnv>) => renderApi(requestLanguage(c), "request.noRoute", { method: c.req.method, path: c.req.path });

export function notFoundHandler(c: Context<AppEnv>) {
  return c.json(body(c, "NOT_FOUND", noRoute(c)), 404);
}

/**
 * Error answers without a body (Better Auth's 404 for an unknown /api/auth path, for one) get the product's
 * error body, so every /api error is `{ error: { code, message, requestId } }`.
 */
export const bodilessErrorsAsJson = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const res = c.res;
  if (res.status < 400 || c.req.method === "HEAD" || res.headers.get("content-type")) return;
  const headers = new Headers(res.headers);
  headers.delete("content-length");
  headers.set("content-type", "application/json");
  const message = res.status === 404 ? noRoute(c) : renderApi(requestLanguage(c), "request.failed");
  c.res = new Response(JSON.stringify(body(c, codeOf(res.status), message)), { status: res.status, headers });
});
