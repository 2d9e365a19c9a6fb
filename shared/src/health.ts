import { z } from "zod";

export const componentHealthSchema = z.object({
  ok: z.boolean(),
  kind: z.string(),
  detail: z.string().optional(),
  latencyMs: z.number().optional(),
});

export const healthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  version: z.string(),
  uptimeSeconds: z.number(),
  database: componentHealthSchema,
  storage: componentHealthSchema,
  imageEngine: componentHealthSchema.extend({ label: z.string() }),
  mail: componentHealthSchema,
});
export type Health = z.infer<typeof healthSchema>;
