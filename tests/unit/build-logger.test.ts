import type { AstroLoggerDestination, AstroLoggerMessage } from 'astro';
import { describe, expect, it } from 'vitest';
import { skippedPagesLine, tidyPageLines } from '../../src/integrations/build-logger.mjs';

/** A tidied logger over a destination that keeps what it is given, as text: `⏎` marks a line end. */
function recordedLogger() {
  const lines: string[] = [];
  const destination: AstroLoggerDestination = {
    write: (message) => void lines.push(`${message.label ?? '-'}|${message.message}${message.newLine ? '⏎' : ''}`),
  };
  return { logger: tidyPageLines(destination), lines };
}

/** What the tidied logger writes for `messages`. */
function written(messages: readonly AstroLoggerMessage[]): string[] {
  const { logger, lines } = recordedLogger();
  for (const message of messages) logger.write(message);
  return lines;
}

const path = (page: string): AstroLoggerMessage => ({
  label: null,
  level: 'info',
  message: `  ├─ ${page}`,
  newLine: false,
});
const note = (text: string): AstroLoggerMessage => ({
  label: 'SKIP_FORMAT',
  level: 'info',
  message: text,
  newLine: true,
});
const line = (label: string, text: string): AstroLoggerMessage => ({
  label,
  level: 'info',
  message: text,
  newLine: true,
});

describe('skippedPagesLine', () => {
  it('counts the skipped pages, and those copied back from the cache when there are any', () => {
    expect(skippedPagesLine(14690, 0)).toBe('  ├─ … 14690 trang không đổi, không dựng lại');
    expect(skippedPagesLine(3, 2)).toBe('  ├─ … 3 trang không đổi, không dựng lại (2 trang chép lại từ bộ nhớ đệm)');
  });
});

describe('tidyPageLines', () => {
  it('writes a line per run of skipped pages, in order with the pages rendered around them', () => {
    const lines = written([
      line('build', 'generating static routes'),
      path('/404.html'),
      note(' (+12ms) '),
      path('/bai-viet/a/index.html'),
      note(' (cached)'),
      path('/bai-viet/b/index.html'),
      note(' (restored)'),
      path('/bai-viet/c/index.html'),
      path('/bai-viet/d/index.html'),
      note(' (cached)'),
      note(' \u001b[2m(+30ms)\u001b[22m '),
      line('-', '✓ Completed in 1.2s.'),
    ]);
    expect(lines).toEqual([
      'build|generating static routes⏎',
      '-|  ├─ /404.html⏎',
      '-|  ├─ … 2 trang không đổi, không dựng lại (1 trang chép lại từ bộ nhớ đệm)⏎',
      '-|  ├─ /bai-viet/c/index.html⏎',
      '-|  ├─ … 1 trang không đổi, không dựng lại⏎',
      '-|✓ Completed in 1.2s.⏎',
    ]);
  });

  it('gives each rendered page a line, leaving out render times that come after other pages', () => {
    const lines = written([
      path('/a/index.html'),
      path('/b/index.html'),
      note(' (+5ms) '),
      note(' (+1.25s) '),
      note(' (+1m 5s) '),
      // Astro's note on an endpoint that returned nothing is kept
      path('/c.json'),
      note(' (+1ms) (file not created, response body was empty)'),
    ]);
    expect(lines).toEqual([
      '-|  ├─ /a/index.html⏎',
      '-|  ├─ /b/index.html⏎',
      '-|  ├─ /c.json⏎',
      'SKIP_FORMAT| (+1ms) (file not created, response body was empty)⏎',
    ]);
  });

  it('ends a line Astro left open before it writes a count', () => {
    const open = { ...line('build', 'đang dựng…'), newLine: false };
    const lines = written([open, path('/a/index.html'), note(' (cached)'), line('build', 'xong')]);
    expect(lines).toEqual([
      'build|đang dựng…',
      'SKIP_FORMAT|⏎',
      '-|  ├─ … 1 trang không đổi, không dựng lại⏎',
      'build|xong⏎',
    ]);
  });

  it('writes what it holds when flushed', () => {
    const { logger, lines } = recordedLogger();
    for (const message of [path('/a/index.html'), note(' (cached)'), path('/b/index.html')]) logger.write(message);
    expect(lines).toEqual([]);
    void logger.flush?.();
    expect(lines).toEqual(['-|  ├─ … 1 trang không đổi, không dựng lại⏎', '-|  ├─ /b/index.html⏎']);
  });
});
