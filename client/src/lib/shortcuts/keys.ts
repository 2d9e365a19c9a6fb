/** Parsing, matching and display of key bindings. Pure: no DOM listeners here. */

export interface Combo {
  key: string;
  mod: boolean;
  shift: boolean;
  alt: boolean;
}

const ALIASES: Record<string, string> = { esc: "escape", space: " ", del: "delete", return: "enter", up: "arrowup", down: "arrowdown", left: "arrowleft", right: "arrowright" };

export const isApple = () => typeof navigator !== "undefined" && /mac|iphone|ipad|ipod/i.test(navigator.platform || navigator.userAgent);

/** "mod+shift+k" → a combo; a sequence "g d" → several. Throws on an empty or malformed binding. */
export function parseBinding(binding: string): Combo[] {
  const steps = binding.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (!steps.length || steps.length > 2) throw new Error("A shortcut is one key combination, or two keys in a row");
  return steps.map((step) => {
    const parts = step === "+" ? ["+"] : step.split("+");
    const key = ALIASES[parts.at(-1)!] ?? parts.at(-1)!;
    const mods = new Set(parts.slice(0, -1));
    for (const m of mods) if (!["mod", "shift", "alt"].includes(m)) throw new Error(`Unknown modifier "${m}"`);
    if (!key) throw new Error("Missing key");
    return { key, mod: mods.has("mod"), shift: mods.has("shift"), alt: mods.has("alt") };
  });
}

export function isValidBinding(binding: string): boolean {
  try {
    parseBinding(binding);
    return true;
  } catch {
    return false;
  }
}

/** The event's key, lower-cased; printable symbols typed with Shift ("?") match themselves. */
const eventKey = (e: Pick<KeyboardEvent, "key">) => (e.key.length === 1 ? e.key.toLowerCase() : e.key.toLowerCase());

export function matchesCombo(e: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">, c: Combo): boolean {
  const mod = isApple() ? e.metaKey : e.ctrlKey;
  const otherMod = isApple() ? e.ctrlKey : e.metaKey;
  if (otherMod || mod !== c.mod || e.altKey !== c.alt) return false;
  const key = eventKey(e);
  // A symbol such as "?" needs Shift on most layouts: the character itself is the binding, Shift is implied.
  const symbol = c.key.length === 1 && !/[a-z0-9]/.test(c.key);
  if (!symbol && e.shiftKey !== c.shift) return false;
  return key === c.key;
}

const LABELS: Record<string, string> = { arrowup: "↑", arrowdown: "↓", arrowleft: "←", arrowright: "→", enter: "Enter", escape: "Esc", delete: "Delete", backspace: "Backspace", " ": "Space" };

/** Human labels for each key of a binding, e.g. "mod+k" → ["Ctrl", "K"], "g d" → ["G", "then", "D"]. */
export function bindingLabel(binding: string): string[] {
  const out: string[] = [];
  parseBinding(binding).forEach((c, i) => {
    if (i) out.push("then");
    if (c.mod) out.push(isApple() ? "⌘" : "Ctrl");
    if (c.alt) out.push(isApple() ? "⌥" : "Alt");
    if (c.shift) out.push("Shift");
    out.push(LABELS[c.key] ?? (c.key.length === 1 ? c.key.toUpperCase() : c.key[0]!.toUpperCase() + c.key.slice(1)));
  });
  return out;
}

/** Builds a binding from a key press (the settings editor's "press the new keys"). */
export function bindingFromEvent(e: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">): string | null {
  const key = eventKey(e);
  if (["control", "meta", "shift", "alt", "capslock", "tab"].includes(key)) return null;
  const parts: string[] = [];
  if (isApple() ? e.metaKey : e.ctrlKey) parts.push("mod");
  if (e.altKey) parts.push("alt");
  const symbol = key.length === 1 && !/[a-z0-9]/.test(key);
  if (e.shiftKey && !symbol) parts.push("shift");
  parts.push(key === " " ? "space" : key);
  return parts.join("+");
}

/** Where typing happens: a shortcut without a modifier never fires there. */
export function isTypingTarget(el: EventTarget | null): boolean {
  if (!el || typeof (el as Element).closest !== "function") return false;
  const node = el as HTMLElement;
  if (node.isContentEditable) return true;
  const field = node.closest("input, textarea, select, [contenteditable]:not([contenteditable='false']), [role='textbox'], [role='combobox']");
  if (!field) return false;
  if (field instanceof HTMLInputElement) return !["checkbox", "radio", "button", "submit", "reset", "range", "color", "file"].includes(field.type);
  return true;
}
