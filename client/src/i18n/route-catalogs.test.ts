import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BUNDLED_NAMESPACES, NAMESPACES } from "./resources";

/**
 * Catalogs load per route (./routes.ts): a route's `staticData.i18n` must name every namespace that the code it
 * imports reads — its screens, the components they use, what they load lazily — beyond `common`, `shell` and the
 * namespaces of the routes around it. Read from the source: the import graph (static and dynamic imports, `@/`
 * and relative) and each file's `useTranslation("ns")`, `"ns:key"` strings and `ns: "ns"` options. A component
 * that starts reading another namespace fails here until its routes load it, instead of showing raw keys.
 */
const src = path.join(import.meta.dirname, "..");
const known = new Set<string>(NAMESPACES);

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? path.join(src, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null;
  for (const file of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")])
    if (existsSync(file) && statSync(file).isFile()) return /\.tsx?$/.test(file) ? file : null;
  return null;
}

interface SourceFile {
  imports: string[];
  namespaces: Set<string>;
}
const files = new Map<string, SourceFile>();

/** What one file imports (at run time: `import type` is left out) and which namespaces it reads. */
function readSource(file: string): SourceFile {
  const cached = files.get(file);
  if (cached) return cached;
  const code = readFileSync(file, "utf8").replace(/^\s*(import|export)\s+type\s[^;]*;/gm, "");
  const imports = [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)["']([^"']+)["']/gm)]
    .map((m) => resolveImport(file, m[1]!))
    .filter((f): f is string => f !== null && !f.endsWith("routeTree.gen.ts"));
  const namespaces = new Set<string>();
  for (const m of code.matchAll(/\buseTranslation\(\s*(\[[^\]]*\]|["'][^"']*["'])?/g)) {
    if (!m[1]) namespaces.add("common");
    else for (const n of m[1].matchAll(/["']([^"']+)["']/g)) namespaces.add(n[1]!);
  }
  for (const m of code.matchAll(/["'`]([a-z][a-z-]*):[A-Za-z$]/g)) if (known.has(m[1]!)) namespaces.add(m[1]!);
  for (const m of code.matchAll(/\bns\s*[=:]\s*\{?\s*["'`]([a-z][a-z-]*)["'`]/g)) namespaces.add(m[1]!);
  const source = { imports, namespaces };
  files.set(file, source);
  return source;
}

/** Namespaces read by a file and everything it imports, each with one file that reads it (for the message). */
function namespacesReached(entry: string): Map<string, string> {
  const seen = new Set([entry]);
  const todo = [entry];
  const found = new Map<string, string>();
  while (todo.length) {
    const file = todo.pop()!;
    const { imports, namespaces } = readSource(file);
    for (const ns of namespaces) if (!found.has(ns)) found.set(ns, path.relative(src, file));
    // Another route file is that route's business (its own staticData), not this one's.
    for (const dep of imports) {
      if (seen.has(dep) || dep.startsWith(path.join(src, "routes"))) continue;
      seen.add(dep);
      todo.push(dep);
    }
  }
  return found;
}

/** Route file → its parent's route file, from the generated route tree. */
function routeParents(): Map<string, string | null> {
  const tree = readFileSync(path.join(src, "routeTree.gen.ts"), "utf8");
  const fileOf = new Map([...tree.matchAll(/import \{ Route as (\w+) \} from "\.\/(routes\/[^"]+)"/g)].map((m) => [m[1]!, `${m[2]}.tsx`]));
  const parents = new Map<string, string | null>([["routes/__root.tsx", null]]);
  for (const m of tree.matchAll(/const (\w+) =\s*(\w+)\.update\(\{[^}]*?getParentRoute: \(\) => (\w+)/g)) {
    const parent = m[3] === "rootRouteImport" ? "rootRouteImport" : `${m[3]}Import`;
    parents.set(fileOf.get(m[2]!)!, fileOf.get(parent)!);
  }
  return parents;
}

/** The namespaces a route file declares in `staticData: { i18n: [...] }`. */
function declared(routeFile: string): string[] {
  const code = readFileSync(path.join(src, routeFile), "utf8");
  const list = /staticData:\s*\{[^}]*\bi18n:\s*\[([^\]]*)\]/.exec(code)?.[1] ?? "";
  return [...list.matchAll(/["']([^"']+)["']/g)].map((m) => m[1]!);
}

describe("catalogs per route", () => {
  const parents = routeParents();

  it("finds every route file in the route tree", () => {
    const onDisk = readdirSync(path.join(src, "routes"), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".tsx"))
      .map((f) => `routes/${f.split(path.sep).join("/")}`);
    expect([...parents.keys()].sort()).toEqual(onDisk.sort());
  });

  /** Namespaces whose only reader loads them itself before reading (the forms' resolver: `validation`). */
  const LOADED_ON_USE = ["validation"];

  it("keeps only common and shell in the entry: main.tsx and the root route read nothing else", () => {
    for (const entry of ["main.tsx", "routes/__root.tsx"]) {
      const reached = namespacesReached(path.join(src, entry));
      const extra = [...reached].filter(([ns]) => !(BUNDLED_NAMESPACES as string[]).includes(ns) && !LOADED_ON_USE.includes(ns));
      expect(extra, entry).toEqual([]);
    }
  });

  for (const route of [...parents.keys()].sort()) {
    it(`${route} loads every namespace its screens read`, () => {
      const available = new Set<string>([...BUNDLED_NAMESPACES, ...LOADED_ON_USE]);
      for (let r: string | null | undefined = route; r; r = parents.get(r)) for (const ns of declared(r)) available.add(ns);
      const missing = [...namespacesReached(path.join(src, route))].filter(([ns]) => !available.has(ns)).map(([ns, file]) => `${ns} (read in ${file})`);
      expect(missing).toEqual([]);
      for (const ns of declared(route)) expect(known.has(ns), `${route}: unknown namespace ${ns}`).toBe(true);
    });
  }

  it("sees the namespaces a route's screens read (so a list without them fails above)", () => {
    // useTranslation("gallery") in the gallery's components, reached through the route's imports.
    expect([...namespacesReached(path.join(src, "routes/_app/gallery.tsx")).keys()]).toEqual(expect.arrayContaining(["gallery", "iteration"]));
    // The bell in the top bar, reached from the app layout through the shell.
    expect(namespacesReached(path.join(src, "routes/_app.tsx")).get("notifications")).toBe("features/notifications/components/notification-bell.tsx");
    // "shell:titles…" strings read through i18n.t.
    expect([...readSource(path.join(src, "app/page-title.ts")).namespaces]).toEqual(["shell"]);
  });
});
