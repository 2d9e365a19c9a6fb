/** Search params the studio accepts (?prompt=…&negativePrompt=…&modelId=…&parameters={…}&projectId=…). */
import { z } from "zod";

const text = (max: number) =>
  z.preprocess((v) => (v === undefined || v === null ? undefined : typeof v === "string" ? v : String(v)), z.string().max(max).optional()).catch(undefined);

/** TanStack Router JSON-parses search values, so `parameters` may arrive as an object or as a JSON string. */
const parametersParam = z
  .preprocess((v) => {
    if (typeof v !== "string") return v;
    try {
      return JSON.parse(v) as unknown;
    } catch {
      return undefined;
    }
  }, z.record(z.string(), z.unknown()).optional())
  .catch(undefined);

export const studioSearchSchema = z.object({
  prompt: text(4000),
  negativePrompt: text(2000),
  modelId: text(200),
  parameters: parametersParam,
  projectId: z.uuid().optional().catch(undefined),
  /** The saved prompt or template the link came from (its use is counted when a generation is made). */
  promptId: z.uuid().optional().catch(undefined),
});
export type StudioSearch = z.infer<typeof studioSearchSchema>;

export const hasPrefill = (s: StudioSearch) => Boolean(s.prompt || s.negativePrompt || s.modelId || s.parameters || s.projectId);
