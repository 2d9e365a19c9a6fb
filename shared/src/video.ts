/**
 * Animation: image-to-video (POST /api/images/:id/animate) and saving a frame of a video as a new image
 * (POST /api/images/:id/frames). Videos are rows of `images` with mediaType "video" (docs/decisions/video.md).
 */
import { z } from "zod";
import { LOCAL_MOTIONS } from "./catalog-video";
import { LIMITS } from "./limits";
import { vm } from "./validation-messages";

export { LOCAL_MOTIONS, type LocalMotion } from "./catalog-video";
export { formatDuration } from "./format-duration";

const clientId = z
  .string()
  .min(8)
  .max(128)
  .regex(/^[A-Za-z0-9._:-]+$/, "use letters, digits and . _ : - only");

export const animateRequestSchema = z.object({
  /** Describe the motion ("camera slowly pushes in"); empty keeps the image's own prompt. */
  prompt: z.string().trim().max(LIMITS.promptMaxLength).optional(),
  negativePrompt: z.string().max(LIMITS.negativePromptMaxLength).optional(),
  /** Seconds; each model lists the lengths it makes (Kling: 5 or 10; local: 1–4). */
  duration: z.number(vm("generation.durationNumber")).int(vm("generation.wholeSeconds")).min(1).max(10).optional(),
  /** Local engine camera move. */
  motion: z.enum(LOCAL_MOTIONS).optional(),
  modelId: z.string().min(1).optional(),
  clientId: clientId.optional(),
  projectId: z.uuid().nullish(),
  lockSeed: z.boolean().default(false),
});
export type AnimateRequest = z.input<typeof animateRequestSchema>;

export const frameRequestSchema = z.object({
  /** Where in the video, in seconds from the start. */
  timeSeconds: z.number(vm("generation.timeNumber")).min(0, vm("generation.timeFromZero")).max(3600),
  /**
   * MP4 videos: the frame as the browser decoded it (an upload of purpose "source"); the server has no MP4
   * decoder. Animated WebP videos are cut on the server and need none.
   */
  uploadId: z.uuid().optional(),
  /** Makes a retried save idempotent: the same clientId returns the frame saved the first time. */
  clientId: clientId.optional(),
});
export type FrameRequest = z.input<typeof frameRequestSchema>;

/** The frame of an animated WebP shown at `timeSeconds`, given each frame's delay in ms (loops past the end). */
export function frameIndexAt(delays: readonly number[], timeSeconds: number): number {
  if (!delays.length) return 0;
  const total = delays.reduce((a, b) => a + Math.max(1, b), 0);
  let t = Math.min(Math.max(0, timeSeconds * 1000), total - 1e-6);
  for (let i = 0; i < delays.length; i++) {
    t -= Math.max(1, delays[i]!);
    if (t < 0) return i;
  }
  return delays.length - 1;
}
