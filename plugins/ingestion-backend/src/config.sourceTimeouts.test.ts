import { ConfigReader } from '@backstage/config';
import { readIngestionConfig } from './config';

const read = (sourceTimeouts?: object) =>
  readIngestionConfig(new ConfigReader({ ingestion: { sourceTimeouts } }));

describe('ingestion.sourceTimeouts', () => {
  it('leaves the application’s defaults in force when absent, and passes what is set', () => {
    expect(read().sourceTimeouts).toBeUndefined();
    expect(
      read({ loginSeconds: 5, socketSeconds: 120 }).sourceTimeouts,
    ).toEqual({ loginSeconds: 5, socketSeconds: 120 });
  });

  it('refuses a value that is not a whole number of seconds, naming the key', () => {
    expect(() => read({ socketSeconds: 0 })).toThrow(
      'ingestion.sourceTimeouts.socketSeconds must be a whole number of seconds from 1 to 86400, got 0',
    );
    expect(() => read({ connectSeconds: 2.5 })).toThrow(
      'ingestion.sourceTimeouts.connectSeconds',
    );
  });
});
