/**
 * A local fake of fal's queue, storage and webhook protocol (shared/reference/fal-api.md §7), for the real
 * @fal-ai/client to talk to. Serves rewritten paths (FAL_QUEUE_URL pointing here) and proxy style
 * (x-fal-target-url). Timers come from node:timers so vitest fake timers in a test do not freeze the fake.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as realSetTimeout, clearTimeout as realClearTimeout } from "node:timers";
import { readBody, sendBytes, sendJson } from "./http";
import { ENDPOINTS, FakeHttpError, invalid } from "./endpoints";
import { runModel } from "./models";
import { WebhookSigner } from "./signer";
import {
  defaultErrorBody,
  type FailurePoint,
  type FakeFalOptions,
  type FakeJob,
  type InjectedFailure,
  type RecordedRequest,
  type WebhookDelivery,
} from "./types";

const RESERVED = new Set(["storage", "files", "upload", ".well-known", "sync"]);

/** `owner/app` of an endpoint id, keeping a workflows/comfy namespace (client parseEndpointId). */
export function appOf(endpoint: string): string {
  const parts = endpoint.split("/");
  const ns = parts[0] === "workflows" || parts[0] === "comfy" ? 1 : 0;
  return parts.slice(0, ns + 2).join("/");
}

export class FakeFalServer {
  readonly requests: RecordedRequest[] = [];
  readonly webhookDeliveries: WebhookDelivery[] = [];
  readonly jobs = new Map<string, FakeJob>();
  readonly signer = new WebhookSigner();
  readonly userId: string;
  private failures: (InjectedFailure & { remaining: number })[] = [];
  private files = new Map<string, { data: Buffer; contentType: string }>();
  private uploads = new Map<string, { fileKey: string; contentType: string }>();
  private server: Server;
  private base = "";
  private keys: string[];
  private queueMs: number;
  private processMs: number;
  private autoAdvance: boolean;
  private webhookWaiters: ((d: WebhookDelivery) => void)[] = [];

