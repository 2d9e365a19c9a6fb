import type { ImageList } from "@image-studio/shared";
import type { APIRequestContext } from "playwright-core";
import { expect } from "vitest";

/**
 * Generates one picture on the local engine for the signed-in context and answers its id once it is in the
 * gallery (polled; the engine renders on the same cores as the browser, so up to a minute).
 */
export async function generateImage(request: APIRequestContext, prompt: string, parameters: Record<string, unknown> = { width: 256, height: 256 }): Promise<string> {
  const res = await request.post("/api/generate/text-to-image", { data: { prompt, modelId: "local/sketch-fast", parameters } });
  expect(res.status(), await res.text()).toBe(202);
  for (let i = 0; i < 240; i++) {
    // The picture of this prompt (an earlier one of the same account is already in the gallery).
    const id = ((await (await request.get("/api/images?limit=5")).json()) as ImageList).items.find((i) => i.prompt === prompt)?.id;
    if (id) return id;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the image was not generated in time");
}

/** Queues `jobs` generations of four images each on the local engine (three shapes in turn) and answers every image id, newest first, once all are in the gallery. */
export async function generateMany(request: APIRequestContext, jobs: number): Promise<string[]> {
  const shapes = [
    { width: 256, height: 256 },
    { width: 320, height: 192 },
    { width: 192, height: 320 },
  ];
  for (let i = 0; i < jobs; i++) {
    const res = await request.post("/api/generate/text-to-image", {
      data: { prompt: `e2e scene ${i}: a ${["violet", "teal", "amber"][i % 3]} landscape with mountains`, modelId: "local/sketch-fast", parameters: { numImages: 4, ...shapes[i % 3] } },
    });
    expect(res.status(), await res.text()).toBe(202);
  }
  const deadline = Date.now() + 120_000;
  for (;;) {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await (await request.get(`/api/images?limit=200${cursor ? `&cursor=${cursor}` : ""}`)).json()) as ImageList;
      ids.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    if (ids.length >= jobs * 4) return ids;
    if (Date.now() > deadline) throw new Error(`only ${ids.length} of ${jobs * 4} images were generated in time`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
