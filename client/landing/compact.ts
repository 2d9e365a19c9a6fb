/**
 * Build-time size trims for the prerendered HTML, which should fit the first round trip (~14 KB compressed):
 * every distinct icon is written once as a <symbol> and drawn with <use>; lucide's marker classes and the
 * xmlns that inline SVG in HTML does not need are dropped. Icons with <defs> (the gradient logo) stay inline.
 */
const LUCIDE_CLASS = /\blucide(?:-[a-z0-9-]+)?\s*/g;
const PAINT = ["fill", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin"];

export function compactIcons(html: string): string {
  const symbols = new Map<string, string>();
  const body = html.replace(/<svg ([^>]*)>([\s\S]*?)<\/svg>/g, (whole, attrs: string, inner: string) => {
    const viewBox = attrs.match(/viewBox="([^"]+)"/)?.[1];
    if (!viewBox || inner.includes("<defs")) return whole.replace(' xmlns="http://www.w3.org/2000/svg"', "");
    const paint = PAINT.map((name) => attrs.match(new RegExp(`\\s${name}="[^"]*"`))?.[0] ?? "").join("");
    const key = `${viewBox}|${paint}|${inner}`;
    if (!symbols.has(key))
      symbols.set(key, `<symbol id="i${symbols.size}" viewBox="${viewBox}"><g${paint}>${inner}</g></symbol>`);
    const id = [...symbols.keys()].indexOf(key);
    const keep = attrs
      .replace(/\s*xmlns="[^"]*"|\s*viewBox="[^"]*"/g, "")
      .replace(new RegExp(`\\s(${PAINT.join("|")})="[^"]*"`, "g"), "")
      .replace(/class="([^"]*)"/, (_m, c: string) => `class="${c.replace(LUCIDE_CLASS, "").trim()}"`);
    return `<svg ${keep.trim()}><use href="#i${id}"></use></svg>`;
  });
  if (symbols.size === 0) return body;
  return `<svg aria-hidden="true" style="display:none">${[...symbols.values()].join("")}</svg>${body}`;
}
