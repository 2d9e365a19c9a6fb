export interface FakeFalOptions {
  /** Accepted credentials (`<key_id>:<key_secret>`); default ["test-id:test-secret"]. */
  keys?: string[];
  /** Time a job spends IN_QUEUE, then IN_PROGRESS (ms, default 0 each). */
  queueMs?: number;
  processMs?: number;
  /** false: jobs stay put until `advance(requestId)` (deterministic status tests). Default true. */
  autoAdvance?: boolean;
  /** user id in signed webhooks. */
  userId?: string;
  port?: number;
}

/** Where an injected failure answers: the HTTP call, or ("job") the job itself (result + webhook report it). */
export type FailurePoint = "submit" | "status" | "result" | "cancel" | "upload" | "file" | "job";

export interface InjectedFailure {
  at: FailurePoint;
  status: number;
  /** Default: fal's usual body for that status. */
  body?: unknown;
  headers?: Record<string, string>;
  /** How many consecutive matching calls fail (default 1) — mind the client's retries on 429/5xx. */
  times?: number;
  /** Only calls for this endpoint id or owner/app. */
  endpoint?: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Lower-cased names. */
  headers: Record<string, string>;
  /** Parsed JSON body, when the request had one. */
  body: unknown;
  bodyBytes: number;
  at: number;
}

export interface FakeJobLog {
  message: string;
  level: "INFO" | "ERROR" | "WARN" | "DEBUG" | "STDOUT" | "STDERR";
  source: "USER";
  timestamp: string;
}

export interface FakeJob {
  id: string;
  app: string;
  endpoint: string;
  input: Record<string, unknown>;
  webhook?: string;
  state: "IN_QUEUE" | "IN_PROGRESS" | "COMPLETED";
  submittedAt: number;
  logs: FakeJobLog[];
  result?: { status: number; body: unknown; headers?: Record<string, string> };
  cancelled: boolean;
  timers: NodeJS.Timeout[];
  finishing?: Promise<void>;
}

export interface WebhookDelivery {
  url: string;
  requestId: string;
  body: unknown;
  rawBody: string;
  headers: Record<string, string>;
  /** HTTP status the receiver answered, or the network error. */
  status?: number;
  error?: string;
}

/** fal's usual error bodies (reference §1, §2.7). */
export function defaultErrorBody(status: number): unknown {
  switch (status) {
    case 401:
      return { detail: "No user found for Key ID and Secret" };
    case 403:
      return { detail: "User is locked. Reason: Exhausted balance. Top up your balance at fal.ai/dashboard/billing." };
    case 404:
      return { detail: "Application 'unknown' not found" };
    case 422:
      return { detail: [{ loc: ["body", "prompt"], msg: "field required", type: "value_error.missing" }] };
    case 429:
      return { detail: "Too many concurrent requests" };
    case 500:
      return { detail: "Internal server error", error_type: "internal_error" };
    case 502:
      return { detail: "Runner returned an incomplete response", error_type: "runner_incomplete_response" };
    case 503:
      return { detail: "No runner available", error_type: "runner_scheduling_failure" };
    case 504:
      return { detail: "Request timed out", error_type: "request_timeout" };
    default:
      return { detail: `Error ${status}` };
  }
}
