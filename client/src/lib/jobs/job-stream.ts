/**
 * One EventSource on /api/generate/events for the whole tab, opened while at least one component listens.
 * It reconnects on its own (the browser does, and we re-open it when the browser gives up); `connected`
 * tells callers whether they should poll instead.
 */
import type { BatchEventPayload, JobEventPayload, Notification } from "@image-studio/shared";

type Listener = (event: JobEventPayload) => void;
type NotificationListener = (notification: Notification) => void;
/** Events about batches and the waiting line's order (not about one job). */
type BatchListener = (event: BatchEventPayload) => void;
type StatusListener = (connected: boolean) => void;

const EVENT_TYPES = ["queued", "position", "started", "progress", "completed", "failed", "cancelled"] as const;
const BATCH_EVENT_TYPES = ["batch", "line"] as const;
const REOPEN_MS = 5_000;

class JobStream {
  private source?: EventSource;
  private listeners = new Set<Listener>();
  /** The bell's listeners: `notification` events, kept apart so job listeners only ever see job events. */
  private notificationListeners = new Set<NotificationListener>();
  private batchListeners = new Set<BatchListener>();
  private statusListeners = new Set<StatusListener>();
  private reopenTimer?: ReturnType<typeof setTimeout>;
  connected = false;

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    this.open();
    return () => {
      this.listeners.delete(listener);
      if (!this.listening) this.close();
    };
  }

  /** New notifications for the signed-in user (the bell), over the same stream. */
  subscribeNotifications(listener: NotificationListener): () => void {
    this.notificationListeners.add(listener);
    this.open();
    return () => {
      this.notificationListeners.delete(listener);
      if (!this.listening) this.close();
    };
  }

  /** Batch progress and line-order events, on the same one connection. */
  subscribeBatches(listener: BatchListener): () => void {
    this.batchListeners.add(listener);
    this.open();
    return () => {
      this.batchListeners.delete(listener);
      if (!this.listening) this.close();
    };
  }

  private get listening() {
    return this.listeners.size + this.notificationListeners.size + this.batchListeners.size > 0;
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
        this.reopenTimer = setTimeout(() => this.listening && this.open(), REOPEN_MS);
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
    source.addEventListener("notification", (e) => {
      let payload: { notification?: Notification };
      try {
        payload = JSON.parse((e as MessageEvent<string>).data) as { notification?: Notification };
      } catch {
        return;
      }
      if (payload.notification) for (const l of this.notificationListeners) l(payload.notification);
    });
    for (const type of BATCH_EVENT_TYPES) {
      source.addEventListener(type, (e) => {
        let payload: BatchEventPayload;
        try {
          payload = JSON.parse((e as MessageEvent<string>).data) as BatchEventPayload;
        } catch {
          return;
        }
        for (const l of this.batchListeners) l(payload);
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
