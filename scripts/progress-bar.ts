import cliProgress from 'cli-progress';

/**
 * The command line's one progress bar, on stderr. On a terminal cli-progress redraws it in place;
 * in a log file (CI) a redrawn line would be noise, so a line per tenth is written instead.
 * A total that is not known yet shows the count alone.
 */
export class ProgressBar {
  private readonly bar: cliProgress.SingleBar | null;
  private readonly started = performance.now();
  private lastTenth = 0;

  constructor(
    private readonly label: string,
    private readonly total: number | undefined,
    onTerminal = process.stderr.isTTY ?? false,
  ) {
    this.bar = onTerminal
      ? new cliProgress.SingleBar({
          stream: process.stderr,
          format: total
            ? `${label} [{bar}] {percentage}% {value}/{total} ({duration}s)`
            : `${label} {value} ({duration}s)`,
          barsize: 30,
          barCompleteChar: '#',
          barIncompleteChar: '.',
          hideCursor: true,
          fps: 10,
        })
      : null;
    this.bar?.start(total ?? 0, 0);
  }

  update(done: number): void {
    if (this.bar) {
      this.bar.update(done);
      return;
    }
    if (!this.total) return;
    const tenth = Math.floor((done / this.total) * 10);
    if (tenth <= this.lastTenth) return;
    this.lastTenth = tenth;
    const seconds = ((performance.now() - this.started) / 1000).toFixed(0);
    process.stderr.write(`${this.label}: ${tenth * 10}% (${done.toLocaleString('en')}, ${seconds} s)\n`);
  }

  finish(done: number): void {
    this.update(done);
    this.bar?.stop();
  }
}
