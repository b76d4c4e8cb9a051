import { sparkSubmitArguments } from './sparkSubmitArguments';

describe('sparkSubmitArguments', () => {
  it('builds the command line of the application contract with the event log in the run folder', () => {
    expect(
      sparkSubmitArguments({
        cores: 2,
        driverMemoryMiB: 1024,
        jars: ['/jars/postgresql-42.7.14.jar', '/jars/checker-qual-3.55.1.jar'],
        applicationFile: '/repo/ingestion-app/src/ingestion_app/main.py',
        jobFile: '/srv/ingestion/runs/r 1/job.json',
        resultFile: '/srv/ingestion/runs/r 1/result.json',
        eventLogDir: '/srv/ingestion/runs/r 1/events',
        localDir: '/srv/ingestion/runs/r 1/spark-local',
      }),
    ).toEqual([
      '--master',
      'local[2]',
      '--driver-memory',
      '1024m',
      '--jars',
      '/jars/postgresql-42.7.14.jar,/jars/checker-qual-3.55.1.jar',
      '--conf',
      'spark.eventLog.enabled=true',
      '--conf',
      'spark.eventLog.dir=file:///srv/ingestion/runs/r%201/events',
      '--conf',
      'spark.eventLog.rolling.enabled=false',
      '--conf',
      'spark.eventLog.compress=false',
      '--conf',
      'spark.local.dir=/srv/ingestion/runs/r 1/spark-local',
      '/repo/ingestion-app/src/ingestion_app/main.py',
      '--config',
      '/srv/ingestion/runs/r 1/job.json',
      '--result',
      '/srv/ingestion/runs/r 1/result.json',
    ]);
  });

  it('leaves --jars out when the run needs none', () => {
    const args = sparkSubmitArguments({
      cores: 1,
      driverMemoryMiB: 512,
      jars: [],
      applicationFile: 'main.py',
      jobFile: '/j',
      resultFile: '/r',
      eventLogDir: '/e',
      localDir: '/l',
    });
    expect(args).not.toContain('--jars');
  });
});
