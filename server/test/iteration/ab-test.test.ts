import { imageListSchema, jobSchema } from "@image-studio/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp, type TestApp } from "../harness";
import { caller, finished, imageOf, startWithWorker } from "./helpers";

/** The A/B test as the compare page runs it: two jobs, one seed, then "keep the winner". */
describe("A/B test flow", () => {
  let t: TestApp;
  let stop: () => Promise<void>;
  beforeAll(async () => void ({ t, stop } = await startWithWorker()));
  afterAll(() => stop());

  it("runs two models with one seed; keeping the winner favourites it and trashes the loser", async () => {
    const u = await signUp(t);
    const call = caller(t, u);
    const seed = 987654;
    const submit = async (modelId: string) => {
      const res = await call("/api/generate/text-to-image", {
        body: { prompt: "a lighthouse at dusk", modelId, parameters: { seed, aspectRatio: "1:1" } },
      });
      expect(res.status, await res.clone().text()).toBe(202);
      return jobSchema.parse(await res.json());
    };
    const [a, b] = await Promise.all([submit("local/sketch"), submit("local/sketch-fast")]);
    const [da, db] = await Promise.all([finished(t, u, a.id), finished(t, u, b.id)]);
    expect([da.status, db.status]).toEqual(["completed", "completed"]);
    const [ia, ib] = await Promise.all([imageOf(t, da), imageOf(t, db)]);
    expect([ia.parameters.seed, ib.parameters.seed]).toEqual([seed, seed]);
    expect([ia.modelId, ib.modelId]).toEqual(["local/sketch", "local/sketch-fast"]);

    expect((await call(`/api/images/${ib.id}/favorite`, { body: { favorite: true } })).status).toBe(200);
    expect((await call("/api/images/bulk-delete", { body: { imageIds: [ia.id] } })).status).toBe(200);
    const favourites = imageListSchema.parse(await (await call("/api/images?favorite=true")).json());
    expect(favourites.items.map((i) => i.id)).toEqual([ib.id]);
    const trash = imageListSchema.parse(await (await call("/api/images?trash=true")).json());
    expect(trash.items.map((i) => i.id)).toEqual([ia.id]);
  });
});
