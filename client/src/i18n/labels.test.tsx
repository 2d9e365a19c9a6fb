import { ASPECT_RATIOS } from "@image-studio/shared";
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { HelpOverlay } from "@/features/palette/help-overlay";
import { AspectRatioGrid } from "@/features/studio/components/aspect-ratio-grid";
import { i18n } from "./index";

afterEach(cleanup);
afterEach(() => i18n.changeLanguage("en"));

const grid = () => (
  <>
    <p id="aspect">Aspect</p>
    <AspectRatioGrid labelledBy="aspect" ratios={[...ASPECT_RATIOS]} allowCustom={false} value="16:9" onChange={() => {}} />
  </>
);

/** Shared label tables and the shortcut list render in the app's language. */
describe("label tables in the app's language", () => {
  it("names the aspect ratios and the shortcuts in German", async () => {
    await i18n.changeLanguage("de");
    render(grid());
    expect(screen.getByRole("radio", { name: "16:9 Breitbild" })).toBeChecked();
    expect(screen.getByRole("radio", { name: "1:1 Quadrat" })).toBeInTheDocument();
    cleanup();
    render(<HelpOverlay open onOpenChange={() => {}} />);
    const goTo = screen.getByRole("region", { name: "Gehe zu" });
    expect(within(goTo).getByText("Meine Bilder")).toBeInTheDocument();
    expect(screen.getByText("Befehlspalette öffnen")).toBeInTheDocument();
  });

  it("shows the shared English text in English", () => {
    render(grid());
    expect(screen.getByRole("radio", { name: "16:9 Widescreen" })).toBeChecked();
    cleanup();
    render(<HelpOverlay open onOpenChange={() => {}} />);
    expect(within(screen.getByRole("region", { name: "Go to" })).getByText("My images")).toBeInTheDocument();
  });
});
