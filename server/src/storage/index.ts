import { LocalStorage } from "./local";
import { S3Storage, type S3StorageOptions } from "./s3";
import type { Storage } from "./types";

export type StorageConfig = { driver: "local"; root: string } | ({ driver: "s3" } & S3StorageOptions);

/** The storage a process uses: local disk (DATA_DIR/objects) unless S3 is configured. */
export function createStorage(config: StorageConfig): Storage {
  switch (config.driver) {
    case "local":
      return new LocalStorage(config.root);
    case "s3": {
      const { driver: _driver, ...opts } = config;
      return new S3Storage(opts);
    }
  }
}

export { LocalStorage } from "./local";
export { S3Storage, type S3StorageOptions } from "./s3";
export * from "./types";
export * as keys from "./keys";
