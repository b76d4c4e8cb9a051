import {
  IngestionJob,
  JobSource,
  JobTarget,
} from '@internal/backstage-plugin-ingestion-common';
import { Grid } from '@backstage/ui';
import { describeSchedule } from '../../lib/describeSchedule';
import {
  formatDateTime,
  formatEntityRef,
  formatNumber,
} from '../../lib/format';
import {
  JOB_STATUS_LABELS,
  LIFECYCLE_LABELS,
  POOL_LABELS,
  SOURCE_TYPE_LABELS,
  TARGET_TYPE_LABELS,
  TIER_LABELS,
} from '../../lib/jobLabels';
import { Field, FieldList } from '../FieldList';

const code = (text: string) => (
  <code style={{ fontSize: '0.9em', overflowWrap: 'anywhere' }}>{text}</code>
);
const minutes = (n: number) => `${formatNumber(n, 0)} min`;
const secretReference = (name?: string) =>
  name ? <>stored secret {code(name)}</> : undefined;

/**
 * The source's fields, by name: a job's configuration is shown field by field, never dumped, so nothing the API
 * might carry beyond them (a password pasted where it does not belong) reaches the page. Credentials are only the
 * name of the secret holding them.
 */
function sourceFields(source: JobSource): Field[] {
  if (source.type === 's3') {
    return [
      ['Type', SOURCE_TYPE_LABELS.s3],
      ['Location', code(`s3://${source.bucket}/${source.prefix}`)],
      ['Format', source.format.toUpperCase()],
      ['Endpoint', source.endpoint],
      ['Region', source.region],
      ['Credentials', secretReference(source.credentialsSecret)],
    ];
  }
  return [
    ['Type', SOURCE_TYPE_LABELS[source.type]],
    ['Host', code(`${source.host}:${source.port}`)],
    ['Database', source.database],
    ['Table', source.table && code(source.table)],
    ['Query', source.query && code(source.query)],
    [
      'Parallel reads',
      source.partitionColumn
        ? `${source.numPartitions ?? 'default'} partitions on ${
            source.partitionColumn
          }`
        : undefined,
    ],
    [
      'Incremental on',
      source.incrementalColumn && code(source.incrementalColumn),
    ],
    ['Credentials', secretReference(source.credentialsSecret)],
  ];
}

function targetFields(target: JobTarget): Field[] {
  return [
    ['Type', TARGET_TYPE_LABELS[target.type]],
    ['Path', code(target.path)],
    ['Format', 'Parquet'],
    [
      'Partitioned by',
      target.partitionBy?.length ? target.partitionBy.join(', ') : undefined,
    ],
    ['Endpoint', target.endpoint],
    ['Credentials', secretReference(target.credentialsSecret)],
  ];
}

/**
 * A job's configuration as the ingestion API holds it (not the catalog entity's copy): source, target, schedule,
 * estimates and SLA, resources and placement. Secrets are never shown, only the names of the secrets that hold
 * them.
 */
export const JobConfiguration = (props: {
  job: IngestionJob;
  namespace: string;
}) => {
  const { job, namespace } = props;
  const { schedule, estimates, resources } = job;
  return (
    <Grid.Root columns={{ initial: '1', md: '2' }} gap="5">
      <FieldList title="Source" fields={sourceFields(job.source)} />
      <FieldList title="Target" fields={targetFields(job.target)} />
      <FieldList
        title="Schedule"
        fields={[
          ['When', describeSchedule(schedule)],
          [
            'Cron',
            schedule.type === 'cron' ? code(schedule.expression) : undefined,
          ],
          [
            'Time zone',
            schedule.type === 'cron' ? schedule.timezone : undefined,
          ],
          [
            'Every',
            schedule.type === 'interval'
              ? minutes(schedule.everyMinutes)
              : undefined,
          ],
          [
            'From',
            schedule.type === 'interval' && schedule.startAt
              ? formatDateTime(schedule.startAt)
              : undefined,
          ],
          ['Status', JOB_STATUS_LABELS[job.status]],
        ]}
      />
      <FieldList
        title="Estimates and SLA"
        fields={[
          [
            'Data volume',
            `${formatNumber(estimates.dataVolumeGiB)} GiB per run`,
          ],
          ['Expected duration', minutes(estimates.expectedDurationMinutes)],
          ['SLA', `done within ${minutes(estimates.slaMinutes)}`],
        ]}
      />
      <FieldList
        title="Resources per run"
        fields={[
          [
            'Executors',
            `${resources.executorInstances} × ${resources.executorCores} ${
              resources.executorCores === 1 ? 'core' : 'cores'
            }, ${formatNumber(resources.executorMemoryGiB)} GiB`,
          ],
          [
            'Driver',
            `${resources.driverCores} ${
              resources.driverCores === 1 ? 'core' : 'cores'
            }, ${formatNumber(resources.driverMemoryGiB)} GiB`,
          ],
          [
            'Cores in all',
            formatNumber(
              resources.executorInstances * resources.executorCores +
                resources.driverCores,
              0,
            ),
          ],
        ]}
      />
      <FieldList
        title="Placement"
        fields={[
          ['Pool', POOL_LABELS[job.pool]],
          ['Lifecycle', LIFECYCLE_LABELS[job.lifecycle]],
          [
            'Namespace',
            <>
              {code(namespace)} ({TIER_LABELS[job.tier]} tier)
            </>,
          ],
          ['Owner', formatEntityRef(job.tenant)],
          [
            'Created',
            `${formatDateTime(job.createdAt)} by ${formatEntityRef(
              job.createdBy,
            )}`,
          ],
          ['Job id', code(job.id)],
        ]}
      />
    </Grid.Root>
  );
};
