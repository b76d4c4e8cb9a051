import { fitDurationModel } from '../estimator/durationModel';
import { reservedRunDurationMs } from './reservedRunDuration';

const MIN = 60_000;
const GiB = 1024 ** 3;
/** A run of 8 GiB on `cores` cores at 4 MiB/s per core after 60 s of start-up, held as long as it ran. */
const run = (cores: number, noise = 1) => {
  const seconds = (60 + (8 * GiB) / (cores * 4 * 1024 * 1024)) * noise;
  return {
    cores,
    bytesIn: 8 * GiB,
    durationSeconds: seconds,
    heldMs: seconds * 1000,
  };
};

describe('reservedRunDurationMs', () => {
  it('reserves the tenant’s estimate until a run is measured', () => {
    expect(
      reservedRunDurationMs({
        estimateMinutes: 25,
        cores: 5,
        measured: [],
        confidence: 0.9,
      }),
    ).toBe(25 * MIN);
  });

  it('reserves the p90 of the runs measured at the job’s current size', () => {
    const measured = [run(5, 1.1), run(5, 0.9), run(5, 1), run(3)];
    expect(
      reservedRunDurationMs({
        estimateMinutes: 25,
        cores: 5,
        measured,
        confidence: 0.9,
      }),
    ).toBe(run(5, 1.1).heldMs);
  });

  it('predicts a resized job’s runs with the estimator’s model of its runs at the old size', () => {
    const atThree = [run(3, 1.05), run(3, 0.95), run(3, 1), run(3, 1.02)];
    const reserved = reservedRunDurationMs({
      estimateMinutes: 25,
      cores: 9,
      measured: atThree,
      confidence: 0.9,
    });
    const model = fitDurationModel(atThree);
    expect(reserved).toBe(
      Math.ceil(model.predict(8 * GiB, 9, 0.9).highSeconds * 1000),
    );
    // Three times the cores: shorter than what the runs at 3 cores took, yet above the model's central value.
    expect(reserved).toBeLessThan(run(3, 0.95).heldMs);
    expect(reserved).toBeGreaterThan(
      model.predict(8 * GiB, 9, 0.9).seconds * 1000,
    );
  });
});
