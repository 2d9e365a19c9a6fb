import { SHARE_TOKEN_PATTERN, sharedFileUrl } from "@image-studio/shared";
import type { Deps } from "../../context";
import { AppError } from "../../lib/errors";
import { assertLive } from "./share.access";
import * as pub from "./share.public";
import * as repo from "./share.repo";

/**
 * The server-rendered head of a public page `/s/:token`: title, description, Open Graph and Twitter card with the
 * picture, so links unfurl in chat apps. Only an open link (no password, not expired or revoked) says anything
 * about its content; every other answer is generic. `noindex` unless the owner made the thing public.
 */
export interface ShareHead {
  title: string;
  description: string;
  image: { url: string; alt: string; width: number; height: number } | null;
  url: string;
  indexable: boolean;
  /** Which API path the page should ask (image, project or collection) — not content, so said for locked links too. */
  kind?: string;
}

const TOKEN = new RegExp(`^${SHARE_TOKEN_PATTERN}$`);
const SITE = "Image Studio";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
const clip = (s: string, n: number) => {
  const t = s.replace(/\s+/g, " ").trim();
  return t.length > n ? `${t.slice(0, n - 1).trimEnd()}…` : t;
};

/** Preview variants are at most 768 px on the long edge. */
function previewSize(w: number, h: number) {
  const scale = Math.min(1, 768 / Math.max(w, h, 1));
  return { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) };
}

export async function shareHead(deps: Deps, token: string): Promise<ShareHead> {
  const url = new URL(`/s/${encodeURIComponent(token)}`, deps.env.APP_URL).href;
  const generic = (title: string, description: string): ShareHead => ({ title: `${title} · ${SITE}`, description, image: null, url, indexable: false });
  if (!TOKEN.test(token)) return generic("Shared link not found", "This share link does not exist.");
  const now = deps.clock.now();
  try {
    const link = await repo.byToken(deps.database.db, token);
    if (!link) return generic("Shared link not found", "This share link does not exist.");
    assertLive(link, now);
    if (link.passwordHash) return { ...generic("Password-protected share", "Someone shared pictures with you. Enter the password to see them."), kind: link.kind };
    const view = await pub.content(deps, link, now);
    const first = view.images[0];
    const count = view.images.length;
    const description =
      link.kind === "image"
        ? clip(first?.prompt || first?.altText || "An image shared from Image Studio.", 200)
        : clip(`${count} ${count === 1 ? "image" : "images"}${view.description ? ` · ${view.description}` : ""}`, 200);
    const image = first
      ? { url: new URL(sharedFileUrl(token, first.id, "preview-768"), deps.env.APP_URL).href, alt: clip(first.altText || view.title, 300), ...previewSize(first.width, first.height) }
      : null;
    return { title: `${clip(view.title, 60)} · ${SITE}`, description, image, url, indexable: await pub.isIndexable(deps, link, now), kind: link.kind };
  } catch (err) {
    if (err instanceof AppError && err.code === "GONE") return generic("Shared link unavailable", "This share link has expired or was turned off by its owner.");
    if (err instanceof AppError && err.code === "NOT_FOUND") return generic("Shared link not found", "This share link does not exist.");
    throw err;
  }
}

/** `html` (the app shell) with the head of a share page in place of its title and description. */
export function withShareHead(html: string, head: ShareHead): string {
  const tags = [
    `<title>${esc(head.title)}</title>`,
    `<meta name="description" content="${esc(head.description)}" />`,
    `<meta name="robots" content="${head.indexable ? "index, follow" : "noindex, nofollow"}" />`,
    ...(head.kind ? [`<meta name="share-kind" content="${esc(head.kind)}" />`] : []),
    `<meta property="og:site_name" content="${SITE}" />`,
    `<meta property="og:type" content="website" />`,
    `<meta property="og:title" content="${esc(head.title)}" />`,
    `<meta property="og:description" content="${esc(head.description)}" />`,
    `<meta property="og:url" content="${esc(head.url)}" />`,
    `<meta name="twitter:card" content="${head.image ? "summary_large_image" : "summary"}" />`,
    `<meta name="twitter:title" content="${esc(head.title)}" />`,
    `<meta name="twitter:description" content="${esc(head.description)}" />`,
    ...(head.image
      ? [
          `<meta property="og:image" content="${esc(head.image.url)}" />`,
          `<meta property="og:image:type" content="image/webp" />`,
          `<meta property="og:image:width" content="${head.image.width}" />`,
          `<meta property="og:image:height" content="${head.image.height}" />`,
          `<meta property="og:image:alt" content="${esc(head.image.alt)}" />`,
          `<meta name="twitter:image" content="${esc(head.image.url)}" />`,
          `<meta name="twitter:image:alt" content="${esc(head.image.alt)}" />`,
        ]
      : []),
  ].join("\n    ");
  const stripped = html.replace(/<title>[\s\S]*?<\/title>/i, "").replace(/<meta\s+name="description"[^>]*>/i, "");
  return stripped.replace(/<\/head>/i, `    ${tags}\n  </head>`);
}
