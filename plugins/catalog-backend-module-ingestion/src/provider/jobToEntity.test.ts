import {
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
} from '@backstage/catalog-model';
import { IngestionJob } from '@internal/backstage-plugin-ingestion-common';
import fc from 'fast-check';
import { aJob } from '../__testUtils__/jobs';
import { jobToEntity } from './jobToEntity';

const namespaces = {
  dedicated: 'ingestion-dedicated',
  'vcore-hours': 'ingestion-vcore-hours',
  draft: 'ingestion-draft',
};

const catalogPolicies = EntityPolicies.allOf([
  new SchemaValidEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
]);

/** Every key and string value in an entity, with its path. */
function leaves(value: unknown, path = ''): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value))
    return value.flatMap((v, i) => leaves(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) => [
      { path: `${path}.${key}`, text: key },
      ...leaves(v, `${path}.${key}`),
    ]);
  }
  return [];
}

const SECRET_LOOKING = /secret|password|passwd|credential|token|access.?key/i;

describe('jobToEntity', () => {
  it('maps a job to a Resource owned by its tenant, with the annotations of the job and its pods', () => {
    const entity = jobToEntity(aJob(), namespaces);

    expect(entity).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'team-orion-nightly-orders',
        namespace: 'default',
        title: 'nightly-orders',
        description: 'Orders from the payments database, every night.',
        tags: ['postgres', 's3', 'dedicated'],
        annotations: {
          'backstage.io/managed-by-location':
            'ingestion:jobs/5d0c2a9e-0f5b-4a44-9d1e-2f4b9c1e7a01',
          'backstage.io/managed-by-origin-location':
            'ingestion:jobs/5d0c2a9e-0f5b-4a44-9d1e-2f4b9c1e7a01',
          'ingestion.backstage.io/job-id':
            '5d0c2a9e-0f5b-4a44-9d1e-2f4b9c1e7a01',
          'ingestion.backstage.io/tenant': 'group:default/team-orion',
          'ingestion.backstage.io/pool': 'dedicated',
          'ingestion.backstage.io/lifecycle': 'draft',
          'backstage.io/kubernetes-label-selector':
            'ingestion.backstage.io/job-id=5d0c2a9e-0f5b-4a44-9d1e-2f4b9c1e7a01',
          'backstage.io/kubernetes-namespace': 'ingestion-draft',
        },
      },
      spec: {
        type: 'ingestion-job',
        owner: 'group:default/team-orion',
        lifecycle: 'draft',
        system: 'system:default/spark-ingestion',
        status: 'active',
        pool: 'dedicated',
        tier: 'draft',
        source: {
          type: 'postgres',
          host: 'payments-db.internal',
          port: 5432,
          database: 'payments',
          table: 'public.orders',
        },
        target: {
          type: 's3',
          path: 's3a://lake/payments/orders',
          format: 'parquet',
          partitionBy: ['order_date'],
        },
        schedule: {
          type: 'cron',
          expression: '0 2 * * *',
          timezone: 'Europe/Berlin',
        },
        estimates: {
          dataVolumeGiB: 40,
          expectedDurationMinutes: 20,
          slaMinutes: 45,
        },
        resources: {
          executorInstances: 2,
          executorCores: 2,
          executorMemoryGiB: 4,
          driverCores: 1,
          driverMemoryGiB: 2,
        },
      },
    });
  });

  it('follows the job into production: lifecycle, tier namespace and pool', () => {
    const entity = jobToEntity(
      aJob({
        lifecycle: 'production',
        tier: 'vcore-hours',
        pool: 'vcore-hours',
      }),
      { ...namespaces, 'vcore-hours': 'spark-shared' },
    );

    expect(entity.spec).toMatchObject({
      lifecycle: 'production',
      tier: 'vcore-hours',
      pool: 'vcore-hours',
    });
    expect(entity.metadata.annotations).toMatchObject({
      'ingestion.backstage.io/lifecycle': 'production',
      'ingestion.backstage.io/pool': 'vcore-hours',
      'backstage.io/kubernetes-namespace': 'spark-shared',
    });
    expect(entity.metadata.tags).toEqual(['postgres', 's3', 'vcore-hours']);
  });

  it('summarises an s3 source and an interval schedule, and describes a job without a description', () => {
    const entity = jobToEntity(
      aJob({
        description: undefined,
        source: {
          type: 's3',
          bucket: 'raw-events',
          prefix: 'clicks/',
          format: 'json',
          region: 'eu-west-1',
          endpoint: 'http://127.0.0.1:9000',
        },
        target: { type: 's3', path: 's3a://lake/clicks', format: 'parquet' },
        schedule: { type: 'interval', everyMinutes: 30 },
      }),
      namespaces,
    );

    expect(entity.metadata.description).toBe(
      'Ingestion job of team-orion: s3://raw-events/clicks/ to s3a://lake/clicks',
    );
    expect(entity.metadata.tags).toEqual(['s3', 'dedicated']);
    expect(entity.spec).toMatchObject({
      source: {
        type: 's3',
        bucket: 'raw-events',
        prefix: 'clicks/',
        format: 'json',
        region: 'eu-west-1',
      },
      target: { type: 's3', path: 's3a://lake/clicks', format: 'parquet' },
      schedule: { type: 'interval', everyMinutes: 30 },
    });
    expect(entity.spec?.source).not.toHaveProperty('endpoint');
  });

  it('is an entity the catalog accepts', async () => {
    const entity = jobToEntity(aJob(), namespaces);

    await expect(catalogPolicies.enforce(entity)).resolves.toBe(entity);
    await expect(resourceEntityV1alpha1Validator.check(entity)).resolves.toBe(
      true,
    );
  });

  it('carries no credential: planted values in every credential-bearing field never reach the entity', () => {
    const planted = {
      sourceSecret: 'planted-source-secret-7f3a',
      targetSecret: 'planted-target-secret-9c1d',
      query: "select * from orders where api_key = 'planted-query-2b8e'",
      endpoint: 'http://planted-user:planted-pass-4e6f@minio.internal:9000',
    };
    const jdbc = jobToEntity(
      aJob({
        source: {
          type: 'mysql',
          host: 'shop-db',
          port: 3306,
          database: 'shop',
          query: planted.query,
          credentialsSecret: planted.sourceSecret,
        },
        target: {
          type: 's3',
          path: 's3a://lake/shop',
          format: 'parquet',
          endpoint: planted.endpoint,
          credentialsSecret: planted.targetSecret,
        },
      }),
      namespaces,
    );
    const s3 = jobToEntity(
      aJob({
        source: {
          type: 's3',
          bucket: 'raw',
          prefix: 'x/',
          format: 'csv',
          endpoint: planted.endpoint,
          credentialsSecret: planted.sourceSecret,
        },
      }),
      namespaces,
    );

    for (const entity of [jdbc, s3]) {
      const text = JSON.stringify(entity);
      expect(text).not.toMatch(/planted/);
      expect(
        leaves(entity).filter(leaf => SECRET_LOOKING.test(leaf.text)),
      ).toEqual([]);
    }
  });

  it('for any job: a valid entity, and no secret-looking key or value anywhere in it', async () => {
    const label = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,40}[a-z0-9])?$/);
    const marker = fc.uuid().map(id => `planted-${id}`);
    const arbitraryJob = fc
      .record({
        id: fc.uuid(),
        tenantName: label,
        name: label,
        description: fc.option(fc.string({ maxLength: 200 }), {
          nil: undefined,
        }),
        jdbc: fc.boolean(),
        host: fc.stringMatching(/^[a-z][a-z0-9.-]{0,30}[a-z0-9]$/),
        sourceSecret: marker,
        targetSecret: marker,
        queryMarker: marker,
        endpointMarker: marker,
        tier: fc.constantFrom<IngestionJob['tier'][]>(
          'dedicated',
          'vcore-hours',
          'draft',
        ),
        pool: fc.constantFrom<IngestionJob['pool'][]>(
          'dedicated',
          'vcore-hours',
        ),
        targetType: fc.constantFrom<('s3' | 'hdfs')[]>('s3', 'hdfs'),
      })
      .map(g => ({
        secrets: [
          g.sourceSecret,
          g.targetSecret,
          g.queryMarker,
          g.endpointMarker,
        ],
        job: aJob({
          id: g.id,
          tenant: `group:default/${g.tenantName}`,
          name: g.name,
          description: g.description,
          tier: g.tier,
          pool: g.pool,
          source: g.jdbc
            ? {
                type: 'postgres',
                host: g.host,
                port: 5432,
                database: 'db',
                query: `select * from t where k = '${g.queryMarker}'`,
                credentialsSecret: g.sourceSecret,
              }
            : {
                type: 's3',
                bucket: 'raw-bucket',
                prefix: 'in/',
                format: 'parquet',
                endpoint: `http://u:${g.endpointMarker}@${g.host}`,
                credentialsSecret: g.sourceSecret,
              },
          target: {
            type: g.targetType,
            path:
              g.targetType === 's3'
                ? 's3a://lake/out'
                : 'hdfs://namenode:8020/out',
            format: 'parquet',
            endpoint: `http://u:${g.endpointMarker}@${g.host}`,
            credentialsSecret: g.targetSecret,
          },
        }),
      }));

    await fc.assert(
      fc.asyncProperty(arbitraryJob, async ({ job, secrets }) => {
        const entity = jobToEntity(job, namespaces);
        const text = JSON.stringify(entity);
        for (const secret of secrets) expect(text).not.toContain(secret);
        expect(
          leaves(entity)
            .filter(leaf => !leaf.path.startsWith('.metadata.description'))
            .filter(leaf => SECRET_LOOKING.test(leaf.text)),
        ).toEqual([]);
        await catalogPolicies.enforce(entity);
        expect(await resourceEntityV1alpha1Validator.check(entity)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
