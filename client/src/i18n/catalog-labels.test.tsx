import { findModel } from "@image-studio/shared";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { paramLabel as galleryParamLabel } from "@/features/gallery/lib/param-labels";
import { ParamField } from "@/features/studio/components/param-field";
import { i18n } from "./index";
import { modelDescription } from "./labels";

afterEach(cleanup);
afterEach(() => i18n.changeLanguage("en"));

const spec = (modelId: string, key: string) => {
  const found = findModel(modelId)?.params.find((p) => p.key === key);
  if (!found) throw new Error(`${modelId} has no ${key}`);
  return found;
};

const field = (modelId: string, key: string) => (
  <ParamField modelId={modelId} spec={spec(modelId, key)} value={spec(modelId, key).default} onChange={() => {}} />
);

/** Model descriptions and parameter texts from the shared catalog, in the app's language. */
describe("catalog texts in the app's language", () => {
  it("labels and describes the studio's parameters in German, with a model's own wording", async () => {
    await i18n.changeLanguage("de");
    render(field("fal-ai/flux/dev", "steps"));
    expect(screen.getByRole("slider", { name: "Schritte" })).toBeInTheDocument();
    expect(screen.getByText(/^Entrauschungsschritte\./)).toBeInTheDocument();
    cleanup();
    render(field("fal-ai/kling-video/v2.1/standard/image-to-video", "guidanceScale"));
    expect(screen.getByRole("slider", { name: "Prompt-Treue" })).toBeInTheDocument();
    expect(screen.getByText("Klings cfg_scale: wie genau die Bewegung dem Prompt folgt.")).toBeInTheDocument();
    cleanup();
    render(field("fal-ai/flux/dev", "enableSafetyChecker"));
    expect(screen.getByRole("switch", { name: "Sicherheitsfilter" })).toBeChecked();
    expect(galleryParamLabel("fal-ai/flux/dev", "guidanceScale")).toBe("Guidance (CFG)");
    expect(modelDescription(i18n.t, findModel("fal-ai/flux-pro/v1.1")!)).toMatch(/^Das kommerzielle FLUX/);
  });

  it("shows the catalog's own English in English", () => {
    render(field("local/sketch", "steps"));
    expect(screen.getByRole("slider", { name: "Steps" })).toBeInTheDocument();
    expect(screen.getByText(spec("local/sketch", "steps").description)).toBeInTheDocument();
    expect(modelDescription(i18n.t, findModel("local/upscale")!)).toBe(findModel("local/upscale")!.description);
  });
});
