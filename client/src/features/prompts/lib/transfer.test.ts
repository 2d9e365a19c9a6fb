import { promptCreateSchema } from "@image-studio/shared";
import { describe, expect, it } from "vitest";
import { exportPrompts, parseImport } from "./transfer";
import { makePrompt } from "./test-prompts";

let n = 0;
const mint = () => `${(0xa0000000 + ++n).toString(16)}-0000-4000-8000-000000000000`;

describe("parseImport", () => {
  it("round-trips an export, minting fresh ids (an id in the file may clash with one here)", () => {
    const existing = [
      makePrompt(1, { title: "Kept", tags: ["a"], category: "Cat", isFavorite: true, negativePrompt: "blur" }),
    ];
    const file = exportPrompts([...existing, makePrompt(2, { title: "New one" })]);
    const r = parseImport(file, [], mint);
    expect(r.error).toBeUndefined();
    expect(r.invalid).toEqual([]);
    expect(r.valid.map((p) => p.title)).toEqual(["Kept", "New one"]);
    expect(r.valid[0]).toMatchObject({ tags: ["a"], category: "Cat", isFavorite: true, negativePrompt: "blur" });
    for (const p of r.valid) expect(promptCreateSchema.safeParse(p).success).toBe(true);
    expect(r.valid.map((p) => p.id)).not.toContain(existing[0]!.id);
    expect(new Set(r.valid.map((p) => p.id)).size).toBe(2);
  });

  it("reports invalid entries with their position and reason, and keeps the valid ones", () => {
    const r = parseImport(
      JSON.stringify([
        { title: "Good", promptText: "a cat" },
        { title: "", promptText: "no title" },
        { title: "No text" },
        { title: "Bad tags", promptText: "x", tags: ["a,b"] },
        "just a string",
        { title: "Too long", promptText: "x".repeat(5000) },
      ]),
      [],
      mint,
    );
    expect(r.valid.map((p) => p.title)).toEqual(["Good"]);
    expect(r.invalid.map((p) => [p.index, p.label])).toEqual([
      [2, "Entry 2"],
      [3, "No text"],
      [4, "Bad tags"],
      [5, "Entry 5"],
      [6, "Too long"],
    ]);
    expect(r.invalid[0]!.message).toContain("Give the prompt a title");
    expect(r.invalid[1]!.message).toMatch(/^promptText:/);
    expect(r.invalid[2]!.message).toContain("tags cannot contain commas");
  });

  it("skips prompts already in the library or repeated in the file", () => {
    const existing = [makePrompt(1, { title: "Dawn", promptText: "a harbour" })];
    const r = parseImport(
      JSON.stringify({
        prompts: [
          { title: "dawn ", promptText: "A harbour" },
          { title: "Dusk", promptText: "x" },
          { title: "Dusk", promptText: "x" },
        ],
      }),
      existing,
      mint,
    );
    expect(r.valid.map((p) => p.title)).toEqual(["Dusk"]);
    expect(r.duplicates).toBe(2);
  });

  it("refuses files that are not JSON or hold no prompts", () => {
    expect(parseImport("{nope", []).error).toMatch(/valid JSON/);
    expect(parseImport(JSON.stringify({ hello: 1 }), []).error).toMatch(/No prompts found/);
  });
});
