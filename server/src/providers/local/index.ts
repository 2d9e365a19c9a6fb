/** The local sketch engine: the default image engine without a fal.ai key. Not AI — see models.ts. */
export { LocalProvider, type LocalProviderOptions } from "./provider";
export { LOCAL_MODELS, type LocalModelId, type LocalModelInfo } from "./models";
export type { PngImage, RawImage } from "./raster";
export type { SketchParams } from "./plan";
export { renderTextToImage, renderSketchRaw, MIN_SIDE, MAX_SIDE } from "./text-to-image";
export {
  renderImageToImage,
  renderVariation,
  renderInpaint,
  type ImageToImageParams,
  type InpaintParams,
} from "./edit";
export { renderOutpaint, type Extend } from "./outpaint";
export { renderUpscale, renderStyleTransfer } from "./utility";
export { renderRemoveBackground } from "./remove-background";
export { type PromptParams, MAX_EDIT_SIDE } from "./sketch-canvas";
