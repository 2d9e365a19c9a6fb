import { describe, expect, it } from "vitest";
import { SubmissionGuard } from "./submission-guard";

function setup() {
  let n = 0;
  let now = 1_000;
  const guard = new SubmissionGuard(() => `id-${++n}`, 1500, () => now);
  return { guard, advance: (ms: number) => (now += ms) };
}

describe("SubmissionGuard", () => {
  it("treats a second click while the first request is in flight as a duplicate", () => {
    const { guard } = setup();
    const first = guard.begin("k");
    expect(first).toEqual({ clientId: "id-1", duplicate: false });
    expect(guard.begin("k")).toEqual({ clientId: "id-1", duplicate: true });
  });

  it("treats a click just after a fast success as a duplicate, and a later one as a new job", () => {
    const { guard, advance } = setup();
    guard.settle(guard.begin("k").clientId, "done");
    advance(300);
    expect(guard.begin("k").duplicate).toBe(true);
    advance(2_000);
    expect(guard.begin("k")).toEqual({ clientId: "id-2", duplicate: false });
  });

  it("reuses the clientId after a retryable failure so the retry cannot make a second job", () => {
    const { guard } = setup();
    guard.settle(guard.begin("k").clientId, "failed");
    expect(guard.begin("k")).toEqual({ clientId: "id-1", duplicate: false });
  });

  it("mints a new id for changed settings or after a rejection", () => {
    const { guard } = setup();
    guard.begin("a");
    expect(guard.begin("b")).toEqual({ clientId: "id-2", duplicate: false });
    guard.settle("id-2", "rejected");
    expect(guard.begin("b")).toEqual({ clientId: "id-3", duplicate: false });
  });
});
