import type { ImageSummary } from "@image-studio/shared";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { ListRow } from "./list-row";

afterEach(cleanup);

const image = {
  id: "00000000-0000-4000-8000-000000000001",
  projectId: null,
  prompt: "a violet harbour at dawn",
  altText: "",
  modelId: "fal-ai/flux/dev",
  width: 1360,
  height: 768,
  fileSize: 200_000,
  format: "png",
  thumbhash: null,
  isFavorite: true,
  rating: 4,
  tags: [],
  parentImageId: null,
  operation: "text-to-image",
  createdAt: "2026-11-01T00:00:00.000Z",
  deletedAt: null,
  version: 1,
} as unknown as ImageSummary;

const cb = { onPreview: () => {}, onFavorite: () => {}, onTrash: () => {}, onRestore: () => {}, onPurge: () => {} };
const row = (columns: "narrow" | "mid" | "wide") =>
  render(
    <div role="list">
      <ListRow
        image={image}
        index={0}
        total={1}
        top={0}
        selected={false}
        selecting={false}
        mode="all"
        columns={columns}
        onSelect={() => {}}
        cb={cb}
      />
    </div>,
  );
const cells = () => [...screen.getByRole("listitem").children].map((el) => el.textContent);

describe("a list row", () => {
  it("at full width has every column and no second line under the prompt", () => {
    row("wide");
    expect(screen.getByRole("listitem").textContent).not.toContain("·");
    expect(cells()).toEqual(expect.arrayContaining(["flux/dev", "1360×768", "4"]));
    expect(screen.getByTitle("fal-ai/flux/dev")).toBeTruthy();
  });

  it("at medium width has the model and size columns only", () => {
    row("mid");
    expect(screen.getByTitle("fal-ai/flux/dev")).toBeTruthy();
    expect(screen.queryByLabelText("actions.favourite")).toBeNull();
  });

  it("when narrow, puts model and size under the prompt instead of in columns", () => {
    row("narrow");
    expect(screen.queryByTitle("fal-ai/flux/dev")).toBeNull();
    expect(screen.getByRole("button", { name: /a violet harbour/ }).textContent).toContain("1360×768");
  });

  it("mounts its quick actions only while hovered or focused", () => {
    row("wide");
    const item = screen.getByRole("listitem");
    const cellsAtRest = item.children.length;
    const buttonsAtRest = screen.getAllByRole("button").length;
    fireEvent.pointerEnter(item);
    expect(item.children.length).toBe(cellsAtRest + 1);
    expect(screen.getAllByRole("button").length).toBeGreaterThan(buttonsAtRest);
    fireEvent.pointerLeave(item);
    expect(item.children.length).toBe(cellsAtRest);
    expect(screen.getAllByRole("button").length).toBe(buttonsAtRest);
  });
});
