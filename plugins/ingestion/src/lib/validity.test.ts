import { validityEnd, validityStatus } from './validity';

describe('validityEnd', () => {
  it('adds a day, a calendar month or a calendar year in UTC', () => {
    const from = Date.parse('2026-11-27T10:30:00.000Z');
    expect(new Date(validityEnd(from, 'daily')).toISOString()).toBe(
      '2026-11-28T10:30:00.000Z',
    );
    expect(new Date(validityEnd(from, 'monthly')).toISOString()).toBe(
      '2026-12-27T10:30:00.000Z',
    );
    expect(new Date(validityEnd(from, 'yearly')).toISOString()).toBe(
      '2027-11-27T10:30:00.000Z',
    );
  });

  it('clamps to the end of a shorter month, as the backend does', () => {
    expect(
      new Date(
        validityEnd(Date.parse('2027-01-31T08:00:00.000Z'), 'monthly'),
      ).toISOString(),
    ).toBe('2027-02-28T08:00:00.000Z');
    expect(
      new Date(
        validityEnd(Date.parse('2028-02-29T08:00:00.000Z'), 'yearly'),
      ).toISOString(),
    ).toBe('2029-02-28T08:00:00.000Z');
    expect(
      new Date(
        validityEnd(Date.parse('2026-12-15T08:00:00.000Z'), 'monthly'),
      ).toISOString(),
    ).toBe('2027-01-15T08:00:00.000Z');
  });
});

describe('validityStatus', () => {
  const from = '2026-11-01T00:00:00.000Z';
  const until = '2026-12-01T00:00:00.000Z';
  it.each([
    ['2026-10-31T23:59:59.000Z', 'scheduled'],
    ['2026-11-01T00:00:00.000Z', 'active'],
    ['2026-11-30T23:59:59.000Z', 'active'],
    ['2026-12-01T00:00:00.000Z', 'expired'],
  ])('at %s is %s', (now, status) => {
    expect(validityStatus(from, until, Date.parse(now))).toBe(status);
  });
});
