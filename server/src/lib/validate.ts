import { zValidator } from "@hono/zod-validator";
import { zodLocaleError } from "@image-studio/shared";
import { translateValidationMessage } from "@image-studio/shared/validation-catalogs";
import type { Context, ValidationTargets } from "hono";
import type { ZodError, ZodType } from "zod";
import type { AppEnv } from "../context";
import { requestLanguage } from "../i18n/request";

/** What each validator checks, so the OpenAPI document can be generated from the route table (modules/openapi). */
export const validatorSchemas = new WeakMap<object, { target: keyof ValidationTargets; schema: ZodType }>();

/**
 * The failure in the request's language: zod's own messages from zod's locale (a second parse, only for a failed
 * request in another language than English), the schemas' messages from the `validation` catalog by key.
 */
async function localized(schema: ZodType, data: unknown, error: ZodError, c: Context<AppEnv>): Promise<ZodError> {
  const language = requestLanguage(c);
  if (language === "en") return error;
  const again = await schema.safeParseAsync(data, { error: zodLocaleError(language) });
  const failed = again.success ? error : again.error;
  // zod types issues as read-only; these are this request's own, made by the parse above.
  for (const issue of failed.issues as { message: string }[]) issue.message = translateValidationMessage(issue.message, language);
  return failed;
}

/**
 * Request validation with the shared zod contracts. Failures are thrown so the one error handler answers
 * with `VALIDATION_FAILED` and field details, like every other error, in the request's language.
 */
export function validate<Target extends keyof ValidationTargets, Schema extends ZodType>(target: Target, schema: Schema) {
  const mw = zValidator(target, schema, async (result, c) => {
    if (!result.success) throw await localized(schema, result.data, result.error as unknown as ZodError, c as Context<AppEnv>);
  });
  validatorSchemas.set(mw, { target, schema });
  return mw;
}
