import type { SharedReview } from "@image-studio/shared";
import { beforeEach, describe, expect, it } from "vitest";
import { loadReviewer, saveReviewer, summarize } from "./review-api";

const r = (imageId: string, verdict: SharedReview["verdict"], mine = false): SharedReview => ({ imageId, verdict, note: "", reviewerName: "A", mine, updatedAt: "2026-12-01T00:00:00.000Z" });

describe("the reviewer on this device", () => {
  beforeEach(() => localStorage.clear());

  it("gets a random id once and keeps it with the name given", () => {
    const first = loadReviewer();
    expect(first.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.name).toBe("");
    saveReviewer({ ...first, name: "Ana" });
    expect(loadReviewer()).toEqual({ id: first.id, name: "Ana" });
  });

  it("replaces a broken entry", () => {
    localStorage.setItem("image-studio.reviewer", "{not json");
    expect(loadReviewer().id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("summarizes verdicts per image with this reviewer's own", () => {
    const s = summarize([r("a", "approved", true), r("a", "changes_requested"), r("b", "changes_requested")]);
    expect(s.get("a")).toMatchObject({ approved: 1, changes: 1, mine: { verdict: "approved" } });
    expect(s.get("b")).toMatchObject({ approved: 0, changes: 1, mine: null });
  });
});
