import { afterEach, describe, expect, it, vi } from "vitest";
import { bindingFromEvent, bindingLabel, isTypingTarget, parseBinding } from "./keys";
import { ShortcutRegistry, SEQUENCE_MS } from "./registry";

function press(target: EventTarget, key: string, init: KeyboardEventInit = {}) {
  const e = new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(e);
  return e;
}

function setup() {
  let clock = 1_000;
  const r = new ShortcutRegistry(undefined, () => clock);
  const detach = r.attach(document);
  const tick = (ms: number) => (clock += ms);
  return { r, detach, tick };
}

afterEach(() => {
  document.body.innerHTML = "";
});

describe("shortcut registry", () => {
  it("fires a plain key on the page and prevents its default", () => {
    const { r, detach } = setup();
    const fav = vi.fn();
    r.on("gallery.favorite", fav);
    const e = press(document.body, "f");
    expect(fav).toHaveBeenCalledTimes(1);
    expect(e.defaultPrevented).toBe(true);
    detach();
  });

  it.each([
    ["an input", () => Object.assign(document.createElement("input"), { type: "text" })],
    ["a search box", () => Object.assign(document.createElement("input"), { type: "search" })],
    ["a textarea", () => document.createElement("textarea")],
    ["a select", () => document.createElement("select")],
    [
      "contenteditable",
      () => {
        const d = document.createElement("div");
        d.setAttribute("contenteditable", "true");
        return d;
      },
    ],
    [
      "a span inside contenteditable",
      () => {
        const d = document.createElement("div");
        d.setAttribute("contenteditable", "");
        const s = document.createElement("span");
        d.append(s);
        document.body.append(d);
        return s;
      },
    ],
    [
      "a role=textbox",
      () => {
        const d = document.createElement("div");
        d.setAttribute("role", "textbox");
        return d;
      },
    ],
  ])("never fires a plain key while typing in %s", (_name, make) => {
    const { r, detach } = setup();
    const handler = vi.fn();
    r.on("gallery.favorite", handler);
    r.on("help", handler);
    r.on("go.dashboard", handler);
    const el = make();
    if (!el.isConnected) document.body.append(el);
    const e = press(el, "f");
    press(el, "?", { shiftKey: true });
    press(el, "g");
    press(el, "d");
    expect(handler).not.toHaveBeenCalled();
    expect(e.defaultPrevented).toBe(false);
    detach();
  });

  it("does fire on a checkbox or a button (not typing)", () => {
    const { r, detach } = setup();
    const handler = vi.fn();
    r.on("gallery.select", handler);
    const box = Object.assign(document.createElement("input"), { type: "checkbox" });
    const button = document.createElement("button");
    document.body.append(box, button);
    press(box, "x");
    press(button, "x");
    expect(handler).toHaveBeenCalledTimes(2);
    expect(isTypingTarget(box)).toBe(false);
    detach();
  });

  it("leaves modifier combos it was not bound with to the browser", () => {
    const { r, detach } = setup();
    const handler = vi.fn();
    r.on("gallery.favorite", handler);
    r.on("gallery.rate1", handler);
    for (const init of [{ ctrlKey: true }, { metaKey: true }, { altKey: true }]) {
      expect(press(document.body, "f", init).defaultPrevented).toBe(false);
      expect(press(document.body, "1", init).defaultPrevented).toBe(false);
    }
    expect(press(document.body, "f", { shiftKey: true }).defaultPrevented).toBe(false);
    expect(handler).not.toHaveBeenCalled();
    detach();
  });

  it("opens the palette with Ctrl+K even from a field, but not with K alone", () => {
    const { r, detach } = setup();
    const palette = vi.fn();
    r.on("palette", palette);
    const input = document.createElement("input");
    document.body.append(input);
    press(input, "k");
    expect(palette).not.toHaveBeenCalled();
    expect(press(input, "k", { ctrlKey: true }).defaultPrevented).toBe(true);
    expect(palette).toHaveBeenCalledTimes(1);
    detach();
  });

  it("runs two-key sequences, and forgets the first key after a pause", () => {
    const { r, detach, tick } = setup();
    const go = vi.fn();
    r.on("go.projects", go);
    press(document.body, "g");
    press(document.body, "p");
    expect(go).toHaveBeenCalledTimes(1);
    press(document.body, "g");
    tick(SEQUENCE_MS + 1);
    press(document.body, "p");
    expect(go).toHaveBeenCalledTimes(1);
    press(document.body, "p");
    expect(go).toHaveBeenCalledTimes(1);
    detach();
  });

  it("matches ? typed with Shift, and stays quiet while a dialog is open", () => {
    const { r, detach } = setup();
    const help = vi.fn();
    r.on("help", help);
    press(document.body, "?", { shiftKey: true });
    expect(help).toHaveBeenCalledTimes(1);
    const dialog = document.createElement("div");
    dialog.setAttribute("role", "dialog");
    dialog.setAttribute("aria-modal", "true");
    document.body.append(dialog);
    press(document.body, "?", { shiftKey: true });
    expect(help).toHaveBeenCalledTimes(1);
    detach();
  });

  it("uses the user's bindings, passes on a handler returning false, and reports conflicts", () => {
    const { r, detach } = setup();
    const fav = vi.fn();
    r.setOverrides({ "gallery.favorite": "l", "gallery.select": "not a binding at all" });
    r.on("gallery.favorite", fav);
    press(document.body, "f");
    expect(fav).not.toHaveBeenCalled();
    press(document.body, "l");
    expect(fav).toHaveBeenCalledTimes(1);
    expect(r.bindingOf("gallery.select")).toBe("x");
    expect(r.conflicts("gallery.delete", "x")).toEqual(["gallery.select"]);
    expect(r.conflicts("gallery.delete", "g")).toContain("go.dashboard");

    const older = vi.fn();
    r.on("gallery.iterate", older);
    r.on("gallery.iterate", () => false);
    const e = press(document.body, "i");
    expect(older).toHaveBeenCalledTimes(1);
    expect(e.defaultPrevented).toBe(true);
    detach();
  });

  it("handles no key once detached", () => {
    const { r, detach } = setup();
    const fav = vi.fn();
    r.on("gallery.favorite", fav);
    detach();
    press(document.body, "f");
    expect(fav).not.toHaveBeenCalled();
  });
});

describe("key helpers", () => {
  it("parses and labels bindings", () => {
    expect(parseBinding("mod+shift+K")).toEqual([{ key: "k", mod: true, shift: true, alt: false }]);
    expect(parseBinding("g d")).toHaveLength(2);
    expect(() => parseBinding("")).toThrow();
    expect(() => parseBinding("hyper+k")).toThrow();
    expect(bindingLabel("g d")).toEqual(["G", "then", "D"]);
    expect(bindingLabel("arrowdown")).toEqual(["↓"]);
    expect(bindingFromEvent({ key: "K", ctrlKey: true, metaKey: false, shiftKey: true, altKey: false })).toBe("mod+shift+k");
    expect(bindingFromEvent({ key: "Shift", ctrlKey: false, metaKey: false, shiftKey: true, altKey: false })).toBeNull();
  });
});
