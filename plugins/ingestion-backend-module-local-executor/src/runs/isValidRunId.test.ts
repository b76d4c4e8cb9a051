import { isValidRunId } from './isValidRunId';

describe('isValidRunId', () => {
  it('accepts what the ingestion application accepts', () => {
    expect(isValidRunId('8f14e45f-ceea-467f-a0e6-5c1e2a6f0b3d')).toBe(true);
    expect(isValidRunId('2024-05-01T02-00.retry_1')).toBe(true);
    expect(isValidRunId('a'.repeat(128))).toBe(true);
  });

  it('refuses what could escape the work dir or is not a folder name', () => {
    for (const bad of [
      '',
      '..',
      '../etc',
      'a/b',
      '.hidden',
      '-x',
      'a b',
      'a'.repeat(129),
    ]) {
      expect([bad, isValidRunId(bad)]).toEqual([bad, false]);
    }
  });
});
