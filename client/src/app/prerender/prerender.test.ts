/**
 * app.html's inline script decides, before the first paint, whether a prerendered page's markup may show: only when
 * the app will render the same — the language deviceLanguage() will pick, no known session (the guard would send the
 * visitor on), and the dev-mail banner hidden where it was dismissed. It cannot import those rules (it runs before
 * any module), so this runs the real script against the real ones.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DISMISS_KEY } from "@/components/dev-mail-banner";
import { deviceLanguage } from "@/i18n";
import { forgetSession, rememberSession } from "@/lib/session";
import type { MeResponse } from "@image-studio/shared";
import { COLLAPSED_KEY, startsCollapsed } from "@/app/shell/sidebar-state";
import { configKey } from "./types";

const appHtml = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../app.html"), "utf8");
const script = /<script>([\s\S]*?)<\/script>/.exec(appHtml)![1]!;
const html = document.documentElement;

function setNavigatorLanguages(languages: string[]) {
  Object.defineProperty(navigator, "languages", { value: languages, configurable: true });
}

/** The attribute the script leaves on a page prerendered in `lang` (the markup shows only when it says "shown"). */
function runScript(lang: string, check: "check" | "check-app" = "check"): string | null {
  html.lang = lang;
  html.setAttribute("data-prerendered", check);
  new Function(script)();
  return html.getAttribute("data-prerendered");
}

afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
  html.removeAttribute("data-prerendered");
  html.lang = "en";
  setNavigatorLanguages(["en-US"]);
});

describe("app.html's check of a prerendered page", () => {
  const cases: Array<{ stored: string | null; languages: string[] }> = [
    { stored: null, languages: ["en-US"] },
    { stored: null, languages: ["de-CH", "en"] },
    { stored: null, languages: ["fr-FR", "es", "de"] },
    { stored: null, languages: ["ja", "zh-CN"] },
    { stored: null, languages: [] },
    { stored: "de", languages: ["en-US"] },
    { stored: "es", languages: ["de"] },
    { stored: "fr", languages: ["de-DE"] }, // chosen but not offered: the browser's languages decide
    { stored: "en", languages: ["es"] },
  ];
  for (const { stored, languages } of cases) {
    it(`keeps the markup exactly in deviceLanguage()'s language (stored ${stored ?? "nothing"}, browser ${languages.join(",") || "none"})`, () => {
      if (stored) localStorage.setItem("image-studio:language", stored);
      setNavigatorLanguages(languages);
      const expected = deviceLanguage();
      for (const lang of ["en", "de", "es"]) {
        expect(runScript(lang), `page in ${lang}, app in ${expected}`).toBe(lang === expected ? "shown" : null);
      }
    });
  }

  it("hides it when a session is known on this device (the sign-in page would redirect)", () => {
    rememberSession({ user: { id: "u1" } } as unknown as MeResponse);
    expect(runScript("en")).toBeNull();
    forgetSession();
    expect(runScript("en")).toBe("shown");
  });

  it("marks the dev-mail banner as dismissed where it was", () => {
    localStorage.setItem(DISMISS_KEY, "1");
    expect(runScript("en")).toBe("shown no-dev-mail");
  });

  it("still applies the saved theme, and leaves pages that were not prerendered alone", () => {
    localStorage.setItem("theme", "dark");
    html.removeAttribute("data-prerendered");
    new Function(script)();
    expect(html.classList.contains("dark")).toBe(true);
    expect(html.hasAttribute("data-prerendered")).toBe(false);
    localStorage.setItem("theme", "light");
    new Function(script)();
    expect(html.classList.contains("dark")).toBe(false);
  });

  it("names auth configs as the server does (dev mailbox, GitHub, Google; a signed-in frame the first only)", () => {
    expect(configKey({ devMailbox: true, github: false, google: true })).toBe("101");
    expect(configKey({ devMailbox: true, github: false, google: true }, true)).toBe("1");
  });
});

describe("app.html's check of a signed-in frame", () => {
  /** A viewport of `width`: the only media query the script asks is AppShell's "(max-width: 1279px)". */
  const viewport = (width: number) =>
    vi.spyOn(window, "matchMedia").mockImplementation(
      (query: string) => ({ matches: query === "(max-width: 1279px)" && width <= 1279, media: query }) as MediaQueryList,
    );

  it("shows it with a session known on this device too (the server checked the session), in the device's language only", () => {
    viewport(1440);
    rememberSession({ user: { id: "u1" } } as unknown as MeResponse);
    expect(runScript("en", "check-app")).toBe("shown");
    localStorage.setItem("image-studio:language", "de");
    expect(runScript("en", "check-app")).toBeNull();
    expect(runScript("de", "check-app")).toBe("shown");
  });

  it("picks the sidebar copy the app will start with: as left, else the rail up to 1279 px (AppShell's rule)", () => {
    for (const [stored, width] of [
      [null, 1440],
      [null, 1280],
      [null, 1279],
      [null, 390],
      ["1", 1440],
      ["0", 1024],
    ] as const) {
      vi.restoreAllMocks();
      viewport(width);
      if (stored === null) localStorage.removeItem(COLLAPSED_KEY);
      else localStorage.setItem(COLLAPSED_KEY, stored);
      const rail = startsCollapsed();
      expect(rail, "the cases cover both states").toBe(stored === "1" || (stored === null && width <= 1279));
      expect(runScript("en", "check-app"), `${stored ?? "unset"} at ${width}px`).toBe(rail ? "shown rail" : "shown");
    }
  });

  it("hides the dismissed dev-mail banner in the frame as on the signed-out pages", () => {
    viewport(390);
    localStorage.setItem(DISMISS_KEY, "1");
    expect(runScript("en", "check-app")).toBe("shown no-dev-mail rail");
  });
});
