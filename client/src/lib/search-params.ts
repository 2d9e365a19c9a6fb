/**
 * URL search params for a route's `validateSearch`, without zod. Route configs load with the app entry, and zod
 * there cost 23 KB brotli of the first visit's 120 KB (docs/decisions/performance.md); forms and API contracts keep
 * zod, which loads with the screens that use it. Every field is optional and forgiving, like zod's
 * `.optional().catch(undefined)`: a value that does not fit is dropped (the page opens without it), never an error.
 * The router JSON-parses values first, so `?n=3` arrives as a number and `?on=true` as a boolean.
 */
export type Field<T> = (value: unknown) => T | undefined;
type Shape = Record<string, Field<unknown>>;
export type SearchOf<S extends Shape> = { [K in keyof S]?: S[K] extends Field<infer T> ? T : never };

/** The route's `validateSearch`: each field of the shape read from the URL, the ones that do not fit left out. */
export function searchParams<S extends Shape>(shape: S): (search: Record<string, unknown>) => SearchOf<S> {
  return (search) => {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(shape)) {
      const value = search[key] === undefined ? undefined : shape[key]!(search[key]);
      if (value !== undefined) out[key] = value;
    }
    return out as SearchOf<S>;
  };
}

/** A string of at most `max` characters (any length by default), optionally matching `pattern`. */
export const text =
  (max = Number.POSITIVE_INFINITY, pattern?: RegExp): Field<string> =>
  (v) =>
    typeof v === "string" && v.length <= max && (!pattern || pattern.test(v)) ? v : undefined;

/** Like `text`, but a number or boolean the router parsed from the URL is taken back as its text (`?prompt=42`). */
export const looseText =
  (max: number): Field<string> =>
  (v) =>
    text(max)(typeof v === "number" || typeof v === "boolean" ? String(v) : v);

/** One of the listed strings. */
export const oneOf =
  <const T extends readonly string[]>(values: T): Field<T[number]> =>
  (v) =>
    (values as readonly unknown[]).includes(v) ? (v as T[number]) : undefined;

/** A UUID (zod's `z.uuid()`: RFC 9562 versions 1–8, or the nil and max UUIDs). */
const UUID = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;
export const uuid: Field<string> = (v) => text(36, UUID)(v);

/** A calendar date `YYYY-MM-DD` that exists (zod's `z.iso.date()`). */
const DATE =
  /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))$/;
export const isoDate: Field<string> = (v) => text(10, DATE)(v);

export const flag: Field<boolean> = (v) => (typeof v === "boolean" ? v : undefined);

/** A finite number in [min, max]; `integer` refuses fractions; `coerce` also takes numeric text (`z.coerce.number()`). */
export const num =
  (opts: { min?: number; max?: number; integer?: boolean; coerce?: boolean } = {}): Field<number> =>
  (v) => {
    const n = opts.coerce && typeof v !== "number" ? Number(v) : v;
    if (typeof n !== "number" || !Number.isFinite(n)) return undefined;
    if ((opts.min !== undefined && n < opts.min) || (opts.max !== undefined && n > opts.max) || (opts.integer && !Number.isInteger(n))) return undefined;
    return n;
  };

/** An array of at most `max` items, each fitting `item` (one that does not drops the whole list, as zod would). */
export const list =
  <T>(item: Field<T>, max: number): Field<T[]> =>
  (v) => {
    if (!Array.isArray(v) || v.length > max) return undefined;
    const out = v.map(item);
    return out.every((x) => x !== undefined) ? (out as T[]) : undefined;
  };

/** A JSON object, given as an object or as its JSON text. */
export const jsonObject: Field<Record<string, unknown>> = (v) => {
  let value = v;
  if (typeof v === "string") {
    try {
      value = JSON.parse(v) as unknown;
    } catch {
      return undefined;
    }
  }
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
};
