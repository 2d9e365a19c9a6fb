import { describe, expect, it } from "vitest";
import { categoriesOf, EMPTY_FILTER, filterPrompts } from "./filter";
import { makePrompt } from "./test-prompts";

const library = [
  makePrompt(1, {
    title: "Harbour at dawn",
    promptText: "fishing boats, mist",
    tags: ["sea"],
    category: "Places",
    usageCount: 2,
  }),
  makePrompt(2, {
    title: "Portrait",
    promptText: "an old sailor, oil painting",
    tags: ["people", "oil"],
    category: "People",
    isFavorite: true,
    usageCount: 9,
  }),
  makePrompt(3, {
    title: "apple still life",
    promptText: "three apples on a table",
    tags: ["food"],
    category: "Places",
  }),
];
const titles = (f: Partial<typeof EMPTY_FILTER>) =>
  filterPrompts(library, { ...EMPTY_FILTER, ...f }).map((p) => p.title);

describe("filterPrompts", () => {
  it("sorts by recent edit by default, then by usage or by title", () => {
    expect(titles({})).toEqual(["apple still life", "Portrait", "Harbour at dawn"]);
    expect(titles({ sort: "used" })).toEqual(["Portrait", "Harbour at dawn", "apple still life"]);
    expect(titles({ sort: "title" })).toEqual(["apple still life", "Harbour at dawn", "Portrait"]);
  });

  it("searches the title, the prompt text and the tags, case-insensitively, every word", () => {
    expect(titles({ q: "HARBOUR" })).toEqual(["Harbour at dawn"]);
    expect(titles({ q: "sailor" })).toEqual(["Portrait"]);
    expect(titles({ q: "oil" })).toEqual(["Portrait"]);
    expect(titles({ q: "sea" })).toEqual(["Harbour at dawn"]);
    expect(titles({ q: "boats dawn" })).toEqual(["Harbour at dawn"]);
    expect(titles({ q: "boats apples" })).toEqual([]);
    expect(titles({ q: "   " })).toHaveLength(3);
  });

  it("filters by category and by favourites, combined with the search", () => {
    expect(titles({ category: "Places" })).toEqual(["apple still life", "Harbour at dawn"]);
    expect(titles({ favoritesOnly: true })).toEqual(["Portrait"]);
    expect(titles({ category: "Places", q: "mist" })).toEqual(["Harbour at dawn"]);
    expect(titles({ category: "Places", favoritesOnly: true })).toEqual([]);
  });

  it("lists the categories in use once each, alphabetically", () => {
    expect(categoriesOf([...library, makePrompt(4, { category: "  " })])).toEqual(["People", "Places"]);
  });
});
