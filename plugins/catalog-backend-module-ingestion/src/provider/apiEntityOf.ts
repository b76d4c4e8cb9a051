import { ApiEntity } from '@backstage/catalog-model';
import { OpenApiDocument } from '@internal/backstage-plugin-ingestion-common';

/** Name of the ingestion API's entity in the catalog. */
export const INGESTION_API_ENTITY_NAME = 'ingestion';

/**
 * The ingestion REST API as a catalog API entity (shown by the api-docs plugin): its definition is the OpenAPI
 * document the running backend serves, so the catalog always shows the contract in force, with its version.
 */
export function apiEntityOf(
  document: OpenApiDocument,
  options: { owner: string; sourceUrl: string },
): ApiEntity {
  const location = `url:${options.sourceUrl}`;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: {
      name: INGESTION_API_ENTITY_NAME,
      title: `Ingestion API v${document.info.version}`,
      ...(document.info.description && {
        description: document.info.description,
      }),
      tags: ['rest', 'openapi'],
      annotations: {
        'backstage.io/managed-by-location': location,
        'backstage.io/managed-by-origin-location': location,
      },
    },
    spec: {
      type: 'openapi',
      lifecycle: 'production',
      owner: options.owner,
      definition: JSON.stringify(document, null, 2),
    },
  };
}
