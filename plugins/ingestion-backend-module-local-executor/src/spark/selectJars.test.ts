import { selectJars } from './selectJars';

/** The jars folder test-infra/spark/setup.sh makes. */
const AVAILABLE = [
  'analyticsaccelerator-s3-1.2.1.jar',
  'bundle-2.29.52.jar',
  'checker-qual-3.55.1.jar',
  'hadoop-aws-3.4.2.jar',
  'mariadb-java-client-3.5.11.jar',
  'postgresql-42.7.14.jar',
  'wildfly-openssl-2.1.4.Final.jar',
];
const S3_JARS = [
  'hadoop-aws-3.4.2.jar',
  'bundle-2.29.52.jar',
  'analyticsaccelerator-s3-1.2.1.jar',
  'wildfly-openssl-2.1.4.Final.jar',
];

describe('selectJars', () => {
  it('gives a PostgreSQL to local run its JDBC driver only, without the 640 MB AWS bundle', () => {
    expect(
      selectJars(AVAILABLE, { sourceType: 'postgres', targetType: 'local' }),
    ).toEqual(['postgresql-42.7.14.jar', 'checker-qual-3.55.1.jar']);
  });

  it('gives a MySQL to HDFS run the MariaDB driver only (HDFS is in Spark itself)', () => {
    expect(
      selectJars(AVAILABLE, { sourceType: 'mysql', targetType: 'hdfs' }),
    ).toEqual(['mariadb-java-client-3.5.11.jar']);
  });

  it('adds the S3 jars once when the source or the target is S3', () => {
    expect(
      selectJars(AVAILABLE, { sourceType: 'postgres', targetType: 's3' }),
    ).toEqual([
      'postgresql-42.7.14.jar',
      'checker-qual-3.55.1.jar',
      ...S3_JARS,
    ]);
    expect(
      selectJars(AVAILABLE, { sourceType: 's3', targetType: 's3' }),
    ).toEqual(S3_JARS);
  });

  it('names a missing required jar, and does without missing helpers', () => {
    expect(() =>
      selectJars(['bundle-2.29.52.jar'], {
        sourceType: 's3',
        targetType: 'local',
      }),
    ).toThrow(
      "the hadoop-aws (s3a) jar is missing from the local executor's jars folder (run test-infra/spark/setup.sh)",
    );
    expect(
      selectJars(['postgresql-42.7.14.jar'], {
        sourceType: 'postgres',
        targetType: 'local',
      }),
    ).toEqual(['postgresql-42.7.14.jar']);
  });
});
