import { deriveRegistrySnapshot } from '../domain/capacity/sparkUnitRegistry';
import { SparkUnitRegistryStore } from '../database/SparkUnitRegistryStore';
import { IngestionConfig } from '../config';
import { CallerResolver } from '../tenancy/CallerResolver';
import { createOpenApiRouter } from '../schema/openapi.generated';

export interface RouterOptions {
  config: IngestionConfig;
  callers: CallerResolver;
  registry: SparkUnitRegistryStore;
}

/**
 * The plugin's REST API. Routes are declared against the OpenAPI document: a request to a path or with a body the
 * document does not describe is refused before it reaches a handler, and responses are checked too.
 *
 * @internal
 */
export async function createRouter(options: RouterOptions) {
  const { config, callers, registry } = options;
  const router = await createOpenApiRouter({
    // Authentication is Backstage's (httpAuth); the validator checks paths, parameters, bodies and responses.
    validatorOptions: {
      ignoreUndocumented: false,
      validateResponses: true,
      validateSecurity: false,
    },
  });

  const namespaceNames = {
    dedicated: config.namespaces.dedicated.name,
    'vcore-hours': config.namespaces['vcore-hours'].name,
    draft: config.namespaces.draft.name,
  };

  router.get('/health', async (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/whoami', async (req, res) => {
    const { credentials: _credentials, ...caller } = await callers.resolve(req);
    res.json(caller);
  });

  router.get('/registry', async (req, res) => {
    await callers.resolve(req);
    res.json(
      deriveRegistrySnapshot(
        await registry.list(),
        config.sparkUnitSize,
        namespaceNames,
      ),
    );
  });

  return router;
}
