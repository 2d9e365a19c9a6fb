import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type * as offline from "@/offline";
import { db, enqueue } from "@/offline";
import { renderWithRouter } from "./lib/render-with-router";
import { makePrompt } from "./lib/test-prompts";
import { PromptsPage } from "./prompts-page";

vi.mock("@/offline", async (importOriginal) => {
  const real = await importOriginal<typeof offline>();
  return {
    ...real,
    engine: { outcome: vi.fn(async () => "queued") },
    syncNow: vi.fn(async () => ({ pushed: 0, pulled: 0, failed: [], unhandled: [] })),
  };
});

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

const seed = () =>
  db().prompts.bulkPut([
    makePrompt(1, {
      title: "Harbour at dawn",
      promptText: "fishing boats in the mist",
      tags: ["sea"],
      category: "Places",
      negativePrompt: "people",
    }),
    makePrompt(2, {
      title: "Old sailor",
      promptText: "portrait, oil painting",
      tags: ["portrait"],
      category: "People",
      isFavorite: true,
    }),
    makePrompt(3, { title: "Market", promptText: "a busy market", category: "Places" }),
  ]);

const cardTitles = () => screen.queryAllByTestId("prompt-card").map((c) => within(c).getByRole("heading").textContent);

describe("PromptsPage", () => {
  it("shows the designed empty state when the device has no prompts", async () => {
    renderWithRouter(PromptsPage);
    expect(await screen.findByRole("heading", { name: "Your prompt library is empty" })).toBeVisible();
    expect(screen.getByRole("button", { name: /Save your first prompt/ })).toBeEnabled();
  });

  it("searches titles, text and tags, and filters by category chip and favourites", async () => {
    await seed();
    const user = userEvent.setup();
    renderWithRouter(PromptsPage);
    await waitFor(() => expect(cardTitles()).toEqual(["Market", "Old sailor", "Harbour at dawn"]));
    const harbour = screen.getAllByTestId("prompt-card")[2]!;
    expect(within(harbour).getByText("people")).toBeVisible(); // the negative prompt
    expect(within(harbour).getByText("#sea")).toBeVisible();

    const search = screen.getByRole("searchbox", { name: "Search prompts" });
    await user.type(search, "portrait");
    expect(cardTitles()).toEqual(["Old sailor"]);
    await user.clear(search);
    await user.type(search, "MIST");
    expect(cardTitles()).toEqual(["Harbour at dawn"]);
    await user.clear(search);

    const chips = screen.getByRole("group", { name: "Category" });
    await user.click(within(chips).getByRole("button", { name: "Places" }));
    expect(within(chips).getByRole("button", { name: "Places" })).toHaveAttribute("aria-pressed", "true");
    expect(cardTitles()).toEqual(["Market", "Harbour at dawn"]);
    await user.click(screen.getByRole("button", { name: "Favorites" }));
    expect(screen.getByRole("heading", { name: "No prompts match" })).toBeVisible();
    await user.click(screen.getByRole("button", { name: "Clear filters" }));
    expect(cardTitles()).toHaveLength(3);
  });

  it("toggles a favourite through the outbox and marks the prompt not yet synced", async () => {
    await seed();
    const user = userEvent.setup();
    renderWithRouter(PromptsPage);
    const star = await screen.findByRole("button", { name: "Favorite Market" });
    expect(star).toHaveAttribute("aria-pressed", "false");
    expect(screen.queryByText("Not yet synced")).toBeNull();
    await user.click(star);
    await waitFor(() =>
      expect(screen.getByRole("button", { name: "Favorite Market" })).toHaveAttribute("aria-pressed", "true"),
    );
    const card = screen.getAllByTestId("prompt-card")[0]!;
    await waitFor(() => expect(within(card).getByText("Not yet synced")).toBeVisible());
    const [entry] = await db().outbox.toArray();
    expect(entry!.mutation).toMatchObject({
      type: "prompt.update",
      promptId: makePrompt(3).id,
      patch: { isFavorite: true },
      baseVersion: 3,
    });
  });

  it("deletes after confirmation", async () => {
    await seed();
    const user = userEvent.setup();
    renderWithRouter(PromptsPage);
    await user.click(await screen.findByRole("button", { name: "Delete Market" }));
    const dialog = screen.getByRole("dialog", { name: "Delete this prompt?" });
    await user.click(within(dialog).getByRole("button", { name: "Delete prompt" }));
    await waitFor(() => expect(cardTitles()).toEqual(["Old sailor", "Harbour at dawn"]));
    expect((await db().outbox.toArray()).map((e) => e.mutation.type)).toEqual(["prompt.delete"]);
  });

  it("links “Use in studio” with the prompt, negative prompt and prompt id (to count the use) as the studio's search", async () => {
    await seed();
    const user = userEvent.setup();
    const { router } = renderWithRouter(PromptsPage);
    const card = await screen.findByRole("article", { name: "Harbour at dawn" });
    await user.click(within(card).getByRole("link", { name: /^Use in studio/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/studio"));
    expect(JSON.parse(screen.getByTestId("studio-search").textContent!)).toEqual({
      prompt: "fishing boats in the mist",
      negativePrompt: "people",
      promptId: expect.any(String),
    });
  });

  it("marks prompts with changes waiting in the outbox", async () => {
    await seed();
    await enqueue({ type: "prompt.update", promptId: makePrompt(2).id, patch: { title: "Old sailor, edited" } });
    renderWithRouter(PromptsPage);
    const card = await screen.findByRole("article", { name: "Old sailor, edited" });
    expect(await within(card).findByText("Not yet synced")).toBeVisible();
    expect(screen.getAllByText("Not yet synced")).toHaveLength(1);
  });

  it("imports a JSON file: valid entries are created, invalid ones are reported", async () => {
    await seed();
    const user = userEvent.setup();
    renderWithRouter(PromptsPage);
    await screen.findAllByTestId("prompt-card");
    const file = new File(
      [
        JSON.stringify([
          { title: "Imported", promptText: "a lighthouse" },
          { title: "Broken", promptText: "" },
          { title: "Market", promptText: "a busy market" },
        ]),
      ],
      "p.json",
      { type: "application/json" },
    );
    await user.upload(screen.getByTestId("prompt-import-input"), file);
    const report = await screen.findByRole("dialog", { name: "Import finished with problems" });
    expect(report).toHaveTextContent("1 prompt was added, 1 already in your library was skipped");
    expect(within(report).getByRole("list", { name: "Entries not imported" })).toHaveTextContent(
      "#2 · BrokenpromptText: Write the prompt",
    );
    await user.click(within(report).getByRole("button", { name: "OK" }));
    await waitFor(() => expect(cardTitles()).toContain("Imported"));
    expect((await db().outbox.toArray()).map((e) => e.mutation.type)).toEqual(["prompt.create"]);
  });
});
