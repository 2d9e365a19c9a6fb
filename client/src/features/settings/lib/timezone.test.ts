import { afterEach, describe, expect, it } from "vitest";
import { formatDateTime } from "@/i18n/format";
import { applyTimeZone } from "./timezone";

describe("applyTimeZone", () => {
  afterEach(() => applyTimeZone("auto"));

  it("dates the app has formatted before follow a newly chosen zone (formatters made in the old one are forgotten)", () => {
    const noon = Date.UTC(2026, 0, 1, 12, 0);
    const time = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;
    applyTimeZone("UTC");
    expect(formatDateTime(noon, time)).toBe("12:00");
    applyTimeZone("Asia/Tokyo");
    expect(formatDateTime(noon, time)).toBe("21:00");
    applyTimeZone("America/New_York");
    expect(formatDateTime(noon, time)).toBe("07:00");
  });
});
