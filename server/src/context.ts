import type { Env } from "./env";
import type { Database, Db } from "./db/client";
import type { Clock } from "./lib/clock";
import type { Logger } from "./lib/logger";
import type { Storage } from "./storage";

/** Long-lived services a process owns; createApp(deps) receives them so tests can swap any part. */
export interface Deps {
  env: Env;
  database: Database;
  storage: Storage;
  log: Logger;
  clock: Clock;
  version: string;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: string;
}

/** What a service function receives: `(ctx, input)`. Never Hono's context. */
export interface Ctx {
  db: Db;
  deps: Deps;
  user: SessionUser;
  log: Logger;
  now: Date;
}

/** Hono's typed variables. */
export type AppEnv = {
  Variables: {
    requestId: string;
    log: Logger;
    deps: Deps;
    user: SessionUser | null;
  };
};
