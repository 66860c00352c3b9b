import { describe, expect, it } from 'vitest';
import { deployCommands, deployPhases, deploySummaryLine } from '../../scripts/bench/deploy-step.ts';

describe('deployCommands', () => {
  it('runs what CI runs for a content-only commit, in order, on the benchmark site', () => {
    expect(deployCommands('/bench/site')).toEqual([
      { name: 'check', args: ['scripts/check-content.ts', '--root', '/bench/site'] },
      { name: 'build', args: ['scripts/build.ts', '--root', '/bench/site'] },
      { name: 'verify', args: ['scripts/verify-dist.ts', '/bench/site/dist'] },
      { name: 'deploy', args: ['scripts/deploy.ts', 's3://bench-site/site', '--dir', '/bench/site/dist'] },
    ]);
  });
});

describe('deploySummaryLine', () => {
  it('finds the deploy’s last summary line among its progress lines', () => {
    const lines = [
      'Đọc các tệp của /bench/site/dist…',
      'Gửi trang, nguồn tin và sơ đồ trang: 12/12',
      '  Đã gửi 3 tệp (41.2 KB), 25702 tệp không đổi, đã xoá 0 tệp.',
    ];
    expect(deploySummaryLine(lines)).toBe('Đã gửi 3 tệp (41.2 KB), 25702 tệp không đổi, đã xoá 0 tệp.');
    expect(deploySummaryLine(lines.slice(0, 2))).toBeUndefined();
  });
});

describe('deployPhases', () => {
  it('names each part by its npm command', () => {
    expect(deployPhases([{ name: 'verify', seconds: 9.1 }])).toEqual([{ name: 'npm run verify', seconds: 9.1 }]);
  });
});
