import { describe, expect, it } from "vitest";
import { announce, type DropTargetData, dropTargetKey, idsToDrag, isDropTarget, isImageDrag, resultMessage } from "./drag-model";

const project: DropTargetData = { type: "drop-target", kind: "project", id: "p1", name: "Harbour" };

describe("dragging images onto projects and collections", () => {
  it("drags the whole selection when the grabbed image is selected, else the image alone", () => {
    expect(idsToDrag(["a", "b", "c"], "b")).toEqual(["a", "b", "c"]);
    expect(idsToDrag(["a", "b"], "z")).toEqual(["z"]);
    expect(idsToDrag([], "z")).toEqual(["z"]);
  });

  it("tells drags and targets apart from other dnd-kit data", () => {
    expect(isImageDrag({ type: "images", imageId: "a", label: "x", imageIds: () => ["a"] })).toBe(true);
    expect(isImageDrag({ type: "drop-target" })).toBe(false);
    expect(isImageDrag(undefined)).toBe(false);
    expect(isDropTarget(project)).toBe(true);
    expect(isDropTarget({ sortable: {} })).toBe(false);
    expect(dropTargetKey("sidebar", "project", "p1")).not.toBe(dropTargetKey("tray", "project", "p1"));
  });

  it("announces and reports in plain words, with counts", () => {
    expect(announce.start(3)).toMatch(/^Picked up 3 images\. .*arrow keys/);
    expect(announce.over(project)).toBe("Over project Harbour.");
    expect(announce.over(undefined)).toBe("Not over a project or collection.");
    expect(announce.end(1, { ...project, kind: "collection", name: "Best" })).toBe("Dropped 1 image on collection Best.");
    expect(announce.end(2, undefined)).toMatch(/nothing changed/);
    expect(resultMessage("project", "Harbour", 2)).toBe("Moved 2 images to Harbour");
    expect(resultMessage("collection", "Best", 1)).toBe("Added 1 image to Best");
  });
});
