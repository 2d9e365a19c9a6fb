/** The rows of a raw `db.execute(sql…)` result: node-postgres answers `{ rows }`, PGlite's drizzle driver too, some drivers an array. */
export const rowsOf = <T>(res: unknown): T[] => (res as { rows?: T[] }).rows ?? (res as T[]);
