import { describe, expect, it } from "vitest";
import { APP_NAME, pageTitle, titled, titleHead } from "./page-title";

describe("page titles", () => {
  it("names the page before the app", () => {
    expect(pageTitle("Gallery")).toBe(`Gallery · ${APP_NAME}`);
    expect(titled("Queue")()).toEqual({ meta: [{ title: `Queue · ${APP_NAME}` }] });
  });

  it("falls back to the app's name with nothing to say", () => {
    expect(pageTitle(undefined)).toBe(APP_NAME);
    expect(pageTitle("   ")).toBe(APP_NAME);
    expect(titleHead(null).meta[0]!.title).toBe(APP_NAME);
  });

  it("keeps a long prompt to one line of a task switcher", () => {
    const prompt =
      "a violet lighthouse at dusk,\n with stars over a calm sea, fog rolling in, long exposure, cinematic light";
    const title = pageTitle(prompt);
    expect(title.endsWith(`… · ${APP_NAME}`)).toBe(true);
    expect(title.split(" · ")[0]!.length).toBeLessThanOrEqual(60);
    expect(title).not.toContain("\n");
  });
});
