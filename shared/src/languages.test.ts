import { describe, expect, it } from "vitest";
import { negotiateLanguage, TRANSLATED_LANGUAGE_IDS } from "./languages";

describe("negotiateLanguage", () => {
  const pick = (h: string | undefined) => negotiateLanguage(h, TRANSLATED_LANGUAGE_IDS, "en");
  it("falls back without a header or a match", () => {
    expect(pick(undefined)).toBe("en");
    expect(pick("")).toBe("en");
    expect(pick("fr-FR, ja;q=0.8")).toBe("en");
  });
  it("matches a regional tag to its base language", () => {
    expect(pick("de-CH")).toBe("de");
    expect(pick("ES-mx")).toBe("es");
  });
  it("ranks by quality, then by order", () => {
    expect(pick("en;q=0.5, es;q=0.9")).toBe("es");
    expect(pick("fr, de, es")).toBe("de");
    expect(pick("de;q=0, es")).toBe("es");
    expect(pick("*;q=1, es;q=0.1")).toBe("es");
  });
});
