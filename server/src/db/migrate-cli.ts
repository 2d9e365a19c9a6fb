import path from "node:path";
import { env as loadEnv } from "../env";
import { openDatabase } from "./client";

const env = loadEnv();
const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATABASE_URL ? undefined : path.join(env.dataDir, "pglite") });
await database.migrate();
await database.close();
console.log(`Migrations applied (${database.kind}).`);
