import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { i18n } from "@/i18n";
import { ApiError } from "./api";

/**
 * Puts a VALIDATION_FAILED answer's field messages under the matching fields; returns the message to show
 * for everything else (null when every issue landed on a field).
 */
export function applyServerErrors<T extends FieldValues>(
  err: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): string | null {
  if (!(err instanceof ApiError)) return err instanceof Error ? err.message : i18n.t("common:errors.generic");
  const byField = err.fieldErrors();
  let placed = 0;
  for (const [path, message] of Object.entries(byField)) {
    if ((fields as readonly string[]).includes(path)) {
      setError(path as Path<T>, { type: "server", message });
      placed++;
    }
  }
  return placed > 0 && placed === Object.keys(byField).length ? null : err.message;
}

/** Better Auth's reason code behind an error (e.g. EMAIL_NOT_VERIFIED), when the server sent one. */
export function errorReason(err: unknown): string | undefined {
  return err instanceof ApiError ? (err.details as { reason?: string } | undefined)?.reason : undefined;
}
