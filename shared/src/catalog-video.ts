/**
 * Image-to-video models. Fields and prices from fal's model pages (checked 2026-12):
 * fal-ai/kling-video/v2.1/standard/image-to-video — prompt, image_url, duration "5" | "10", negative_prompt,
 * cfg_scale 0..1 (default 0.5); $0.28 for 5 s and $0.056 per extra second, i.e. $0.056 per second; output
 * `video: { url, content_type, file_name, file_size }` (MP4).
 */
import type { CatalogModel, ParamSpec } from "./catalog-base";

const videoDuration = (options: readonly number[], def: number): ParamSpec => ({
  key: "duration",
  label: "Duration (seconds)",
  type: "int",
  min: Math.min(...options),
  max: Math.max(...options),
  step: 1,
  options,
  default: def,
  description: "Length of the video. Longer videos cost more.",
  operations: ["image-to-video"],
});

export const LOCAL_MOTIONS = ["zoom-in", "zoom-out", "pan-left", "pan-right", "drift"] as const;
export type LocalMotion = (typeof LOCAL_MOTIONS)[number];

export const VIDEO_MODELS: CatalogModel[] = [
  {
    id: "fal-ai/kling-video/v2.1/standard/image-to-video",
    provider: "fal",
    displayName: "Kling 2.1 (standard) image-to-video",
    description: "Kuaishou's Kling 2.1: turns a still into a 5 or 10 second MP4 clip with natural motion, guided by a prompt.",
    category: "specialized",
    version: "2.1-standard",
    operations: ["image-to-video"],
    endpoints: { "image-to-video": "fal-ai/kling-video/v2.1/standard/image-to-video" },
    sizeMode: "none",
    sizeLimits: { min: 300, max: 8192, multipleOf: 1 },
    supportsNegativePrompt: true,
    maxImages: 1,
    pricing: {
      unit: "second",
      credits: 56,
      priceConfirmed: true,
      note: "fal: $0.28 for a 5 s video and $0.056 for every additional second.",
    },
    speed: 1,
    quality: 4,
    bestFor: ["animating a still", "short clips", "social posts"],
    recommended: { tip: "Describe the motion, not the picture: “camera slowly pushes in, hair moves in the wind”." },
    docsUrl: "https://fal.ai/models/fal-ai/kling-video/v2.1/standard/image-to-video",
    params: [
      videoDuration([5, 10], 5),
      {
        key: "guidanceScale",
        label: "Prompt adherence",
        type: "float",
        min: 0,
        max: 1,
        step: 0.05,
        default: 0.5,
        advanced: true,
        description: "Kling's cfg_scale: how closely the motion follows the prompt.",
      },
    ],
  },
  {
    id: "local/animate",
    provider: "local",
    displayName: "Local animate",
    description:
      "Local engine — not AI: moves a virtual camera over your image (zoom or pan) and encodes the frames as an animated WebP, on this server.",
    category: "local",
    version: "1.0",
    operations: ["image-to-video"],
    endpoints: {},
    sizeMode: "none",
    sizeLimits: { min: 16, max: 4096, multipleOf: 1 },
    supportsNegativePrompt: false,
    maxImages: 1,
    pricing: {
      unit: "image",
      credits: 1,
      priceConfirmed: true,
      note: "Runs on this server at no fal.ai cost; one nominal credit per video keeps usage limits meaningful.",
    },
    speed: 4,
    quality: 1,
    bestFor: ["trying animation offline", "subtle motion loops"],
    recommended: {},
    params: [
      videoDuration([1, 2, 3, 4], 2),
      {
        key: "motion",
        label: "Motion",
        type: "enum",
        options: LOCAL_MOTIONS,
        default: "zoom-in",
        description: "The camera move: zoom in or out, pan left or right, or a gentle drift.",
        operations: ["image-to-video"],
      },
      {
        key: "fps",
        label: "Frames per second",
        type: "int",
        min: 4,
        max: 15,
        step: 1,
        default: 8,
        advanced: true,
        description: "More frames are smoother and larger.",
        operations: ["image-to-video"],
      },
    ],
  },
];
