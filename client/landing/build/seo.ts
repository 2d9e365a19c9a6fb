/** robots.txt and sitemap.xml for the public pages (the app itself sits behind sign-in and is not indexed). */

export function robotsTxt(siteUrl: string): string {
  return ["User-agent: *", "Allow: /", "Disallow: /api/", "", `Sitemap: ${siteUrl}/sitemap.xml`, ""].join("\n");
}

export function sitemapXml(siteUrl: string, lastmod: string): string {
  // Only the landing page: every other route is the app shell, rendered in the browser behind sign-in.
  const pages = [{ loc: `${siteUrl}/`, priority: "1.0" }];
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`,
    ...pages.map(
      (p) => `  <url><loc>${p.loc}</loc><lastmod>${lastmod}</lastmod><priority>${p.priority}</priority></url>`,
    ),
    `</urlset>`,
    "",
  ].join("\n");
}

/**
 * Stands for the site's origin in the built landing page, robots.txt and sitemap.xml when no SITE_URL is given at
 * build time: the server replaces it with its APP_URL when it serves those files (server/src/lib/static.ts keeps
 * the same string), so one build works at whatever address it is started.
 */
export const SITE_ORIGIN_PLACEHOLDER = "https://site-origin.image-studio.invalid";

/** The origin the site is published at (no trailing slash): SITE_URL when set at build time, else the placeholder. */
export function resolveSiteUrl(env: Record<string, string | undefined>): string {
  if (!env.SITE_URL) return SITE_ORIGIN_PLACEHOLDER;
  const url = new URL(env.SITE_URL);
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}
