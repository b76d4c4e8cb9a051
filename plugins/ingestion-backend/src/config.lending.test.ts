import { ConfigReader } from '@backstage/config';
import { readIngestionConfig } from './config';

const read = (lending?: object) =>
  readIngestionConfig(new ConfigReader({ ingestion: { lending } })).lending;

describe('ingestion.lending', () => {
  it('lends after more than 20% idle for more than 5 minutes unless told otherwise', () => {
    expect(read()).toEqual({
      idleThreshold: 0.2,
      idleWindowMs: 5 * 60_000,
      usageHalfLifeMs: 6 * 3_600_000,
      usageWindowMs: 24 * 3_600_000,
    });
    expect(read({ idleThresholdPercent: 35, idleMinutes: 1 })).toMatchObject({
      idleThreshold: 0.35,
      idleWindowMs: 60_000,
    });
  });

  it('refuses a value out of range, naming the key', () => {
    expect(() => read({ idleThresholdPercent: 100 })).toThrow(
      'ingestion.lending.idleThresholdPercent must be a number from 0 to 99, got 100',
    );
    expect(() => read({ usageWindowHours: 2, usageHalfLifeHours: 3 })).toThrow(
      'ingestion.lending.usageHalfLifeHours',
    );
  });
});
