import { readFileSync } from "node:fs";
import { catalogProblems, notificationParamSchemas, type KindWithParams, type TemplatedKind } from "@image-studio/shared";
import { describe, expect, it } from "vitest";
import { NOTIFICATION_CATALOGS, notificationWords } from "./notifications";

/** One example of every kind that has words (typed: a kind added to notificationParamSchemas must be added here). */
const EXAMPLES: { [K in TemplatedKind]: Extract<KindWithParams, { kind: K }>["params"] } = {
  "job.completed": { count: 2, prompt: "a lighthouse", model: "Sketch" },
  "job.failed": { reason: "The source image is gone", refunded: 1, prompt: "a lighthouse", model: "Sketch" },
  "batch.completed": { name: "Posters", completed: 9, failed: 1, total: 10 },
  "credits.low": { balance: 5, threshold: 50 },
  "credits.limit": { limit: 1000, spent: 990 },
  "credits.granted": { credits: 1500 },
  "credits.expiring": { credits: 20, expiresAt: "2027-01-31T12:00:00.000Z" },
  "share.viewed": { linkKind: "collection", title: "Winter" },
  "share.review": { linkKind: "project", reviewer: "Cleo", verdict: "changes_requested", note: "Warmer, please" },
  "comment.new": { author: "Ada", excerpt: "Nice" },
  "comment.mention": { author: "Ada", excerpt: "@Bo look" },
  "team.invite": { inviter: "Ada", team: "Nord", role: "viewer", expiresAt: "2026-12-12T10:00:00.000Z" },
  "model.announcement": { announcementKind: "deprecation", model: "Sketch", title: "Going away", body: "On Friday." },
  "community.unpublished": { reason: "Spam" },
};

const clientCatalog = (lng: string) =>
  (JSON.parse(readFileSync(new URL(`../../../client/src/i18n/locales/${lng}/notifications.json`, import.meta.url), "utf8")) as { messages: unknown }).messages;

describe("notification catalogs", () => {
  for (const [lng, catalog] of Object.entries(NOTIFICATION_CATALOGS)) {
    if (lng !== "en") {
      it(`${lng}: every English key is translated, with the same placeholders and no leftovers`, () => {
        expect(catalogProblems(NOTIFICATION_CATALOGS.en, catalog, lng, "notifications")).toEqual([]);
      });
    }
    it(`${lng}: the server's words are the client's (the mail says what the bell says)`, () => {
      expect(catalog).toEqual(clientCatalog(lng));
    });
    it(`${lng}: every kind with parameters is worded from the catalog (no key shows through)`, () => {
      for (const kind of Object.keys(notificationParamSchemas()) as TemplatedKind[]) {
        const words = notificationWords({ kind, params: EXAMPLES[kind], title: "stored", body: "stored" }, lng);
        expect(words.title, kind).not.toBe("stored");
        expect(`${words.title} ${words.body}`, kind).not.toMatch(/[a-z]+[A-Z]\w*\.\w+|\{\{/);
      }
    });
  }

  it("words plurals, numbers and dates in the reader's language", () => {
    const words = (kind: TemplatedKind, lng: string) => notificationWords({ kind, params: EXAMPLES[kind], title: "", body: "" }, lng);
    expect(words("credits.granted", "en").title).toBe("1,500 credits added");
    expect(words("credits.granted", "de").title).toBe("1.500 Credits gutgeschrieben");
    expect(words("job.failed", "en").body).toBe("The source image is gone. 1 credit was refunded.");
    expect(words("job.failed", "es").body).toBe("The source image is gone. Se ha reembolsado 1 crédito.");
    expect(words("share.review", "de").body).toBe("Cleo wünscht Änderungen an einem Bild: „Warmer, please“ Alle Bewertungen stehen auf den Bildseiten und der Seite „Geteilte Links“.");
    expect(words("credits.expiring", "es").body).toBe("Caducan el 31 de enero de 2027. Úsalos antes.");
    expect(notificationWords({ kind: "credits.granted", params: { credits: 1 }, title: "", body: "" }, "de").title).toBe("1 Credit gutgeschrieben");
  });

  it("keeps the stored text of a row without parameters, with parameters that no longer fit, or in an unknown language reads English", () => {
    const stored = { kind: "job.completed", title: "Your image is ready", body: "a fox — Sketch" };
    expect(notificationWords({ ...stored, params: null }, "de")).toMatchObject({ title: "Your image is ready", body: "a fox — Sketch" });
    expect(notificationWords({ ...stored, params: { count: "two" } }, "de").title).toBe("Your image is ready");
    expect(notificationWords({ kind: "review.updated", params: { any: 1 }, title: "Old", body: "" }, "de").title).toBe("Old");
    expect(notificationWords({ ...stored, params: { count: 1, prompt: "a fox", model: "Sketch" } }, "xx")).toMatchObject({ title: "Your image is ready", language: "en" });
  });
});
