import type { Env } from "./env";
import type { Database, Db } from "./db/client";
import type { Clock } from "./lib/clock";
import type { Logger } from "./lib/logger";
import type { Storage } from "./storage";
import type { EventBus } from "./jobs/events";
import type { ProviderRegistry } from "./providers/registry";
import type { ModelCatalog } from "./modules/models/models.service";
import type { InstanceHeartbeat } from "./jobs/instance";

/** Long-lived services a process owns; createApp(deps) receives them so tests can swap any part. */
export interface Deps {
  env: Env;
  database: Database;
  storage: Storage;
  log: Logger;
  clock: Clock;
  version: string;
  providers: ProviderRegistry;
  events: EventBus;
  catalog: ModelCatalog;
  /** Where fal should POST results (webhook mode), or undefined to poll. */
  webhookUrl?: string;
  /** This process's heartbeat row (absent in tests that build deps by hand). */
  instance?: InstanceHeartbeat;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: string;
  /** A "Try demo" guest: the local engine only, a small storage quota, until they create an account. */
  isGuest?: boolean;
  /** The account's language (users.language); API messages fall back to it (i18n/request.ts). */
  language?: string;
}

/** What a service function receives: `(ctx, input)`. Never Hono's context. */
export interface Ctx {
  db: Db;
  deps: Deps;
  user: SessionUser;
  log: Logger;
  now: Date;
  /** The HTTP request this work serves (log correlation; jobs keep it). */
  requestId?: string;
  /**
   * Set when a team member acts on a project shared with them: `user` is then the owner (so owner-scoped queries
   * reach the rows) and `actor` the member who acts. Only `modules/teams/teams.access.ts` sets it.
   */
  actor?: SessionUser;
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
