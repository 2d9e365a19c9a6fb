import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const registered = vi.fn();
vi.mock("workbox-window", () => ({
  Workbox: class {
    constructor(public url: string) {}
    addEventListener() {}
    messageSkipWaiting() {}
    register(options: unknown) {
      registered(this.url, options);
      return Promise.resolve(undefined);
    }
  },
}));
vi.mock("./env", () => ({ clientEnv: { dev: false } }));

const { registerServiceWorker } = await import("./sw-register");

/** Lets every queued promise callback run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let idle: (() => void)[] = [];
beforeEach(() => {
  idle = [];
  registered.mockClear();
  vi.stubGlobal("requestIdleCallback", (cb: () => void) => idle.push(cb));
  Object.defineProperty(navigator, "serviceWorker", { configurable: true, value: {} });
});
afterEach(() => {
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, "serviceWorker");
});

describe("registerServiceWorker", () => {
  it("registers only after the first render and the page's next idle period", async () => {
    let rendered!: () => void;
    const done = registerServiceWorker(() => undefined, new Promise<void>((resolve) => (rendered = resolve)));
    await settle();
    expect(idle).toHaveLength(0); // still waiting for the first render
    expect(registered).not.toHaveBeenCalled();

    rendered();
    await settle();
    expect(idle).toHaveLength(1); // the document has loaded (jsdom: complete): now the idle period
    expect(registered).not.toHaveBeenCalled();

    idle[0]!();
    await done;
    expect(registered).toHaveBeenCalledWith("/sw.js", { immediate: true });
  });

  it("still registers when the first render failed", async () => {
    const done = registerServiceWorker(() => undefined, Promise.reject(new Error("render failed")));
    await settle();
    idle[0]!();
    await done;
    expect(registered).toHaveBeenCalledTimes(1);
  });
});
