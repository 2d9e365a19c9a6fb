import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { AbTest } from "./ab-test";

type Call = { path: string; method: string; body?: Record<string, unknown> };
const calls: Call[] = [];
let failSecondSubmit = false;

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

/** A tiny fake of the server the A/B test talks to (behind `fetch`): models, text-to-image, jobs, favourite, trash, restore. */
function fakeServer() {
  let n = 0;
  const jobs = new Map<string, { id: string; status: string; imageIds: string[]; parameters: Record<string, unknown> }>();
  return async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const path = new URL(String(input), "http://localhost").pathname;
    const body = typeof init.body === "string" ? (JSON.parse(init.body) as Record<string, unknown>) : undefined;
    calls.push({ path, method: init.method ?? "GET", body });
    if (path === "/api/models") {
      return json({
        items: [
          { id: "local/sketch", displayName: "Local sketch", available: true, operations: ["text-to-image"] },
          { id: "local/sketch-fast", displayName: "Local sketch (fast)", available: true, operations: ["text-to-image"] },
        ],
      });
    }
    if (path === "/api/generate/text-to-image") {
      n++;
      if (failSecondSubmit && n % 2 === 0)
        return json({ error: { code: "INSUFFICIENT_CREDITS", message: "This needs 40 credits and you have 3.", requestId: "r1" } }, 402);
      const id = `job-${n}`;
      const job = { id, status: "completed", imageIds: [`img-${n}`], parameters: body!.parameters as Record<string, unknown> };
      jobs.set(id, job);
      return json({ ...job, status: "pending", imageIds: [] }, 202);
    }
    const job = /^\/api\/generate\/queue\/(.+)$/.exec(path);
    if (job) return json(jobs.get(job[1]!));
    return json({});
  };
}
vi.mock("@tanstack/react-router", () => ({
  Link: ({ to, children, ...rest }: { to: string; children: ReactNode }) => (
    <a href={to} {...rest}>
      {children}
    </a>
  ),
}));

beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});
beforeEach(() => {
  calls.length = 0;
  failSecondSubmit = false;
  vi.stubGlobal("fetch", vi.fn(fakeServer()));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderAb() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={qc}>
      <AbTest />
    </QueryClientProvider>,
  );
}
const submits = () => calls.filter((c) => c.path === "/api/generate/text-to-image");

describe("A/B test", () => {
  it("runs two models on one prompt with the same seed, shows both, keeps the winner and can undo", async () => {
    const user = userEvent.setup();
    renderAb();
    await screen.findAllByRole("option", { name: "Local sketch (fast)" });
    await user.type(screen.getByLabelText("Prompt"), "a lighthouse at dusk");
    await user.selectOptions(screen.getAllByLabelText("Model")[1]!, "local/sketch-fast");
    await user.click(screen.getByRole("button", { name: "Run A/B test" }));

    await waitFor(() => expect(submits()).toHaveLength(2));
    const [a, b] = submits().map((c) => c.body!);
    expect([a!.prompt, b!.prompt]).toEqual(["a lighthouse at dusk", "a lighthouse at dusk"]);
    expect([a!.modelId, b!.modelId]).toEqual(["local/sketch", "local/sketch-fast"]);
    const seed = (a!.parameters as { seed: number }).seed;
    expect((b!.parameters as { seed: number }).seed).toBe(seed);
    expect(await screen.findByLabelText("Shared seed")).toHaveTextContent(`seed ${seed}`);

    expect(await screen.findByRole("img", { name: "Image A" })).toHaveAttribute("src", expect.stringContaining("img-1"));
    expect(screen.getByRole("img", { name: "Image B" })).toHaveAttribute("src", expect.stringContaining("img-2"));

    await user.click(screen.getByRole("button", { name: "Keep B, trash A" }));
    await screen.findByText(/Kept B: it is in your/);
    expect(calls).toContainEqual({ path: "/api/images/img-2/favorite", method: "POST", body: { favorite: true } });
    expect(calls).toContainEqual({ path: "/api/images/bulk-delete", method: "POST", body: { imageIds: ["img-1"] } });
    expect(screen.queryByRole("button", { name: "Keep A, trash B" })).toBeNull();

    await user.click(screen.getByRole("button", { name: "Undo" }));
    await screen.findByRole("button", { name: "Keep A, trash B" });
    expect(calls).toContainEqual({ path: "/api/images/bulk-restore", method: "POST", body: { imageIds: ["img-1"] } });
    expect(calls).toContainEqual({ path: "/api/images/img-2/favorite", method: "POST", body: { favorite: false } });
  });

  it("uses A's prompt for B when B's is empty, and cancels the side that queued when the other could not", async () => {
    failSecondSubmit = true;
    const user = userEvent.setup();
    renderAb();
    await user.type(screen.getByLabelText("Prompt"), "two cats");
    await user.click(screen.getByRole("button", { name: "Run A/B test" }));
    await waitFor(() => expect(calls.some((c) => c.method === "DELETE")).toBe(true));
    expect(submits().map((c) => c.body!.prompt)).toEqual(["two cats", "two cats"]);
    // The fake fails every second submit: A (an odd job number) was queued and is cancelled.
    expect(calls.filter((c) => c.method === "DELETE").map((c) => c.path)).toEqual([
      expect.stringMatching(/^\/api\/generate\/queue\/job-\d*[13579]$/),
    ]);
    expect(screen.queryByRole("img", { name: "Image A" })).toBeNull();
  });
});
