import { cleanup, fireEvent, render } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { resetFileDeliveryForTests } from "@/lib/file-delivery";
import { BlurImage } from "./blur-image";

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  localStorage.clear();
  resetFileDeliveryForTests();
});

const image = { id: "00000000-0000-4000-8000-000000000001", thumbhash: null, width: 1024, height: 1024, prompt: "a violet harbour" };
const img = (container: HTMLElement) => container.querySelector("img");

describe("BlurImage", () => {
  it("asks for the owner's file in CORS mode while online (past the service worker), and the plain way once that fails", () => {
    const { container } = render(<BlurImage image={image} />);
    const first = img(container)!;
    expect(first.getAttribute("src")).toBe(`/api/images/${image.id}/file/thumb-256`);
    expect(first.getAttribute("crossorigin")).toBe("anonymous");

    fireEvent.error(first);
    const retry = img(container)!;
    expect(retry).not.toBe(first); // a new load, not an attribute flipped mid-load
    expect(retry.getAttribute("src")).toBe(`/api/images/${image.id}/file/thumb-256`);
    expect(retry.hasAttribute("crossorigin")).toBe(false);
    expect(container.textContent).toBe("");

    fireEvent.error(retry);
    expect(img(container)).toBeNull();
    expect(container.textContent).toMatch(/unavailable/i);
  });

  it("asks the plain way at once when the browser says it is offline (the worker answers from the device)", () => {
    vi.spyOn(navigator, "onLine", "get").mockReturnValue(false);
    const { container } = render(<BlurImage image={image} variant="preview-768" />);
    expect(img(container)!.getAttribute("src")).toBe(`/api/images/${image.id}/file/preview-768`);
    expect(img(container)!.hasAttribute("crossorigin")).toBe(false);
    fireEvent.error(img(container)!);
    expect(img(container)).toBeNull();
  });

  it("keeps the worker's way where the server redirects files to its bucket (no cache keeps a redirect)", () => {
    localStorage.setItem("image-studio:files-redirected", "1");
    const { container } = render(<BlurImage image={image} />);
    expect(img(container)!.hasAttribute("crossorigin")).toBe(false);
  });

  it("leaves another URL (a share link's) as it is", () => {
    const { container } = render(<BlurImage image={image} src="/api/public/shares/t0k3n/images/x/thumb" />);
    expect(img(container)!.hasAttribute("crossorigin")).toBe(false);
    fireEvent.error(img(container)!);
    expect(img(container)).toBeNull();
  });

  it("fades in once loaded", () => {
    const { container } = render(<BlurImage image={image} />);
    expect(img(container)!.className).toContain("opacity-0");
    fireEvent.load(img(container)!);
    expect(img(container)!.className).toContain("opacity-100");
  });
});
