import { jStat } from 'jstat';

/**
 * One finished run as the estimator sees it: how much it read, on how many cores, and how long it took.
 */
export interface RunObservation {
  bytesIn: number;
  cores: number;
  durationSeconds: number;
}

/**
 * What is believed about a Spark ingestion before (or without) runs: a fixed start-up cost (JVM, executors,
 * connections), a throughput per core, and how far a run's duration strays from the model, relatively.
 */
export interface DurationPrior {
  startupSeconds: number;
  bytesPerCoreSecond: number;
  /** Typical relative deviation of one run's duration from the model (0.3 = 30 %). */
  relativeNoise: number;
  /**
   * How many runs' worth of evidence the prior's start-up carries. Start-up (JVM, executors, connections) varies
   * little between jobs, so a little (e.g. 0.001), yet ten times the throughput's: a single run then mostly
   * teaches the throughput.
   */
  startupPseudoRuns: number;
  /**
   * How many runs' worth of evidence the prior's throughput carries: next to none, so that the runs decide it
   * even when the job is ten times slower or faster than the prior.
   */
  throughputPseudoRuns: number;
  /**
   * Without any run, the interval is the prior's prediction divided and multiplied by this factor: a stated
   * assumption, not a statistical interval (a prior vague enough to learn from is too vague to size from).
   */
  noHistorySpread: number;
}

/**
 * Conservative defaults for a source, target and format no run has measured yet: slow (8 MiB per core-second,
 * a minute to start) so that a recommendation built on them errs towards more capacity, and uncertain.
 */
export const CONSERVATIVE_PRIOR: DurationPrior = Object.freeze({
  startupSeconds: 60,
  bytesPerCoreSecond: 8 * 1024 * 1024,
  relativeNoise: 0.15,
  startupPseudoRuns: 1e-3,
  throughputPseudoRuns: 1e-4,
  noHistorySpread: 2,
});

/** The work of a run in the regression's unit: GiB read per core. */
const GIB = 1024 ** 3;
const workOf = (bytesIn: number, cores: number) => bytesIn / cores / GIB;

/** A duration prediction: the central value and a two-sided interval at `confidence`. */
export interface DurationPrediction {
  seconds: number;
  lowSeconds: number;
  highSeconds: number;
  confidence: number;
}

/** The fitted model: start-up and throughput, and what they rest on. */
export interface DurationModel {
  startupSeconds: number;
  bytesPerCoreSecond: number;
  /** Runs the fit used (0: the prior alone). */
  runs: number;
  predict(
    bytesIn: number,
    cores: number,
    confidence: number,
  ): DurationPrediction;
}

/**
 * Fits `duration = startup + secondsPerGiBPerCore × (GiB read ÷ cores)` to runs by Bayesian linear regression with
 * a conjugate normal-inverse-gamma prior, on durations relative to the model (each equation divided by the run's
 * expected duration, so a 10 % miss weighs the same on a 1-minute and a 1-hour run).
 *
 * Why Bayesian rather than least squares: a recurring job reads about the same volume every time, so its runs
 * alone cannot separate start-up from throughput (the regressor does not vary); the prior settles what the data
 * cannot, and the data settles what they can. Without any run, the prior's prediction is given with a stated,
 * wide spread (see `noHistorySpread`). The predictive distribution is Student's t (quantile from jStat); the 2×2
 * algebra is written out because it is two lines and a matrix library would add nothing.
 */
export function fitDurationModel(
  runs: readonly RunObservation[],
  prior: DurationPrior = CONSERVATIVE_PRIOR,
): DurationModel {
  const usable = runs.filter(
    r =>
      r.bytesIn >= 0 &&
      r.cores > 0 &&
      r.durationSeconds > 0 &&
      Number.isFinite(r.bytesIn + r.cores + r.durationSeconds),
  );
  const priorSlope = GIB / prior.bytesPerCoreSecond;
  const priorMean: Vec = [prior.startupSeconds, priorSlope];
  // In the scaled (relative) regression, a pseudo-run pins a coefficient to within relativeNoise of its prior
  // value: β ~ N(μ0, σ²·diag(μ0² / pseudo-runs)).
  const priorPrecision: Mat = [
    [prior.startupPseudoRuns / prior.startupSeconds ** 2, 0],
    [0, prior.throughputPseudoRuns / priorSlope ** 2],
  ];
  // Inverse-gamma prior on the relative noise variance worth one run (shape ½) at relativeNoise².
  const a0 = 0.5;
  const b0 = a0 * prior.relativeNoise ** 2;

  // Two passes: weights from the prior's expectations, then from the first fit's (iteratively reweighted).
  let posterior = update(priorMean, priorPrecision, a0, b0, usable, priorMean);
  posterior = update(priorMean, priorPrecision, a0, b0, usable, posterior.mean);

  const [startup, slope] = posterior.mean;
  return {
    startupSeconds: startup,
    bytesPerCoreSecond: GIB / slope,
    runs: usable.length,
    predict(bytesIn, cores, confidence) {
      const x: Vec = [1, workOf(bytesIn, cores)];
      const mean = dot(x, posterior.mean);
      if (usable.length === 0) {
        return {
          seconds: mean,
          lowSeconds: mean / prior.noHistorySpread,
          highSeconds: mean * prior.noHistorySpread,
          confidence,
        };
      }
      const covariance = inverse(posterior.precision);
      // Relative predictive scale: noise of one run plus uncertainty of the coefficients, both relative to the
      // predicted duration (the coefficients' covariance is in scaled units, hence divided by mean²).
      const scale = Math.sqrt(
        (posterior.b / posterior.a) *
          (1 + dot(x, mulVec(covariance, x)) / Math.max(mean, 1e-9) ** 2),
      );
      const t = jStat.studentt.inv(1 - (1 - confidence) / 2, 2 * posterior.a);
      return {
        seconds: mean,
        lowSeconds: Math.max(0, mean * (1 - t * scale)),
        highSeconds: mean * (1 + t * scale),
        confidence,
      };
    },
  };
}

