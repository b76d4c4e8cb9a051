import { decideCapacityAlert } from './capacityThreshold';

describe('decideCapacityAlert', () => {
  it('fires once per crossing of 80%: not again while above, again only after falling under 75%', () => {
    const units = 10;
    // The forecast's peak upper bound, one value per daily evaluation.
    const bounds = [6, 7.9, 8.1, 9, 8.5, 7.8, 8.2, 7.4, 7.6, 8.3, 8.4];
    let fired = false;
    const decisions = bounds.map(bound => {
      const decision = decideCapacityAlert(bound, units, fired);
      if (decision === 'fire') fired = true;
      if (decision === 'rearm') fired = false;
      return decision;
    });
    expect(decisions).toEqual([
      'none',
      'none',
      'fire',
      'none',
      'none',
      'none',
      'none',
      'rearm',
      'none',
      'fire',
      'none',
    ]);
    console.log(
      `80% alert over ${
        bounds.length
      } daily evaluations of a 10-unit namespace: fired ${
        decisions.filter(d => d === 'fire').length
      } times (bounds ${bounds.join(', ')})`,
    );
  });

  it('does not fire at exactly 80%, nor for a namespace with no units and no demand', () => {
    expect(decideCapacityAlert(8, 10, false)).toBe('none');
    expect(decideCapacityAlert(0, 0, false)).toBe('none');
    expect(decideCapacityAlert(0.1, 0, false)).toBe('fire');
  });
});
