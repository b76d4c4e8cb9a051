import { InputError } from '@backstage/errors';
import {
  IngestionExecutor,
  IngestionExecutorExtensionPoint,
} from '@internal/backstage-plugin-ingestion-node';

/** Collects the executors that backend modules contribute, and picks the configured one. */
export class ExecutorRegistry implements IngestionExecutorExtensionPoint {
  readonly #executors = new Map<string, IngestionExecutor>();

  addExecutor(executor: IngestionExecutor): void {
    if (this.#executors.has(executor.id)) {
      throw new InputError(
        `An executor with id ${executor.id} is already registered`,
      );
    }
    this.#executors.set(executor.id, executor);
  }

  ids(): string[] {
    return [...this.#executors.keys()];
  }

  /** The executor configured by `ingestion.executor`, or the only one installed. */
  select(configured?: string): IngestionExecutor | undefined {
    if (configured) {
      const executor = this.#executors.get(configured);
      if (!executor) {
        throw new InputError(
          `ingestion.executor is ${configured}, but the installed executors are: ${
            this.ids().join(', ') || 'none'
          }`,
        );
      }
      return executor;
    }
    return this.#executors.size === 1
      ? [...this.#executors.values()][0]
      : undefined;
  }
}
