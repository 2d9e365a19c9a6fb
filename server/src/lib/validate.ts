import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import type { ZodType } from "zod";

/** What each validator checks, so the OpenAPI document can be generated from the route table (modules/openapi). */
export const validatorSchemas = new WeakMap<object, { target: keyof ValidationTargets; schema: ZodType }>();

/**
 * Request validation with the shared zod contracts. Failures are thrown so the one error handler answers
 * with `VALIDATION_FAILED` and field details, like every other error.
 */
export function validate<Target extends keyof ValidationTargets, Schema extends ZodType>(target: Target, schema: Schema) {
  const mw = zValidator(target, schema, (result) => {
    if (!result.success) throw result.error;
  });
  validatorSchemas.set(mw, { target, schema });
  return mw;
}
