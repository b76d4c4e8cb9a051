/**
 * Runs admissions and the writes that follow them one at a time, so two changes (a new job, a promotion) cannot
 * both be admitted into the same free slot before either is placed in the calendar.
 */
export class AdmissionQueue {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.#tail.then(fn, fn);
    this.#tail = next.catch(() => undefined);
    return next;
  }
}
