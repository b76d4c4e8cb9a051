import { LentRun, reclaimVictims } from './reclaimVictims';

const GiB = 1024;

function lent(
  runId: string,
  cores: number,
  startedAt: number,
  utilisationPercent = 0,
): LentRun {
  return {
    runId,
    cores,
    memoryMiB: cores * 4 * GiB,
    startedAt,
    utilisationPercent,
  };
}

const ids = (runs: LentRun[]) => runs.map(r => r.runId).sort();

describe('reclaim victims: fewest, youngest, lowest priority', () => {
  it('stops nothing when nothing is needed', () => {
    expect(
      reclaimVictims({ cores: 0, memoryMiB: 0 }, [lent('a', 2, 1)]),
    ).toEqual([]);
  });

  it('stops one big run rather than two small ones, even if the small ones are younger', () => {
    const runs = [
      lent('big-old', 4, 100),
      lent('s1', 2, 300),
      lent('s2', 2, 400),
    ];
    expect(
      ids(reclaimVictims({ cores: 4, memoryMiB: 16 * GiB }, runs)),
    ).toEqual(['big-old']);
  });

  it('among runs that each suffice, stops the youngest', () => {
    const runs = [
      lent('old', 2, 100),
      lent('young', 2, 300),
      lent('mid', 2, 200),
    ];
    expect(ids(reclaimVictims({ cores: 2, memoryMiB: 8 * GiB }, runs))).toEqual(
      ['young'],
    );
  });

  it('between runs of the same age, stops the one whose tenant used most lately', () => {
    const runs = [lent('frugal', 2, 100, 5), lent('heavy', 2, 100, 90)];
    expect(ids(reclaimVictims({ cores: 1, memoryMiB: GiB }, runs))).toEqual([
      'heavy',
    ]);
  });

  it('keeps to the fewest even when the youngest run alone is too small', () => {
    const runs = [
      lent('young-small', 1, 500),
      lent('a', 3, 100),
      lent('b', 3, 200),
    ];
    const victims = reclaimVictims({ cores: 5, memoryMiB: 20 * GiB }, runs);
    expect(ids(victims)).toEqual(['a', 'b']);
  });

  it('stops every lent run when even all of them free too little', () => {
    const runs = [lent('a', 1, 100), lent('b', 1, 200)];
    expect(ids(reclaimVictims({ cores: 8, memoryMiB: GiB }, runs))).toEqual([
      'a',
      'b',
    ]);
  });

  it('frees memory as well as cores', () => {
    const runs = [
      { ...lent('lean', 2, 300), memoryMiB: GiB },
      { ...lent('fat', 2, 100), memoryMiB: 16 * GiB },
    ];
    expect(ids(reclaimVictims({ cores: 1, memoryMiB: 8 * GiB }, runs))).toEqual(
      ['fat'],
    );
  });
});
