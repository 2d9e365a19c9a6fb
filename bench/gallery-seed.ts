/** Synthetic gallery data for the benchmarks: a real user signed up over HTTP, and many rows made in SQL. */
import { sql } from "../server/node_modules/drizzle-orm/index.js";
import type { Db } from "../server/src/db/client";

export const WORDS = ["violet", "teal", "amber", "misty", "neon", "ancient", "quiet", "stormy", "golden", "frozen", "castle", "forest", "harbour", "robot", "dragon", "city", "desert", "garden", "lighthouse", "portrait"];
export const TAGS = ["landscape", "portrait", "favourite-set", "client-a", "client-b", "print", "draft", "wip", "night", "daylight", "moody", "bright", "poster", "concept", "texture", "icon", "ui", "scifi", "fantasy", "photo"];
const STYLES = ["oil painting", "watercolor", "cinematic still", "pixel art", "photograph", "concept art", "ink sketch", "3d render"];
const MODELS = ["fal-ai/flux/dev", "fal-ai/flux/schnell", "fal-ai/flux-pro/v1.1", "fal-ai/fast-sdxl", "local/sketch", "local/sketch-fast"];

/** Rows of `db.execute()`: node-postgres answers `{ rows }`, PGlite an object with `rows` too, older drivers an array. */
export const rowsOf = <T>(res: unknown): T[] => (Array.isArray(res) ? res : ((res as { rows?: T[] }).rows ?? [])) as T[];

const arr = (xs: string[]) => sql.raw(`ARRAY[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(",")}]`);
const pickFrom = (xs: string[]) => sql`(${arr(xs)})[1 + floor(random() * ${sql.raw(String(xs.length))})::int]`;

/** Registers, verifies (dev mailbox) and signs in a user over HTTP; returns the session cookie and id. */
export async function signUpOverHttp(base: string): Promise<{ cookie: string; userId: string }> {
  const email = `bench-${Date.now()}@example.test`;
  const password = "correct horse battery staple";
  const post = (p: string, body: unknown) => fetch(`${base}${p}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const reg = await post("/api/auth/register", { email, password, name: "Bench" });
  if (reg.status !== 201) throw new Error(`register: ${reg.status} ${await reg.text()}`);
  const box = (await (await fetch(`${base}/api/dev/mailbox?to=${encodeURIComponent(email)}`)).json()) as { items: { text: string }[] };
  const token = decodeURIComponent(/[?&]token=([^\s&"<]+)/.exec(box.items[0]?.text ?? "")?.[1] ?? "");
  if (!(await post("/api/auth/verify-email", { token })).ok) throw new Error("verify failed");
  const login = await post("/api/auth/login", { email, password });
  if (!login.ok) throw new Error(`login: ${login.status}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .filter((c) => !c.endsWith("="))
    .join("; ");
  const { user } = (await login.json()) as { user: { id: string } };
  return { cookie, userId: user.id };
}

async function insertBatch(db: Db, userId: string, n: number, offset: number) {
  const prompt = sql`'a ' || ${pickFrom(WORDS)} || ' ' || ${pickFrom(WORDS)} || ' ' || ${pickFrom(WORDS)} || ', ' || ${pickFrom(STYLES)} || ' #' || g`;
  const tags = sql`ARRAY(SELECT t FROM unnest(${arr(TAGS)}) AS t WHERE random() < 0.08 + 0 * g)`;
  await db.execute(sql`
    INSERT INTO images (user_id, file_path, file_url, thumbnail_url, width, height, file_size, format, prompt, negative_prompt,
      model_id, parameters, tags, rating, is_favorite, thumbhash, phash, alt_text, created_at)
    SELECT ${userId}::uuid, 'users/' || ${userId} || '/images/' || md5(g::text) || '/original.png', '/api/images/x/file/original', '/api/images/x/file/thumb-256',
      (ARRAY[1024, 1360, 768, 1152, 864])[1 + (g % 5)], (ARRAY[1024, 768, 1360, 864, 1152])[1 + (g % 5)], 200000 + (g % 900000), 'png',
      ${prompt}, CASE WHEN g % 4 = 0 THEN 'blurry, low quality' ELSE '' END, ${pickFrom(MODELS)}, jsonb_build_object('seed', g, 'steps', 20),
      ${tags}, CASE WHEN g % 3 = 0 THEN 1 + (g % 5) END, g % 17 = 0, 'YJqGPQw7sFlslqhFafSE+Q6oJ1h2iHB2Rw', substr(md5(g::text), 1, 16), '',
      now() - (g * interval '37 seconds') - (random() * interval '30 seconds')
    FROM generate_series(${sql.raw(String(offset + 1))}, ${sql.raw(String(offset + n))}) AS g`);
}

/** `total` rows: `mine` for the measured user and the rest spread over nine other users. Indexes are rebuilt after. */
export async function seedImages(db: Db, userId: string, total: number, mine: number) {
  const res = await db.execute(sql`SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'images' AND indexname <> 'images_pkey'`);
  const indexes = rowsOf<{ indexname: string; indexdef: string }>(res);
  for (const ix of indexes) await db.execute(sql.raw(`DROP INDEX "${ix.indexname}"`));
  const others: string[] = [];
  for (let i = 0; i < 9; i++) {
    const r = await db.execute(sql`INSERT INTO users (name, email, email_verified) VALUES ('Other', ${`other-${i}-${Date.now()}@example.test`}, true) RETURNING id`);
    others.push(rowsOf<{ id: string }>(r)[0]!.id);
  }
  const chunk = 50_000;
  for (let done = 0; done < mine; done += chunk) await insertBatch(db, userId, Math.min(chunk, mine - done), done);
  const rest = total - mine;
  for (let done = 0; done < rest; done += chunk) await insertBatch(db, others[(done / chunk) % others.length]!, Math.min(chunk, rest - done), mine + done);
  for (const ix of indexes) await db.execute(sql.raw(ix.indexdef));
  await db.execute(sql`ANALYZE images`);
}
