import { describe, expect, it } from "vitest";
import { accountLabel } from "./account-label";

describe("account menu label", () => {
  it("shows a guest as 'Guest', never the placeholder address or name", () => {
    const label = accountLabel({ name: "Anonymous", email: "temp-abc123@guest.image-studio.invalid", isGuest: true });
    expect(label).toEqual({ name: "Guest", detail: "Demo account · local engine", guest: true });
    expect(JSON.stringify(label)).not.toMatch(/invalid|temp-|Anonymous/);
  });

  it("shows a member's name and email", () => {
    expect(accountLabel({ name: "Dana", email: "dana@example.test", isGuest: false })).toEqual({
      name: "Dana",
      detail: "dana@example.test",
      guest: false,
    });
  });
});
