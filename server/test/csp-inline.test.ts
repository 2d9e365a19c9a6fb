import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { APP_SHELL_THEME_SCRIPT_HASH, LANDING_THEME_SCRIPT_HASH } from "../src/middleware/security";
import { createTestApp } from "./harness";

const client = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../client");
/** The inline (non-module, no src) scripts of a page template, as the browser hashes them: the exact text. */
const inlineScripts = (file: string) =>
  [...readFileSync(path.join(client, file), "utf8").matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
const hash = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

describe("the inline theme scripts and the CSP", () => {
  it("app.html has exactly one inline script, the theme bootstrap, and the CSP names its hash", () => {
    const scripts = inlineScripts("app.html");
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toContain('getItem("theme")');
    expect(hash(scripts[0]!)).toBe(APP_SHELL_THEME_SCRIPT_HASH);
  });

  it("the landing (index.html) has exactly one inline script, its theme bootstrap, and the CSP names its hash", () => {
    const scripts = inlineScripts("index.html");
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toContain('getItem("theme")');
    expect(hash(scripts[0]!)).toBe(LANDING_THEME_SCRIPT_HASH);
  });

  it("every response's script-src allows same-origin files and those two hashes only — no 'unsafe-inline'", async () => {
    const t = await createTestApp();
    try {
      const csp = (await t.app.request("/api/health/live")).headers.get("content-security-policy") ?? "";
      const scriptSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src"));
      expect(scriptSrc).toBe(
        `script-src 'self' ${hash(inlineScripts("app.html")[0]!)} ${hash(inlineScripts("index.html")[0]!)}`,
      );
    } finally {
      await t.close();
    }
  });
});
