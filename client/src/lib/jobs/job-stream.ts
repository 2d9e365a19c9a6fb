/**
 * One EventSource on /api/generate/events for the whole tab, opened while at least one component listens.
 * It reconnects on its own (the browser does, and we re-open it when the browser gives up); `connected`
 * tells callers whether they should poll instead.
 */
import type { JobEventPayload } from "@image-studio/shared";

type Listener = (event: JobEventPayload) => void;
type StatusListener = (connected: boolean) => void;

const EVENT_TYPES = ["queued", "position", "started", "progress", "completed", "failed", "cancelled"] as const;
const REOPEN_MS = 5_000;

class JobStream {
  private source?: EventSource;
  private listeners = new Set<Listener>();
  private statusListeners = new Set<StatusListener>();
  private reopenTimer?: ReturnType<typeof setTimeout>;
  connected = false;

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    this.open();
    return () => {
      this.listeners.delete(listener);
      if (!this.listeners.size) this.close();
    };
  }

  onStatus(listener: StatusListener): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  private setConnected(value: boolean) {
    if (this.connected === value) return;
    this.connected = value;
    for (const l of this.statusListeners) l(value);
  }

  private open() {
    if (this.source || typeof EventSource === "undefined") return;
    const source = new EventSource("/api/generate/events", { withCredentials: true });
    this.source = source;
    source.addEventListener("ready", () => this.setConnected(true));
    source.onopen = () => this.setConnected(true);
    source.onerror = () => {
      this.setConnected(false);
      if (source.readyState === EventSource.CLOSED) {
        // The browser gave up (e.g. a 401 or a proxy error): try again later; polling covers the gap.
        this.source = undefined;
        clearTimeout(this.reopenTimer);
        this.reopenTimer = setTimeout(() => this.listeners.size && this.open(), REOPEN_MS);
      }
    };
    for (const type of EVENT_TYPES) {
      source.addEventListener(type, (e) => {
        let payload: JobEventPayload;
        try {
          payload = JSON.parse((e as MessageEvent<string>).data) as JobEventPayload;
        } catch {
          return;
        }
        for (const l of this.listeners) l(payload);
      });
    }
  }

  private close() {
    clearTimeout(this.reopenTimer);
    this.source?.close();
    this.source = undefined;
    this.setConnected(false);
  }
}

export const jobStream = new JobStream();
