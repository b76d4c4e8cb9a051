/** One jar a kind of endpoint needs, recognised by its file name in the jars folder. */
interface JarNeed {
  pattern: RegExp;
  what: string;
  /** Optional jars are helpers of a required one: passed when present, not missed when absent. */
  optional?: boolean;
}

const POSTGRES: JarNeed[] = [
  { pattern: /^postgresql-[\d.]+\.jar$/, what: 'PostgreSQL JDBC driver' },
  {
    pattern: /^checker-qual-[\d.]+\.jar$/,
    what: 'checker-qual',
    optional: true,
  },
];
const MYSQL: JarNeed[] = [
  { pattern: /^mariadb-java-client-[\d.]+\.jar$/, what: 'MariaDB JDBC driver' },
];
const S3: JarNeed[] = [
  { pattern: /^hadoop-aws-[\d.]+\.jar$/, what: 'hadoop-aws (s3a)' },
  { pattern: /^bundle-[\d.]+\.jar$/, what: 'AWS SDK bundle' },
  {
    pattern: /^analyticsaccelerator-s3-[\d.]+\.jar$/,
    what: 'analyticsaccelerator-s3',
    optional: true,
  },
  {
    pattern: /^wildfly-openssl-[\w.]+\.jar$/,
    what: 'wildfly-openssl',
    optional: true,
  },
];

const BY_ENDPOINT_TYPE: Record<string, JarNeed[]> = {
  postgres: POSTGRES,
  mysql: MYSQL,
  s3: S3,
};

/**
 * The jars (file names from the jars folder) that a run with this source and target needs, and no others: in
 * local mode Spark copies every --jars file into the run's temporary folder at start, and the AWS SDK bundle alone
 * is 640 MB, so a JDBC → local run must not pay for S3. Throws naming the missing jar when a required one is absent.
 */
export function selectJars(
  available: string[],
  endpoints: { sourceType: string; targetType: string },
): string[] {
  const needs = [
    ...(BY_ENDPOINT_TYPE[endpoints.sourceType] ?? []),
    ...(BY_ENDPOINT_TYPE[endpoints.targetType] ?? []),
  ];
  const selected = new Set<string>();
  for (const need of needs) {
    const match = available.find(name => need.pattern.test(name));
    if (match) {
      selected.add(match);
    } else if (!need.optional) {
      throw new Error(
        `the ${need.what} jar is missing from the local executor's jars folder (run test-infra/spark/setup.sh)`,
      );
    }
  }
  return [...selected];
}
