import { type ErrorCode, HTTP_STATUS_BY_CODE } from "@image-studio/shared";
import { type ApiMessage, msg, type NotFoundThing, renderDeep, renderMessage } from "../i18n/api";

export type { NotFoundThing };

/**
 * The one error type services throw; `onError` turns it into the shared error body. The message (and any
 * `msg(…)` in the details, such as issue messages) is a catalog key: `message` and `details` hold the English
 * text, `localized(language)` renders both in the reader's language.
 */
export class AppError extends Error {
  override name = "AppError";
  readonly text: ApiMessage;
  readonly details?: unknown;
  private readonly sourceDetails?: unknown;
  constructor(
    readonly code: ErrorCode,
    message: ApiMessage,
    details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(renderMessage(message, "en"));
    this.text = message;
    this.sourceDetails = details;
    this.details = renderDeep(details, "en");
  }
  get status(): number {
    return HTTP_STATUS_BY_CODE[this.code];
  }
  localized(language: string): { message: string; details?: unknown } {
    return { message: renderMessage(this.text, language), details: renderDeep(this.sourceDetails, language) };
  }
}

export const notFound = (what: NotFoundThing = "resource") => new AppError("NOT_FOUND", msg(`notFound.${what}`));
export const badRequest = (message: ApiMessage, details?: unknown) => new AppError("BAD_REQUEST", message, details);
export const unauthorized = (message: ApiMessage = msg("auth.signIn")) => new AppError("UNAUTHORIZED", message);
