import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { FilterSection } from "./filter-section";

afterEach(cleanup);

const section = (active: boolean) => (
  <FilterSection title="Shape and size" collapsible active={active}>
    <label htmlFor="aspect">Aspect ratio</label>
    <input id="aspect" />
  </FilterSection>
);

describe("FilterSection", () => {
  it("shows only its title until opened, then its controls", () => {
    render(section(false));
    const toggle = screen.getByRole("button", { name: "Shape and size" });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByLabelText("Aspect ratio")).toBeNull();
    fireEvent.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    expect(screen.getByLabelText("Aspect ratio")).toBeTruthy();
    expect(document.getElementById(toggle.getAttribute("aria-controls")!)?.contains(screen.getByLabelText("Aspect ratio"))).toBe(true);
    fireEvent.click(toggle);
    expect(screen.queryByLabelText("Aspect ratio")).toBeNull();
  });

  it("is open while one of its filters is set, and opens when one is set later", () => {
    const { rerender } = render(section(true));
    expect(screen.getByLabelText("Aspect ratio")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Shape and size" }));
    expect(screen.queryByLabelText("Aspect ratio")).toBeNull();
    rerender(section(false));
    expect(screen.queryByLabelText("Aspect ratio")).toBeNull();
    rerender(section(true));
    expect(screen.getByLabelText("Aspect ratio")).toBeTruthy();
  });

  it("is a plain group with its controls when not collapsible", () => {
    render(
      <FilterSection title="Rating">
        <button type="button">1 star or more</button>
      </FilterSection>,
    );
    expect(screen.getByRole("group", { name: "Rating" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Rating" })).toBeNull();
  });
});
