/** A one-line progress bar on stderr when it is a terminal; silent otherwise (pipes, CI, --json). */
export class Progress {
  private last = "";
  constructor(
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly enabled = stream.isTTY === true,
  ) {}

  update(fraction: number, label: string) {
    if (!this.enabled) return;
    const width = 28;
    const filled = Math.round(Math.max(0, Math.min(1, fraction)) * width);
    const line = `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}% ${label}`;
    if (line === this.last) return;
    this.last = line;
    this.stream.write(`\r\x1b[2K${line}`);
  }

  done() {
    if (this.enabled && this.last) this.stream.write("\r\x1b[2K");
    this.last = "";
  }
}
