/** <head> tags for SEO and sharing: title, description, canonical, Open Graph, Twitter card and JSON-LD. */
import { SITE } from "./content";
import type { LandingData } from "./types";

export const OG_IMAGE = {
  path: "/og-image.jpg",
  width: 1200,
  height: 630,
  alt: "Image Studio — make, iterate on and keep AI images",
};

const escapeAttr = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** JSON for a <script type="application/ld+json"> block: `<` escaped so no string can close the element. */
const jsonForScript = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c");

/**
 * WebSite + WebApplication (with offers). No FAQPage: search engines show FAQ rich results only for a few
 * authoritative sites now, and repeating every answer would push the HTML past the first round trip (~14 KB).
 */
export function structuredData(data: LandingData) {
  const url = `${data.siteUrl}/`;
  const cheapestPaid = data.models
    .filter((m) => m.generates && m.provider === "fal" && m.credits > 0)
    .reduce((min, m) => Math.min(min, m.credits), Infinity);
  return {
    "@context": "https://schema.org",
    "@graph": [
      {
        "@type": "WebSite",
        "@id": `${url}#website`,
        name: SITE.name,
        url,
        inLanguage: "en",
      },
      {
        "@type": "WebApplication",
        "@id": `${url}#app`,
        name: SITE.name,
        url,
        description: SITE.description,
        applicationCategory: "DesignApplication",
        operatingSystem: "Any (web browser; installable as a progressive web app)",
        image: `${data.siteUrl}${OG_IMAGE.path}`,
        offers: [
          { "@type": "Offer", name: "Free account", price: "0", priceCurrency: "USD" },
          ...(Number.isFinite(cheapestPaid)
            ? [
                {
                  "@type": "Offer",
                  name: "Pay per image",
                  price: (cheapestPaid / 1000).toFixed(3),
                  priceCurrency: "USD",
                  description: "Per AI image, from; 1 credit = US$0.001",
                },
              ]
            : []),
        ],
      },
    ],
  };
}

export function headTags(data: LandingData): string {
  const url = `${data.siteUrl}/`;
  const image = `${data.siteUrl}${OG_IMAGE.path}`;
  const meta = (attr: "name" | "property", key: string, content: string) =>
    `<meta ${attr}="${key}" content="${escapeAttr(content)}" />`;
  return [
    `<title>${escapeAttr(SITE.title)}</title>`,
    meta("name", "description", SITE.description),
    `<link rel="canonical" href="${escapeAttr(url)}" />`,
    `<meta name="theme-color" content="#FFFFFF" media="(prefers-color-scheme: light)" />`,
    `<meta name="theme-color" content="#0F172A" media="(prefers-color-scheme: dark)" />`,
    meta("property", "og:type", "website"),
    meta("property", "og:site_name", SITE.name),
    meta("property", "og:locale", "en_US"),
    meta("property", "og:title", SITE.title),
    meta("property", "og:description", SITE.description),
    meta("property", "og:url", url),
    meta("property", "og:image", image),
    meta("property", "og:image:type", "image/jpeg"),
    meta("property", "og:image:width", String(OG_IMAGE.width)),
    meta("property", "og:image:height", String(OG_IMAGE.height)),
    meta("property", "og:image:alt", OG_IMAGE.alt),
    meta("name", "twitter:card", "summary_large_image"),
    meta("name", "twitter:title", SITE.title),
    meta("name", "twitter:description", SITE.description),
    meta("name", "twitter:image", image),
    meta("name", "twitter:image:alt", OG_IMAGE.alt),
    `<script type="application/ld+json">${jsonForScript(structuredData(data))}</script>`,
  ].join("\n    ");
}
