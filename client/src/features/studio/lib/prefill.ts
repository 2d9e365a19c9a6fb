/** Search params the studio accepts (?prompt=…&negativePrompt=…&modelId=…&parameters={…}&projectId=…). */
import { jsonObject, looseText, searchParams, type SearchOf, uuid } from "@/lib/search-params";

const studioSearch = {
  prompt: looseText(4000),
  negativePrompt: looseText(2000),
  modelId: looseText(200),
  /** TanStack Router JSON-parses search values, so `parameters` may arrive as an object or as a JSON string. */
  parameters: jsonObject,
  projectId: uuid,
  /** The saved prompt or template the link came from (its use is counted when a generation is made). */
  promptId: uuid,
};
export const studioSearchSchema = searchParams(studioSearch);
export type StudioSearch = SearchOf<typeof studioSearch>;

export const hasPrefill = (s: StudioSearch) => Boolean(s.prompt || s.negativePrompt || s.modelId || s.parameters || s.projectId);
