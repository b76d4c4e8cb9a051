import { jStat } from 'jstat';
import seedrandom from 'seedrandom';
import { RunObservation, fitDurationModel } from './durationModel';

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;
/** The world the synthetic runs come from. */
const TRUTH = { startupSeconds: 40, bytesPerCoreSecond: 50 * MIB, noise: 0.1 };

function trueDuration(bytesIn: number, cores: number) {
  return TRUTH.startupSeconds + bytesIn / cores / TRUTH.bytesPerCoreSecond;
}

function syntheticRuns(seed: number) {
  const draw = seedrandom(String(seed));
  const gaussian = () => {
    jStat.setRandom(draw);
    return jStat.normal.sample(0, 1);
  };
  const run = (): RunObservation => {
    const bytesIn = (1 + 19 * draw()) * GIB;
    const cores = [2, 3, 5, 9][Math.floor(draw() * 4)];
    return {
      bytesIn,
      cores,
      durationSeconds:
        trueDuration(bytesIn, cores) * (1 + TRUTH.noise * gaussian()),
    };
  };
  return { run, runs: (n: number) => Array.from({ length: n }, run) };
}

describe('fitDurationModel', () => {
  it('converges on the true throughput and start-up as runs accumulate', () => {
    const sizes = [3, 10, 30, 100];
    const seeds = 40;
    const meanError = sizes.map(n => {
      let throughputError = 0;
      let startupError = 0;
      for (let seed = 1; seed <= seeds; seed++) {
        const model = fitDurationModel(syntheticRuns(seed * 7).runs(n));
        throughputError += Math.abs(
          model.bytesPerCoreSecond / TRUTH.bytesPerCoreSecond - 1,
        );
        startupError += Math.abs(model.startupSeconds - TRUTH.startupSeconds);
      }
      return {
        n,
        throughput: throughputError / seeds,
        startup: startupError / seeds,
      };
    });
    // eslint-disable-next-line no-console
    console.log(
      `mean relative throughput error and start-up error (s) over ${seeds} histories:\n${meanError
        .map(
          e =>
            `  ${e.n} runs: throughput ${(e.throughput * 100).toFixed(
              1,
            )} %, start-up ${e.startup.toFixed(1)} s`,
        )
        .join('\n')}`,
    );
    for (let i = 1; i < meanError.length; i++) {
      expect(meanError[i].throughput).toBeLessThan(meanError[i - 1].throughput);
    }
    expect(meanError[meanError.length - 1].throughput).toBeLessThan(0.03);
    expect(meanError[meanError.length - 1].startup).toBeLessThan(4);
  });

  it('holds the next run within its 90 % interval at about the nominal rate', () => {
    for (const n of [5, 20]) {
      const draws = 1000;
      let covered = 0;
      for (let seed = 1; seed <= draws; seed++) {
        const world = syntheticRuns(seed * 13);
        const model = fitDurationModel(world.runs(n));
        const next = world.run();
        const interval = model.predict(next.bytesIn, next.cores, 0.9);
        if (
          next.durationSeconds >= interval.lowSeconds &&
          next.durationSeconds <= interval.highSeconds
        ) {
          covered++;
        }
      }
      // eslint-disable-next-line no-console
      console.log(
        `90 % interval after ${n} runs covered the next run in ${covered} of ${draws} draws (${(
          (covered / draws) *
          100
        ).toFixed(1)} %)`,
      );
      expect(covered / draws).toBeGreaterThanOrEqual(0.85);
      expect(covered / draws).toBeLessThanOrEqual(0.95);
    }
  });

  it('separates start-up from throughput only as far as the prior allows when every run reads the same volume', () => {
    // A recurring job: same volume, same cores. Its duration at that size is learnt, whatever the split.
    const random = seedrandom('recurring');
    const gaussian = () => {
      jStat.setRandom(random);
      return jStat.normal.sample(0, 1);
    };
    const runs = Array.from({ length: 12 }, () => ({
      bytesIn: 10 * GIB,
      cores: 4,
      durationSeconds: trueDuration(10 * GIB, 4) * (1 + 0.05 * gaussian()),
    }));
    const model = fitDurationModel(runs);
    const atSameSize = model.predict(10 * GIB, 4, 0.9);
    expect(atSameSize.seconds / trueDuration(10 * GIB, 4)).toBeCloseTo(1, 1);
    expect(model.startupSeconds).toBeGreaterThanOrEqual(0);
    expect(model.bytesPerCoreSecond).toBeGreaterThan(0);
  });

  it('without runs, answers with the conservative prior and an interval wide enough to say so', () => {
    const model = fitDurationModel([]);
    expect(model.runs).toBe(0);
    const interval = model.predict(10 * GIB, 4, 0.9);
    expect(interval.highSeconds / interval.seconds).toBeCloseTo(2, 6);
    expect(interval.lowSeconds / interval.seconds).toBeCloseTo(0.5, 6);
    const learnt = fitDurationModel(syntheticRuns(3).runs(20)).predict(
      10 * GIB,
      4,
      0.9,
    );
    expect(interval.highSeconds - interval.lowSeconds).toBeGreaterThan(
      5 * (learnt.highSeconds - learnt.lowSeconds),
    );
  });

  it('ignores runs it cannot learn from (no cores, no duration)', () => {
    const good = syntheticRuns(9).runs(10);
    const withBad = [
      ...good,
      { bytesIn: GIB, cores: 0, durationSeconds: 10 },
      { bytesIn: GIB, cores: 2, durationSeconds: 0 },
      { bytesIn: Number.NaN, cores: 2, durationSeconds: 10 },
    ];
    expect(fitDurationModel(withBad).runs).toBe(10);
    expect(fitDurationModel(withBad).bytesPerCoreSecond).toBeCloseTo(
      fitDurationModel(good).bytesPerCoreSecond,
      6,
    );
  });
});
