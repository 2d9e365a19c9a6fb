import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { SPRITE_ICONS } from "./icon-names";
import { buildSprite, readSprite } from "./icon-sprite.build";
import { Heart, Star } from "./icons";

describe("icon sprite", () => {
  it("is what lucide's icon data gives for the listed names (rewrite it with icon-sprite.build.ts)", async () => {
    expect(await readSprite()).toBe(await buildSprite());
  });

  it("holds one symbol per listed icon, with shapes and no stroke of its own", async () => {
    const sprite = await readSprite();
    for (const name of SPRITE_ICONS) expect(sprite).toMatch(new RegExp(`<symbol id="${name}" viewBox="0 0 24 24"><(path|rect|circle|line|polyline)`));
    // The <svg> using a symbol sets its stroke; a few lucide shapes fill with the current colour themselves.
    expect(sprite).not.toMatch(/stroke=|fill="(?!currentColor")/);
  });

  it("draws an icon as an svg that uses its symbol, hidden from assistive technology", () => {
    const { container } = render(<Heart className="size-4 fill-current" />);
    const svg = container.querySelector("svg")!;
    expect(svg.getAttribute("aria-hidden")).toBe("true");
    expect(svg.getAttribute("class")).toBe("lucide lucide-heart size-4 fill-current");
    expect(svg.getAttribute("stroke")).toBe("currentColor");
    expect(svg.children).toHaveLength(1);
    expect(svg.querySelector("use")!.getAttribute("href")).toMatch(/icon-sprite[^#]*#heart$/);
  });

  it("is an image with a name when it is given a label", () => {
    const { getByRole } = render(<Star aria-label="Favourite" />);
    expect(getByRole("img", { name: "Favourite" }).getAttribute("aria-hidden")).toBeNull();
  });
});
