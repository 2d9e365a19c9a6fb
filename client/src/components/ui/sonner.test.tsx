import { act, render, screen } from "@testing-library/react";
import { toast } from "sonner";
import { describe, expect, it } from "vitest";
import { Toaster } from "./sonner";

describe("toast outlet", () => {
  it("shows a toast raised before it mounted (it loads lazily), once, with its type", async () => {
    act(() => {
      toast.success("Defaults saved early");
    });
    render(<Toaster />);
    const shown = await screen.findByText("Defaults saved early");
    expect(shown.closest("[data-sonner-toast]")?.getAttribute("data-type")).toBe("success");
    act(() => {
      toast.info("Raised after mounting");
    });
    expect(await screen.findByText("Raised after mounting")).toBeTruthy();
    expect(screen.getAllByText("Defaults saved early")).toHaveLength(1);
  });
});
