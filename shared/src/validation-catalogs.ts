/**
 * Every language's `validation` catalog, for the server (API answers in the request's language) and tests. Not
 * exported from the package's index: the client loads a language's catalog as its own chunk (client/src/i18n).
 */
import de from "./locales/de/validation.json";
import en from "./locales/en/validation.json";
import es from "./locales/es/validation.json";
import { flattenCatalog } from "./i18n-catalog";
import { interpolate, localizeValidationMessage } from "./validation-messages";

export const VALIDATION_CATALOGS = { en, de, es } as const;

const flat = new Map(Object.entries(VALIDATION_CATALOGS).map(([lng, catalog]) => [lng, flattenCatalog(catalog)]));

/** A validation message (a schema's English text) in `language`; other texts and unknown languages as they are. */
export function translateValidationMessage(message: string, language: string): string {
  const catalog = flat.get(language);
  if (!catalog || language === "en") return message;
  return localizeValidationMessage(message, (key, vars) => {
    const template = catalog.get(key);
    return template === undefined ? undefined : interpolate(template, vars);
  });
}
