/**
 * What an error says, down its `cause` chain, with the fields PostgreSQL puts on its errors (code, detail,
 * constraint…). Drizzle wraps a failed statement as "Failed query: …" with the database's own error as the cause,
 * so logging only the outer message hides why the statement failed.
 */
const DB_FIELDS = ["code", "severity", "detail", "hint", "constraint", "table", "column", "schema", "where"] as const;

export interface ErrorDetails {
  name: string;
  message: string;
  stack?: string;
  [field: string]: unknown;
  cause?: ErrorDetails;
}

export function errorDetails(err: unknown, depth = 0): ErrorDetails {
  if (!(err instanceof Error)) return { name: typeof err, message: String(err) };
  const out: ErrorDetails = { name: err.name, message: err.message };
  if (depth === 0) out.stack = err.stack;
  const fields = err as unknown as Record<string, unknown>;
  for (const key of DB_FIELDS) if (fields[key] !== undefined && fields[key] !== "") out[key] = fields[key];
  if (err.cause !== undefined && depth < 5) out.cause = errorDetails(err.cause, depth + 1);
  return out;
}

/** One readable line: the outer message, then each cause with its database code and detail. */
export function describeError(err: unknown): string {
  const parts: string[] = [];
  for (let d: ErrorDetails | undefined = errorDetails(err); d; d = d.cause) {
    const extra = [
      d.code && `code ${String(d.code)}`,
      d.detail && String(d.detail),
      d.constraint && `constraint ${String(d.constraint)}`,
    ].filter(Boolean);
    parts.push(`${d.message.split("\n")[0]}${extra.length ? ` (${extra.join("; ")})` : ""}`);
  }
  return parts.join(" ← caused by: ");
}
