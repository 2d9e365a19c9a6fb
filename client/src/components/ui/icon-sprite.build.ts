/**
 * Builds `icon-sprite.svg` from lucide's own icon data: one `<symbol>` per name in SPRITE_ICONS, holding the
 * icon's shapes without presentation attributes, so the `<svg>` that `<use>`s it sets stroke, fill and size as a
 * lucide component would. Rewrite the file after changing the list:
 *
 *   bench/node_modules/.bin/tsx client/src/components/ui/icon-sprite.build.ts
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SPRITE_ICONS } from "./icon-names";

type IconNode = [tag: string, attrs: Record<string, string | number>][];

const here = path.dirname(fileURLToPath(import.meta.url));
export const SPRITE_FILE = path.join(here, "icon-sprite.svg");

const attr = (k: string) => k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const esc = (v: string | number) => String(v).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

export async function buildSprite(names: readonly string[] = SPRITE_ICONS): Promise<string> {
  const symbols: string[] = [];
  for (const name of names) {
    const mod = (await import(/* @vite-ignore */ path.join(here, "../../../node_modules/lucide-react/dist/esm/icons", `${name}.js`))) as { __iconNode?: IconNode };
    if (!mod.__iconNode) throw new Error(`lucide has no icon data under "${name}" (an alias? use lucide's own name)`);
    const shapes = mod.__iconNode.map(([tag, attrs]) => {
      const a = Object.entries(attrs)
        .filter(([k]) => k !== "key")
        .map(([k, v]) => ` ${attr(k)}="${esc(v)}"`)
        .join("");
      return `<${tag}${a}/>`;
    });
    symbols.push(`<symbol id="${name}" viewBox="0 0 24 24">${shapes.join("")}</symbol>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg">\n${symbols.join("\n")}\n</svg>\n`;
}

export const readSprite = () => readFile(SPRITE_FILE, "utf8");

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await writeFile(SPRITE_FILE, await buildSprite());
  console.log(`wrote ${SPRITE_FILE}`);
}
