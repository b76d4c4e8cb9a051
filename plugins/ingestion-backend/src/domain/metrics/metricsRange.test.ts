import { metricsRange } from './metricsRange';

const NOW = Date.parse('2026-12-03T12:00:00Z');

describe('metricsRange', () => {
  it('defaults to the 30 days up to now', () => {
    expect(metricsRange({}, NOW)).toEqual({
      from: new Date('2026-11-03T12:00:00Z'),
      to: new Date('2026-12-03T12:00:00Z'),
    });
    expect(metricsRange({ to: '2026-12-01T00:00:00Z' }, NOW)).toEqual({
      from: new Date('2026-11-01T00:00:00Z'),
      to: new Date('2026-12-01T00:00:00Z'),
    });
  });

  it('takes up to 90 days and names what is wrong otherwise', () => {
    expect(metricsRange({ from: '2026-09-04T12:00:00Z' }, NOW)).toMatchObject({
      from: new Date('2026-09-04T12:00:00Z'),
    });
    expect(metricsRange({ from: '2026-09-04T11:59:59Z' }, NOW)).toEqual({
      problems: ['the range must be at most 90 days'],
    });
    expect(metricsRange({ from: 'yesterday', to: 'soon' }, NOW)).toEqual({
      problems: [
        'to must be an ISO 8601 date-time, got soon',
        'from must be an ISO 8601 date-time, got yesterday',
      ],
    });
    expect(
      metricsRange(
        { from: '2026-12-02T00:00:00Z', to: '2026-12-01T00:00:00Z' },
        NOW,
      ),
    ).toEqual({ problems: ['from must be before to'] });
  });
});
