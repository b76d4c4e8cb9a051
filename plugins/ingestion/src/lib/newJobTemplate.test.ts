import { resourceEstimate } from '../testing/estimateFixture';
import {
  NEW_JOB_TEMPLATE_PATH,
  newJobLinkFromEstimate,
} from './newJobTemplate';

const formDataOf = (link: string) => {
  const [path, query] = link.split('?');
  expect(path).toBe(NEW_JOB_TEMPLATE_PATH);
  return JSON.parse(new URLSearchParams(query).get('formData')!);
};

describe('newJobLinkFromEstimate', () => {
  it('fills the template’s fields with the estimate’s request and recommended size', () => {
    const estimate = resourceEstimate({
      request: {
        sourceType: 'mysql',
        targetType: 'hdfs',
        dataVolumeGiB: 40,
        desiredCompletionMinutes: 30,
        schedule: {
          type: 'cron',
          expression: '0 3 * * *',
          timezone: 'Europe/Berlin',
        },
      },
    });
    expect(formDataOf(newJobLinkFromEstimate(estimate))).toEqual({
      source: { type: 'mysql' },
      target: { type: 'hdfs' },
      schedule: {
        type: 'cron',
        expression: '0 3 * * *',
        timezone: 'Europe/Berlin',
      },
      estimates: {
        dataVolumeGiB: 40,
        expectedDurationMinutes: 20,
        slaMinutes: 30,
      },
      resources: estimate.recommendation.resources,
    });
  });

  it('keeps the expected duration within the SLA the template requires, and intervals without a start', () => {
    const estimate = resourceEstimate({
      request: {
        sourceType: 's3',
        targetType: 's3',
        dataVolumeGiB: 500,
        desiredCompletionMinutes: 10,
        schedule: {
          type: 'interval',
          everyMinutes: 60,
          startAt: '2026-12-04T00:00:00Z',
        },
      },
      duration: {
        expectedMinutes: 42.3,
        lowMinutes: 30,
        highMinutes: 60,
        confidence: 0.9,
      },
    });
    const formData = formDataOf(newJobLinkFromEstimate(estimate));
    expect(formData.estimates).toEqual({
      dataVolumeGiB: 500,
      expectedDurationMinutes: 10,
      slaMinutes: 10,
    });
    expect(formData.schedule).toEqual({ type: 'interval', everyMinutes: 60 });
  });
});
