/**
 * Source, mask and style images for fal: small ones travel inline as data URIs (PNG/JPEG base64), larger ones
 * go through fal's storage upload first (fal reports failures with data URIs above a few MB).
 */
import type { FalClient } from "@fal-ai/client";
import sharp from "sharp";
import { ProviderError } from "../types";
import { sniffImageType } from "./download";

export const INLINE_MAX_BYTES = 2 * 1024 * 1024;

/** PNG or JPEG bytes as they are; anything else re-encoded as PNG. */
export async function normaliseImage(data: Buffer): Promise<{ data: Buffer; contentType: "image/png" | "image/jpeg" }> {
  const type = sniffImageType(data);
  if (type === "image/png" || type === "image/jpeg") return { data, contentType: type };
  try {
    return { data: await sharp(data).png().toBuffer(), contentType: "image/png" };
  } catch {
    throw new ProviderError("validation", "The source image could not be read", false);
  }
}

export interface FileEncoder {
  encode(data: Buffer): Promise<string>;
}

export function createFileEncoder(client: FalClient, inlineMaxBytes = INLINE_MAX_BYTES): FileEncoder {
  return {
    async encode(raw) {
      const { data, contentType } = await normaliseImage(raw);
      if (data.length <= inlineMaxBytes) return `data:${contentType};base64,${data.toString("base64")}`;
      // Inputs are only needed while the job runs: let fal delete the upload after a day.
      return client.storage.upload(new Blob([new Uint8Array(data)], { type: contentType }), {
        lifecycle: { expiresIn: "1d" },
      });
    },
  };
}

export interface Extend {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * Outpainting as inpainting: the source on a larger canvas (edges copied outwards as a starting point) and a
 * mask that is white where new pixels are wanted and black over the original.
 */
export async function outpaintCanvas(
  source: Buffer,
  extend: Extend | undefined,
): Promise<{ image: Buffer; mask: Buffer }> {
  const e = {
    top: Math.max(0, Math.round(extend?.top ?? 0)),
    right: Math.max(0, Math.round(extend?.right ?? 0)),
    bottom: Math.max(0, Math.round(extend?.bottom ?? 0)),
    left: Math.max(0, Math.round(extend?.left ?? 0)),
  };
  if (e.top + e.right + e.bottom + e.left === 0)
    throw new ProviderError("validation", "Outpainting needs at least one side to extend", false);
  const meta = await sharp(source).metadata();
  if (!meta.width || !meta.height) throw new ProviderError("validation", "The source image could not be read", false);
  const image = await sharp(source)
    .extend({ ...e, extendWith: "copy" })
    .png()
    .toBuffer();
  const mask = await sharp({ create: { width: meta.width, height: meta.height, channels: 3, background: "#000000" } })
    .extend({ ...e, background: "#ffffff" })
    .png()
    .toBuffer();
  return { image, mask };
}
