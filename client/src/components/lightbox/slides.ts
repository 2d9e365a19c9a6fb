import { imageFileUrl } from "@image-studio/shared";
import type { SlideImage } from "yet-another-react-lightbox";

export interface LightboxImage {
  id: string;
  width: number;
  height: number;
  prompt?: string;
  altText?: string;
}

const PREVIEW = 768;

/**
 * A slide whose srcSet offers the 768 px WebP preview and the original: the lightbox shows the preview and
 * switches to the original when the slide is shown (or zoomed) larger than the preview.
 */
export function toSlide(img: LightboxImage): SlideImage {
  const scale = Math.min(1, PREVIEW / Math.max(img.width, img.height));
  const preview = { src: imageFileUrl(img.id, "preview-768"), width: Math.round(img.width * scale), height: Math.round(img.height * scale) };
  return {
    src: preview.src,
    width: img.width,
    height: img.height,
    alt: img.altText || img.prompt || "Generated image",
    srcSet: scale < 1 ? [preview, { src: imageFileUrl(img.id, "original"), width: img.width, height: img.height }] : [preview],
  };
}
