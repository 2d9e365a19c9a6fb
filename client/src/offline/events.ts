/** A tiny in-page event hub between the outbox, the sync engine and whoever listens (no React here). */

type Listener<T> = (value: T) => void;

export class Emitter<T> {
  private listeners = new Set<Listener<T>>();
  on(fn: Listener<T>): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
  emit(value: T) {
    for (const fn of [...this.listeners]) fn(value);
  }
}

/** A local change was queued: the engine pushes it when online. */
export const enqueued = new Emitter<string>();
