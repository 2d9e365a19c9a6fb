/**
 * The build-time half of the landing page, loaded by plugin.ts through Vite's module runner (an SSR load:
 * TypeScript/JSX transformed, node_modules left to Node). Not bundled for the browser.
 */
import { CATALOG } from "@image-studio/shared";
import { renderSketchRaw } from "../../../server/src/providers/local/text-to-image";
import { CONTROL_MODELS } from "../../../shared/src/catalog-control";
import type { LandingModel } from "../types";

/** Guided variants (ControlNet / image prompts) are listed in the price table, not as carousel cards. */
const GUIDED = new Set(CONTROL_MODELS.map((m) => m.id));

export { renderLanding } from "../render";

/** The catalog, trimmed to what the model carousel and the price table show. */
export function landingModels(): LandingModel[] {
  return CATALOG.filter((m) => !m.successor).map((m) => ({
    id: m.id,
    provider: m.provider,
    displayName: m.displayName,
    description: m.description,
    bestFor: [...m.bestFor],
    speed: m.speed,
    quality: m.quality,
    credits: m.pricing.credits,
    unit: m.pricing.unit,
    priceConfirmed: m.pricing.priceConfirmed,
    generates: m.operations.includes("text-to-image") && !GUIDED.has(m.id),
    ...(m.docsUrl ? { docsUrl: m.docsUrl } : {}),
  }));
}

/** The local sketch engine (deterministic, non-AI): RGBA pixels for a prompt and a seed. */
export function renderSketch(params: { prompt: string; seed: number; width: number; height: number }) {
  return renderSketchRaw(params);
}
