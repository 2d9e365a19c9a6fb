import { act, renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useSelection } from "./use-selection";

const ids = (n: number) => Array.from({ length: n }, (_, i) => `img-${i}`);

describe("gallery selection while pages are appended", () => {
  it("keeps one select function and selects ranges over the images that arrived after it was made", () => {
    const { result, rerender } = renderHook(({ list }) => useSelection(list), { initialProps: { list: ids(100) } });
    const select = result.current.select;
    act(() => result.current.select(98));
    rerender({ list: ids(200) });
    // The memoised tiles hold this function; a new page must not hand them a new one.
    expect(result.current.select).toBe(select);
    act(() => select(150, { range: true }));
    expect(result.current.count).toBe(53);
    expect(result.current.isSelected("img-150")).toBe(true);
    expect(result.current.isSelected("img-151")).toBe(false);
  });

  it("toggles the image at an index of the current list, and drops images that left it", () => {
    const { result, rerender } = renderHook(({ list }) => useSelection(list), { initialProps: { list: ids(3) } });
    act(() => result.current.select(2, { toggle: true }));
    expect(result.current.selected).toEqual(["img-2"]);
    rerender({ list: ["img-0", "img-1"] });
    expect(result.current.count).toBe(0);
    act(() => result.current.select(1, { toggle: true }));
    expect(result.current.selected).toEqual(["img-1"]);
  });
});
