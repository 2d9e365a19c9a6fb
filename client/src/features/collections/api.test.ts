import { describe, expect, it } from "vitest";
import { moveInOrder } from "./api";

describe("moveInOrder", () => {
  it("moves an image and names the one it now follows", () => {
    expect(moveInOrder(["a", "b", "c", "d"], "d", 1)).toEqual({ order: ["a", "d", "b", "c"], afterImageId: "a" });
    expect(moveInOrder(["a", "b", "c"], "c", 0)).toEqual({ order: ["c", "a", "b"], afterImageId: null });
    expect(moveInOrder(["a", "b", "c"], "a", 2)).toEqual({ order: ["b", "c", "a"], afterImageId: "c" });
  });
});
