/**
 * The catalog entries. Ranges, defaults and prices follow shared/reference/fal-api.md §5 (fal's model pages and
 * the @fal-ai/client 1.10.1 endpoint types); where fal publishes no firm price, `priceConfirmed` is false.
 */
import type { CatalogModel } from "./catalog-base";
import { CONTROL_MODELS } from "./catalog-control";
import { FLUX_MODELS } from "./catalog-flux";
import { LOCAL_MODELS } from "./catalog-local";
import { SDXL_MODELS } from "./catalog-sdxl";
import { SPECIALISED_MODELS } from "./catalog-specialised";
import { VIDEO_MODELS } from "./catalog-video";

export const MODELS: readonly CatalogModel[] = [
  ...FLUX_MODELS,
  ...CONTROL_MODELS,
  ...SDXL_MODELS,
  ...SPECIALISED_MODELS,
  ...LOCAL_MODELS,
  ...VIDEO_MODELS,
];
