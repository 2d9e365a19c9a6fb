/**
 * The custom messages of the shared zod schemas, as keys of the `validation` catalog (locales/<lng>/validation.json,
 * the one home of the catalog: the client registers it as a namespace, the server reads it for API answers).
 * A schema writes `vm("account.emailRequired")` and gets the English text, so parsing anywhere (tests, scripts,
 * the server before translation) still yields English. The reader's language is applied afterwards, by message:
 * `localizeValidationMessage` finds the key (and the values of its {{placeholders}}) an English message came from.
 * zod's own messages ("Too small: …") are translated by zod's locales (zodLocaleError).
 */
import en from "./locales/en/validation.json";
import { flattenCatalog, placeholdersOf } from "./i18n-catalog";

type Leaves<T, P extends string = ""> = { [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`> }[keyof T & string];
export type ValidationKey = Leaves<typeof en>;
export type MessageVars = Record<string, string | number>;

const english = flattenCatalog(en);

/** `{{name}}` → the value of `name` (i18next's syntax, without formats: the catalog only has plain values). */
export function interpolate(template: string, vars: MessageVars = {}): string {
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** The English text of a validation message, for a schema. */
export function vm(key: ValidationKey, vars?: MessageVars): string {
  const template = english.get(key);
  if (template === undefined) throw new Error(`No validation message ${key}`);
  return interpolate(template, vars);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Each English message as a pattern; fixed texts first, so a placeholder never swallows a text that has its own key.
 * Built on the first lookup, not at import: ≈ 550 RegExps that every page loading a schema would otherwise pay for
 * at start-up (the sign-in page's boot, docs/decisions/performance.md), though only a failed validation reads them.
 */
let patterns: { key: ValidationKey; pattern: RegExp; order: string[]; fixed: boolean }[] | undefined;
const patternsOf = () =>
  (patterns ??= [...english]
    .map(([key, template]) => {
      const names = placeholdersOf(template);
      const source = template.split(/\{\{\s*[\w.]+\s*\}\}/).map(escape).join("(.+?)");
      const order = [...template.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1] ?? "");
      return { key: key as ValidationKey, pattern: new RegExp(`^${source}$`), order, fixed: names.length === 0 };
    })
    .sort((a, b) => Number(b.fixed) - Number(a.fixed)));

/** The key (and placeholder values) of an English validation message; undefined for any other text. */
export function validationKeyOf(message: string): { key: ValidationKey; vars: Record<string, string> } | undefined {
  for (const p of patternsOf()) {
    const m = p.pattern.exec(message);
    if (m) return { key: p.key, vars: Object.fromEntries(p.order.map((name, i) => [name, m[i + 1] ?? ""])) };
  }
  return undefined;
}

/**
 * A message in the reader's language: `translate` gets the key and values when the message is one of the catalog's
 * English texts; any other text (and a translation that comes back empty) stays as it is.
 */
export function localizeValidationMessage(message: string, translate: (key: ValidationKey, vars: Record<string, string>) => string | undefined): string {
  const hit = validationKeyOf(message);
  if (!hit) return message;
  return translate(hit.key, hit.vars) || message;
}
