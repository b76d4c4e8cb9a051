import { ConfigReader } from '@backstage/config';
import { readKubernetesExecutorConfig } from './readKubernetesExecutorConfig';

const read = (kubernetes: object, ingestion: object = {}) =>
  readKubernetesExecutorConfig(
    new ConfigReader({
      ingestion: { ...ingestion, executors: { kubernetes } },
    }),
  );

describe('readKubernetesExecutorConfig', () => {
  it('fills in defaults around the image', () => {
    expect(read({ image: 'ingest:1' })).toEqual({
      kubeconfigPath: undefined,
      context: undefined,
      namespaces: {
        dedicated: 'ingestion-dedicated',
        'vcore-hours': 'ingestion-vcore-hours',
        draft: 'ingestion-draft',
      },
      image: 'ingest:1',
      imagePullPolicy: undefined,
      sparkVersion: '4.1.4',
      mainApplicationFile: 'local:///opt/ingestion-app/kubernetes_main.py',
      serviceAccount: 'ingestion-spark',
      ttlSeconds: 86400,
      sparkConf: {},
      secretNaming: 'tenant-scoped',
      reconcileIntervalSeconds: 300,
      networkPolicy: {
        dnsNamespace: 'kube-system',
        apiServer: undefined,
        additionalEgress: [],
      },
    });
  });

  it('reads namespace names where the ingestion plugin reads them', () => {
    const options = read(
      { image: 'ingest:1', sparkConf: { 'spark.eventLog.enabled': true } },
      { namespaces: { draft: { name: 'spark-draft' } } },
    );
    expect(options.namespaces.draft).toBe('spark-draft');
    expect(options.sparkConf).toEqual({ 'spark.eventLog.enabled': 'true' });
  });

  it('reads egress rules', () => {
    expect(
      read({
        image: 'i',
        networkPolicy: {
          apiServer: [{ cidr: '172.18.0.2/32', ports: [6443] }],
          additionalEgress: [{ cidr: 'fd00::/8' }],
        },
      }).networkPolicy,
    ).toEqual({
      dnsNamespace: 'kube-system',
      apiServer: [{ cidr: '172.18.0.2/32', ports: [6443] }],
      additionalEgress: [{ cidr: 'fd00::/8', ports: [] }],
    });
  });

  it.each([
    [{}, /image/],
    [
      { image: 'i', ttlSeconds: 5 },
      /ttlSeconds must be a whole number of at least 60/,
    ],
    [
      { image: 'i', serviceAccount: 'Spark_SA' },
      /serviceAccount must be a DNS label/,
    ],
    [
      { image: 'i', imagePullPolicy: 'Sometimes' },
      /imagePullPolicy must be one of/,
    ],
    [{ image: 'i', secretNaming: 'none' }, /secretNaming must be one of/],
    [
      {
        image: 'i',
        networkPolicy: { additionalEgress: [{ cidr: '10.0.0.0' }] },
      },
      /additionalEgress\[0\].cidr must be an address range/,
    ],
    [
      {
        image: 'i',
        networkPolicy: { apiServer: [{ cidr: '10.0.0.1/32', ports: [70000] }] },
      },
      /apiServer\[0\].ports must be TCP ports/,
    ],
  ])('refuses %o', (kubernetes, message) => {
    expect(() => read(kubernetes)).toThrow(message);
  });

  it('refuses two tiers in one namespace', () => {
    expect(() =>
      read(
        { image: 'i' },
        {
          namespaces: {
            dedicated: { name: 'spark' },
            'vcore-hours': { name: 'spark' },
          },
        },
      ),
    ).toThrow(/each tier needs its own Kubernetes namespace/);
  });
});
