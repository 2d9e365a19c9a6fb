/**
 * Double-submit protection for Generate/Queue. Each submission carries a client-minted clientId (the server
 * answers a repeated clientId with the first job). The same settings submitted again while the first request
 * is in flight, or within `windowMs` of it succeeding, are a double click: `duplicate` is true and the caller
 * sends nothing. After a failure the same settings reuse the clientId, so a retry cannot make a second job
 * if the first request did reach the server.
 */
export interface Submission {
  clientId: string;
  duplicate: boolean;
}

interface Last {
  key: string;
  clientId: string;
  state: "pending" | "done" | "failed";
  at: number;
}

export class SubmissionGuard {
  private last?: Last;

  constructor(
    private readonly mint: () => string = () => crypto.randomUUID(),
    private readonly windowMs = 1500,
    private readonly now: () => number = () => Date.now(),
  ) {}

  begin(key: string): Submission {
    const last = this.last;
    if (last && last.key === key) {
      if (last.state === "pending") return { clientId: last.clientId, duplicate: true };
      if (last.state === "done" && this.now() - last.at < this.windowMs) return { clientId: last.clientId, duplicate: true };
      if (last.state === "failed") {
        this.last = { ...last, state: "pending", at: this.now() };
        return { clientId: last.clientId, duplicate: false };
      }
    }
    const clientId = this.mint();
    this.last = { key, clientId, state: "pending", at: this.now() };
    return { clientId, duplicate: false };
  }

  /** Records the outcome. `retryable` failures (network, 5xx) keep the clientId for the next try. */
  settle(clientId: string, outcome: "done" | "failed" | "rejected") {
    if (this.last?.clientId !== clientId) return;
    if (outcome === "rejected") this.last = undefined;
    else this.last = { ...this.last, state: outcome, at: this.now() };
  }
}
