import { describe, expect, it } from "vitest";
import { clickSelection } from "./use-selection";

const click = (mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {}) => ({ shiftKey: false, ctrlKey: false, metaKey: false, ...mods });

describe("what a click on an image means", () => {
  it("previews a plain click, toggles with ctrl/cmd or while selecting, and selects a range with shift", () => {
    expect(clickSelection(click(), false)).toBeNull();
    expect(clickSelection(click(), true)).toEqual({ toggle: true });
    expect(clickSelection(click({ ctrlKey: true }), false)).toEqual({ toggle: true });
    expect(clickSelection(click({ metaKey: true }), false)).toEqual({ toggle: true });
    expect(clickSelection(click({ shiftKey: true, ctrlKey: true }), true)).toEqual({ range: true });
  });
});
