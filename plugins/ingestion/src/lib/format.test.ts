import {
  formatBytes,
  formatCompact,
  formatDay,
  formatDayAndTime,
  formatDayName,
  formatDuration,
  formatEntityRef,
  formatHours,
  formatMiB,
  formatNumber,
  formatQuantity,
  formatRelative,
} from './format';

describe('format', () => {
  it('writes numbers with separators and at most one decimal by default', () => {
    expect(formatNumber(1250.55)).toBe('1,250.6');
    expect(formatNumber(-0.01)).toBe('0');
    expect(formatHours(1)).toBe('1 vCPU-hour');
    expect(formatHours(742.5)).toBe('742.5 vCPU-hours');
  });

  it('names quantities with their unit', () => {
    expect(formatQuantity('vcpu-hours', 100)).toBe('100 vCPU-hours');
    expect(formatQuantity('dedicated-units', 1)).toBe(
      '1 Dedicated Ingestion Unit',
    );
    expect(formatQuantity('dedicated-units', 2)).toBe(
      '2 Dedicated Ingestion Units',
    );
  });

  it('says a day as briefly as it stays unambiguous', () => {
    const now = new Date(2026, 10, 27, 10, 0).getTime();
    expect(formatDay(new Date(2026, 10, 27, 18, 5), now)).toBe(
      'today at 18:05',
    );
    expect(formatDay(new Date(2026, 10, 28, 9, 0), now)).toBe(
      'tomorrow at 09:00',
    );
    expect(formatDay(new Date(2026, 11, 12, 9, 0), now)).toBe('12 Dec');
    expect(formatDay(new Date(2027, 0, 3, 9, 0), now)).toBe('3 Jan 2027');
  });

  it('names a day without its time', () => {
    const now = new Date(2026, 10, 27, 10, 0).getTime();
    expect(formatDayName(new Date(2026, 10, 27, 18, 5), now)).toBe('today');
    expect(formatDayName(new Date(2026, 10, 28, 0, 0), now)).toBe('tomorrow');
    expect(formatDayName(new Date(2026, 11, 12, 9, 0), now)).toBe('12 Dec');
  });

  it('says a day with its time', () => {
    const now = new Date(2026, 10, 27, 10, 0).getTime();
    expect(formatDayAndTime(new Date(2026, 10, 27, 18, 5), now)).toBe(
      'today at 18:05',
    );
    expect(formatDayAndTime(new Date(2026, 11, 12, 9, 0), now)).toBe(
      '12 Dec at 09:00',
    );
    expect(formatDayAndTime(new Date(2027, 0, 3, 9, 0), now)).toBe(
      '3 Jan 2027 at 09:00',
    );
  });

  it('says how far away a moment is', () => {
    const now = Date.UTC(2026, 10, 27);
    expect(formatRelative(now + 45 * 60_000, now)).toBe('in 45 minutes');
    expect(formatRelative(now + 20 * 3_600_000, now)).toBe('in 20 hours');
    expect(formatRelative(now + 12.4 * 86_400_000, now)).toBe('in 12 days');
    expect(formatRelative(now - 3_600_000, now)).toBe('1 hour ago');
  });

  it('shortens entity refs in the default namespace only', () => {
    expect(formatEntityRef('group:default/team-orion')).toBe('team-orion');
    expect(formatEntityRef('user:default/guest')).toBe('guest');
    expect(formatEntityRef('group:finance/team-x')).toBe('finance/team-x');
    expect(formatEntityRef('meter')).toBe('meter');
  });
});

describe('format of run metrics', () => {
  it('writes bytes in binary units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(5 * 1024 ** 3)).toBe('5 GiB');
    expect(formatMiB(8192)).toBe('8 GiB');
    expect(formatMiB(512)).toBe('512 MiB');
  });

  it('writes durations as people say them', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(42_000)).toBe('42 s');
    expect(formatDuration(4 * 60_000)).toBe('4 min');
    expect(formatDuration(252_000)).toBe('4 min 12 s');
    expect(formatDuration(65 * 60_000)).toBe('1 h 05 min');
    expect(formatDuration(51 * 3_600_000)).toBe('2 d 3 h');
  });

  it('writes counts compactly', () => {
    expect(formatCompact(950)).toBe('950');
    expect(formatCompact(12_400)).toBe('12.4K');
    expect(formatCompact(3_100_000)).toBe('3.1M');
  });
});
