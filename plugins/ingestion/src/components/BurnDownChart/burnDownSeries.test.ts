import {
  burnDownSeries,
  hasActivity,
  mergeRows,
  projection,
  purchasedAhead,
  timeTicks,
} from './burnDownSeries';

const H = 3_600_000;
const now = Date.parse('2026-11-27T12:00:00.000Z');
const since = now - 24 * H;
const iso = (t: number) => new Date(t).toISOString();

describe('burnDownSeries', () => {
  it('starts from an empty wallet when nothing happened before the window', () => {
    const steps = burnDownSeries(
      [
        { at: iso(now - 2 * H), remainingHours: 100, purchasedHours: 100 },
        { at: iso(now), remainingHours: 100, purchasedHours: 100 },
      ],
      since,
      now,
    );
    expect(steps).toEqual([
      { at: since, remaining: 0, purchased: 0 },
      { at: now - 2 * H, remaining: 100, purchased: 100 },
      { at: now, remaining: 100, purchased: 100 },
    ]);
    expect(hasActivity(steps)).toBe(true);
  });

  it('keeps the state the backend reports at the start of the window, and carries the last one to now', () => {
    const steps = burnDownSeries(
      [
        // The backend's clock may be a little behind the browser's.
        { at: iso(since - 500), remainingHours: 80, purchasedHours: 100 },
        { at: iso(now - 3 * H), remainingHours: 70, purchasedHours: 100 },
      ],
      since,
      now,
    );
    expect(steps).toEqual([
      { at: since, remaining: 80, purchased: 100 },
      { at: now - 3 * H, remaining: 70, purchased: 100 },
      { at: now, remaining: 70, purchased: 100 },
    ]);
  });

  it('has nothing to draw for a tenant that never held vCPU-hours', () => {
    const steps = burnDownSeries(
      [{ at: iso(now), remainingHours: 0, purchasedHours: 0 }],
      since,
      now,
    );
    expect(hasActivity(steps)).toBe(false);
    expect(hasActivity(burnDownSeries([], since, now))).toBe(false);
  });
});

describe('projection', () => {
  it('runs the balance down at the current rate and stays at zero once it is used up', () => {
    expect(projection(10, 2, now, now + 24 * H)).toEqual([
      { at: now, projected: 10 },
      { at: now + 5 * H, projected: 0 },
      { at: now + 24 * H, projected: 0 },
    ]);
  });

  it('ends part-way down when the balance outlasts the horizon', () => {
    expect(projection(100, 2, now, now + 10 * H)).toEqual([
      { at: now, projected: 100 },
      { at: now + 10 * H, projected: 80 },
    ]);
  });

  it('stays flat when nothing is consumed, and at zero when nothing is left', () => {
    expect(projection(100, 0, now, now + H)).toEqual([
      { at: now, projected: 100 },
      { at: now + H, projected: 100 },
    ]);
    expect(projection(-3, 1, now, now + H)).toEqual([
      { at: now, projected: 0 },
      { at: now + H, projected: 0 },
    ]);
  });
});

describe('projection with purchases that expire', () => {
  // 50 hours valid until tomorrow, 100 hours valid for a month: 150 left now.
  const lots = [
    { quantity: 50, validFrom: now - H, validUntil: now + 24 * H },
    { quantity: 100, validFrom: now - H, validUntil: now + 30 * 24 * H },
  ];

  it('drops to what the purchases still valid hold when one lapses unused', () => {
    expect(projection(150, 0, now, now + 48 * H, lots)).toEqual([
      { at: now, projected: 150 },
      { at: now + 24 * H, projected: 150 },
      { at: now + 24 * H, projected: 100 },
      { at: now + 48 * H, projected: 100 },
    ]);
  });

  it('keeps what was consumed from the lapsing purchase off the later ones', () => {
    // 1 hour per hour: 24 hours used by tomorrow, all from the 50 that lapse; the 100 stay whole.
    expect(projection(150, 1, now, now + 48 * H, lots)).toEqual([
      { at: now, projected: 150 },
      { at: now + 24 * H, projected: 126 },
      { at: now + 24 * H, projected: 100 },
      { at: now + 48 * H, projected: 76 },
    ]);
  });

  it('does not step when consumption has already used the lapsing purchase', () => {
    expect(projection(150, 3, now, now + 48 * H, lots)).toEqual([
      { at: now, projected: 150 },
      { at: now + 24 * H, projected: 78 },
      { at: now + 48 * H, projected: 6 },
    ]);
  });

  it('adds a purchase that starts later when it starts', () => {
    const later = [
      { quantity: 40, validFrom: now + 2 * H, validUntil: now + 48 * H },
    ];
    expect(projection(0, 0, now, now + 4 * H, later)).toEqual([
      { at: now, projected: 0 },
      { at: now + 2 * H, projected: 0 },
      { at: now + 2 * H, projected: 40 },
      { at: now + 4 * H, projected: 40 },
    ]);
  });
});

describe('purchasedAhead', () => {
  it('steps the purchased level down as purchases expire', () => {
    const lots = [
      { quantity: 50, validFrom: now - H, validUntil: now + 24 * H },
      { quantity: 100, validFrom: now - H, validUntil: now + 30 * 24 * H },
    ];
    expect(purchasedAhead(lots, now, now + 48 * H)).toEqual([
      { at: now + 24 * H, purchased: 100 },
      { at: now + 48 * H, purchased: 100 },
    ]);
  });
});

describe('mergeRows', () => {
  it('orders rows by time and keeps each series in its own order', () => {
    expect(
      mergeRows(
        [{ at: 2, remaining: 1 }],
        [
          { at: 3, projected: 5 },
          { at: 3, projected: 4 },
        ],
        [{ at: 1, purchased: 9 }],
      ),
    ).toEqual([
      { at: 1, purchased: 9 },
      { at: 2, remaining: 1 },
      { at: 3, projected: 5 },
      { at: 3, projected: 4 },
    ]);
  });
});

describe('timeTicks', () => {
  it('puts ticks on round hours for a day or so', () => {
    const from = new Date(2026, 10, 26, 10, 17).getTime();
    const ticks = timeTicks(from, from + 36 * H);
    expect(ticks.length).toBeLessThanOrEqual(10);
    expect(ticks[0]).toBe(new Date(2026, 10, 26, 12, 0).getTime());
    expect(ticks[1] - ticks[0]).toBe(6 * H);
    ticks.forEach(t => expect(new Date(t).getMinutes()).toBe(0));
  });

  it('puts ticks on local midnights for longer spans', () => {
    const from = new Date(2026, 10, 20, 10, 17).getTime();
    const ticks = timeTicks(from, from + 10.5 * 24 * H);
    expect(ticks.length).toBeGreaterThanOrEqual(5);
    expect(ticks.length).toBeLessThanOrEqual(10);
    // 10.5 days make 11 daily ticks, too many: every other local midnight.
    expect(ticks[0]).toBe(new Date(2026, 10, 22).getTime());
    expect(new Date(ticks[1]).getDate()).toBe(24);
    ticks.forEach(t => {
      expect(new Date(t).getHours()).toBe(0);
      expect(t).toBeGreaterThanOrEqual(from);
      expect(t).toBeLessThanOrEqual(from + 10.5 * 24 * H);
    });
  });
});
