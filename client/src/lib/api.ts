import type { ErrorBody, ErrorCode } from "@image-studio/shared";
import { i18n } from "@/i18n";

/** An API failure with the server's code and message, ready to show in a toast or inline. */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: ErrorCode | "NETWORK",
    message: string,
    readonly details?: unknown,
    readonly requestId?: string,
  ) {
    super(message);
  }
  /** Field messages from a VALIDATION_FAILED body, keyed by dotted path. */
  fieldErrors(): Record<string, string> {
    const issues = (this.details as { issues?: { path: (string | number)[]; message: string }[] } | undefined)?.issues ?? [];
    return Object.fromEntries(issues.map((i) => [i.path.join("."), i.message]));
  }
}

/** The one unwrap every response goes through: JSON on success, ApiError otherwise. */
export async function unwrap<T>(res: Response | Promise<Response>): Promise<T> {
  let response: Response;
  try {
    response = await res;
  } catch {
    throw new ApiError(0, "NETWORK", i18n.t("common:errors.offlineNeedsNetwork"));
  }
  if (response.ok) {
    if (response.status === 204) return undefined as T;
    const type = response.headers.get("content-type") ?? "";
    return (type.includes("application/json") ? await response.json() : await response.text()) as T;
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const { isErrorBody } = await import("./contracts-on-use");
  if (isErrorBody(body)) {
    const e: ErrorBody["error"] = body.error;
    throw new ApiError(response.status, e.code, e.message, e.details, e.requestId);
  }
  throw new ApiError(response.status, "INTERNAL", `Request failed (${response.status})`);
}
