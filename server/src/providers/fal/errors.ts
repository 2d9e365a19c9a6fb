/**
 * fal failures → ProviderError with a message a user can act on. fal bodies carry the useful text in `detail`
 * (a list of {loc,msg,type} for validation, or a string); ApiError.message is only the HTTP reason phrase.
 */
import { ApiError } from "@fal-ai/client";
import { ProviderError } from "../types";

export type FalPhase = "submit" | "status" | "result" | "cancel" | "upload" | "download";

export interface FalFieldIssue {
  /** Our parameter name when we know it (steps, guidanceScale, …), else fal's. */
  field: string;
  falField: string;
  message: string;
  type?: string;
}

interface FalDetailItem {
  loc?: unknown[];
  msg?: string;
  type?: string;
  ctx?: Record<string, unknown>;
}

/** fal field → our parameter name, so validation messages point at the control the user can change. */
const FIELD_NAMES: Record<string, string> = {
  num_inference_steps: "steps",
  guidance_scale: "guidanceScale",
  num_images: "numImages",
  image_size: "size",
  aspect_ratio: "aspectRatio",
  negative_prompt: "negativePrompt",
  image_url: "sourceImage",
  mask_url: "maskImage",
  output_format: "outputFormat",
  format: "outputFormat",
  safety_tolerance: "safetyTolerance",
  enable_safety_checker: "enableSafetyChecker",
  enhance_prompt: "enhancePrompt",
  expand_prompt: "expandPrompt",
  upscale_factor: "scale",
  image_prompt_strength: "imagePromptStrength",
  instant_id_strength: "instantIdStrength",
  ip_adapter_weight: "ipAdapterWeight",
  ip_adapter_noise: "ipAdapterNoise",
  crop_to_bbox: "cropToBbox",
  operating_resolution: "operatingResolution",
  refine_foreground: "refineForeground",
};

const BALANCE = "fal.ai balance exhausted — top up at fal.ai/dashboard/billing";
const CONTENT_POLICY = "fal.ai's content filter blocked this request. Change the prompt or image and try again.";
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/** The issues in a fal `detail` (list or string), with our field names. */
export function falFieldIssues(body: unknown): FalFieldIssue[] {
  const detail = (body as { detail?: unknown } | undefined)?.detail;
  if (typeof detail === "string") return [{ field: "request", falField: "body", message: detail }];
  if (!Array.isArray(detail)) return [];
  return detail.map((raw: FalDetailItem) => {
    const loc = Array.isArray(raw?.loc) ? raw.loc.filter((p) => p !== "body").map(String) : [];
    const falField = loc.join(".") || "body";
    const head = loc[0] ?? "";
    const field = FIELD_NAMES[head]
      ? [FIELD_NAMES[head], ...loc.slice(1)].join(".")
      : falField === "body"
        ? "request"
        : falField;
    return {
      field,
      falField,
      message: String(raw?.msg ?? "invalid value"),
      ...(raw?.type ? { type: String(raw.type) } : {}),
    };
  });
}

function detailText(body: unknown): string | undefined {
  const detail = (body as { detail?: unknown } | undefined)?.detail;
  if (typeof detail === "string") return detail;
  const issues = falFieldIssues(body);
  return issues.length ? issues.map((i) => i.message).join("; ") : undefined;
}

function isContentPolicy(body: unknown, issues: FalFieldIssue[]): boolean {
  if (issues.some((i) => i.type === "content_policy_violation")) return true;
  const text = detailText(body) ?? "";
  return /content[ _]policy|nsfw content|flagged as (unsafe|inappropriate)/i.test(text);
}

function errorType(body: unknown): string | undefined {
  const t = (body as { error_type?: unknown } | undefined)?.error_type;
  return typeof t === "string" ? t : undefined;
}

function fromApiError(err: ApiError<unknown>, phase: FalPhase, endpoint?: string): ProviderError {
  const { status, body } = err;
  const text = detailText(body);
  const details = {
    status,
    phase,
    ...(endpoint ? { endpoint } : {}),
    ...(err.requestId ? { requestId: err.requestId } : {}),
    ...(text ? { detail: text } : {}),
  };
  if (status === 401)
    return new ProviderError(
      "auth",
      "fal.ai rejected the API key. Check FAL_KEY (it looks like <key_id>:<key_secret>).",
      false,
      details,
    );
  if (status === 403) {
    if (/balance|locked|billing|top up/i.test(text ?? "")) return new ProviderError("balance", BALANCE, false, details);
    return new ProviderError("auth", `fal.ai refused the request${text ? `: ${text}` : ""}`, false, details);
  }
  if (status === 422 || status === 400) {
    const issues = falFieldIssues(body);
    if (isContentPolicy(body, issues))
      return new ProviderError("content_policy", CONTENT_POLICY, false, { ...details, fields: issues });
    const summary = issues.length
      ? issues
          .slice(0, 3)
          .map((i) => (i.field === "request" ? i.message : `${i.field}: ${i.message}`))
          .join("; ")
      : (text ?? "invalid input");
    return new ProviderError("validation", `fal.ai rejected the request — ${summary}`, false, {
      ...details,
      fields: issues,
    });
  }
  if (status === 404) {
    const message =
      phase === "submit"
        ? `fal.ai does not know the model endpoint${endpoint ? ` "${endpoint}"` : ""}${text ? ` (${text})` : ""}`
        : "fal.ai has no record of this request (it may have expired)";
    return new ProviderError("not_found", message, false, details);
  }
  if (status === 429)
    return new ProviderError(
      "rate_limited",
      "fal.ai is rate-limiting this account (too many requests at once); it will be retried.",
      true,
      details,
    );
  const type = errorType(body);
  if (status === 504 || type === "request_timeout" || type === "startup_timeout") {
    const who = err.isUserTimeout ? "did not start in time" : "timed out";
    return new ProviderError("timeout", `fal.ai ${who}; it will be retried.`, true, details);
  }
  if (status === 499 || type === "client_cancelled")
    return new ProviderError("internal", "The fal.ai request was cancelled.", false, details);
  if (status >= 500)
    return new ProviderError(
      "unavailable",
      `fal.ai had a server error (${status}); it will be retried.`,
      true,
      details,
    );
  return new ProviderError("internal", `fal.ai answered ${status}${text ? `: ${text}` : ""}`, false, details);
}

function causeCode(err: unknown): string | undefined {
  const seen = new Set<unknown>();
  let cur: unknown = err;
  while (cur && typeof cur === "object" && !seen.has(cur)) {
    seen.add(cur);
    const code = (cur as { code?: unknown }).code;
    if (typeof code === "string") return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Any error from talking to fal (client ApiError, network, abort) as a ProviderError. */
export function mapFalError(err: unknown, phase: FalPhase, endpoint?: string): ProviderError {
  if (err instanceof ProviderError) return err;
  if (err instanceof ApiError) return fromApiError(err, phase, endpoint);
  const name = (err as { name?: unknown } | null)?.name;
  const message = err instanceof Error ? err.message : String(err);
  if (name === "TimeoutError" || name === "AbortError") {
    return new ProviderError("timeout", "fal.ai did not answer in time; it will be retried.", true, { phase });
  }
  const code = causeCode(err);
  if ((code && NETWORK_CODES.has(code)) || /fetch failed|network/i.test(message)) {
    return new ProviderError(
      "unavailable",
      `Could not reach fal.ai${code ? ` (${code})` : ""}; it will be retried.`,
      true,
      { phase, code },
    );
  }
  return new ProviderError("internal", `Unexpected error talking to fal.ai: ${message}`, false, { phase });
}
