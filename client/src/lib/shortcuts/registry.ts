import { type ShortcutDef, type ShortcutId, SHORTCUTS } from "./definitions";
import { type Combo, isTypingTarget, matchesCombo, parseBinding } from "./keys";

/** A handler returns false to pass the key on (to an older handler of the same shortcut, or to the page). */
export type ShortcutHandler = (e: KeyboardEvent) => void | boolean;

/** How long the second key of a sequence ("g" then "d") may wait. */
export const SEQUENCE_MS = 1500;

const MODAL = "[role='dialog'][aria-modal='true'], [role='alertdialog']";

/**
 * The app's one keydown dispatcher. Bindings are the defaults with the user's overrides laid over them; screens
 * register handlers by shortcut id while they are mounted. A shortcut without a modifier never fires while the
 * user types in a field, and none fires for modifier combinations it was not bound with (Ctrl+F, ⌘+1 and the
 * rest stay the browser's). While a dialog is open only modifier shortcuts fire (the dialog owns the keys).
 */
export class ShortcutRegistry {
  private bindings = new Map<ShortcutId, Combo[]>();
  private handlers = new Map<ShortcutId, ShortcutHandler[]>();
  private pending: { key: Combo; at: number } | null = null;
  private listeners = new Set<() => void>();
  overrides: Partial<Record<ShortcutId, string>> = {};

  constructor(
    private readonly defs: readonly ShortcutDef[] = SHORTCUTS,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.setOverrides({});
  }

  /** The user's bindings (invalid ones fall back to the default). */
  setOverrides(overrides: Partial<Record<string, string>>) {
    this.overrides = {};
    this.bindings.clear();
    for (const d of this.defs) {
      const custom = overrides[d.id];
      let combos = parseBinding(d.keys);
      if (custom && custom !== d.keys) {
        try {
          combos = parseBinding(custom);
          this.overrides[d.id as ShortcutId] = custom;
        } catch {
          // keep the default
        }
      }
      this.bindings.set(d.id as ShortcutId, combos);
    }
    this.listeners.forEach((l) => l());
  }

  bindingOf(id: ShortcutId): string {
    return this.overrides[id] ?? this.defs.find((d) => d.id === id)!.keys;
  }

  subscribe(listener: () => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  on(id: ShortcutId, handler: ShortcutHandler): () => void {
    const list = this.handlers.get(id) ?? [];
    list.push(handler);
    this.handlers.set(id, list);
    return () => {
      const l = this.handlers.get(id);
      if (l) this.handlers.set(id, l.filter((h) => h !== handler));
    };
  }

  private run(id: ShortcutId, e: KeyboardEvent): boolean {
    const list = this.handlers.get(id) ?? [];
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i]!(e) !== false) {
        e.preventDefault();
        return true;
      }
    }
    return false;
  }

  private allowed(def: ShortcutDef, first: Combo, e: KeyboardEvent): boolean {
    if (first.mod || first.alt) return def.allowInInputs === true || !isTypingTarget(e.target);
    if (isTypingTarget(e.target)) return false;
    return typeof document === "undefined" || !document.querySelector(MODAL);
  }

  /** Handles one keydown; true when a shortcut took it. */
  handle = (e: KeyboardEvent): boolean => {
    if (e.defaultPrevented || e.isComposing) return false;
    const pending = this.pending && this.now() - this.pending.at <= SEQUENCE_MS ? this.pending : null;
    this.pending = null;
    if (pending) {
      for (const d of this.defs) {
        const c = this.bindings.get(d.id as ShortcutId)!;
        if (c.length === 2 && sameCombo(c[0]!, pending.key) && matchesCombo(e, c[1]!) && this.allowed(d, c[0]!, e))
          if (this.run(d.id as ShortcutId, e)) return true;
      }
    }
    for (const d of this.defs) {
      const c = this.bindings.get(d.id as ShortcutId)!;
      if (!matchesCombo(e, c[0]!) || !this.allowed(d, c[0]!, e)) continue;
      if (c.length === 1) {
        if (this.run(d.id as ShortcutId, e)) return true;
      } else if (!e.repeat) {
        this.pending = { key: c[0]!, at: this.now() };
      }
    }
    return false;
  };

  attach(target: Pick<Document, "addEventListener" | "removeEventListener"> = document) {
    const listener = (e: Event) => void this.handle(e as KeyboardEvent);
    target.addEventListener("keydown", listener);
    return () => target.removeEventListener("keydown", listener);
  }

  /** Shortcut ids sharing a binding (the settings editor refuses them). */
  conflicts(id: ShortcutId, binding: string): ShortcutId[] {
    const want = parseBinding(binding);
    return [...this.bindings.entries()]
      .filter(([other, c]) => other !== id && (c.length === want.length ? c.every((x, i) => sameCombo(x, want[i]!)) : sameCombo(c[0]!, want[0]!)))
      .map(([other]) => other);
  }
}

const sameCombo = (a: Combo, b: Combo) => a.key === b.key && a.mod === b.mod && a.shift === b.shift && a.alt === b.alt;

/** The app's registry (attached once by the app shell). */
export const shortcuts = new ShortcutRegistry();
