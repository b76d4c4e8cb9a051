import { borrowerOrder, recentUtilisationPercent } from './borrowerPriority';
import { DEFAULT_LENDING_POLICY } from './lendingPolicy';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-03-02T10:00:00Z');
const policy = DEFAULT_LENDING_POLICY; // half-life 6 h, window 24 h

describe('recent utilisation of a borrower', () => {
  it('is its core-hours as a percentage of what it bought', () => {
    const spans = [{ tenant: 'a', endedAt: NOW, coreHours: 10 }];
    expect(recentUtilisationPercent('a', spans, 100, NOW, policy)).toBe(10);
  });

  it('halves use for every half-life of age, and forgets it after the window', () => {
    const spans = [
      { tenant: 'a', endedAt: NOW - 6 * HOUR, coreHours: 10 },
      { tenant: 'a', endedAt: NOW - 12 * HOUR, coreHours: 20 },
      { tenant: 'a', endedAt: NOW - 25 * HOUR, coreHours: 1000 },
      { tenant: 'b', endedAt: NOW, coreHours: 1000 },
    ];
    expect(recentUtilisationPercent('a', spans, 100, NOW, policy)).toBe(10);
  });

  it('ranks a tenant that used but bought nothing last', () => {
    const spans = [{ tenant: 'a', endedAt: NOW, coreHours: 1 }];
    expect(recentUtilisationPercent('a', spans, 0, NOW, policy)).toBe(Infinity);
    expect(recentUtilisationPercent('b', spans, 0, NOW, policy)).toBe(0);
  });
});

describe('borrower order', () => {
  it('gives lent capacity to the lowest recent utilisation first, then by arrival', () => {
    const waiting = [
      { id: 'busy-1', tenant: 'busy', queuedAt: '2026-03-02T09:00:00Z' },
      { id: 'idle-2', tenant: 'idle', queuedAt: '2026-03-02T09:30:00Z' },
      { id: 'mid-1', tenant: 'mid', queuedAt: '2026-03-02T09:10:00Z' },
      { id: 'idle-1', tenant: 'idle', queuedAt: '2026-03-02T09:20:00Z' },
    ];
    const utilisation = new Map([
      ['busy', 80],
      ['mid', 30],
      ['idle', 5],
    ]);
    expect(borrowerOrder(waiting, utilisation).map(r => r.id)).toEqual([
      'idle-1',
      'idle-2',
      'mid-1',
      'busy-1',
    ]);
  });

  it('follows decayed use: yesterday’s heavy user ranks before today’s moderate one', () => {
    const spans = [
      { tenant: 'yesterday', endedAt: NOW - 20 * HOUR, coreHours: 40 },
      { tenant: 'today', endedAt: NOW - HOUR, coreHours: 10 },
    ];
    const utilisation = new Map(
      ['yesterday', 'today'].map(t => [
        t,
        recentUtilisationPercent(t, spans, 100, NOW, policy),
      ]),
    );
    const order = borrowerOrder(
      [
        { id: 'r-today', tenant: 'today', queuedAt: '2026-03-02T09:00:00Z' },
        {
          id: 'r-yesterday',
          tenant: 'yesterday',
          queuedAt: '2026-03-02T09:05:00Z',
        },
      ],
      utilisation,
    );
    expect(order.map(r => r.id)).toEqual(['r-yesterday', 'r-today']);
  });
});
