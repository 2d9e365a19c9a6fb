import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { isIOS, promptInstall, useInstallState, watchInstallPrompt } from "./install";

function installEvent(outcome: "accepted" | "dismissed") {
  const e = new Event("beforeinstallprompt", { cancelable: true }) as Event & { prompt: () => Promise<void>; userChoice: Promise<{ outcome: string }> };
  e.prompt = vi.fn(async () => {});
  e.userChoice = Promise.resolve({ outcome });
  return e;
}

describe("install prompt", () => {
  watchInstallPrompt(window);

  it("keeps the browser's offer for our button, shows it once, and reports the choice", async () => {
    const { result } = renderHook(() => useInstallState());
    expect(result.current).toBe("unavailable");
    const event = installEvent("accepted");
    act(() => void window.dispatchEvent(event));
    expect(event.defaultPrevented).toBe(true);
    expect(result.current).toBe("prompt");
    let accepted = false;
    await act(async () => void (accepted = await promptInstall()));
    expect(event.prompt).toHaveBeenCalledOnce();
    expect(accepted).toBe(true);
    expect(result.current).toBe("unavailable");
    expect(await promptInstall()).toBe(false); // an offer is good for one prompt
  });

  it("says installed after the app was installed", () => {
    const { result } = renderHook(() => useInstallState());
    act(() => void window.dispatchEvent(new Event("appinstalled")));
    expect(result.current).toBe("installed");
  });

  it("recognises iPhones and iPads (which report themselves as Macs with touch)", () => {
    expect(isIOS({ userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X)", platform: "iPhone", maxTouchPoints: 5 } as Navigator)).toBe(true);
    expect(isIOS({ userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)", platform: "MacIntel", maxTouchPoints: 5 } as Navigator)).toBe(true);
    expect(isIOS({ userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)", platform: "MacIntel", maxTouchPoints: 0 } as Navigator)).toBe(false);
  });
});
