import { expect, it } from "vitest";
import { signUp } from "../harness";
import { MATRIX, type Row } from "./matrix";
import { send } from "./routes";
import { fresh, type Ids, ownerSnapshot, type World } from "./world";

const errorCode = async (res: Response) => ((await res.clone().json()) as { error?: { code?: string } }).error?.code;

async function idsFor(w: World, row: Row): Promise<Ids> {
  const kinds = [...(row.kind ? [row.kind] : []), ...(row.also ?? [])];
  const ids = await fresh(w, kinds);
  if (row.kind) ids.id = ids[row.kind];
  return ids;
}

/** Owner works; another user gets `other` (404) and nothing of the owner; anonymous 401; nothing changed. */
async function ownedRow(w: World, key: string, row: Row) {
  const ids = await idsFor(w, row);
  const before = await ownerSnapshot(w);
  const anon = await send(w.t, null, key, row, ids);
  expect(anon.status, "anonymous").toBe(401);
  expect(await errorCode(anon)).toBe("UNAUTHORIZED");
  const theirs = await send(w.t, w.other, key, row, ids);
  const text = await theirs.text();
  expect(theirs.status, `another user: ${text.slice(0, 200)}`).toBe(row.other ?? 404);
  expect(text, "another user sees none of the owner's data").not.toContain(w.marker);
  expect(await ownerSnapshot(w), "the owner's data is unchanged").toEqual(before);
  const own = await send(w.t, w.owner, key, row, ids);
  expect(own.status, `owner: ${(await own.clone().text()).slice(0, 200)}`).toBe(row.status ?? 200);
}

/** Anonymous 401; a signed-in user gets `status`, and nothing of the owner's. */
async function userRow(w: World, key: string, row: Row) {
  const ids = await idsFor(w, row);
  const anon = await send(w.t, null, key, row, ids);
  expect(anon.status, "anonymous").toBe(401);
  const who = row.throwaway ? await signUp(w.t) : w.other;
  const res = await send(w.t, who, key, row, ids);
  const text = row.stream ? "" : await res.text();
  expect(res.status, text.slice(0, 200)).toBe(row.status ?? 200);
  expect(text).not.toContain(w.marker);
}

/** Anonymous 401; a signed-in user 403; an administrator `status`. */
async function adminRow(w: World, key: string, row: Row) {
  const ids = await idsFor(w, row);
  expect((await send(w.t, null, key, row, ids)).status, "anonymous").toBe(401);
  const user = await send(w.t, w.other, key, row, ids);
  expect(user.status, "a user").toBe(403);
  expect(await errorCode(user)).toBe("FORBIDDEN");
  const res = await send(w.t, w.admin, key, row, ids);
  expect(res.status, (await res.clone().text()).slice(0, 200)).toBe(row.status ?? 200);
}

/** Public: anyone gets an answer (the declared status, else anything but a 5xx). */
async function publicRow(w: World, key: string, row: Row) {
  const ids = await idsFor(w, row);
  const res = await send(w.t, null, key, row, ids);
  if (row.healthReport && res.status === 503) expect(((await res.json()) as { status: string }).status).toBe("degraded");
  else if (row.status) expect(res.status).toBe(row.status);
  else expect(res.status).toBeLessThan(500);
}

const RUN = { owned: ownedRow, user: userRow, admin: adminRow, public: publicRow } as const;

export const matrixCounts = () => {
  const rows = Object.values(MATRIX);
  const n = (a: Row["access"]) => rows.filter((r) => r.access === a).length;
  return { routes: rows.length, owned: n("owned"), user: n("user"), admin: n("admin"), public: n("public") };
};

/** One test per row of the matrix. */
export function accessTests(world: () => World) {
  for (const [key, row] of Object.entries(MATRIX)) {
    const label = row.access === "public" ? `${key} — public: ${row.reason}` : `${key} — ${row.access}`;
    if (row.noCall) {
      it.skip(`${label} (not called: ${row.noCall})`, () => {});
      continue;
    }
    it(label, () => RUN[row.access](world(), key, row));
  }
}
