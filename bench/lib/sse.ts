/** A live-event (SSE) listener for the benches: counts events and notes when each job finished, as seen here. */
export interface Listener {
  /** jobId → performance.now() when its `completed` event arrived on this stream. */
  completed: Map<string, number>;
  /** jobId → the first image it made. */
  images: Map<string, string>;
  failed: number;
  events: number;
  close(): void;
}

/** Opens `url` (an event stream) with the session cookie; resolves once the server says `ready`. */
export async function openListener(url: string, cookie: string): Promise<Listener> {
  const abort = new AbortController();
  const res = await fetch(url, { headers: { cookie, accept: "text/event-stream" }, signal: abort.signal });
  if (res.status !== 200 || !res.body) throw new Error(`event stream: ${res.status}`);
  const l: Listener = { completed: new Map(), images: new Map(), failed: 0, events: 0, close: () => abort.abort() };
  let ready!: () => void;
  const isReady = new Promise<void>((r) => (ready = r));
  const decoder = new TextDecoder();
  let buffer = "";
  const reader = res.body.getReader();
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const event = /^event: ?(.*)$/m.exec(block)?.[1];
        const data = /^data: ?(.*)$/m.exec(block)?.[1];
        if (event === "ready") ready();
        if (!event || event === "ready" || !data) continue;
        l.events++;
        const e = JSON.parse(data) as { type: string; jobId?: string; imageIds?: string[] };
        if (e.type === "completed" && e.jobId) {
          l.completed.set(e.jobId, performance.now());
          if (e.imageIds?.[0]) l.images.set(e.jobId, e.imageIds[0]);
        }
        if (e.type === "failed") l.failed++;
      }
    }
  })();
  await isReady;
  return l;
}
