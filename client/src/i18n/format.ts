/**
 * Dates, numbers and relative times in the app's language (and, for dates, the user's time zone: see
 * features/settings/lib/timezone.ts, which makes it every formatter's default). Formatters are cached per
 * language and options, so a gallery of hundreds of tiles builds each once.
 */
import { currentLocale } from "./index";

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(kind: string, options: object, make: (locale: string) => T): T {
  const locale = currentLocale();
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make(locale);
    cache.set(key, f);
  }
  return f;
}

/**
 * Forgets the date formatters made so far: a formatter's time zone is fixed when it is made, so choosing another
 * zone (features/settings/lib/timezone.ts) must not leave dates already shown once formatted in the old one.
 */
export function forgetDateFormatters(): void {
  for (const key of cache.keys()) if (key.startsWith("dt|")) cache.delete(key);
}

type DateInput = string | number | Date;
const toDate = (v: DateInput) => (v instanceof Date ? v : new Date(v));

/** A date and time ("5 Dec 2026, 14:03" in English (UK), "05.12.2026, 14:03" in German…). */
export function formatDateTime(value: DateInput, options: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" }): string {
  return cached("dt", options, (l) => new Intl.DateTimeFormat(l, options)).format(toDate(value));
}

/** A date without the time. */
export const formatDate = (value: DateInput, options: Intl.DateTimeFormatOptions = { dateStyle: "medium" }) => formatDateTime(value, options);

/**
 * A whole number from 0 to 999, with no options, reads the same in every UI language (Latin digits, nothing to
 * group): no formatter is needed for it — making the first one costs 30–80 ms of main thread (see warmFormatters).
 * format.test.ts holds this against Intl for every UI language.
 */
const plainNumber = (value: number, options: Intl.NumberFormatOptions) =>
  Number.isInteger(value) && value >= 0 && value < 1000 && !Object.is(value, -0) && Object.keys(options).length === 0;

/** A number with the language's grouping and decimal marks. */
export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  if (plainNumber(value, options)) return String(value);
  return cached("n", options, (l) => new Intl.NumberFormat(l, options)).format(value);
}

const STEPS: [number, Intl.RelativeTimeFormatUnit][] = [
  [60, "second"],
  [60, "minute"],
  [24, "hour"],
  [30, "day"],
  [12, "month"],
  [Infinity, "year"],
];

/** "3 minutes ago", "in 2 days", "yesterday"… */
export function formatRelative(value: DateInput, now = Date.now()): string {
  const rtf = cached("rt", { numeric: "auto" }, (l) => new Intl.RelativeTimeFormat(l, { numeric: "auto" }));
  let v = (toDate(value).getTime() - now) / 1000;
  for (const [size, unit] of STEPS) {
    if (Math.abs(v) < size) return rtf.format(Math.round(v), unit);
    v /= size;
  }
  return rtf.format(Math.round(v), "year");
}

/**
 * Makes the number formatter every signed-in page's first render uses for the top bar's credit count, when that
 * count needs one (1,000 and more), so that render does not pay for the browser's locale data: the first number or
 * date formatter a page makes loads it, 30–80 ms of main thread in Chromium (a date formatter after it: ≈ 4 ms),
 * inside the app's first render, where a profile of the gallery's first visit found it
 * (docs/decisions/performance.md). Called in a task of its own while the page waits on the network, it costs the
 * render nothing; a count under 1,000 costs nothing at all. (No date formatter here: its time zone is fixed when it
 * is made, and the account's zone may not be applied yet.)
 */
export function warmFormatters(credits: number): void {
  formatNumber(credits);
}