type Vec = [number, number];
type Mat = [[number, number], [number, number]];

interface Posterior {
  mean: Vec;
  precision: Mat;
  a: number;
  b: number;
}

/**
 * One conjugate update. Each run is the equation `y/s = (1/s)·startup + (w/s)·slope + ε`, with `s` the duration
 * the `weightsFrom` coefficients expect, so ε is a relative error. Posterior precision Λn = Λ0 + XᵀX, mean
 * μn = Λn⁻¹(Λ0μ0 + Xᵀy), an = a0 + n/2, bn = b0 + ½(yᵀy + μ0ᵀΛ0μ0 − μnᵀΛnμn); the prior precision is in the scaled
 * units too, which is what makes it a weak relative prior.
 */
function update(
  mu0: Vec,
  lambda0: Mat,
  a0: number,
  b0: number,
  runs: readonly RunObservation[],
  weightsFrom: Vec,
): Posterior {
  const xtx: Mat = [
    [0, 0],
    [0, 0],
  ];
  const xty: Vec = [0, 0];
  let yty = 0;
  for (const run of runs) {
    const work = workOf(run.bytesIn, run.cores);
    const scale = Math.max(weightsFrom[0] + weightsFrom[1] * work, 1e-9);
    const x: Vec = [1 / scale, work / scale];
    const y = run.durationSeconds / scale;
    xtx[0][0] += x[0] * x[0];
    xtx[0][1] += x[0] * x[1];
    xtx[1][0] += x[1] * x[0];
    xtx[1][1] += x[1] * x[1];
    xty[0] += x[0] * y;
    xty[1] += x[1] * y;
    yty += y * y;
  }
  const precision: Mat = [
    [lambda0[0][0] + xtx[0][0], lambda0[0][1] + xtx[0][1]],
    [lambda0[1][0] + xtx[1][0], lambda0[1][1] + xtx[1][1]],
  ];
  const priorTerm = mulVec(lambda0, mu0);
  const mean = mulVec(inverse(precision), [
    priorTerm[0] + xty[0],
    priorTerm[1] + xty[1],
  ]);
  // Start-up and throughput are physical: never negative. A fit that says otherwise had too little spread in
  // volume to tell them apart; keep its start-up within what the runs allow and let the runs set the throughput.
  const physical: Vec =
    mean[0] >= 0 && mean[1] > 0 ? mean : clampToData(mean, runs) ?? mu0;
  return {
    mean: physical,
    precision,
    a: a0 + runs.length / 2,
    b:
      b0 +
      0.5 *
        Math.max(
          0,
          yty + dot(mu0, priorTerm) - dot(mean, mulVec(precision, mean)),
        ),
  };
}

/** The fit's start-up, kept under the shortest run, with the throughput that best explains the runs then. */
function clampToData(
  mean: Vec,
  runs: readonly RunObservation[],
): Vec | undefined {
  const shortest = Math.min(...runs.map(r => r.durationSeconds));
  const startup = Math.min(Math.max(mean[0], 0), 0.9 * shortest);
  const slopes = runs
    .map(r => ({
      work: workOf(r.bytesIn, r.cores),
      rest: r.durationSeconds - startup,
    }))
    .filter(r => r.work > 0 && r.rest > 0)
    .map(r => r.rest / r.work);
  if (slopes.length === 0) return undefined;
  return [startup, slopes.reduce((sum, v) => sum + v, 0) / slopes.length];
}

function dot(a: Vec, b: Vec): number {
  return a[0] * b[0] + a[1] * b[1];
}

function mulVec(m: Mat, v: Vec): Vec {
  return [m[0][0] * v[0] + m[0][1] * v[1], m[1][0] * v[0] + m[1][1] * v[1]];
}

function inverse(m: Mat): Mat {
  const det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
  return [
    [m[1][1] / det, -m[0][1] / det],
    [-m[1][0] / det, m[0][0] / det],
  ];
}
