import { ApiError } from "./api";

export const isOffline = () => typeof navigator !== "undefined" && navigator.onLine === false;

/**
 * A read that falls back to the device's copy: offline at once (when the device has it), online when the
 * server cannot be reached. Anything the server answers — including errors — wins while it is reachable.
 */
export async function orLocal<T>(remote: () => Promise<T>, local: () => Promise<T | undefined>): Promise<T> {
  if (isOffline()) {
    const l = await local();
    if (l !== undefined) return l;
  }
  try {
    return await remote();
  } catch (err) {
    const l = err instanceof ApiError && err.code === "NETWORK" ? await local() : undefined;
    if (l !== undefined) return l;
    throw err;
  }
}
