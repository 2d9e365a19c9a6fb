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

/** The origin the site is published at, from SITE_URL or APP_URL (no trailing slash). */
export function resolveSiteUrl(env: Record<string, string | undefined>): string {
  const raw = env.SITE_URL || env.APP_URL || "http://localhost:3000";
  const url = new URL(raw);
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}
