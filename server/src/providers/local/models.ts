import type { Operation } from "../types";

export interface LocalModelInfo {
  id: `local/${string}`;
  description: string;
  operations: readonly Operation[];
}

/** The model ids the local sketch engine serves. Not AI: procedural pictures and classic image processing. */
export const LOCAL_MODELS = [
  {
    id: "local/sketch",
    description:
      "Procedural sketch from the prompt's words and the seed; also image-to-image, variations and style transfer.",
    operations: ["text-to-image", "image-to-image", "variation", "style-transfer"],
  },
  {
    id: "local/sketch-fast",
    description: "The same sketches with fewer shapes and no grain, for instant previews.",
    operations: ["text-to-image", "image-to-image", "variation", "style-transfer"],
  },
  {
    id: "local/inpaint",
    description:
      "Repaints the masked area or extends the canvas, blending sketch content with the surrounding colours.",
    operations: ["inpaint", "outpaint"],
  },
  {
    id: "local/upscale",
    description: "Lanczos enlargement (2–4× per pass) with a light sharpen.",
    operations: ["upscale"],
  },
  {
    id: "local/remove-background",
    description: "Cuts out plain, evenly coloured backgrounds by colour distance and a flood fill from the edges.",
    operations: ["remove-background"],
  },
  {
    id: "local/animate",
    description: "Moves a virtual camera (zoom, pan, drift) over the image and encodes the frames as an animated WebP.",
    operations: ["image-to-video"],
  },
] as const satisfies readonly LocalModelInfo[];

export type LocalModelId = (typeof LOCAL_MODELS)[number]["id"];

/** The `-fast` models draw fewer details. */
export const isFastModel = (modelId: string) => modelId.endsWith("-fast");
