import { notFound, type NotFoundThing } from "./errors";

/**
 * Creates a row under a client-minted id exactly once, safe under concurrent replays: `insert` must be an
 * `INSERT … ON CONFLICT DO NOTHING` answering whether it inserted. When it did not, the id is the caller's (a
 * replay: `false`) or someone else's — answered as any unknown id (404), so the answer never reveals it exists.
 */
export async function createOnce(opts: {
  userId: string;
  what: NotFoundThing;
  insert: () => Promise<boolean>;
  ownerOf: () => Promise<string | undefined>;
}): Promise<boolean> {
  if (await opts.insert()) return true;
  if ((await opts.ownerOf()) === opts.userId) return false;
  throw notFound(opts.what);
}
