/** Reusable parameter specs for the catalog entries (ranges per model are passed in). */
import { type Operation, type ParamSpec, SAMPLERS, STYLE_PRESETS } from "./catalog-base";

export const steps = (min: number, max: number, def: number, extra: Partial<ParamSpec> = {}): ParamSpec => ({
  key: "steps",
  label: "Steps",
  type: "int",
  min,
  max,
  step: 1,
  default: def,
  description: "Denoising steps. More steps are slower and usually add detail; past the default the gain is small.",
  ...extra,
});

export const guidance = (min: number, max: number, def: number, extra: Partial<ParamSpec> = {}): ParamSpec => ({
  key: "guidanceScale",
  label: "Guidance",
  type: "float",
  min,
  max,
  step: 0.1,
  default: def,
  description: "How strictly the image follows the prompt. Higher is more literal but can look harsher.",
  ...extra,
});

export const strength = (
  def: number,
  operations: readonly Operation[] = ["image-to-image"],
  min = 0.01,
): ParamSpec => ({
  key: "strength",
  label: "Strength",
  type: "float",
  min,
  max: 1,
  step: 0.01,
  default: def,
  description: "How far to move away from the source image: low keeps its layout, 1 nearly ignores it.",
  operations,
});

export const acceleration = (options: readonly string[]): ParamSpec => ({
  key: "acceleration",
  label: "Acceleration",
  type: "enum",
  options,
  default: "none",
  advanced: true,
  description: "Faster generation at a small cost in quality.",
});

export const outputFormat = (options: readonly string[] = ["jpeg", "png"], def = "jpeg"): ParamSpec => ({
  key: "outputFormat",
  label: "Output format",
  type: "enum",
  options,
  default: def,
  advanced: true,
  description: "File format the engine returns. PNG is lossless and larger.",
});

export const safetyChecker: ParamSpec = {
  key: "enableSafetyChecker",
  label: "Safety checker",
  type: "boolean",
  default: true,
  advanced: true,
  description: "Blank out images the engine's NSFW checker flags.",
};

export const safetyTolerance: ParamSpec = {
  key: "safetyTolerance",
  label: "Safety tolerance",
  type: "enum",
  options: ["1", "2", "3", "4", "5", "6"],
  default: "2",
  advanced: true,
  description: "1 is the strictest moderation, 6 the most permissive.",
};

export const enhancePrompt: ParamSpec = {
  key: "enhancePrompt",
  label: "Enhance prompt",
  type: "boolean",
  default: false,
  advanced: true,
  description: "Let the engine rewrite the prompt with more detail before generating.",
};

export const expandPrompt = (def: boolean): ParamSpec => ({
  key: "expandPrompt",
  label: "Expand prompt",
  type: "boolean",
  default: def,
  advanced: true,
  description: "Let the engine expand a short prompt into a longer, more descriptive one.",
});

export const loras = (max: number): ParamSpec => ({
  key: "loras",
  label: "LoRAs",
  type: "loras",
  min: 0,
  max,
  default: [],
  advanced: true,
  description:
    "Style or subject add-ons: a public https URL to a .safetensors file or a Hugging Face repo id, each with a weight.",
});

export const stylePreset: ParamSpec = {
  key: "stylePreset",
  label: "Style",
  type: "enum",
  options: Object.keys(STYLE_PRESETS),
  default: "none",
  description: "Adds a style description to the end of the prompt.",
};

export const sampler: ParamSpec = {
  key: "sampler",
  label: "Sampler",
  type: "enum",
  options: SAMPLERS,
  default: "euler",
  advanced: true,
  description: "Sampling method. Changes the character of the result at the same seed.",
};

export const upscaleFactor = (min: number, max: number, def: number, type: "int" | "float" = "float"): ParamSpec => ({
  key: "scale",
  label: "Upscale factor",
  type,
  min,
  max,
  step: type === "int" ? 1 : 0.5,
  default: def,
  description: "How many times larger each side of the result is.",
});
