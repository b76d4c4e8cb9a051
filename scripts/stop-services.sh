#!/usr/bin/env bash
# Stops every loopback service the tests and the quick start use, whoever started it from this checkout:
# the Kubernetes test control plane, HDFS, the S3 server, MariaDB and PostgreSQL.
set -uo pipefail
cd "$(dirname "$0")/.."
test-infra/kubernetes/cluster.sh stop
for service in hdfs moto mariadb postgres; do
  "test-infra/services/$service.sh" stop
done
