import { describe, expect, it } from "vitest";
import { syncSharedQuerySchema } from "./sync-shared";

describe("syncSharedQuerySchema", () => {
  it("takes a version cursor and refuses anything else (never throws)", () => {
    expect(syncSharedQuerySchema.parse({ after: "42" })).toEqual({ after: "42", limit: 500 });
    expect(syncSharedQuerySchema.parse({})).toEqual({ limit: 500 });
    for (const after of ["xxxxxxxxxxxxxxxxxxxxxxxx", "9999-12-31", "1e300", "NaN", "a,b,,", "-1", "9999999999999999999", ""]) {
      expect(syncSharedQuerySchema.safeParse({ after }).success, after).toBe(false);
    }
    expect(syncSharedQuerySchema.safeParse({ after: "9223372036854775807" }).success).toBe(true);
  });
});