  constructor(opts: FakeFalOptions = {}) {
    this.keys = opts.keys ?? ["test-id:test-secret"];
    this.queueMs = opts.queueMs ?? 0;
    this.processMs = opts.processMs ?? 0;
    this.autoAdvance = opts.autoAdvance ?? true;
    this.userId = opts.userId ?? "fake-user";
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        if (!res.headersSent)
          sendJson(res, 500, { detail: `fake fal crashed: ${String(err)}`, error_type: "internal_error" });
        else res.destroy();
      });
    });
  }

  get url() {
    return this.base;
  }

  async listen(port = 0): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(port, "127.0.0.1", resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const job of this.jobs.values()) job.timers.forEach((t) => realClearTimeout(t));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  failNext(f: InjectedFailure) {
    this.failures.push({ ...f, remaining: f.times ?? 1 });
  }

  clearFailures() {
    this.failures = [];
  }

  setDelays(d: { queueMs?: number; processMs?: number; autoAdvance?: boolean }) {
    this.queueMs = d.queueMs ?? this.queueMs;
    this.processMs = d.processMs ?? this.processMs;
    this.autoAdvance = d.autoAdvance ?? this.autoAdvance;
  }

  /** Moves a job one step (queued → running → completed), for tests that hold jobs (autoAdvance: false). */
  async advance(requestId: string): Promise<FakeJob> {
    const job = [...this.jobs.values()].find((j) => j.id === requestId);
    if (!job) throw new Error(`fake fal: no job ${requestId}`);
    if (job.state === "IN_QUEUE") this.start(job);
    else if (job.state === "IN_PROGRESS") await this.finish(job);
    return job;
  }

  /** Resolves with the first webhook delivery for a request (waits up to timeoutMs). */
  waitForWebhook(requestId: string, timeoutMs = 5000): Promise<WebhookDelivery> {
    const done = this.webhookDeliveries.find((d) => d.requestId === requestId);
    if (done) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      const timer = realSetTimeout(
        () => reject(new Error(`no webhook for ${requestId} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.webhookWaiters.push((d) => {
        if (d.requestId !== requestId) return;
        realClearTimeout(timer);
        resolve(d);
      });
    });
  }

  /** Stores bytes and returns the URL the fake serves them at (like a fal CDN URL). */
  putFile(data: Buffer, contentType: string, name = "file.bin"): string {
    const key = `${randomUUID()}/${encodeURIComponent(name)}`;
    this.files.set(key, { data, contentType });
    return `${this.base}/files/${key}`;
  }

  private takeFailure(at: FailurePoint, endpoint?: string): InjectedFailure | undefined {
    const i = this.failures.findIndex(
      (f) =>
        f.at === at &&
        (!f.endpoint || (endpoint !== undefined && (endpoint === f.endpoint || appOf(endpoint) === f.endpoint))),
    );
    if (i < 0) return undefined;
    const f = this.failures[i]!;
    if (--f.remaining <= 0) this.failures.splice(i, 1);
    return f;
  }

  private sendFailure(res: ServerResponse, f: InjectedFailure) {
    sendJson(res, f.status, f.body ?? defaultErrorBody(f.status), f.headers);
  }

  private record(req: IncomingMessage, url: URL, raw: Buffer): RecordedRequest {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers))
      if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
    let body: unknown;
    if ((headers["content-type"] ?? "").includes("application/json") && raw.length) {
      try {
        body = JSON.parse(raw.toString("utf8"));
      } catch {
        body = undefined;
      }
    }
    const rec: RecordedRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      body,
      bodyBytes: raw.length,
      at: Date.now(),
    };
    this.requests.push(rec);
    return rec;
  }

  private authorised(req: IncomingMessage): boolean {
    const auth = req.headers.authorization ?? "";
    return this.keys.some((k) => auth === `Key ${k}`);
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const raw = await readBody(req);
    let url = new URL(req.url ?? "/", this.base);
    let route: "queue" | "rest" | "sync" | "local" = "local";
    const target = req.headers["x-fal-target-url"];
    if (typeof target === "string") {
      const t = new URL(target);
      url = t;
      route = t.hostname.startsWith("queue.") ? "queue" : t.hostname.startsWith("rest.") ? "rest" : "sync";
    }
    const rec = this.record(req, url, raw);
    const segs = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
    if (route === "local") {
      const first = segs[0] ?? "";
      if (first === ".well-known" && segs[1] === "jwks.json") return sendJson(res, 200, this.signer.jwks());
      if (first === "files" && req.method === "GET") return this.serveFile(res, segs.slice(1));
      if (first === "upload" && req.method === "PUT") return this.acceptUpload(req, res, segs[1] ?? "", raw);
      route = first === "storage" ? "rest" : first === "sync" ? "sync" : RESERVED.has(first) ? "local" : "queue";
      if (route === "sync") segs.shift();
    }
    if (route === "local") return sendJson(res, 404, { detail: "Not found" });
    if (!this.authorised(req)) return sendJson(res, 401, { detail: "No user found for Key ID and Secret" });
    if (route === "rest") return this.initiateUpload(res, segs, rec.body);
    if (route === "sync") return this.runSync(res, segs.join("/"), rec.body);
    return this.queueRoute(req, res, segs, url, rec.body);
  }

  private serveFile(res: ServerResponse, segs: string[]) {
    const f = this.takeFailure("file");
    if (f) return this.sendFailure(res, f);
    const file = this.files.get(segs.map(encodeURIComponent).join("/"));
    if (!file) return sendJson(res, 404, { detail: "File not found" });
    sendBytes(res, 200, file.data, file.contentType);
  }

  private initiateUpload(res: ServerResponse, segs: string[], body: unknown) {
    if (segs.join("/") !== "storage/upload/initiate") return sendJson(res, 404, { detail: "Not found" });
    const f = this.takeFailure("upload");
    if (f) return this.sendFailure(res, f);
    const b = (body ?? {}) as { content_type?: string; file_name?: string };
    const token = randomUUID();
    const fileKey = `${randomUUID()}/${encodeURIComponent(b.file_name ?? "upload.bin")}`;
    this.uploads.set(token, { fileKey, contentType: b.content_type ?? "application/octet-stream" });
    sendJson(res, 200, { upload_url: `${this.base}/upload/${token}`, file_url: `${this.base}/files/${fileKey}` });
  }

  private acceptUpload(req: IncomingMessage, res: ServerResponse, token: string, raw: Buffer) {
    const up = this.uploads.get(token);
    if (!up) return sendJson(res, 404, { detail: "Unknown upload" });
    this.uploads.delete(token);
    this.files.set(up.fileKey, { data: raw, contentType: req.headers["content-type"] ?? up.contentType });
    res.writeHead(200).end();
  }

  private async runSync(res: ServerResponse, endpoint: string, body: unknown) {
    const id = randomUUID();
    try {
      const out = await runModel(endpoint, (body ?? {}) as Record<string, unknown>, this.modelContext());
      sendJson(res, 200, out, { "x-fal-request-id": id });
    } catch (err) {
      if (!(err instanceof FakeHttpError)) throw err;
      sendJson(res, err.status, err.body, { "x-fal-request-id": id, ...err.headers });
    }
  }

  private async queueRoute(req: IncomingMessage, res: ServerResponse, segs: string[], url: URL, body: unknown) {
    const r = segs.indexOf("requests");
    if (r < 0) {
      if (req.method !== "POST") return sendJson(res, 405, { detail: "Method not allowed" });
      return this.submit(res, segs.join("/"), body, url.searchParams.get("fal_webhook") ?? undefined);
    }
    const app = segs.slice(0, r).join("/");
    const id = segs[r + 1] ?? "";
    const rest = segs.slice(r + 2).join("/");
    const job = this.jobs.get(`${app}/${id}`);
    if (rest === "status" && req.method === "GET")
      return this.status(res, app, job, url.searchParams.get("logs") === "1");
    if (rest === "status/stream" && req.method === "GET") return this.statusStream(res, app, job);
    if (rest === "cancel" && req.method === "PUT") return this.cancel(res, app, job);
    if (rest === "" && req.method === "GET") return this.result(res, app, job);
    sendJson(res, 405, { detail: "Method not allowed" });
  }

  private submit(res: ServerResponse, endpoint: string, body: unknown, webhook: string | undefined) {
    const f = this.takeFailure("submit", endpoint);
    if (f) return this.sendFailure(res, f);
    if (!ENDPOINTS[endpoint])
      return sendJson(res, 404, { detail: `Application '${endpoint.split("/")[1] ?? endpoint}' not found` });
    const id = randomUUID();
    const app = appOf(endpoint);
    const job: FakeJob = {
      id,
      app,
      endpoint,
      input: (body ?? {}) as Record<string, unknown>,
      webhook,
      state: "IN_QUEUE",
      submittedAt: Date.now(),
      logs: [],
      cancelled: false,
      timers: [],
    };
    this.jobs.set(`${app}/${id}`, job);
    if (this.autoAdvance) job.timers.push(realSetTimeout(() => this.start(job), this.queueMs));
    sendJson(res, 200, {
      ...this.urls(job),
      status: "IN_QUEUE",
      request_id: id,
      gateway_request_id: id,
      queue_position: this.position(job),
    });
  }

  private urls(job: FakeJob) {
    const base = `${this.base}/${job.app}/requests/${job.id}`;
    return { response_url: base, status_url: `${base}/status`, cancel_url: `${base}/cancel` };
  }

  private position(job: FakeJob): number {
    return [...this.jobs.values()].filter(
      (j) => j.state === "IN_QUEUE" && j.submittedAt <= job.submittedAt && j !== job,
    ).length;
  }

  private start(job: FakeJob) {
    if (job.state !== "IN_QUEUE") return;
    job.state = "IN_PROGRESS";
    job.logs.push({ message: "Generating images", level: "INFO", source: "USER", timestamp: new Date().toISOString() });
    if (this.autoAdvance) job.timers.push(realSetTimeout(() => void this.finish(job), this.processMs));
  }

  private async finish(job: FakeJob) {
    if (job.state !== "IN_PROGRESS" || job.finishing) return job.finishing;
    job.finishing = (async () => {
      const f = this.takeFailure("job", job.endpoint);
      let result: NonNullable<FakeJob["result"]>;
      if (f) result = { status: f.status, body: f.body ?? defaultErrorBody(f.status), headers: f.headers };
      else {
        try {
          result = { status: 200, body: await runModel(job.endpoint, job.input, this.modelContext()) };
        } catch (err) {
          if (!(err instanceof FakeHttpError)) throw err;
          result = { status: err.status, body: err.body, headers: err.headers };
        }
      }
      if (job.cancelled) return;
      job.result = result;
      job.logs.push({ message: "Done", level: "INFO", source: "USER", timestamp: new Date().toISOString() });
      job.state = "COMPLETED";
      await this.deliverWebhook(job);
    })();
    return job.finishing;
  }

  private statusBody(job: FakeJob, logs: boolean) {
    return {
      ...this.urls(job),
      status: job.state,
      request_id: job.id,
      ...(job.state === "IN_QUEUE" ? { queue_position: this.position(job) } : {}),
      logs: logs ? job.logs : null,
      metrics: job.state === "COMPLETED" ? { inference_time: 0.05 } : {},
    };
  }

  private status(res: ServerResponse, app: string, job: FakeJob | undefined, logs: boolean) {
    const f = this.takeFailure("status", app);
    if (f) return this.sendFailure(res, f);
    if (!job) return sendJson(res, 404, { detail: "Request not found" });
    sendJson(res, job.state === "COMPLETED" ? 200 : 202, this.statusBody(job, logs));
  }

  private statusStream(res: ServerResponse, _app: string, job: FakeJob | undefined) {
    if (!job) return sendJson(res, 404, { detail: "Request not found" });
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    const tick = () => {
      res.write(`data: ${JSON.stringify(this.statusBody(job, true))}\n\n`);
      if (job.state === "COMPLETED") res.end();
      else job.timers.push(realSetTimeout(tick, 25));
    };
    tick();
  }

  private cancel(res: ServerResponse, app: string, job: FakeJob | undefined) {
    const f = this.takeFailure("cancel", app);
    if (f) return this.sendFailure(res, f);
    if (!job) return sendJson(res, 404, { status: "NOT_FOUND" });
    if (job.state === "COMPLETED") return sendJson(res, 400, { status: "ALREADY_COMPLETED" });
    job.cancelled = true;
    job.timers.forEach((t) => realClearTimeout(t));
    job.state = "COMPLETED";
    job.result = { status: 499, body: { detail: "Request cancelled by the client", error_type: "client_cancelled" } };
    sendJson(res, 202, { status: "CANCELLATION_REQUESTED" });
    void this.deliverWebhook(job);
  }

  private result(res: ServerResponse, app: string, job: FakeJob | undefined) {
    const f = this.takeFailure("result", app);
    if (f) return this.sendFailure(res, { ...f, headers: { "x-fal-request-id": job?.id ?? "", ...f.headers } });
    if (!job) return sendJson(res, 404, { detail: "Request not found" });
    if (job.state !== "COMPLETED" || !job.result) return sendJson(res, 400, { detail: "Request is still in progress" });
    sendJson(res, job.result.status, job.result.body, { "x-fal-request-id": job.id, ...job.result.headers });
  }

  private async deliverWebhook(job: FakeJob) {
    if (!job.webhook || !job.result) return;
    const ok = job.result.status < 300;
    const payload = {
      request_id: job.id,
      gateway_request_id: job.id,
      status: ok ? "OK" : "ERROR",
      payload: job.result.body,
      ...(ok ? {} : { error: `Invalid status code: ${job.result.status}` }),
    };
    const raw = JSON.stringify(payload);
    const headers = {
      "content-type": "application/json",
      ...this.signer.headers(raw, { requestId: job.id, userId: this.userId }),
    };
    const delivery: WebhookDelivery = { url: job.webhook, requestId: job.id, body: payload, rawBody: raw, headers };
    try {
      const r = await fetch(job.webhook, { method: "POST", headers, body: raw, signal: AbortSignal.timeout(5000) });
      delivery.status = r.status;
      await r.body?.cancel();
    } catch (err) {
      delivery.error = String(err);
    }
    this.webhookDeliveries.push(delivery);
    this.webhookWaiters.forEach((w) => w(delivery));
  }

  private modelContext() {
    return {
      store: (data: Buffer, contentType: string, name: string) => this.putFile(data, contentType, name),
      readImage: async (url: string, field: string) => {
        const m = /^data:([^;,]+);base64,(.*)$/s.exec(url);
        if (m) return Buffer.from(m[2]!, "base64");
        const prefix = `${this.base}/files/`;
        const file = url.startsWith(prefix) ? this.files.get(url.slice(prefix.length)) : undefined;
        if (!file)
          throw invalid(
            field,
            "Failed to download the file. Please check if the URL is accessible.",
            "file_download_error",
          );
        return file.data;
      },
    };
  }
}
