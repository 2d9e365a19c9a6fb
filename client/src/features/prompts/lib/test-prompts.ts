import type { Prompt } from "@image-studio/shared";

/** Test data: a saved prompt with sensible defaults. */
export function makePrompt(n: number, over: Partial<Prompt> = {}): Prompt {
  return {
    id: `${n.toString(16).padStart(8, "0")}-0000-4000-8000-000000000000`,
    title: `Prompt ${n}`,
    promptText: `prompt text ${n}`,
    negativePrompt: "",
    category: null,
    tags: [],
    isFavorite: false,
    isTemplate: false,
    variables: {},
    isPublic: false,
    exampleImageId: null,
    usageCount: 0,
    lastUsedAt: null,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: `2026-01-${String(n).padStart(2, "0")}T00:00:00.000Z`,
    version: n,
    ...over,
  };
}
