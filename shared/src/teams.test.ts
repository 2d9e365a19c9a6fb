import { describe, expect, it } from "vitest";
import { mentionedNames, roleAtLeast, strongerRole } from "./teams";

describe("team roles", () => {
  it("ranks viewer < editor < admin < owner", () => {
    expect(roleAtLeast("viewer", "editor")).toBe(false);
    expect(roleAtLeast("editor", "editor")).toBe(true);
    expect(roleAtLeast("admin", "editor")).toBe(true);
    expect(roleAtLeast("owner", "admin")).toBe(true);
    expect(roleAtLeast(null, "viewer")).toBe(false);
    expect(strongerRole("viewer", "editor")).toBe("editor");
    expect(strongerRole("admin", "editor")).toBe("admin");
    expect(strongerRole(null, "viewer")).toBe("viewer");
  });
});

describe("mentionedNames", () => {
  const names = ["Ann", "Ann Lee", "Bo"];
  it("finds whole @names, case-insensitively, at word ends", () => {
    expect(mentionedNames("thanks @ann lee!", names)).toContain("Ann Lee");
    expect(mentionedNames("@Bo, look", names)).toEqual(["Bo"]);
    expect(mentionedNames("@Bob look", names)).toEqual([]);
    expect(mentionedNames("mail bo@example.com", names)).toEqual([]);
    expect(mentionedNames("no mentions here", names)).toEqual([]);
  });
});
