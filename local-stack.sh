#!/usr/bin/env bash
# Runs ClusterBridge on this machine without Docker: Kafka, PostgreSQL, a MongoDB-wire server, the three
# services, the seed data and the dashboard. Builds whatever is missing first. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
needed=(local-stack/target/local-stack.jar
        cluster-service/target/quarkus-app/quarkus-run.jar
        mou-service/target/quarkus-app/quarkus-run.jar
        funding-service/target/quarkus-app/quarkus-run.jar
        dashboard/target/quarkus-app/quarkus-run.jar)
for jar in "${needed[@]}"; do
  if [ ! -f "$jar" ]; then
    echo "Building (first run, or a jar is missing): ./mvnw -B -q -DskipTests install"
    ./mvnw -B -q -DskipTests install
    break
  fi
done
exec java -cp "local-stack/target/local-stack.jar:local-stack/target/lib/*" org.clusterbridge.localstack.LocalStack "$@"
