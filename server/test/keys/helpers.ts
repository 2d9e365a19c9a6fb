import type { ApiKeyCreated, ApiKeyScope } from "@image-studio/shared";
import { jsonRequest, randomIp, type SignedUpUser, type TestApp } from "../harness";

/** Creates a key through the settings API, as the signed-in user does. */
export async function createKey(
  t: TestApp,
  u: SignedUpUser,
  scopes: ApiKeyScope[],
  extra: { name?: string; expiresAt?: string | null } = {},
): Promise<ApiKeyCreated> {
  const res = await jsonRequest(t, "/api/keys", {
    cookie: u.cookie,
    ip: u.ip,
    body: { name: extra.name ?? `key ${scopes.join("+")}`, scopes, expiresAt: extra.expiresAt },
  });
  if (res.status !== 201) throw new Error(`key create failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as ApiKeyCreated;
}

/** A request as a script makes it: no Origin, no cookies, the key in the Authorization header. */
export function keyRequest(
  t: TestApp,
  key: string,
  path: string,
  init: { method?: string; body?: unknown; ip?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${key}`,
    Accept: "application/json",
    "X-Forwarded-For": init.ip ?? randomIp(),
    ...init.headers,
  };
  if (init.body !== undefined) headers["Content-Type"] = "application/json";
  return t.request(path, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

export const reasonOf = async (res: Response) =>
  ((await res.clone().json()) as { error?: { details?: { reason?: string } } }).error?.details?.reason;
