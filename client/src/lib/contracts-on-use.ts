/**
 * Contract checks (zod) that modules of the app's entry need only on rare paths — a failed request's error body, the
 * last known session when offline — loaded on use: zod is not in the entry (docs/decisions/performance.md).
 */
export { isErrorBody, meResponseSchema } from "@image-studio/shared";
