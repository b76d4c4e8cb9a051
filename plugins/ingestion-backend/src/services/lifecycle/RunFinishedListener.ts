/** What the dispatcher tells the lifecycle when runs finish. */
export interface RunFinishedListener {
  /** Follows up one finished run: its SLA outcome, notices, and the job's profiling. Idempotent. */
  runFinished(runId: string): Promise<void>;
  /** Follows up every finished run that was not (a crash or an error in between). */
  catchUp(): Promise<void>;
}
