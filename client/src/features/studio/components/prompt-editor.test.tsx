import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { PromptEditor } from "./prompt-editor";
import { SeedField } from "./seed-field";
import { TooltipProvider } from "@/components/ui/tooltip";
import { i18n } from "@/i18n";

afterEach(cleanup);

function Harness({ initial = "" }: { initial?: string }) {
  const [value, setValue] = useState(initial);
  return <PromptEditor aria-label="Prompt" value={value} onChange={setValue} maxLength={4000} hintId="hint" />;
}

describe("PromptEditor", () => {
  it("tints weighted words in the overlay and names them in the strength hint", async () => {
    const { container } = render(<Harness />);
    await userEvent.click(screen.getByLabelText("Prompt"));
    await userEvent.paste("a (castle:1.4) and [[fog]]");
    const overlay = container.querySelector('[aria-hidden="true"]')!;
    const tinted = [...overlay.querySelectorAll("span")].filter((s) => /bg-(primary|accent)/.test(s.className)).map((s) => s.textContent);
    expect(tinted).toEqual(["castle", "fog"]);
    expect(overlay.textContent).toBe("a (castle:1.4) and [[fog]]\n");
    const terms = screen.getByRole("list", { name: "Weighted terms" });
    expect(terms).toHaveTextContent("castle1.4×");
    expect(terms).toHaveTextContent("fog0.83×");
    expect(screen.getByText(/Strongest emphasis: “castle” 1.4×/)).toBeInTheDocument();
  });

  it("warns about unbalanced brackets and re-weights a selection with Ctrl+↑", async () => {
    render(<Harness initial="a castle" />);
    const box = screen.getByLabelText<HTMLTextAreaElement>("Prompt");
    box.focus();
    box.setSelectionRange(2, 8);
    await userEvent.keyboard("{Control>}{ArrowUp}{/Control}");
    expect(box.value).toBe("a (castle:1.1)");
    await userEvent.clear(box);
    await userEvent.paste("a (castle");
    expect(screen.getByText(/is never closed/)).toBeInTheDocument();
  });

  it("names weights and syntax problems in the app's language", async () => {
    await i18n.changeLanguage("de");
    try {
      render(<Harness initial="a (castle:1.8) ((fog" />);
      expect(screen.getByText("„(“ an Position 16 wird nie geschlossen")).toBeInTheDocument();
      expect(screen.getByText(/^1 gewichteter Begriff\. Stärkste Betonung: „castle“ 1\.8× – sehr stark; Bilder können verzerren\.$/)).toBeInTheDocument();
    } finally {
      await i18n.changeLanguage("en");
    }
  });
});

function SeedHarness() {
  const [state, setState] = useState<{ seed: number | null; locked: boolean }>({ seed: null, locked: false });
  return (
    <TooltipProvider>
      <SeedField id="seed" seed={state.seed} locked={state.locked} onChange={setState} />
      <output data-testid="state">{JSON.stringify(state)}</output>
    </TooltipProvider>
  );
}

describe("SeedField", () => {
  it("locks when a seed is typed, unlocks when cleared, and randomise picks and locks a seed", async () => {
    render(<SeedHarness />);
    const input = screen.getByRole("textbox");
    await userEvent.type(input, "42");
    expect(screen.getByTestId("state")).toHaveTextContent('{"seed":42,"locked":true}');
    await userEvent.clear(input);
    expect(screen.getByTestId("state")).toHaveTextContent('{"seed":null,"locked":false}');
    await userEvent.click(screen.getByRole("button", { name: "Random seed" }));
    expect(JSON.parse(screen.getByTestId("state").textContent!)).toMatchObject({ locked: true, seed: expect.any(Number) });
    await userEvent.click(screen.getByRole("button", { name: /unlock/i }));
    expect(JSON.parse(screen.getByTestId("state").textContent!).locked).toBe(false);
  });
});
