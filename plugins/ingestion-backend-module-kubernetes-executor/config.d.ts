export interface Config {
  ingestion?: {
    executors?: {
      /**
       * The Kubernetes executor (`ingestion.executor: kubernetes`): each run is a spark-operator SparkApplication
       * (sparkoperator.k8s.io/v1beta2) in the namespace of its tier, `ingestion.namespaces.<tier>.name`
       * (defaults ingestion-dedicated, ingestion-vcore-hours, ingestion-draft).
       */
      kubernetes?: {
        /**
         * A kubeconfig file. Without it: $KUBECONFIG or ~/.kube/config when present, otherwise the pod's
         * in-cluster service account.
         */
        kubeconfigPath?: string;
        /** Context of that kubeconfig; its current context when absent. */
        context?: string;
        /** The job image: a Spark image with the ingestion application and its JDBC/S3 jars (docs/kubernetes.md). */
        image: string;
        /** Image pull policy of the driver and executors. Default: Kubernetes' default for the tag. */
        imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
        /** Spark version of the image, for spark-operator. Default 4.1.4. */
        sparkVersion?: string;
        /** The driver's entry point in the image (image/kubernetes_main.py). Default local:///opt/ingestion-app/kubernetes_main.py. */
        mainApplicationFile?: string;
        /** Service account of the drivers; created in each namespace with the Role Spark needs. Default ingestion-spark. */
        serviceAccount?: string;
        /** Seconds a finished SparkApplication (and its pods) is kept before spark-operator deletes it. Default 86400. */
        ttlSeconds?: number;
        /** Spark properties added to every run, e.g. spark.eventLog.enabled. */
        sparkConf?: { [property: string]: string };
        /**
         * How a job's `credentialsSecret` names a Kubernetes Secret in the run's namespace:
         * `tenant-scoped` (default, `<tenant name>-<hash of the tenant ref>.<credentialsSecret>`, so a job can only
         * reach its own tenant's Secrets in a shared namespace) or `as-referenced` (the name as written).
         */
        secretNaming?: 'tenant-scoped' | 'as-referenced';
        /** Seconds between reconciliations of the namespaces besides registry events. Default 300. */
        reconcileIntervalSeconds?: number;
        networkPolicy?: {
          /** Namespace of the cluster DNS, reachable on port 53 from every run. Default kube-system. */
          dnsNamespace?: string;
          /**
           * Where drivers reach the Kubernetes API (to start executors). Default: the `kubernetes` Service's
           * EndpointSlices, else the API server address of the backend's own kubeconfig when it is an IP.
           */
          apiServer?: Array<{ cidr: string; ports?: number[] }>;
          /** Ranges every run may reach besides its own source and target, e.g. HDFS DataNodes. */
          additionalEgress?: Array<{ cidr: string; ports?: number[] }>;
        };
      };
    };
  };
}
