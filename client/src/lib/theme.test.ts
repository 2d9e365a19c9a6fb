import { describe, expect, it } from "vitest";
import { accentTokens, adjustFor, contrast } from "./theme";

describe("custom accent colour", () => {
  it.each(["#8b5cf6", "#facc15", "#22d3ee", "#ffffff", "#000000", "#ec4899", "#10b981"])("%s keeps text roles AA in light and dark", (hex) => {
    for (const dark of [false, true]) {
      const t = accentTokens(hex, dark);
      const bgs = dark ? ["#0f172a", "#1e293b", "#273449"] : ["#ffffff", "#f9fafb", "#f3f4f6"];
      expect(contrast(t["--primary-foreground"]!, t["--primary-solid"]!)).toBeGreaterThanOrEqual(4.5);
      for (const bg of bgs) {
        expect(contrast(t["--primary-strong"]!, bg)).toBeGreaterThanOrEqual(4.5);
        expect(contrast(t["--ring"]!, bg)).toBeGreaterThanOrEqual(3);
      }
    }
  });
  it("leaves a colour that already passes unchanged", () => {
    expect(adjustFor("#6d28d9", ["#ffffff"], 4.5, "black")).toBe("#6d28d9");
    expect(contrast("#ffffff", "#000000")).toBeCloseTo(21, 0);
  });
});
