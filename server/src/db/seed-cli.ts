import path from "node:path";
import { env as loadEnv } from "../env";
import { openDatabase } from "./client";
import { seedDatabase } from "./seed";

const env = loadEnv();
const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATABASE_URL ? undefined : path.join(env.dataDir, "pglite") });
await database.migrate();
const result = await seedDatabase(database.db);
await database.close();
console.log(`Seeded the model catalog: ${result.models} models.`);
