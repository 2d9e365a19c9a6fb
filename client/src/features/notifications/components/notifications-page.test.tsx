import type { Notification, NotificationList } from "@image-studio/shared";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createMemoryHistory, createRootRoute, createRoute, createRouter, RouterProvider } from "@tanstack/react-router";
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { i18n } from "@/i18n";
import { NotificationsPage } from "./notifications-page";

const base = { link: null, data: {}, readAt: null, createdAt: new Date().toISOString() } as const;
// What the server sends: parameters, and title/body in English (it words them in the request's language, but the
// client words them itself so a language change needs no refetch and the offline copy follows the language too).
const items: Notification[] = [
  { ...base, id: "n1", kind: "job.completed", title: "Your 3 images are ready", body: "a fox in snow — Sketch", params: { count: 3, prompt: "a fox in snow", model: "Sketch" } },
  {
    ...base,
    id: "n2",
    kind: "team.invite",
    title: "Ada invited you to the team “Nord”",
    body: "You would join as an editor. The invitation is open until Dec 12, 2026.",
    params: { inviter: "Ada", team: "Nord", role: "editor", expiresAt: "2026-12-12T10:00:00.000Z" },
  },
  { ...base, id: "n3", kind: "credits.granted", title: "1,500 credits added", body: "Thank you for your purchase.", params: { credits: 1500 } },
  // Written before notifications had parameters: only its stored English text exists.
  { ...base, id: "n4", kind: "job.failed", title: "A generation failed", body: "The engine timed out.", params: null },
];

vi.stubGlobal("fetch", async (input: RequestInfo | URL) => {
  const url = new URL(input instanceof Request ? input.url : String(input), "http://localhost");
  if (url.pathname !== "/api/notifications") throw new Error(`unexpected ${url.pathname}`);
  return new Response(JSON.stringify({ items, nextCursor: null, unreadCount: items.length } satisfies NotificationList), { headers: { "Content-Type": "application/json" } });
});
afterEach(async () => {
  cleanup();
  await i18n.changeLanguage("en");
});

function show() {
  const root = createRootRoute();
  const page = createRoute({ getParentRoute: () => root, path: "/notifications", component: () => <NotificationsPage search={{}} onSearch={() => {}} /> });
  const router = createRouter({ routeTree: root.addChildren([page]), history: createMemoryHistory({ initialEntries: ["/notifications"] }) });
  return render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

const texts = async (listName: string) => {
  // A generous wait: the machine running the suite may be busy (this is not a speed check).
  const list = await screen.findByRole("list", { name: listName }, { timeout: 20_000 });
  return within(list)
    .getAllByRole("listitem")
    .map((li) =>
      [...li.querySelectorAll("p")].slice(0, 2).map((p) => {
        const shown = p.cloneNode(true) as HTMLElement;
        shown.querySelectorAll(".sr-only").forEach((e) => e.remove());
        return shown.textContent?.trim();
      }),
    );
};

describe("Notifications in the reader's language", { timeout: 30_000 }, () => {
  it("words each notification from its kind and parameters in German, and an old one by its stored text", async () => {
    await i18n.changeLanguage("de");
    expect(i18n.resolvedLanguage).toBe("de");
    show();
    expect(await texts("Benachrichtigungen")).toEqual([
      ["Ihre 3 Bilder sind fertig", "a fox in snow — Sketch"],
      ["Ada hat Sie in das Team „Nord“ eingeladen", "Sie würden als Bearbeiter beitreten. Die Einladung gilt bis 12. Dezember 2026."],
      ["1.500 Credits gutgeschrieben", "Vielen Dank für Ihren Kauf."],
      ["A generation failed", "The engine timed out."],
    ]);
    expect(screen.getByRole("button", { name: "„Ihre 3 Bilder sind fertig“ als gelesen markieren" })).toBeInTheDocument();
  });

  it("reads English to an English reader", async () => {
    show();
    expect(await texts("Notifications")).toEqual([
      ["Your 3 images are ready", "a fox in snow — Sketch"],
      ["Ada invited you to the team “Nord”", "You would join as an editor. The invitation is open until December 12, 2026."],
      ["1,500 credits added", "Thank you for your purchase."],
      ["A generation failed", "The engine timed out."],
    ]);
  });
});

describe("Notifications offline with nothing kept on this device", { timeout: 30_000 }, () => {
  /** The page on the app's own query client, with no network at all. */
  async function showUnreachable(retry?: false) {
    const { createQueryClient } = await import("@/lib/query-client");
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("Failed to fetch");
    });
    const client = createQueryClient();
    if (retry === false) client.setQueryDefaults(["notifications"], { retry: false });
    const root = createRootRoute();
    const page = createRoute({ getParentRoute: () => root, path: "/notifications", component: () => <NotificationsPage search={{}} onSearch={() => {}} /> });
    const router = createRouter({ routeTree: root.addChildren([page]), history: createMemoryHistory({ initialEntries: ["/notifications"] }) });
    render(
      <QueryClientProvider client={client}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );
  }
  const offlineText = "You're offline. Notifications load when you're back online.";

  it("says the list loads when back online while the query waits for the network, instead of an endless skeleton", async () => {
    const { onlineManager } = await import("@tanstack/react-query");
    onlineManager.setOnline(false);
    try {
      await showUnreachable();
      expect(await screen.findByText(offlineText, undefined, { timeout: 20_000 })).toBeInTheDocument();
      expect(screen.queryByLabelText("Loading notifications")).toBeNull();
    } finally {
      onlineManager.setOnline(true);
    }
  });

  it("says the same when the app started without a network and the server could not be reached", async () => {
    await showUnreachable(false);
    expect(await screen.findByText(offlineText, undefined, { timeout: 20_000 })).toBeInTheDocument();
    expect(screen.queryByText("Notifications could not be loaded")).toBeNull();
  });
});
