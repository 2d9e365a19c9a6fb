import { describe, expect, it } from "vitest";
import { paramLabel, paramValue } from "./param-labels";

describe("image page parameter labels", () => {
  it("uses the studio's labels, from the model's own parameter list where it has one", () => {
    expect(paramLabel("local/sketch", "aspectRatio")).toBe("Aspect ratio");
    expect(paramLabel("local/sketch", "sampler")).toBe("Sampler");
    expect(paramLabel("local/sketch", "guidanceScale")).toBe("Guidance");
    expect(paramLabel("local/sketch", "stylePreset")).toBe("Style preset");
  });

  it("still reads well for a key no model describes (a retired model, an unknown one)", () => {
    expect(paramLabel("gone/model", "guidanceScale")).toBe("Guidance scale");
    expect(paramLabel("gone/model", "enable_safety_checker")).toBe("Enable safety checker");
  });

  it("shows values as words", () => {
    expect(paramValue(true)).toBe("On");
    expect(paramValue(false)).toBe("Off");
    expect(paramValue("16:9")).toBe("16:9");
    expect(paramValue([{ path: "https://x.test/loras/ink.safetensors", scale: 0.8 }])).toBe("ink.safetensors × 0.8");
  });
});
