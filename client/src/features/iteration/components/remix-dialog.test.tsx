import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { RemixDialog } from "./remix-dialog";

const posts: { path: string; body: unknown }[] = [];
let loraAvailable = true;

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

/** The server behind `fetch`: the model catalog, and a queued job for any post. */
async function fakeServer(input: RequestInfo | URL, init: RequestInit = {}) {
  const path = new URL(String(input), "http://localhost").pathname;
  if (path === "/api/models") {
    return json({
      items: [{ id: "fal-ai/flux-lora", displayName: "FLUX LoRA", available: loraAvailable, unavailableReason: "no FAL_KEY", operations: ["image-to-image"] }],
    });
  }
  posts.push({ path, body: typeof init.body === "string" ? JSON.parse(init.body) : init.body });
  return json({ id: "job-1", status: "pending", imageIds: [], parameters: {} }, 202);
}

beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});
beforeEach(() => {
  posts.length = 0;
  loraAvailable = true;
  vi.stubGlobal("fetch", vi.fn(fakeServer));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderDialog() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const onOpenChange = vi.fn();
  render(
    <QueryClientProvider client={qc}>
      <RemixDialog imageId="img-1" prompt="a red kite" open onOpenChange={onOpenChange} />
    </QueryClientProvider>,
  );
  return onOpenChange;
}

describe("Remix dialog LoRAs", () => {
  it("checks each LoRA with the shared schema (https only, scale in range) before sending them", async () => {
    const user = userEvent.setup();
    const onOpenChange = renderDialog();
    const add = screen.getByRole("button", { name: /Add LoRA/ });
    await waitFor(() => expect(add).toBeEnabled());
    await user.click(add);
    await user.click(screen.getByRole("button", { name: /Add LoRA/ }));
    await user.type(screen.getByLabelText("LoRA 1 URL"), "http://example.com/a.safetensors");
    await user.type(screen.getByLabelText("LoRA 2 URL"), "https://example.com/b.safetensors");
    await user.clear(screen.getByLabelText("LoRA 2 scale"));
    await user.type(screen.getByLabelText("LoRA 2 scale"), "9");
    await user.click(screen.getByRole("button", { name: "Remix" }));

    expect(await screen.findByText("LoRA 1: Use an https:// URL")).toBeInTheDocument();
    expect(screen.getByText("LoRA 2 scale: At most 4")).toBeInTheDocument();
    expect(screen.getByLabelText("LoRA 1 URL")).toHaveAttribute("aria-invalid", "true");
    expect(posts).toEqual([]);

    await user.clear(screen.getByLabelText("LoRA 1 URL"));
    await user.type(screen.getByLabelText("LoRA 1 URL"), "https://example.com/a.safetensors");
    await user.clear(screen.getByLabelText("LoRA 2 scale"));
    await user.type(screen.getByLabelText("LoRA 2 scale"), "0.5");
    await user.click(screen.getByRole("button", { name: "Remix" }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]).toMatchObject({
      path: "/api/images/img-1/remix",
      body: {
        prompt: "a red kite",
        loras: [
          { path: "https://example.com/a.safetensors", scale: 1 },
          { path: "https://example.com/b.safetensors", scale: 0.5 },
        ],
      },
    });
    await waitFor(() => expect(onOpenChange).toHaveBeenCalledWith(false));
  });

  it("explains why LoRAs are off when no engine can apply them", async () => {
    loraAvailable = false;
    renderDialog();
    expect(await screen.findByText(/LoRAs need FLUX LoRA on fal.ai, which is not available here \(no FAL_KEY\)/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: /Add LoRA/ })).toBeDisabled();
  });
});
