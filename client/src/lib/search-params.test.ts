import { describe, expect, it } from "vitest";
import { gallerySearchSchema } from "@/features/gallery/search";
import { flag, isoDate, jsonObject, list, looseText, num, oneOf, searchParams, text, uuid } from "./search-params";

/** The route search parsers replace zod's `.optional().catch(undefined)` schemas one for one: same values kept, same dropped. */
describe("search params", () => {
  it("keeps the fields that fit and leaves out the ones that do not (never throws)", () => {
    const parse = searchParams({ q: text(5), sort: oneOf(["date", "rating"]), on: flag });
    expect(parse({ q: "fox", sort: "rating", on: true, other: "x" })).toEqual({ q: "fox", sort: "rating", on: true });
    expect(parse({ q: "too long", sort: "size", on: "yes" })).toEqual({});
    expect(parse({})).toEqual({});
  });

  it("reads text, patterns and the numbers and booleans the router parsed from the URL", () => {
    expect(text()("x".repeat(5000))).toHaveLength(5000);
    expect(text(10, /^\d{4}-\d{2}-\d{2}$/)("2026-12-05")).toBe("2026-12-05");
    expect(text(10, /^\d{4}-\d{2}-\d{2}$/)("05.12.2026")).toBeUndefined();
    expect(text()(42)).toBeUndefined();
    expect(looseText(10)(42)).toBe("42");
    expect(looseText(10)(false)).toBe("false");
    expect(looseText(1)(42)).toBeUndefined();
  });

  it("checks UUIDs and calendar dates the way zod does", () => {
    expect(uuid("0b9f8f2e-7c1a-4e5b-9d3c-2a1b0c9d8e7f")).toBe("0b9f8f2e-7c1a-4e5b-9d3c-2a1b0c9d8e7f");
    expect(uuid("0b9f8f2e-7c1a-9e5b-9d3c-2a1b0c9d8e7f")).toBeUndefined(); // version 9 does not exist
    expect(uuid("nope")).toBeUndefined();
    expect(isoDate("2024-02-29")).toBe("2024-02-29");
    expect(isoDate("2023-02-29")).toBeUndefined();
    expect(isoDate("2026-13-01")).toBeUndefined();
  });

  it("bounds numbers, refuses fractions where whole numbers are asked, and coerces text only when told", () => {
    expect(num({ min: 1, max: 5, integer: true })(3)).toBe(3);
    expect(num({ min: 1, max: 5, integer: true })(3.5)).toBeUndefined();
    expect(num({ min: 1, max: 5 })(6)).toBeUndefined();
    expect(num()("1")).toBeUndefined();
    expect(num({ coerce: true })("1")).toBe(1);
    expect(num({ coerce: true })("x")).toBeUndefined();
  });

  it("drops a whole list when one item does not fit, and reads JSON objects given as text", () => {
    expect(list(text(3), 2)(["a", "b"])).toEqual(["a", "b"]);
    expect(list(text(3), 2)(["a", 1])).toBeUndefined();
    expect(list(text(3), 2)(["a", "b", "c"])).toBeUndefined();
    expect(jsonObject('{"seed":9}')).toEqual({ seed: 9 });
    expect(jsonObject({ seed: 9 })).toEqual({ seed: 9 });
    expect(jsonObject("[1]")).toBeUndefined();
    expect(jsonObject("{not json")).toBeUndefined();
  });

  it("parses the gallery's URL state", () => {
    expect(
      gallerySearchSchema({ q: "fox", sort: "rating", view: "list", tags: ["a"], minRating: 4, favorite: true, from: "2026-01-01", aspect: "16:9", media: "gif" }),
    ).toEqual({ q: "fox", sort: "rating", view: "list", tags: ["a"], minRating: 4, favorite: true, from: "2026-01-01", aspect: "16:9" });
  });
});
