"""The Spark ingestion application: copies one source (PostgreSQL, MySQL/MariaDB, S3) into a data lake target
(S3, HDFS, a local directory) as Parquet, publishing each run atomically. See ingestion-app/README.md."""
