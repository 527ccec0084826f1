/** A one-line progress bar on stderr, redrawn at most ten times a second; silent when not a TTY. */
export class ProgressBar {
  private lastDraw = 0;
  private readonly started = performance.now();
  private readonly enabled: boolean;

  constructor(
    private readonly label: string,
    private readonly total: number | undefined,
    enabled = process.stderr.isTTY ?? false,
  ) {
    this.enabled = enabled;
  }

  update(done: number, force = false): void {
    const now = performance.now();
    if (!this.enabled || (!force && now - this.lastDraw < 100)) return;
    this.lastDraw = now;
    const seconds = (now - this.started) / 1000;
    const rate = done / Math.max(seconds, 1e-3);
    let bar = '';
    if (this.total) {
      const width = 30;
      const filled = Math.min(width, Math.round((done / this.total) * width));
      bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${((done / this.total) * 100).toFixed(0)}% `;
    }
    process.stderr.write(
      `\r${this.label} ${bar}${done.toLocaleString('en')} (${Math.round(rate)}/s, ${seconds.toFixed(0)} s)  `,
    );
  }

  finish(done: number): void {
    this.update(done, true);
    if (this.enabled) process.stderr.write('\n');
  }
}
