import { runSubmission } from '../__testUtils__/runSubmission';
import {
  BuildSparkApplicationOptions,
  buildSparkApplication,
} from './buildSparkApplication';

const options: BuildSparkApplicationOptions = {
  image: 'registry.example.com/ingestion-spark:1.4.0',
  sparkVersion: '4.1.4',
  mainApplicationFile: 'local:///opt/ingestion-app/kubernetes_main.py',
  serviceAccount: 'ingestion-spark',
  ttlSeconds: 3600,
  sparkConf: { 'spark.sql.shuffle.partitions': '16' },
  secretNaming: 'tenant-scoped',
};

const EXPECTED_LABELS = {
  'app.kubernetes.io/managed-by': 'ingestion-backstage',
  'ingestion.backstage.io/tenant': 'group.default.team-orion',
  'ingestion.backstage.io/job-id': '5d0c2a9e-0f5b-4a44-9d1e-2f4b9c1e7a01',
  'ingestion.backstage.io/run-id': '0b7c2d1e-5f3a-4c8b-9d2e-1a2b3c4d5e6f',
  'ingestion.backstage.io/tier': 'vcore-hours',
  'ingestion.backstage.io/opportunistic': 'false',
};

describe('buildSparkApplication', () => {
  const app = buildSparkApplication(runSubmission(), options);

  it('names the application after the run and puts it in the run’s namespace', () => {
    expect(app.apiVersion).toBe('sparkoperator.k8s.io/v1beta2');
    expect(app.kind).toBe('SparkApplication');
    expect(app.metadata.name).toBe(
      'ingest-0b7c2d1e-5f3a-4c8b-9d2e-1a2b3c4d5e6f',
    );
    expect(app.metadata.namespace).toBe('ingestion-vcore-hours');
    expect(app.metadata.annotations).toEqual({
      'ingestion.backstage.io/run-id': '0b7c2d1e-5f3a-4c8b-9d2e-1a2b3c4d5e6f',
      'ingestion.backstage.io/job-id': '5d0c2a9e-0f5b-4a44-9d1e-2f4b9c1e7a01',
      'ingestion.backstage.io/tenant-ref': 'group:default/team-orion',
    });
  });

  it('labels the application and both kinds of pods alike', () => {
    expect(app.metadata.labels).toEqual(EXPECTED_LABELS);
    expect(app.spec.driver.labels).toEqual(EXPECTED_LABELS);
    expect(app.spec.executor.labels).toEqual(EXPECTED_LABELS);
    expect(app.spec.driver.template.metadata?.labels).toEqual(EXPECTED_LABELS);
  });

  it('sizes driver and executors exactly as allocated', () => {
    expect(app.spec.driver).toMatchObject({
      cores: 1,
      coreRequest: '1',
      coreLimit: '1',
      memory: '1536m',
      memoryOverhead: '512m',
    });
    expect(app.spec.executor).toMatchObject({
      instances: 3,
      cores: 2,
      coreRequest: '2',
      coreLimit: '2',
      memory: '3712m',
      memoryOverhead: '384m',
    });
  });

  it('runs the ingestion application from the image with its job.json, once', () => {
    expect(app.spec).toMatchObject({
      type: 'Python',
      mode: 'cluster',
      image: 'registry.example.com/ingestion-spark:1.4.0',
      sparkVersion: '4.1.4',
      mainApplicationFile: 'local:///opt/ingestion-app/kubernetes_main.py',
      arguments: [
        '--config',
        '/etc/ingestion/job.json',
        '--result',
        '/tmp/ingestion/result.json',
        '--event-log-dir',
        '/tmp/ingestion/events',
      ],
      sparkConf: { 'spark.sql.shuffle.partitions': '16' },
      restartPolicy: { type: 'Never' },
      timeToLiveSeconds: 3600,
    });
    expect(app.spec.driver.serviceAccount).toBe('ingestion-spark');
    const driverPod = app.spec.driver.template.spec;
    expect(driverPod.volumes).toEqual([
      {
        name: 'job-config',
        configMap: { name: 'ingest-0b7c2d1e-5f3a-4c8b-9d2e-1a2b3c4d5e6f-job' },
      },
    ]);
    expect(driverPod.containers[0]).toMatchObject({
      name: 'spark-kubernetes-driver',
      volumeMounts: [
        { name: 'job-config', mountPath: '/etc/ingestion', readOnly: true },
      ],
    });
  });

  it('gives credentials only as references to the tenant’s Secrets', () => {
    const secret = 'team-orion-b0406b2aea.orders-db';
    const lake = 'team-orion-b0406b2aea.lake-writer';
    expect(app.spec.driver.template.spec.containers[0].env).toEqual([
      {
        name: 'INGEST_SOURCE_USER',
        valueFrom: { secretKeyRef: { name: secret, key: 'user' } },
      },
      {
        name: 'INGEST_SOURCE_PASSWORD',
        valueFrom: {
          secretKeyRef: { name: secret, key: 'password', optional: true },
        },
      },
      {
        name: 'INGEST_S3_ACCESS_KEY',
        valueFrom: { secretKeyRef: { name: lake, key: 'accessKey' } },
      },
      {
        name: 'INGEST_S3_SECRET_KEY',
        valueFrom: { secretKeyRef: { name: lake, key: 'secretKey' } },
      },
    ]);
    expect(JSON.stringify(app)).not.toMatch(/"value":/);
  });

  it.each([
    [{ tier: 'dedicated', opportunistic: false }, 'ingestion-dedicated'],
    [{ tier: 'vcore-hours', opportunistic: false }, 'ingestion-shared'],
    [{ tier: 'draft', opportunistic: false }, 'ingestion-shared'],
    [{ tier: 'dedicated', opportunistic: true }, 'ingestion-opportunistic'],
  ] as const)('gives a %o run priority class %s', (placement, priority) => {
    const built = buildSparkApplication(
      runSubmission({ ...placement, namespace: 'ns' }),
      options,
    );
    expect(built.spec.driver.priorityClassName).toBe(priority);
    expect(built.spec.driver.template.spec.priorityClassName).toBe(priority);
    expect(built.spec.executor.template.spec.priorityClassName).toBe(priority);
    expect(
      built.metadata.labels?.['ingestion.backstage.io/opportunistic'],
    ).toBe(String(placement.opportunistic));
  });

  it('gives opportunistic pods a short grace period, so lent capacity comes back fast', () => {
    const lent = buildSparkApplication(
      runSubmission({ tier: 'dedicated', opportunistic: true }),
      options,
    );
    expect(lent.spec.driver.template.spec.terminationGracePeriodSeconds).toBe(
      10,
    );
    expect(lent.spec.executor.template.spec.terminationGracePeriodSeconds).toBe(
      10,
    );
    expect(
      app.spec.driver.template.spec.terminationGracePeriodSeconds,
    ).toBeUndefined();
  });

  it('passes driver annotations through', () => {
    const built = buildSparkApplication(runSubmission(), options, {
      driverAnnotations: { 'ingest.test/fail': 'true' },
    });
    expect(built.spec.driver.annotations).toEqual({
      'ingest.test/fail': 'true',
    });
    expect(app.spec.driver.annotations).toBeUndefined();
  });

  it('refuses a run without executors', () => {
    const run = runSubmission();
    run.resources.executorInstances = 0;
    expect(() => buildSparkApplication(run, options)).toThrow(
      /executorInstances/,
    );
  });
});
