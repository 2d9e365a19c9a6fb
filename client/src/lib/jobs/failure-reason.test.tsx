import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Job } from "@image-studio/shared";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { FinishedJobRow } from "@/features/queue/components/job-rows";
import { wordsOf } from "@/features/notifications/lib/words";
import { i18n } from "@/i18n";
import common from "@/i18n/locales/en/common.json";
import { failureReason } from "./failure-reason";

afterEach(cleanup);
afterEach(() => i18n.changeLanguage("en"));

const failed = (errorMessage: string): Job => ({
  id: "00000000-0000-4000-8000-000000000001",
  status: "failed",
  operation: "text-to-image",
  modelId: "local/sketch",
  prompt: "a lighthouse at dusk",
  negativePrompt: "",
  parameters: { numImages: 1, width: 512, height: 512, seed: 5 },
  projectId: null,
  parentImageId: null,
  batchId: null,
  clientId: null,
  priority: 0,
  progress: 0,
  queuePosition: undefined,
  imageIds: [],
  errorMessage,
  retryCount: 0,
  creditsHeld: 0,
  creditsCharged: 0,
  createdAt: "2026-11-24T10:00:00.000Z",
  startedAt: null,
  completedAt: null,
});

/** Jobs store their failure reason in English; the texts our code writes are shown in the app's language. */
describe("a failed job's reason", () => {
  it("words the reasons our code writes in German, with their values, and keeps any other text as stored", async () => {
    await i18n.changeLanguage("de");
    render(<FinishedJobRow job={failed("fal.ai timed out; it will be retried.")} onRetry={() => {}} retrying={false} />);
    expect(screen.getByText("fal.ai hat das Zeitlimit überschritten; es wird erneut versucht.")).toBeInTheDocument();
    cleanup();
    render(<FinishedJobRow job={failed("fal.ai rejected the request — prompt: too long")} onRetry={() => {}} retrying={false} />);
    expect(screen.getByText("fal.ai rejected the request — prompt: too long")).toBeInTheDocument();
    expect(failureReason(i18n.t, "fal.ai had a server error (503); it will be retried.")).toBe("fal.ai hatte einen Serverfehler (503); es wird erneut versucht.");
    const fixed = i18n.getFixedT("de", "notifications") as unknown as Parameters<typeof wordsOf>[1];
    const words = wordsOf({ kind: "job.failed", title: "", body: "", params: { reason: "Cancelled", refunded: 0, prompt: "p", model: "Sketch" } }, fixed);
    expect(words.body).toBe("Abgebrochen.");
  });

  it("shows the stored English in English", () => {
    render(<FinishedJobRow job={failed("The source image was deleted")} onRetry={() => {}} retrying={false} />);
    expect(screen.getByText("The source image was deleted")).toBeInTheDocument();
    expect(failureReason(i18n.t, "fal.ai had a server error (502); it will be retried.")).toBe("fal.ai had a server error (502); it will be retried.");
  });

  it("knows only texts the server still writes (each English text, up to its first placeholder, is in server/src)", () => {
    const root = join(import.meta.dirname, "../../../../server/src");
    const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
    const source = files.map((f) => readFileSync(join(root, f), "utf8")).join("\n");
    // Two are composed there (`fal.ai ${who}; it will be retried.`): their parts are what the server holds.
    const composed: Record<string, string[]> = {
      timedOut: ['"timed out"', "`fal.ai ${who}; it will be retried.`"],
      startTimeout: ['"did not start in time"', "`fal.ai ${who}; it will be retried.`"],
    };
    for (const [key, text] of Object.entries(common.job.failure)) {
      for (const part of composed[key] ?? [text.split("{{")[0]!]) expect(source, key).toContain(part);
    }
  });
});
