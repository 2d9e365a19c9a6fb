import type { ShareLink, SharedView } from "@image-studio/shared";
import type { Clock } from "../../src/lib/clock";
import { jsonRequest, randomIp, type SignedUpUser, type TestApp } from "../harness";
import { caller, makePng, ok, storeImage } from "../images/fixtures";

/** The app's clock, moved by the test (no sleeps). */
export function movableClock(): Clock & { set(d: Date): void; advance(ms: number): void } {
  let at: Date | undefined;
  return {
    now: () => at ?? new Date(),
    set: (d) => (at = d),
    advance: (ms) => (at = new Date((at ?? new Date()).getTime() + ms)),
  };
}

/** An image of `u` with real stored files (original + variants). */
export async function image(t: TestApp, u: SignedUpUser, over: Parameters<typeof storeImage>[3] = {}) {
  return storeImage(t, u.user.id, await makePng({ hue: Math.floor(Math.random() * 200) }), over);
}

export async function share(t: TestApp, u: SignedUpUser, kind: "image" | "project" | "collection", id: string, body: Record<string, unknown> = {}) {
  return ok<ShareLink>(caller(t, u)(`/api/share/${kind}/${id}`, { body }), 201);
}

/** An anonymous request from a fixed address (so the password rate limit sees one client). */
export function anon(t: TestApp, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string>; ip?: string; cookie?: string } = {}) {
  return jsonRequest(t, path, { ...init, ip: init.ip ?? randomIp() });
}

export const viewOf = (t: TestApp, link: ShareLink, headers: Record<string, string> = {}, ip?: string) => anon(t, `/api/share/${link.kind}/${link.token}`, { headers, ip });

export async function openView(t: TestApp, link: ShareLink, headers: Record<string, string> = {}): Promise<SharedView> {
  return ok<SharedView>(viewOf(t, link, headers));
}

export const code = async (res: Response) => ((await res.clone().json()) as { error?: { code?: string } }).error?.code;
