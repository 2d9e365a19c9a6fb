import { createContext, type ReactNode } from "react";
import type { LightboxImage } from "./slides";

/**
 * Iteration slot: extra toolbar buttons for the lightbox's current image (quick-iterate: variation, upscale,
 * remix, remove background). A route provides them so features don't import each other; null = none.
 */
export const LightboxExtrasContext = createContext<((image: LightboxImage) => ReactNode) | null>(null);
