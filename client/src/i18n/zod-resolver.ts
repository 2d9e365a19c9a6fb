/**
 * The forms' zod resolver, in the app's language: every form uses this one instead of @hookform/resolvers' own.
 * zod's built-in messages come from zod's locale for the language (a parse option, so a schema's own message still
 * wins), and a schema's own messages — English texts of the shared `validation` catalog — are looked up by key.
 * The language is read at each validation, so a form already on screen follows a language switch.
 */
import { zodResolver as baseResolver } from "@hookform/resolvers/zod";
import { localizeValidationMessage, zodLocaleError } from "@image-studio/shared";
import type { FieldErrors, FieldValues, ResolverResult } from "react-hook-form";
import { currentLocale, i18n, loadNamespaces } from "./index";

/** Each `message` in a (nested) FieldErrors tree, in the app's language; `ref` (a DOM node) is left alone. */
function localizeErrors(node: Record<string, unknown>, translate: (message: string) => string): void {
  for (const [key, value] of Object.entries(node)) {
    if (key === "ref") continue;
    if (key === "message" && typeof value === "string") node.message = translate(value);
    else if (value && typeof value === "object") localizeErrors(value as Record<string, unknown>, translate);
  }
}

/**
 * A message of the shared `validation` catalog (a schema's, or a shared check's: parameter ranges, prompt and
 * template syntax, batch rows) in the app's language; any other text as it is.
 */
export const translateMessage = (message: string) =>
  localizeValidationMessage(message, (key, vars) => {
    // The key is only known at run time (looked up from the English text), so i18next cannot type it.
    const text = (i18n.t as (key: string, vars?: object) => string)(`validation:${key}`, vars);
    return text === `validation:${key}` || text === key ? undefined : text;
  });

export const zodResolver: typeof baseResolver = ((schema: Parameters<typeof baseResolver>[0], schemaOptions?: object, resolverOptions?: object) =>
  async (values: FieldValues, context: unknown, options: Parameters<ReturnType<typeof baseResolver>>[2]) => {
    const language = currentLocale();
    const error = zodLocaleError(language);
    const resolve = (baseResolver as (...args: unknown[]) => (...a: unknown[]) => Promise<ResolverResult<FieldValues>>)(
      schema,
      error ? { ...schemaOptions, error } : schemaOptions,
      resolverOptions,
    );
    const result = await resolve(values, context, options);
    if (language !== "en") {
      await loadNamespaces(["validation"]); // its own chunk; a form's first error in another language waits for it once
      localizeErrors(result.errors as FieldErrors as Record<string, unknown>, translateMessage);
    }
    return result;
  }) as typeof baseResolver;
