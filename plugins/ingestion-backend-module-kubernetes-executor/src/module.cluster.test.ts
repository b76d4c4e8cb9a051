import {
  coreServices,
  createBackendPlugin,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { EventsServiceSubscribeOptions } from '@backstage/plugin-events-node';
import { RegistrySnapshot } from '@internal/backstage-plugin-ingestion-common';
import {
  IngestionExecutor,
  ingestionExecutorExtensionPoint,
} from '@internal/backstage-plugin-ingestion-node';
import express from 'express';
import { KubernetesClient } from './kubernetes/KubernetesClient';
import { KubernetesObject } from './kubernetes/KubernetesObject';
import { ingestionModuleKubernetesExecutor } from './module';
import { registrySnapshot } from './__testUtils__/registry';
import {
  deleteNamespaces,
  startTestCluster,
  testNamespaces,
} from './__testUtils__/testCluster';

/*
 * The module as the backend runs it, against the real test control plane: installed into a stand-in ingestion
 * plugin that serves the registry and collects executors, it reconciles the namespaces from the registry API
 * in its scheduled task, and again on every ingestion.registry event.
 */

jest.setTimeout(3 * 60_000);

const namespaces = testNamespaces('ingest-mod');
let client: KubernetesClient;
let kubeconfig: string;
let served: RegistrySnapshot;
const executors: IngestionExecutor[] = [];
const tasks: Array<
  SchedulerServiceTaskScheduleDefinition & {
    id: string;
    fn: () => Promise<void>;
  }
> = [];
const subscriptions: EventsServiceSubscribeOptions[] = [];

/** Stands in for the ingestion plugin: its executor extension point and GET /registry. */
const ingestionPlugin = createBackendPlugin({
  pluginId: 'ingestion',
  register(env) {
    env.registerExtensionPoint(ingestionExecutorExtensionPoint, {
      addExecutor: executor => executors.push(executor),
    });
    env.registerInit({
      deps: { httpRouter: coreServices.httpRouter },
      async init({ httpRouter }) {
        const router = express.Router();
        router.get('/registry', (_req, res) => {
          res.json(served);
        });
        httpRouter.use(router);
      },
    });
  },
});

const quotaCpu = (namespace: string) =>
  client
    .read<KubernetesObject & { spec: { hard: Record<string, string> } }>(
      'v1',
      'ResourceQuota',
      'spark-units',
      namespace,
    )
    .then(quota => quota?.spec.hard['limits.cpu']);

beforeAll(() => {
  kubeconfig = startTestCluster().kubeconfig;
  client = KubernetesClient.connect({ kubeconfigPath: kubeconfig });
});

afterAll(async () => {
  if (client) await deleteNamespaces(client, Object.values(namespaces));
});

describe('ingestionModuleKubernetesExecutor', () => {
  it('adds the kubernetes executor and reconciles namespaces from the registry API and its events', async () => {
    served = registrySnapshot(namespaces, {
      dedicated: 3,
      'vcore-hours': 2,
      draft: 1,
    });
    const backend = await startTestBackend({
      features: [
        ingestionPlugin,
        ingestionModuleKubernetesExecutor,
        mockServices.rootConfig.factory({
          data: {
            ingestion: {
              namespaces: {
                dedicated: { name: namespaces.dedicated },
                'vcore-hours': { name: namespaces['vcore-hours'] },
                draft: { name: namespaces.draft },
              },
              executors: {
                kubernetes: {
                  kubeconfigPath: kubeconfig,
                  image: 'registry.invalid/ingestion-spark:test',
                  reconcileIntervalSeconds: 120,
                },
              },
            },
          },
        }),
        mockServices.scheduler.mock({
          scheduleTask: async task => {
            tasks.push(task as (typeof tasks)[number]);
          },
        }).factory,
        mockServices.events.mock({
          subscribe: async options => {
            subscriptions.push(options);
          },
        }).factory,
      ],
    });
    try {
      expect(executors.map(e => e.id)).toEqual(['kubernetes']);

      const [task] = tasks;
      expect(task).toMatchObject({
        id: 'ingestion-kubernetes-namespaces',
        frequency: { seconds: 120 },
        scope: 'global',
      });
      await task.fn();
      expect(await quotaCpu(namespaces.dedicated)).toBe('6');
      expect(await quotaCpu(namespaces['vcore-hours'])).toBe('4');

      const [subscription] = subscriptions;
      expect(subscription.topics).toEqual(['ingestion.registry']);
      await subscription.onEvent({
        topic: 'ingestion.registry',
        eventPayload: {
          registry: registrySnapshot(namespaces, {
            dedicated: 5,
            'vcore-hours': 2,
            draft: 1,
          }),
        },
      });
      expect(await quotaCpu(namespaces.dedicated)).toBe('10');
    } finally {
      await backend.stop();
    }
  });
});
