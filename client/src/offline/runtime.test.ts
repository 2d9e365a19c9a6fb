import { afterEach, describe, expect, it, vi } from "vitest";
import type * as Storage from "./storage";

let release: (switched: boolean) => void = () => undefined;
vi.mock("./storage", async (importOriginal) => ({
  ...(await importOriginal<typeof Storage>()),
  // The device's database answers only when the test says so (a slow IndexedDB open on a phone).
  switchUser: () => new Promise<boolean>((resolve) => (release = resolve)),
}));

const { engine, startOffline, stopOffline, stopOfflineAndSettle } = await import("./runtime");
const user = { id: "u1", email: "ada@example.com", name: "Ada" };

afterEach(() => {
  stopOffline();
  vi.restoreAllMocks();
});

describe("the offline runtime", () => {
  it("syncs once it has switched the device to the user, and on focus after that", async () => {
    const sync = vi.spyOn(engine, "sync").mockResolvedValue({ pushed: 0, pulled: 0, failed: [], unhandled: [] });
    const started = startOffline(user);
    expect(sync).not.toHaveBeenCalled();
    release(false);
    await started;
    expect(sync).toHaveBeenCalledTimes(1);
    window.dispatchEvent(new Event("focus"));
    expect(sync).toHaveBeenCalledTimes(2);
  });

  it("a start still waiting on the device's database when sign-out stops it neither syncs nor listens", async () => {
    const sync = vi.spyOn(engine, "sync").mockResolvedValue({ pushed: 0, pulled: 0, failed: [], unhandled: [] });
    const started = startOffline(user);
    await stopOfflineAndSettle();
    release(false);
    await started;
    window.dispatchEvent(new Event("focus"));
    window.dispatchEvent(new Event("online"));
    expect(sync).not.toHaveBeenCalled();
  });
});
