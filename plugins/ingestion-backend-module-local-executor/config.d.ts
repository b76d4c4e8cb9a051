export interface Config {
  ingestion?: {
    executors?: {
      /**
       * The local Spark executor: each run is a `spark-submit --master local[N]` of the ingestion application on
       * the backend's own machine. Relative paths are resolved against the repository root (the folder holding
       * `.yarn/releases`), or the backend's working directory when there is none.
       */
      local?: {
        /** Folder holding one sub-folder per run (job.json, result.json, event log, logs). Default `.run/local-executor`. */
        workDir?: string;
        /** The spark-submit to run. Default `.tools/spark/venv/bin/spark-submit` (made by test-infra/spark/setup.sh). */
        sparkSubmit?: string;
        /** Python interpreter of the Spark driver (PYSPARK_PYTHON). Default `python` beside `sparkSubmit`. */
        python?: string;
        /** Folder of the JDBC drivers and S3 jars; each run gets only those its source and target need. Default `.tools/spark/jars`. */
        jarsDir?: string;
        /** The application's entry point. Default `ingestion-app/src/ingestion_app/main.py`. */
        applicationFile?: string;
        /** Most task threads (N of local[N]) one run may use. Default: the number of CPUs of the machine. */
        maxCores?: number;
        /** How long a cancelled run gets to stop after SIGTERM before its processes are killed. Default 2000. */
        cancelGraceMs?: number;
        /** Finished runs' folders older than this are deleted (and no longer listed). Default 168 (a week). */
        keepFinishedRunsHours?: number;
        /**
         * What happens to running Spark processes when the backend stops: `keep` them (they finish on their own
         * and the next backend adopts them) or `cancel` them. Default `keep`.
         */
        onShutdown?: 'keep' | 'cancel';
        /**
         * Each tenant's credentials, as its jobs reference them in `credentialsSecret`: a job reaches only the
         * entries of its own tenant. Values usually come from the environment, e.g. `password: ${ORDERS_DB_PASSWORD}`.
         */
        secrets?: Array<{
          /** The owning tenant's group entity ref, e.g. group:default/team-orion. */
          tenant: string;
          /** The name jobs write in credentialsSecret. */
          name: string;
          /** JDBC user. */
          user?: string;
          /**
           * JDBC password.
           * @visibility secret
           */
          password?: string;
          /** S3 access key id. */
          accessKey?: string;
          /**
           * S3 secret access key.
           * @visibility secret
           */
          secretKey?: string;
        }>;
      };
    };
  };
}
