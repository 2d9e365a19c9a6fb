/** Exit codes, documented in `image-studio --help` and docs/api.md. */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  auth: 3,
  notFound: 4,
  jobFailed: 5,
  unreachable: 6,
  rateLimited: 7,
} as const;

/** An error the CLI reports as one line on stderr (or a JSON object with --json) and exits with `code`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code: number = EXIT.failure,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const usageError = (message: string) =>
  new CliError(`${message}\nRun "image-studio --help" for usage.`, EXIT.usage);
