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
