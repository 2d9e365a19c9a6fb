import { anonymousClient, twoFactorClient } from "better-auth/client/plugins";
import { createAuthClient } from "better-auth/react";
import { i18n } from "@/i18n";
import { ApiError } from "./api";

/**
 * Better Auth's client for the flows that are Better Auth's own endpoints: two-factor setup and challenge,
 * OAuth sign-in and account linking. Everything else goes through the documented /api/auth/* routes via `api()`.
 */
export const authClient = createAuthClient({
  basePath: "/api/auth",
  fetchOptions: { credentials: "same-origin" },
  plugins: [twoFactorClient(), anonymousClient()],
});

interface BetterAuthFailure {
  status?: number;
  message?: string;
  code?: string;
  /** The product's error body, which the server adds to Better Auth's answers. */
  error?: { code?: string; message?: string; details?: unknown; requestId?: string };
}

/** Unwraps a Better Auth client result: the data, or an ApiError with the server's friendly message. */
export async function authResult<T>(call: Promise<{ data: T | null; error: BetterAuthFailure | null }>): Promise<T> {
  let result: { data: T | null; error: BetterAuthFailure | null };
  try {
    result = await call;
  } catch {
    throw new ApiError(0, "NETWORK", i18n.t("common:errors.offline"));
  }
  if (result.error) {
    const e = result.error;
    const status = e.status ?? 500;
    const code = (e.error?.code ??
      (status === 429
        ? "RATE_LIMITED"
        : status === 401
          ? "UNAUTHORIZED"
          : status === 403
            ? "FORBIDDEN"
            : "BAD_REQUEST")) as ApiError["code"];
    throw new ApiError(
      status,
      code,
      e.error?.message ?? e.message ?? i18n.t("common:errors.generic"),
      e.error?.details ?? { reason: e.code },
      e.error?.requestId,
    );
  }
  return result.data as T;
}
