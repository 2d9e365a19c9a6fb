/** Test helpers for code that runs against the fake fal server. */
import { randomBytes } from "node:crypto";
import sharp from "sharp";
import { findModel } from "../../../shared/src/catalog";
import { validateGenerationParams } from "../../../shared/src/params";
import type {
  ImageProvider,
  Operation,
  ProviderInput,
  ProviderResult,
  ProviderStatus,
} from "../../src/providers/types";

/** A small real image (solid colour, or random noise that does not compress). */
export async function testImage(
  width: number,
  height: number,
  opts: { noise?: boolean; format?: "png" | "jpeg" | "webp" } = {},
): Promise<Buffer> {
  const img = opts.noise
    ? sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    : sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } });
  const format = opts.format ?? "png";
  return format === "jpeg"
    ? img.jpeg().toBuffer()
    : format === "webp"
      ? img.webp().toBuffer()
      : img.png({ compressionLevel: 0 }).toBuffer();
}

/**
 * A ProviderInput built the way the job worker builds it: parameters validated and normalised against the
 * catalog, core keys lifted out, the rest passed as `extra`.
 */
export function providerInput(
  modelId: string,
  operation: Operation,
  parameters: Record<string, unknown> = {},
  rest: Partial<Omit<ProviderInput, "operation" | "modelId" | "extra">> = {},
): ProviderInput {
  const model = findModel(modelId);
  if (!model) throw new Error(`unknown model ${modelId}`);
  const checked = validateGenerationParams(model, { operation, parameters });
  if (!checked.ok) throw new Error(`invalid parameters: ${JSON.stringify(checked.issues)}`);
  const {
    width,
    height,
    numImages,
    seed,
    guidanceScale,
    steps,
    strength,
    scale,
    aspectRatio: _ratio,
    ...extra
  } = checked.value;
  const num = (v: unknown) => (typeof v === "number" ? v : undefined);
  return {
    operation,
    modelId,
    prompt: "a red fox in the snow",
    width,
    height,
    numImages,
    seed: num(seed) ?? 42,
    guidanceScale: num(guidanceScale),
    steps: num(steps),
    strength: num(strength),
    scale: num(scale),
    extra,
    ...rest,
  };
}

export async function waitForState(
  provider: ImageProvider,
  modelId: string,
  requestId: string,
  state: ProviderStatus["state"],
  timeoutMs = 5000,
): Promise<ProviderStatus> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const s = await provider.status(modelId, requestId);
    if (s.state === state) return s;
    if (Date.now() > until) throw new Error(`still ${s.state} after ${timeoutMs} ms (waiting for ${state})`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** submit → poll status to completed → result, as the worker does. */
export async function runToCompletion(
  provider: ImageProvider,
  input: ProviderInput,
  webhookUrl?: string,
): Promise<{ requestId: string; result: ProviderResult }> {
  const { requestId } = await provider.submit(input, webhookUrl ? { webhookUrl } : undefined);
  await waitForState(provider, input.modelId, requestId, "completed");
  return { requestId, result: await provider.result(input.modelId, requestId) };
}

export function decodeDataUri(uri: unknown): { contentType: string; data: Buffer } {
  const m = /^data:([^;]+);base64,(.*)$/s.exec(String(uri));
  if (!m) throw new Error(`not a data URI: ${String(uri).slice(0, 40)}`);
  return { contentType: m[1]!, data: Buffer.from(m[2]!, "base64") };
}
