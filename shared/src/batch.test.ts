import { describe, expect, it } from "vitest";
import { batchRequestSchema, parseBatchCsv, planBatch } from "./batch";

const plan = (body: Record<string, unknown>) => planBatch(batchRequestSchema.parse({ modelId: "m/one", ...body }));

describe("batch plans", () => {
  it("multiplies prompts by seeds by models", () => {
    const p = plan({ prompts: ["a", "b", " ", "c"], seeds: [1, 2], modelIds: ["m/two"] });
    expect(p.total).toBe(3 * 2 * 2);
    expect(p.at(0)).toMatchObject({ prompt: "a", seed: 1, modelId: "m/one", parameters: { seed: 1 } });
    expect(p.at(1)).toMatchObject({ prompt: "a", seed: 1, modelId: "m/two" });
    expect(p.at(2)).toMatchObject({ prompt: "a", seed: 2, modelId: "m/one" });
    expect(p.at(11)).toMatchObject({ prompt: "c", seed: 2, modelId: "m/two" });
  });

  it("takes a seed range and leaves seeds random when none are given", () => {
    expect(plan({ prompts: ["x"], seedRange: { start: 40, count: 3 } }).at(2).seed).toBe(42);
    const p = plan({ prompts: ["x"] });
    expect(p.at(0).seed).toBeNull();
    expect(p.at(0).parameters).not.toHaveProperty("seed");
  });

  it("counts a template's product without expanding it", () => {
    const values = Array.from({ length: 100 }, (_, i) => `v${i}`);
    const p = plan({ template: "{a} {b} {c}", variables: { a: values, b: values, c: values }, seeds: [1, 2] });
    expect(p.total).toBe(2_000_000);
    expect(p.at(1_999_999).prompt).toBe("v99 v99 v99");
  });

  it("reports template problems as errors", () => {
    expect(plan({ template: "a {cat|dog" }).errors[0]).toMatchObject({ column: "template" });
  });

  it("wants exactly one source", () => {
    expect(batchRequestSchema.safeParse({ modelId: "m", prompts: ["a"], template: "b" }).success).toBe(false);
    expect(batchRequestSchema.safeParse({ modelId: "m" }).success).toBe(false);
  });
});

describe("batch CSV", () => {
  it("maps columns by name in any spelling; other columns are parameters", () => {
    const csv =
      'Prompt,Negative Prompt,seed,model_id,Aspect Ratio,steps\n"a cat, sitting",blurry,7,m/two,16:9,20\na dog,,,,,\n';
    const r = parseBatchCsv(csv, { modelId: "m/one" });
    expect(r.errors).toEqual([]);
    expect(r.rows[0]).toMatchObject({
      prompt: "a cat, sitting",
      negativePrompt: "blurry",
      seed: 7,
      modelId: "m/two",
      parameters: { aspectRatio: "16:9", steps: 20 },
    });
    expect(r.rows[1]).toEqual({ prompt: "a dog", parameters: {}, row: 2 });
    const p = plan({ csv, seeds: [1] });
    expect(p.at(0)).toMatchObject({ seed: 7, modelId: "m/two", negativePrompt: "blurry" });
    expect(p.at(1)).toMatchObject({ seed: 1, modelId: "m/one" });
  });

  it("names the row and column of every bad cell", () => {
    const r = parseBatchCsv("prompt,seed,steps\nok,1,2\n,2,3\nfine,-4,x\n", { modelId: "m" });
    expect(r.errors).toEqual(
      expect.arrayContaining([
        { row: 2, column: "prompt", message: "Write a prompt first" },
        { row: 3, column: "seed", message: expect.stringMatching(/not a seed/) },
      ]),
    );
    expect(r.rows).toHaveLength(3);
  });

  it("needs a prompt column", () => {
    expect(parseBatchCsv("text,seed\nhello,1\n", { modelId: "m" }).errors[0]).toMatchObject({
      row: 0,
      column: "prompt",
    });
  });

  it("reports a malformed row (quotes left open)", () => {
    const r = parseBatchCsv('prompt,seed\n"unterminated,1\n', { modelId: "m" });
    expect(r.errors.length).toBeGreaterThan(0);
  });
});
