import { mockCredentials } from '@backstage/backend-test-utils';
import {
  ActionContext,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { JsonObject, JsonValue } from '@backstage/types';

/** The user who runs the template in these tests, a member of team-orion. */
export const initiator = mockCredentials.user('user:default/orla');

/** The token the actions must send: the ingestion plugin's, on behalf of the initiator. */
export const initiatorToken = `Bearer ${mockCredentials.service.token({
  onBehalfOf: initiator,
  targetPluginId: 'ingestion',
})}`;

type Checkpoint = ActionContext<JsonObject>['checkpoint'];

/**
 * Checkpoints that outlive one attempt, as a task's state does: a retried task finds the results of the
 * checkpoints that completed.
 */
export function checkpointStore(): Checkpoint {
  const results = new Map<string, JsonValue | void>();
  return async opts => {
    if (!results.has(opts.key)) results.set(opts.key, await opts.fn());
    return results.get(opts.key) as any;
  };
}

/**
 * Starts an action's handler on `input` as {@link initiator} would run it in a template task (from
 * `createMockActionContext`), collecting its outputs.
 */
export function startAction(
  action: TemplateAction<any, any, 'v2'>,
  input: JsonObject,
  options: { isDryRun?: boolean; checkpoint?: Checkpoint } = {},
): { run: Promise<void>; outputs: Record<string, unknown> } {
  const outputs: Record<string, unknown> = {};
  const ctx: ActionContext<JsonObject> = {
    ...createMockActionContext({ input }),
    getInitiatorCredentials: async () => initiator,
    output: (name, value) => {
      outputs[name] = value;
    },
    isDryRun: options.isDryRun ?? false,
    ...(options.checkpoint ? { checkpoint: options.checkpoint } : {}),
  };
  return { run: action.handler(ctx), outputs };
}
