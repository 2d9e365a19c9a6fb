import { type ErrorCode, HTTP_STATUS_BY_CODE } from "@image-studio/shared";

/** The one error type services throw; `onError` turns it into the shared error body. */
export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
  get status(): number {
    return HTTP_STATUS_BY_CODE[this.code];
  }
}

export const notFound = (what = "Resource") => new AppError("NOT_FOUND", `${what} not found`);
export const badRequest = (message: string, details?: unknown) => new AppError("BAD_REQUEST", message, details);
export const unauthorized = (message = "Sign in to continue") => new AppError("UNAUTHORIZED", message);
