/**
 * The API's messages in the reader's language. Services throw `AppError(code, msg("key", params))`; the English
 * text is rendered at once (logs, tests), and `onError` renders the same key in the request's language
 * (`requestLanguage`). Parameters that are themselves words of ours (a job's status, an operation) are `msg(…)`
 * too and are rendered in the same language; proper names (models, handles, emails) are plain strings.
 */
import { translateValidationMessage } from "@image-studio/shared/validation-catalogs";
import { createInstance } from "i18next";
import de from "./locales/de/api.json";
import en from "./locales/en/api.json";
import es from "./locales/es/api.json";

export const API_CATALOGS = { en, de, es } as const;
export type ApiLanguageId = keyof typeof API_CATALOGS;

type Leaves<T, P extends string = ""> = { [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`> }[keyof T & string];
/** Every key of the English catalog; plural keys are named without their `_one`/`_other` suffix. */
export type ApiKey = Leaves<typeof en> extends infer K ? (K extends `${infer B}_${"one" | "other"}` ? B : K) : never;

export type ApiParam = string | number | ApiText | CheckText;
export type ApiParams = Record<string, ApiParam>;

/** A message of ours: a catalog key and its parameters, rendered in any language on demand. */
export class ApiText {
  constructor(
    readonly key: ApiKey,
    readonly params?: ApiParams,
  ) {}
  render(language: string = "en"): string {
    return renderApi(language, this.key, this.params);
  }
  toString(): string {
    return this.render("en");
  }
  toJSON(): string {
    return this.render("en");
  }
}

/**
 * A shared check's message (parameter ranges, template syntax, batch rows… from shared/): English as the check wrote
 * it, rendered in another language from the shared `validation` catalog (found by its text; other text stays).
 */
export class CheckText {
  constructor(readonly english: string) {}
  render(language: string = "en"): string {
    return translateValidationMessage(this.english, language);
  }
  toString(): string {
    return this.english;
  }
  toJSON(): string {
    return this.english;
  }
}

/** `check(result.issues[0].message)`: a shared check's message, passed on in the reader's language. */
export const check = (english: string) => new CheckText(english);

/** `msg("jobs.notFound")`, `msg("jobs.alreadyIn", { status: msg("jobStatus.done") })`. */
export const msg = (key: ApiKey, params?: ApiParams) => new ApiText(key, params);

const i18n = createInstance();
void i18n.init({
  resources: Object.fromEntries(Object.entries(API_CATALOGS).map(([lng, api]) => [lng, { api }])),
  lng: "en",
  fallbackLng: "en",
  ns: ["api"],
  defaultNS: "api",
  // JSON answers, not HTML: the client escapes what it shows.
  interpolation: { escapeValue: false },
  initAsync: false,
});

const fixedTs = new Map<string, (key: string, vars: object) => unknown>();

export function renderApi(language: string, key: ApiKey, params?: ApiParams): string {
  const lng = Object.hasOwn(API_CATALOGS, language) ? language : "en";
  let fixed = fixedTs.get(lng);
  if (!fixed) {
    // Loosely typed on purpose (see mail.ts): ApiKey types the keys here.
    fixed = i18n.getFixedT(lng) as unknown as (key: string, vars: object) => unknown;
    fixedTs.set(lng, fixed);
  }
  const vars: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params ?? {})) vars[k] = v instanceof ApiText || v instanceof CheckText ? v.render(lng) : v;
  return String(fixed(key, vars));
}

/** A copy of `value` with every ApiText in it (nested in objects and arrays) rendered in `language`. */
export function renderDeep(value: unknown, language: string): unknown {
  if (value instanceof ApiText || value instanceof CheckText) return value.render(language);
  if (Array.isArray(value)) return value.map((v) => renderDeep(v, language));
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renderDeep(v, language)]));
  }
  return value;
}

/** Text of ours, a shared check's message, or text passed on as it came (a provider's words). */
export type ApiMessage = ApiText | CheckText | string;
export const renderMessage = (m: ApiMessage, language: string) => (typeof m === "string" ? m : m.render(language));

/** The images a request names, as messages call them ("Style image not found", "Style image is a video…"). */
export type ImageRole = keyof (typeof en)["thing"];

/** What `notFound(…)` names: the keys of `notFound` in the api catalog. */
export type NotFoundThing = keyof (typeof en)["notFound"];
