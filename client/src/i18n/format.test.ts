import { LANGUAGES, UI_LANGUAGE_IDS } from "@image-studio/shared/languages";
import { beforeEach, describe, expect, it, vi } from "vitest";

let locale = "en";
vi.mock("./index", () => ({ currentLocale: () => locale }));
// The test setup has loaded the real module already: this file's copy reads the mock's locale.
vi.resetModules();
const { formatNumber } = await import("./format");

describe("formatNumber", () => {
  const locales = [...new Set([...UI_LANGUAGE_IDS, ...LANGUAGES.map((language) => language.id), "en-GB", "de-CH", "es-MX"])];
  const values = [0, 1, 7, 42, 100, 500, 999, 1000, 1234, 12_345.5, -3, -0, 0.5];

  beforeEach(() => {
    locale = "en";
  });

  it.each(locales)("reads as Intl's in %s, with or without a formatter", (id) => {
    locale = id;
    for (const value of values) expect(formatNumber(value), `${value}`).toBe(new Intl.NumberFormat(id).format(value));
    expect(formatNumber(5, { style: "percent" })).toBe(new Intl.NumberFormat(id, { style: "percent" }).format(5));
  });

  it("makes no formatter for a whole number under a thousand", () => {
    const made = vi.spyOn(Intl, "NumberFormat").mockImplementation(function () {
      return { format: () => "by a formatter" } as unknown as Intl.NumberFormat;
    });
    locale = "de-AT"; // not formatted above: no cached formatter
    expect([formatNumber(0), formatNumber(999)]).toEqual(["0", "999"]);
    expect(made).not.toHaveBeenCalled();
    expect(formatNumber(1000)).toBe("by a formatter");
    expect(made).toHaveBeenCalledTimes(1);
    made.mockRestore();
  });
});
