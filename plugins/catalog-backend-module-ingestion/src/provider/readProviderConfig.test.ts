import { ConfigReader } from '@backstage/config';
import { readProviderConfig } from './readProviderConfig';

describe('readProviderConfig', () => {
  it('defaults to a global five-minute refresh, first after 15 seconds, and the standard namespaces', () => {
    expect(readProviderConfig(new ConfigReader({}))).toEqual({
      schedule: {
        frequency: { minutes: 5 },
        timeout: { minutes: 3 },
        initialDelay: { seconds: 15 },
        scope: 'global',
      },
      pageSize: 200,
      namespaces: {
        dedicated: 'ingestion-dedicated',
        'vcore-hours': 'ingestion-vcore-hours',
        draft: 'ingestion-draft',
      },
    });
  });

  it('reads the schedule, the page size and the ingestion namespace names', () => {
    const config = readProviderConfig(
      new ConfigReader({
        catalog: {
          providers: {
            ingestionJobs: {
              schedule: { frequency: { minutes: 1 }, timeout: { seconds: 50 } },
              pageSize: 25,
            },
          },
        },
        ingestion: { namespaces: { draft: { name: 'spark-draft' } } },
      }),
    );

    expect(config.schedule).toMatchObject({
      frequency: { minutes: 1 },
      timeout: { seconds: 50 },
    });
    expect(config.pageSize).toBe(25);
    expect(config.namespaces).toEqual({
      dedicated: 'ingestion-dedicated',
      'vcore-hours': 'ingestion-vcore-hours',
      draft: 'spark-draft',
    });
  });

  it('refuses a page size the API would refuse', () => {
    expect(() =>
      readProviderConfig(
        new ConfigReader({
          catalog: { providers: { ingestionJobs: { pageSize: 1000 } } },
        }),
      ),
    ).toThrow(/pageSize must be a whole number from 1 to 500/);
  });
});
