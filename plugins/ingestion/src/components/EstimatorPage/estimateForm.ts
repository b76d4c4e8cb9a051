import {
  EstimateRequest,
  FileFormat,
  SourceType,
  TargetType,
} from '@internal/backstage-plugin-ingestion-common';

/** The estimator form as typed: numbers are still text. */
export interface EstimateFormValues {
  sourceType: SourceType;
  targetType: TargetType;
  format: FileFormat;
  dataVolumeGiB: string;
  desiredCompletionMinutes: string;
  partitions: string;
  everyMinutes: string;
}

export type EstimateFormErrors = Partial<
  Record<keyof EstimateFormValues, string>
>;

export const EMPTY_ESTIMATE_FORM: EstimateFormValues = {
  sourceType: 'postgres',
  targetType: 's3',
  format: 'parquet',
  dataVolumeGiB: '',
  desiredCompletionMinutes: '',
  partitions: '',
  everyMinutes: '',
};

const SOURCE_TYPES: SourceType[] = ['postgres', 'mysql', 's3'];
const TARGET_TYPES: TargetType[] = ['s3', 'hdfs', 'local'];
const FORMATS: FileFormat[] = ['csv', 'json', 'parquet'];

/** The form filled from a link's query (`?sourceType=s3&dataVolumeGiB=20…`), ignoring what it does not know. */
export function estimateFormFromQuery(search: string): EstimateFormValues {
  const query = new URLSearchParams(search);
  const pick = <T extends string>(key: string, allowed: T[], fallback: T) => {
    const value = query.get(key) as T | null;
    return value && allowed.includes(value) ? value : fallback;
  };
  return {
    sourceType: pick('sourceType', SOURCE_TYPES, 'postgres'),
    targetType: pick('targetType', TARGET_TYPES, 's3'),
    format: pick('format', FORMATS, 'parquet'),
    dataVolumeGiB: query.get('dataVolumeGiB') ?? '',
    desiredCompletionMinutes: query.get('desiredCompletionMinutes') ?? '',
    partitions: query.get('partitions') ?? '',
    everyMinutes: query.get('everyMinutes') ?? '',
  };
}

/** Checks the form here first (one message per bad field); the server checks again. */
export function validateEstimateForm(
  values: EstimateFormValues,
):
  | { request: EstimateRequest; errors?: undefined }
  | { errors: EstimateFormErrors } {
  const errors: EstimateFormErrors = {};
  const positive = (field: keyof EstimateFormValues) => {
    const value = Number(values[field]);
    if (
      values[field].trim() === '' ||
      !(value > 0) ||
      !Number.isFinite(value)
    ) {
      errors[field] = 'Enter a positive number';
    }
    return value;
  };
  const optionalWhole = (field: keyof EstimateFormValues, min: number) => {
    if (values[field].trim() === '') return undefined;
    const value = Number(values[field]);
    if (!Number.isInteger(value) || value < min) {
      errors[field] = `Enter a whole number, at least ${min}, or leave empty`;
    }
    return value;
  };
  const dataVolumeGiB = positive('dataVolumeGiB');
  const desiredCompletionMinutes = positive('desiredCompletionMinutes');
  const partitions = optionalWhole('partitions', 1);
  const everyMinutes = optionalWhole('everyMinutes', 5);
  if (Object.keys(errors).length > 0) return { errors };
  return {
    request: {
      sourceType: values.sourceType,
      targetType: values.targetType,
      ...(values.sourceType === 's3' && { format: values.format }),
      dataVolumeGiB,
      desiredCompletionMinutes,
      ...(partitions !== undefined && { partitions }),
      ...(everyMinutes !== undefined && {
        schedule: { type: 'interval' as const, everyMinutes },
      }),
    },
  };
}

/** The form showing what an estimate was computed for (a job's estimate fills the form it came from). */
export function estimateFormFromRequest(
  request: EstimateRequest,
): EstimateFormValues {
  return {
    sourceType: request.sourceType,
    targetType: request.targetType,
    format: request.format ?? 'parquet',
    dataVolumeGiB: String(request.dataVolumeGiB),
    desiredCompletionMinutes: String(request.desiredCompletionMinutes),
    partitions: request.partitions ? String(request.partitions) : '',
    everyMinutes:
      request.schedule?.type === 'interval'
        ? String(request.schedule.everyMinutes)
        : '',
  };
}
