import { communityFileUrl } from "@image-studio/shared";
import type { Deps } from "../../context";
import { type ShareHead, withShareHead } from "../share/share.meta";
import * as svc from "./community.service";

/**
 * The server-rendered head of `/u/:handle` and `/community`: title, description, Open Graph and Twitter card with
 * the newest published picture. A profile is indexable only while it has published images; an unknown handle is
 * generic and noindex.
 */
const SITE = "Image Studio";
const HANDLE = /^[A-Za-z0-9_-]{1,64}$/;

function previewSize(w: number, h: number) {
  const scale = Math.min(1, 768 / Math.max(w, h, 1));
  return { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) };
}

export async function profileHead(deps: Deps, handle: string): Promise<ShareHead> {
  const url = new URL(`/u/${encodeURIComponent(handle)}`, deps.env.APP_URL).href;
  const missing: ShareHead = { title: `Profile not found · ${SITE}`, description: "There is no public profile with this name.", image: null, url, indexable: false };
  if (!HANDLE.test(handle)) return missing;
  try {
    const page = await svc.userPage(deps.database.db, null, handle, { limit: 1 });
    const first = page.items[0];
    const count = page.publishedCount;
    return {
      title: `@${page.handle} · ${SITE}`,
      description: count ? `${count} published ${count === 1 ? "image" : "images"} by @${page.handle} on Image Studio.` : `@${page.handle} has not published any images yet.`,
      image: first ? { url: new URL(communityFileUrl(first.id, "preview-768"), deps.env.APP_URL).href, alt: first.altText || `An image by @${page.handle}`, ...previewSize(first.width, first.height) } : null,
      url: new URL(`/u/${page.handle}`, deps.env.APP_URL).href,
      indexable: count > 0,
    };
  } catch {
    return missing;
  }
}

export async function communityHead(deps: Deps): Promise<ShareHead> {
  const page = await svc.feed(deps.database.db, null, { limit: 1 });
  const first = page.items[0];
  return {
    title: `Community · ${SITE}`,
    description: "Images people made with Image Studio and chose to publish.",
    image: first ? { url: new URL(communityFileUrl(first.id, "preview-768"), deps.env.APP_URL).href, alt: first.altText || "A published image", ...previewSize(first.width, first.height) } : null,
    url: new URL("/community", deps.env.APP_URL).href,
    indexable: true,
  };
}

export { withShareHead as withPublicHead };
