import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  FileFormat,
  ResourceEstimate,
  SourceType,
  TargetType,
} from '@internal/backstage-plugin-ingestion-common';
import {
  Alert,
  Button,
  ButtonLink,
  Card,
  CardBody,
  CardHeader,
  Container,
  Flex,
  Grid,
  Select,
  Text,
  TextField,
} from '@backstage/ui';
import { FormEvent, useEffect, useState } from 'react';
import { ingestionApiRef } from '../../api';
import { serverMessage } from '../../lib/errors';
import { newJobLinkFromEstimate } from '../../lib/newJobTemplate';
import { EstimateSummary } from '../EstimateSummary';
import { SectionTitle } from '../SectionTitle';
import {
  EstimateFormErrors,
  EstimateFormValues,
  estimateFormFromQuery,
  estimateFormFromRequest,
  validateEstimateForm,
} from './estimateForm';

const SOURCE_OPTIONS = [
  { value: 'postgres', label: 'PostgreSQL' },
  { value: 'mysql', label: 'MySQL' },
  { value: 's3', label: 'S3' },
];
const TARGET_OPTIONS = [
  { value: 's3', label: 'S3' },
  { value: 'hdfs', label: 'HDFS' },
  { value: 'local', label: 'Local folder' },
];
const FORMAT_OPTIONS = [
  { value: 'parquet', label: 'Parquet' },
  { value: 'csv', label: 'CSV' },
  { value: 'json', label: 'JSON' },
];

/**
 * The resource estimator (requirement 4): describe a job, get the Ingestion Units it needs to finish in time, the
 * duration's interval, and a month's cost under each purchase model. Opened with `?jobId=` (from a job's page) it
 * shows that job's estimate, learnt from its runs; opened with the form's fields in the query (from the job
 * template) it starts filled in.
 */
export const EstimatorPage = () => {
  const api = useApi(ingestionApiRef);
  const [values, setValues] = useState<EstimateFormValues>(() =>
    estimateFormFromQuery(window.location.search),
  );
  const [errors, setErrors] = useState<EstimateFormErrors>({});
  const [estimate, setEstimate] = useState<ResourceEstimate>();
  const [jobId] = useState(() =>
    new URLSearchParams(window.location.search).get('jobId'),
  );
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string>();

  useEffect(() => {
    if (!jobId) return;
    setPending(true);
    api
      .getJobEstimate(jobId)
      .then(result => {
        setEstimate(result);
        setValues(estimateFormFromRequest(result.request));
      })
      .catch(error => setFailure(serverMessage(error)))
      .finally(() => setPending(false));
  }, [api, jobId]);

  const change = (patch: Partial<EstimateFormValues>) => {
    setValues(current => ({ ...current, ...patch }));
    setErrors(current => {
      const next = { ...current };
      for (const key of Object.keys(patch)) {
        delete next[key as keyof EstimateFormValues];
      }
      return next;
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = validateEstimateForm(values);
    if (result.errors) {
      setErrors(result.errors);
      return;
    }
    setPending(true);
    setFailure(undefined);
    try {
      setEstimate(await api.estimate(result.request));
    } catch (error) {
      setFailure(serverMessage(error));
    } finally {
      setPending(false);
    }
  };

  const field = (
    name: keyof EstimateFormValues,
    label: string,
    description: string,
    required = false,
  ) => (
    <TextField
      label={label}
      name={name}
      inputMode="decimal"
      description={description}
      value={values[name]}
      onChange={value => change({ [name]: value })}
      validationBehavior="aria"
      validate={() => errors[name] ?? null}
      isRequired={required}
    />
  );

  return (
    <Container>
      <Flex direction="column" gap="4" pb="6">
        <Grid.Root columns={{ initial: '1', lg: '3' }} gap="4">
          <Card>
            <CardHeader>
              <SectionTitle
                title="Describe the job"
                subtitle="Throughput is learnt from finished runs of jobs with the same source, target and format."
              />
            </CardHeader>
            <CardBody>
              <form
                onSubmit={submit}
                noValidate
                aria-label="Estimate resources"
              >
                <Flex direction="column" gap="3">
                  <Select
                    label="Source"
                    name="sourceType"
                    options={SOURCE_OPTIONS}
                    value={values.sourceType}
                    onChange={key => change({ sourceType: key as SourceType })}
                  />
                  {values.sourceType === 's3' && (
                    <Select
                      label="File format"
                      name="format"
                      options={FORMAT_OPTIONS}
                      value={values.format}
                      onChange={key => change({ format: key as FileFormat })}
                    />
                  )}
                  <Select
                    label="Target"
                    name="targetType"
                    options={TARGET_OPTIONS}
                    value={values.targetType}
                    onChange={key => change({ targetType: key as TargetType })}
                  />
                  {field(
                    'dataVolumeGiB',
                    'Data volume (GiB)',
                    'What one run reads, e.g. 20.',
                    true,
                  )}
                  {field(
                    'desiredCompletionMinutes',
                    'Desired completion time (minutes)',
                    'The SLA: a run must finish within it.',
                    true,
                  )}
                  {field(
                    'partitions',
                    'Parallel reads (optional)',
                    'The source’s partitions; more cores than this only wait.',
                  )}
                  {field(
                    'everyMinutes',
                    'Runs every … minutes (optional)',
                    'Sets the runs a month the vCPU-hour cost is for; one a day if empty.',
                  )}
                  <Flex align="center" gap="3">
                    <Button
                      type="submit"
                      variant="primary"
                      isDisabled={pending}
                    >
                      Estimate
                    </Button>
                    {pending && (
                      <Text variant="body-small" color="secondary">
                        Estimating…
                      </Text>
                    )}
                  </Flex>
                  {failure && (
                    <Alert
                      status="danger"
                      icon
                      role="alert"
                      title="No estimate"
                      description={failure}
                    />
                  )}
                </Flex>
              </form>
            </CardBody>
          </Card>
          <Grid.Item colSpan={{ initial: '1', lg: '2' }}>
            {estimate && <EstimateSummary estimate={estimate} />}
            {estimate && !jobId && (
              <Flex justify="end" pt="2">
                <ButtonLink
                  href={newJobLinkFromEstimate(estimate)}
                  variant="secondary"
                >
                  Create a job of this size
                </ButtonLink>
              </Flex>
            )}
            {!estimate && pending && <Progress />}
            {!estimate && !pending && (
              <Card>
                <CardBody>
                  <Text color="secondary">
                    Fill in the job and press Estimate: the recommended
                    Ingestion Units, the expected duration with its interval,
                    and a month’s cost as dedicated units and as vCPU-hours
                    appear here.
                  </Text>
                </CardBody>
              </Card>
            )}
          </Grid.Item>
        </Grid.Root>
      </Flex>
    </Container>
  );
};
