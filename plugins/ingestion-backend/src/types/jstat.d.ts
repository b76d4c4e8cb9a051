// The part of jStat (which ships no type declarations) that the estimator and its tests use.
declare module 'jstat' {
  interface Distribution {
    inv(p: number, ...parameters: number[]): number;
    cdf(x: number, ...parameters: number[]): number;
    sample(...parameters: number[]): number;
  }
  export const jStat: {
    studentt: Distribution;
    normal: Distribution;
    /** Replaces Math.random as the source of the samplers, e.g. with a seeded generator. */
    setRandom(random: () => number): void;
  };
}
