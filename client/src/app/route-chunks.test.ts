import { describe, expect, it } from "vitest";
import { routeChunkSteps } from "../../landing/build/route-chunks";

/** A bundle shaped like the app's: two entries, page groups importing each other downwards, split route facades. */
const chunk = (fileName: string, imports: string[], extra: { isEntry?: boolean; route?: string } = {}) => ({
  fileName,
  imports,
  isEntry: extra.isEntry ?? false,
  isDynamicEntry: extra.route !== undefined,
  facadeModuleId: extra.route ? `/repo/client/src/routes/${extra.route}.tsx?tsr-split=component` : null,
});
const bundle = [
  chunk("assets/runtime.js", []),
  chunk("assets/shell.js", ["assets/runtime.js"], { isEntry: true }),
  chunk("assets/landing.js", [], { isEntry: true }),
  chunk("assets/try.js", ["assets/shell.js"]),
  chunk("assets/auth.js", ["assets/shell.js", "assets/try.js"]),
  chunk("assets/public.js", ["assets/shell.js", "assets/auth.js", "assets/icons.js"]),
  chunk("assets/icons.js", ["assets/runtime.js"]),
  chunk("assets/app.js", ["assets/shell.js", "assets/public.js", "assets/try.js", "assets/auth.js"]),
  chunk("assets/_app.js", ["assets/app.js"], { route: "_app" }),
  chunk("assets/gallery.js", ["assets/app.js"], { route: "_app/gallery" }),
  chunk("assets/sign-in.js", ["assets/auth.js"], { route: "sign-in" }),
  // A lazy part that is not a route's (the lightbox): not listed.
  chunk("assets/viewer.js", ["assets/public.js"]),
];
const ids: Record<string, string> = { _app: "/_app", "_app/gallery": "/_app/gallery", "sign-in": "/sign-in" };
const routeId = (file: string) => ids[file.replace(/^.*\/routes\/(.*)\.tsx$/, "$1")]!;

describe("routeChunkSteps", () => {
  const steps = routeChunkSteps(bundle, routeId);
  const files = (route: string) => steps.routes[route]!.map((i) => steps.chunks[i]);

  it("lists a page's chunks after the ones they import, the route's own last, without what the entries ran", () => {
    expect(files("/_app/gallery")).toEqual(["assets/try.js", "assets/auth.js", "assets/icons.js", "assets/public.js", "assets/app.js", "assets/gallery.js"]);
    expect(files("/_app")).toEqual(["assets/try.js", "assets/auth.js", "assets/icons.js", "assets/public.js", "assets/app.js", "assets/_app.js"]);
    expect(files("/sign-in")).toEqual(["assets/try.js", "assets/auth.js", "assets/sign-in.js"]);
  });

  it("names each chunk once and only route pages' chunks", () => {
    expect(new Set(steps.chunks).size).toBe(steps.chunks.length);
    expect(Object.keys(steps.routes).sort()).toEqual(["/_app", "/_app/gallery", "/sign-in"]);
    expect(steps.chunks).not.toContain("assets/viewer.js");
    expect(steps.chunks).not.toContain("assets/shell.js");
  });

  it("joins a route's split parts in their own chunks (component, loader) into one list", () => {
    const loader = { ...chunk("assets/gallery-loader.js", ["assets/auth.js", "assets/dexie.js"]), isDynamicEntry: true, facadeModuleId: "/repo/client/src/routes/_app/gallery.tsx?tsr-split=loader" };
    const both = routeChunkSteps([...bundle, chunk("assets/dexie.js", []), loader], routeId);
    expect(both.routes["/_app/gallery"]!.map((i) => both.chunks[i])).toEqual([
      "assets/try.js",
      "assets/auth.js",
      "assets/icons.js",
      "assets/public.js",
      "assets/app.js",
      "assets/gallery.js",
      "assets/dexie.js",
      "assets/gallery-loader.js",
    ]);
  });
});
