import { catalogProblems } from "@image-studio/shared";
import { describe, expect, it } from "vitest";
import { ACTIVITY_CATALOGS, activityT } from "./activity";

describe("activity catalogs", () => {
  for (const [lng, catalog] of Object.entries(ACTIVITY_CATALOGS)) {
    if (lng === "en") continue;
    it(`${lng}: every English key is translated, with the same placeholders and no leftovers`, () => {
      expect(catalogProblems(ACTIVITY_CATALOGS.en, catalog, lng, "activity")).toEqual([]);
    });
  }

  it("words counts by the language's plural rules, and an unknown language in English", () => {
    expect(activityT("de").t("made.text-to-image", { count: 1, n: "1", model: "Sketch" })).toBe("1 Bild mit Sketch generiert");
    expect(activityT("es").t("batch.failed", { count: 2, n: "2" })).toBe("2 fallaron y se reembolsaron");
    expect(activityT("xx").t("made.variation", { model: "Sketch" })).toBe("Made variations with Sketch");
  });
});
