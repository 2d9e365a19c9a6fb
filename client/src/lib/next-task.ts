/**
 * A new task: the browser gets the main thread back (input, the network's callbacks, rendering) before what follows
 * runs. A message to ourselves rather than `setTimeout(0)`, whose 4 ms clamp applies once timers nest (the boot's
 * steps and the page code's each start from the last one's callback).
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * After the document's `load` event, at the browser's next idle period (at most 5 s later): for work a page wants
 * soon but not in the idle gaps of its boot, between its requests, where it would compete with them. Where there is
 * no `requestIdleCallback` (Safari), `fallbackMs` after `load`.
 */
export function afterLoadWhenIdle(fallbackMs = 0): Promise<void> {
  const loaded =
    document.readyState === "complete"
      ? Promise.resolve()
      : new Promise<void>((resolve) => window.addEventListener("load", () => resolve(), { once: true }));
  return loaded.then(
    () =>
      new Promise<void>((resolve) => {
        if ("requestIdleCallback" in window) requestIdleCallback(() => resolve(), { timeout: 5000 });
        else setTimeout(resolve, fallbackMs);
      }),
  );
}
