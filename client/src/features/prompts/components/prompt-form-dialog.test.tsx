import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type * as offline from "@/offline";
import { db } from "@/offline";
import { makePrompt } from "../lib/test-prompts";
import { PromptFormDialog } from "./prompt-form-dialog";

vi.mock("@/offline", async (importOriginal) => ({
  ...(await importOriginal<typeof offline>()),
  engine: { outcome: vi.fn(async () => "queued") },
}));

beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});
beforeEach(async () => {
  await Promise.all([db().prompts.clear(), db().outbox.clear()]);
});
afterEach(cleanup);

function renderForm(prompt?: ReturnType<typeof makePrompt>) {
  const onOpenChange = vi.fn();
  render(<PromptFormDialog open onOpenChange={onOpenChange} prompt={prompt} categories={["Places"]} tags={["sea"]} />);
  return onOpenChange;
}

describe("PromptFormDialog", () => {
  it("refuses an empty title and an empty prompt with the shared schema's messages, and saves nothing", async () => {
    const user = userEvent.setup();
    const onOpenChange = renderForm();
    await user.type(screen.getByLabelText("Title"), "   ");
    await user.click(screen.getByRole("button", { name: "Save prompt" }));
    expect(await screen.findByText("Give the prompt a title")).toBeVisible();
    expect(screen.getByText("Write the prompt")).toBeVisible();
    expect(screen.getByLabelText("Title")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Title")).toHaveAccessibleDescription("Give the prompt a title");
    expect(await db().outbox.count()).toBe(0);
    expect(onOpenChange).not.toHaveBeenCalledWith(false);
  });

  it("creates through the outbox with a client-minted id, trimmed fields and tags", async () => {
    const user = userEvent.setup();
    const onOpenChange = renderForm();
    await user.type(screen.getByLabelText("Title"), "  Harbour ");
    await user.type(screen.getByLabelText("Prompt"), "boats at dawn");
    await user.type(screen.getByLabelText("Negative prompt"), "people");
    await user.type(screen.getByLabelText("Category"), "Places");
    await user.type(screen.getByLabelText("Tags"), "sea{Enter}calm,sea{Enter}");
    expect(screen.getByRole("button", { name: "Remove tag calm" })).toBeVisible();
    await user.click(screen.getByRole("button", { name: "Save prompt" }));
    await waitFor(() => expect(onOpenChange).toHaveBeenCalledWith(false));
    const [entry] = await db().outbox.toArray();
    expect(entry!.mutation).toMatchObject({
      type: "prompt.create",
      prompt: {
        title: "Harbour",
        promptText: "boats at dawn",
        negativePrompt: "people",
        category: "Places",
        tags: ["sea", "calm"],
      },
    });
    const id = (entry!.mutation as { prompt: { id: string } }).prompt.id;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await db().prompts.get(id)).toMatchObject({ title: "Harbour", usageCount: 0 });
  });

  it("edits by sending only the changed fields, against the version it was made from", async () => {
    const prompt = makePrompt(7, { title: "Old", promptText: "keep me", category: "Places", tags: ["sea"] });
    await db().prompts.put(prompt);
    const user = userEvent.setup();
    const onOpenChange = renderForm(prompt);
    expect(screen.getByLabelText("Prompt")).toHaveValue("keep me");
    await user.clear(screen.getByLabelText("Title"));
    await user.type(screen.getByLabelText("Title"), "New");
    await user.clear(screen.getByLabelText("Category"));
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(onOpenChange).toHaveBeenCalledWith(false));
    const [entry] = await db().outbox.toArray();
    expect(entry!.mutation).toMatchObject({ type: "prompt.update", promptId: prompt.id, baseVersion: 7 });
    expect((entry!.mutation as { patch: object }).patch).toEqual({ title: "New", category: null });
    expect(await db().prompts.get(prompt.id)).toMatchObject({ title: "New", category: null, promptText: "keep me" });
  });
});
