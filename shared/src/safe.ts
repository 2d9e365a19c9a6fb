import { z } from "zod";
import { LIMITS } from "./limits";
import { vm } from "./validation-messages";

/**
 * Input-safety helpers shared by the contracts and the server's input guard: text never carries U+0000
 * (PostgreSQL cannot store it), dates stay in a range the database and `Date` both handle, and free-form JSON
 * blobs are bounded in size and depth.
 */

export const NUL_MESSAGE = vm("common.nulCharacter");

/** The path of the first string (or object key) holding U+0000 in a parsed JSON value, or undefined. */
export function findNul(value: unknown, path: (string | number)[] = []): (string | number)[] | undefined {
  if (typeof value === "string") return value.includes("\0") ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findNul(value[i], [...path, i]);
      if (hit) return hit;
    }
    return undefined;
  }
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes("\0")) return [...path, k];
      const hit = findNul(v, [...path, k]);
      if (hit) return hit;
    }
  }
  return undefined;
}

/** Nesting depth of a JSON value (a scalar is 0, `[]` is 1). Iterative, so no input can overflow the stack. */
export function jsonDepth(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (!v || typeof v !== "object") continue;
    max = Math.max(max, d + 1);
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

/** A string without U+0000 — use for every text field a person or client writes. */
export const safeText = () => z.string().refine((s) => !s.includes("\0"), NUL_MESSAGE);

/** Dates the API accepts: from 1970 through 2999 (year 0000 or 9999-12-31 + 1 day break Date/PostgreSQL). */
export const DATE_MIN = "1970-01-01T00:00:00.000Z";
export const DATE_MAX = "2999-12-31T23:59:59.999Z";
const DATE_RANGE_MESSAGE = vm("common.dateRange");
const inDateRange = (s: string) => {
  const t = Date.parse(s);
  return Number.isFinite(t) && t >= Date.parse(DATE_MIN) && t <= Date.parse(DATE_MAX);
};

/** An ISO date-time (with offset) in the accepted range. */
export const safeDateTime = () => z.iso.datetime({ offset: true }).refine(inDateRange, DATE_RANGE_MESSAGE);
/** An ISO date (`2026-05-01`) or date-time in the accepted range. */
export const safeDate = () => z.union([z.iso.datetime({ offset: true }), z.iso.date()]).refine(inDateRange, DATE_RANGE_MESSAGE);

/** Bytes of a string in UTF-8 (no TextEncoder: shared code runs without DOM or Node typings). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 2 : c >= 0xdc00 && c <= 0xdfff ? 2 : 3;
  }
  return n;
}

/** Free-form JSON (settings, model parameters): at most `maxBytes` when serialised and LIMITS.jsonMaxDepth deep. */
export function jsonWithin(maxBytes: number) {
  return <T>(v: T, ctx: z.core.$RefinementCtx<T>) => {
    if (jsonDepth(v) > LIMITS.jsonMaxDepth) ctx.addIssue({ code: "custom", message: vm("common.nestedTooDeeply", { max: LIMITS.jsonMaxDepth }) });
    else if (utf8Length(JSON.stringify(v) ?? "") > maxBytes)
      ctx.addIssue({ code: "custom", message: vm("common.tooLargeKb", { kb: Math.round(maxBytes / 1024) }) });
  };
}
