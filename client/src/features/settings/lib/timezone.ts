/**
 * The user's time zone for every date the app shows. Date formatting across the app goes through
 * `toLocale*String` and `Intl.DateTimeFormat`; once a zone is chosen they default to it (a call that names its own
 * `timeZone` keeps it). "auto" means this device's zone.
 */
import { forgetDateFormatters } from "@/i18n/format";

const KEY = "time-zone";

export const getTimeZoneSetting = (): string => (typeof localStorage === "undefined" ? "auto" : (localStorage.getItem(KEY) ?? "auto"));

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const deviceTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Zones offered in settings (the runtime's list, or a short fallback). */
export function timeZones(): string[] {
  const all = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.("timeZone");
  return all?.length ? all : ["UTC", "Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles", "Asia/Tokyo", "Australia/Sydney"];
}

let active: string | undefined;
let patched = false;

function patch() {
  if (patched) return;
  patched = true;
  const Original = Intl.DateTimeFormat;
  const withZone = (o?: Intl.DateTimeFormatOptions) => (active && !o?.timeZone ? { ...o, timeZone: active } : o);
  const Patched = function (this: unknown, locales?: string | string[], options?: Intl.DateTimeFormatOptions) {
    return new Original(locales, withZone(options));
  } as unknown as typeof Intl.DateTimeFormat;
  Object.defineProperty(Patched, "prototype", { value: Original.prototype });
  Object.defineProperty(Patched, "supportedLocalesOf", { value: Original.supportedLocalesOf.bind(Original) });
  Intl.DateTimeFormat = Patched;
  const proto = Date.prototype;
  const { toLocaleString, toLocaleDateString, toLocaleTimeString } = proto;
  proto.toLocaleString = function (l?: string | string[], o?: Intl.DateTimeFormatOptions) {
    return toLocaleString.call(this, l, withZone(o));
  };
  proto.toLocaleDateString = function (l?: string | string[], o?: Intl.DateTimeFormatOptions) {
    return toLocaleDateString.call(this, l, withZone(o));
  };
  proto.toLocaleTimeString = function (l?: string | string[], o?: Intl.DateTimeFormatOptions) {
    return toLocaleTimeString.call(this, l, withZone(o));
  };
}

/** Applies (and remembers on this device) the zone; "auto" follows the device. */
export function applyTimeZone(tz: string = getTimeZoneSetting()) {
  if (typeof localStorage !== "undefined") localStorage.setItem(KEY, tz);
  const next = tz !== "auto" && isValidTimeZone(tz) ? tz : undefined;
  if (next !== active) forgetDateFormatters(); // made with the old zone
  active = next;
  if (active) patch();
}
