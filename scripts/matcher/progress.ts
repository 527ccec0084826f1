/**
 * A one-line progress bar on stderr, redrawn at most ten times a second. When stderr is not a
 * terminal (a log file) and the total is known, one line per tenth instead.
 */
export class ProgressBar {
  private lastDraw = 0;
  private lastTenth = 0;
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
    if (!this.enabled && this.total && !force) {
      const tenth = Math.floor((done / this.total) * 10);
      if (tenth > this.lastTenth) {
        this.lastTenth = tenth;
        const seconds = ((now - this.started) / 1000).toFixed(0);
        process.stderr.write(`${this.label}: ${tenth * 10}% (${done.toLocaleString('en')}, ${seconds} s)\n`);
      }
      return;
    }
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
