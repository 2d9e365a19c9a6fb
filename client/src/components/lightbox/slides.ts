import { imageFileUrl } from "@image-studio/shared";
import type { Slide, SlideImage } from "yet-another-react-lightbox";
import { i18n } from "@/i18n";

export interface LightboxImage {
  id: string;
  width: number;
  height: number;
  prompt?: string;
  altText?: string;
  /** URLs other than the owner's file routes (a share link's token-scoped ones); no original: preview only. */
  urls?: { preview: string; original: string | null; video?: string | null };
  /** "video": the original is a clip — MP4 plays in a <video>, an animated WebP as a moving picture. */
  mediaType?: "image" | "video";
  format?: string;
}

const reducedMotion = () => typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;

const PREVIEW = 768;

/**
 * A slide whose srcSet offers the 768 px WebP preview and the original: the lightbox shows the preview and
 * switches to the original when the slide is shown (or zoomed) larger than the preview.
 */
export function toSlide(img: LightboxImage, fallback: SlideFallback = defaultFallback()): Slide {
  if (img.mediaType === "video") {
    const clip = img.urls ? (img.urls.video ?? null) : imageFileUrl(img.id, "original");
    if (clip) return videoSlide(img, clip, fallback.video);
  }
  return imageSlide(img, fallback.image);
}

/** Alt texts for slides without alt text or prompt (in the app's language). */
export interface SlideFallback {
  image: string;
  video: string;
}
export const defaultFallback = (): SlideFallback => ({ image: i18n.t("common:image.generated"), video: i18n.t("common:image.video") });

/**
 * A video: MP4 as a video slide (its poster, native controls, muted, never autoplaying), the local engine's
 * animated WebP as a picture that moves — its still poster when the user prefers reduced motion.
 */
function videoSlide(img: LightboxImage, clip: string, fallbackAlt: string): Slide {
  const poster = img.urls ? img.urls.preview : imageFileUrl(img.id, "preview-768");
  const alt = img.altText || img.prompt || fallbackAlt;
  if (img.format === "mp4") {
    return {
      type: "video",
      poster,
      width: img.width,
      height: img.height,
      controls: true,
      muted: true,
      loop: true,
      playsInline: true,
      preload: "metadata",
      sources: [{ src: clip, type: "video/mp4" }],
    };
  }
  return { src: reducedMotion() ? poster : clip, width: img.width, height: img.height, alt };
}

function imageSlide(img: LightboxImage, fallbackAlt: string): SlideImage {
  const scale = Math.min(1, PREVIEW / Math.max(img.width, img.height));
  const previewSrc = img.urls ? img.urls.preview : imageFileUrl(img.id, "preview-768");
  const originalSrc = img.urls ? img.urls.original : imageFileUrl(img.id, "original");
  const preview = { src: previewSrc, width: Math.round(img.width * scale), height: Math.round(img.height * scale) };
  return {
    src: preview.src,
    width: img.width,
    height: img.height,
    alt: img.altText || img.prompt || fallbackAlt,
    srcSet:
      scale < 1 && originalSrc ? [preview, { src: originalSrc, width: img.width, height: img.height }] : [preview],
  };
}
