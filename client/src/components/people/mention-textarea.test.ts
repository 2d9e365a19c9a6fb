import { describe, expect, it } from "vitest";
import { matchPeople, mentionQuery } from "./mention-textarea";

describe("mentionQuery", () => {
  it("finds the @query before the caret after a start or a space", () => {
    expect(mentionQuery("hi @an", 6)).toEqual({ start: 3, query: "an" });
    expect(mentionQuery("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionQuery("hi @Ann Le", 10)).toEqual({ start: 3, query: "Ann Le" });
  });
  it("ignores e-mail addresses, other lines and the text after the caret", () => {
    expect(mentionQuery("bo@example", 10)).toBeNull();
    expect(mentionQuery("@ann\nnext", 9)).toBeNull();
    expect(mentionQuery("plain @ann", 5)).toBeNull();
  });
});

describe("matchPeople", () => {
  const people = [
    { userId: "1", name: "Ann Lee" },
    { userId: "2", name: "Bo Stone" },
  ];
  it("matches the start of any word of a name", () => {
    expect(matchPeople(people, "le").map((p) => p.userId)).toEqual(["1"]);
    expect(matchPeople(people, "").length).toBe(2);
    expect(matchPeople(people, "x")).toEqual([]);
  });
});
