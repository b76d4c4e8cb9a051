import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import { Server } from 'node:http';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  IngestionExecutor,
  ingestionExecutorExtensionPoint,
} from '@internal/backstage-plugin-ingestion-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { ingestionPlugin } from '../plugin';

/** Demo organisation for tests: three tenants and a platform admin group, with one user each. */
export const TEST_MEMBERSHIP: Record<string, string[]> = {
  'user:default/ada': ['group:default/platform-admins'],
  // Orla and Lars also administer their tenants (they may buy); Mia is a Lyra member without that role.
  'user:default/orla': [
    'group:default/team-orion',
    'group:default/team-orion-admins',
  ],
  'user:default/lars': [
    'group:default/team-lyra',
    'group:default/team-lyra-admins',
  ],
  'user:default/mia': ['group:default/team-lyra'],
  'user:default/otto': ['group:default/team-orion'],
  'user:default/vera': [
    'group:default/team-vega',
    'group:default/team-vega-admins',
    'group:default/book-club',
  ],
};

function group(name: string, type: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type, children: [] },
  };
}

export const TEST_GROUPS: Entity[] = [
  group('platform-admins', 'team'),
  group('team-orion', 'tenant'),
  group('team-lyra', 'tenant'),
  group('team-vega', 'tenant'),
  group('team-orion-admins', 'tenant-admins'),
  group('team-lyra-admins', 'tenant-admins'),
  group('team-vega-admins', 'tenant-admins'),
  group('book-club', 'interest'),
];

/** Authorization header of a test user's token. */
export function asUser(userRef: string) {
  return mockCredentials.user.header(userRef);
}

/** Notifications and signals sent by the plugin under test, in order. */
export interface SentMessages {
  notifications: Array<{
    recipients: unknown;
    payload: { title: string; description?: string };
  }>;
  signals: Array<{ channel: string; message: unknown; recipients?: unknown }>;
}

/**
 * The policy module's rules for the ingestion permissions: platform admins may do everything; a tenant's admins
 * (its `<tenant>-admins` group here) may buy for it; other permissions are denied.
 */
const permissionsAsPolicy = mockServices.permissions.mock({
  authorize: async (requests, options) => {
    const ref =
      (options.credentials.principal as { userEntityRef?: string })
        .userEntityRef ?? '';
    const groups = TEST_MEMBERSHIP[ref] ?? [];
    const admin = groups.includes('group:default/platform-admins');
    return requests.map(request => {
      const resourceRef = (request as { resourceRef?: string }).resourceRef;
      const tenantAdmin =
        request.permission.name === 'ingestion.capacity.purchase' &&
        resourceRef !== undefined &&
        groups.includes(`${resourceRef}-admins`);
      return {
        result:
          admin || tenantAdmin ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
      };
    }) as any;
  },
});

/** A backend module installing `executor` into the ingestion plugin. */
export function testExecutorModule(executor: IngestionExecutor) {
  return createBackendModule({
    pluginId: 'ingestion',
    moduleId: `test-executor-${executor.id}`,
    register(reg) {
      reg.registerInit({
        deps: { executors: ingestionExecutorExtensionPoint },
        async init({ executors }) {
          executors.addExecutor(executor);
        },
      });
    },
  });
}

/** Starts a backend with the ingestion plugin, the test organisation and the given extra features. */
export async function startIngestionTestBackend(options?: {
  features?: Parameters<typeof startTestBackend>[0]['features'];
  config?: JsonObject;
}): Promise<{ server: Server; stop(): Promise<void>; sent: SentMessages }> {
  const sent: SentMessages = { notifications: [], signals: [] };
  const backend = await startTestBackend({
    features: [
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({
          send: async (notification: any) =>
            void sent.notifications.push(notification),
        }),
      }),
      createServiceFactory({
        service: signalsServiceRef,
        deps: {},
        factory: () => ({
          publish: async (signal: any) => void sent.signals.push(signal),
        }),
      }),
      permissionsAsPolicy.factory,
      ingestionPlugin,
      catalogServiceMock.factory({ entities: TEST_GROUPS }),
      mockServices.userInfo.mock({
        getUserInfo: async credentials => {
          const ref = (credentials.principal as { userEntityRef: string })
            .userEntityRef;
          return {
            userEntityRef: ref,
            ownershipEntityRefs: [ref, ...(TEST_MEMBERSHIP[ref] ?? [])],
          };
        },
      }).factory,
      mockServices.rootConfig.factory({ data: options?.config ?? {} }),
      ...(options?.features ?? []),
    ],
  });
  // The backend's stop is a method of its class: spreading it would drop it.
  return { server: backend.server, stop: () => backend.stop(), sent };
}
