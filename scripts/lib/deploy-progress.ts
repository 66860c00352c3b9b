/**
 * Progress of a deploy's steps: a bar on a terminal, and on anything else (CI's log) one line
 * when a step starts and one at each tenth of it, so a log stays short at 250,000 files.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  increment: (count?: number) => void;
  stop: () => void;
}

/**
 * Starts showing a step of `total` items.
 *
 * @example
 * const progress = startProgress('Gửi trang', 120, process.stderr.isTTY);
 * progress.increment();
 * progress.stop();
 */
export function startProgress(label: string, total: number, tty: boolean): Progress {
  if (tty) {
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {value}/{total} tệp`, hideCursor: true, clearOnComplete: false },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    return { increment: (count = 1) => bar.increment(count), stop: () => bar.stop() };
  }
  console.log(`${label}: ${total} tệp`);
  let done = 0;
  let shown = 0;
  return {
    increment: (count = 1) => {
      done += count;
      const tenth = Math.floor((done * 10) / Math.max(total, 1));
      if (tenth > shown && done < total) {
        shown = tenth;
        console.log(`${label}: ${done}/${total}`);
      }
    },
    stop: () => undefined,
  };
}
