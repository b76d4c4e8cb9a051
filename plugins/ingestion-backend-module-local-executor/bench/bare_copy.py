"""The bare copy the product is measured against: read a PostgreSQL table over JDBC in N partitions and write
it as Parquet, nothing else (no validation, staging, row counts, event log or result file)."""
import sys

from pyspark.sql import SparkSession

url, table, column, lower, upper, partitions, out = sys.argv[1:8]
spark = SparkSession.builder.getOrCreate()
(spark.read.format("jdbc").option("url", url).option("dbtable", table).option("user", "postgres")
 .option("driver", "org.postgresql.Driver").option("fetchsize", "10000")
 .option("partitionColumn", column).option("lowerBound", lower).option("upperBound", upper)
 .option("numPartitions", partitions).load().write.parquet(out))
spark.stop()
