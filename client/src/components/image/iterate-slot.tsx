import type { Job } from "@image-studio/shared";
import { createContext, type ReactNode } from "react";

export interface IterateSlotImage {
  id: string;
  width: number;
  height: number;
  prompt: string;
  /** "Image 2" — names the tile's button for screen readers. */
  label: string;
}

/**
 * Iteration slot for image tiles outside the gallery (the studio's results): a route provides the iteration
 * feature's tile menu (variation, upscale, remix, background removal, style transfer) so features don't import
 * each other. `onQueued` gets each job it starts, for the screen to follow; null = no menu.
 */
export const IterateSlotContext = createContext<((image: IterateSlotImage, onQueued?: (job: Job) => void) => ReactNode) | null>(null);
