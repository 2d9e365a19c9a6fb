import type { Config } from "./config";
import { CliError, EXIT } from "./errors";

interface ErrorBody {
  error?: { code?: string; message?: string; details?: { reason?: string } };
}

/** A thin client of the public REST API: the key in the header, the server's error message on failure. */
export class Api {
  constructor(private readonly config: Config) {}

  /**
   * One request; a 429 with a short Retry-After (the per-key limit, e.g. while following a long batch) is waited
   * out and retried twice before it becomes an error (exit 7).
   */
  private async send(path: string, init: RequestInit = {}, attempt = 0): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set("Authorization", `Bearer ${this.config.key}`);
    headers.set("Accept", "application/json");
    headers.set("User-Agent", "image-studio-cli");
    let res: Response;
    try {
      res = await fetch(`${this.config.url}${path}`, { ...init, headers });
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      throw new CliError(
        `Can't reach ${this.config.url}: ${cause?.code ?? cause?.message ?? (err as Error).message}`,
        EXIT.unreachable,
      );
    }
    if (res.ok) return res;
    const wait = Number(res.headers.get("retry-after"));
    if (res.status === 429 && attempt < 2 && Number.isFinite(wait) && wait > 0 && wait <= 60) {
      await res.body?.cancel();
      await new Promise((r) => setTimeout(r, wait * 1000));
      return this.send(path, init, attempt + 1);
    }
    const body = (await res.json().catch(() => ({}))) as ErrorBody;
    const message = body.error?.message ?? `The server answered ${res.status} ${res.statusText}`;
    const code =
      res.status === 401 || res.status === 403
        ? EXIT.auth
        : res.status === 404
          ? EXIT.notFound
          : res.status === 429
            ? EXIT.rateLimited
            : res.status >= 500
              ? EXIT.unreachable
              : EXIT.failure;
    const retry = res.headers.get("retry-after");
    throw new CliError(retry ? `${message} (retry after ${retry} s)` : message, code, {
      status: res.status,
      code: body.error?.code,
      reason: body.error?.details?.reason,
    });
  }

  async json<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
    const res = await this.send(path, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers: init.body === undefined ? undefined : { "Content-Type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    return (await res.json()) as T;
  }

  /** The bytes of a file route, with the name the server suggests. */
  async file(path: string): Promise<{ data: Buffer; filename?: string; contentType: string }> {
    const res = await this.send(path);
    const disposition = res.headers.get("content-disposition") ?? "";
    const m = /filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i.exec(disposition);
    const filename = m ? decodeURIComponent(m[1] ?? m[2]!) : undefined;
    return {
      data: Buffer.from(await res.arrayBuffer()),
      filename,
      contentType: res.headers.get("content-type") ?? "application/octet-stream",
    };
  }
}
