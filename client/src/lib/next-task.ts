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
