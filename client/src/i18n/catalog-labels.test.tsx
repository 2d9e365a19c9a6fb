import { findModel } from "@image-studio/shared";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { paramLabel as galleryParamLabel } from "@/features/gallery/lib/param-labels";
import { FormProvider, useForm } from "react-hook-form";
import { TooltipProvider } from "@/components/ui/tooltip";
import { ParamField } from "@/features/studio/components/param-field";
import { ParamsSection } from "@/features/studio/components/params-section";
import { defaultValues, type StudioValues } from "@/features/studio/lib/form";
import { i18n } from "./index";
import { bestForLabel, modelDescription, modelLicense, paramOptionLabel } from "./labels";

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

function Params({ modelId }: { modelId: string }) {
  const model = { ...findModel(modelId)!, isActive: true, available: true };
  const form = useForm<StudioValues>({ defaultValues: defaultValues(model) });
  return (
    <TooltipProvider>
      <FormProvider {...form}>
        <ParamsSection model={model} />
      </FormProvider>
    </TooltipProvider>
  );
}

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

  it("names a model's tip, uses, licence and the options of its selects in German", async () => {
    await i18n.changeLanguage("de");
    render(<Params modelId="fal-ai/flux/schnell" />);
    expect(screen.getByText("Tipp: Mehr als 4 Schritte helfen diesem destillierten Modell selten.")).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "Stilvorlage" })).toHaveTextContent("Keiner");
    cleanup();
    render(<ParamField modelId="fal-ai/flux/schnell" spec={spec("fal-ai/flux/schnell", "acceleration")} value="high" onChange={() => {}} />);
    expect(screen.getByRole("combobox")).toHaveTextContent("Hoch");
    const schnell = findModel("fal-ai/flux/schnell")!;
    expect(schnell.bestFor.map((use) => bestForLabel(i18n.t, use))).toEqual(["schnelle Entwürfe", "Ideen ausprobieren", "Stapel"]);
    expect(modelLicense(i18n.t, findModel("fal-ai/face-to-sticker")!)).toMatch(/^Nur für Forschung/);
    expect(paramOptionLabel(i18n.t, { key: "sampler" }, "euler_a")).toBe("euler_a");
    expect(paramOptionLabel(i18n.t, { key: "outputFormat" }, "png")).toBe("PNG");
  });

  it("keeps the catalog's English options and tip in English", () => {
    render(<Params modelId="fal-ai/flux/schnell" />);
    expect(screen.getByText(`Tip: ${findModel("fal-ai/flux/schnell")!.recommended.tip}`)).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "Style preset" })).toHaveTextContent("None");
    expect(paramOptionLabel(i18n.t, { key: "stylePreset" }, "3d-render")).toBe("3D render");
    expect(bestForLabel(i18n.t, "community LoRAs")).toBe("community LoRAs");
  });
});
