import type { ImageProvider } from "./types";

/** Picks the engine for a model id: `local/…` → the local engine, anything else → fal.ai (when configured). */
export class ProviderRegistry {
  constructor(
    readonly local: ImageProvider,
    readonly fal: ImageProvider | undefined,
  ) {}

  forModel(modelId: string): ImageProvider {
    if (modelId.startsWith("local/")) return this.local;
    if (this.fal) return this.fal;
    return this.local; // availability() on the local engine explains why a fal model cannot run
  }

  byId(id: string): ImageProvider | undefined {
    return id === "local" ? this.local : id === "fal" ? this.fal : undefined;
  }

  availability(modelId: string) {
    if (!modelId.startsWith("local/") && !this.fal) {
      return { available: false as const, reason: "Needs a fal.ai key (FAL_KEY). Without one, use the local sketch engine." };
    }
    return this.forModel(modelId).availability(modelId);
  }
}
