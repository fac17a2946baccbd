#!/usr/bin/env bash
# spark-submit without a Spark download: Spark's own launcher class (org.apache.spark.deploy.SparkSubmit, what
# bin/spark-submit runs) on the jars of spark-sql from Maven Central, with the JVM options Spark 4 needs on
# Java 17. Arguments are spark-submit's, e.g.
#   bench/spark-local.sh --master 'local[2]' --class org.nmaudit.spark.SparkAudit \
#       spark/target/nmaudit-spark.jar data/sample --out reports/spark-sample
# Builds spark/target/nmaudit-spark.jar when it is missing. SPARK_LOCAL_JAVA_OPTS sets the JVM's options
# (default -Xmx4g); in local mode this one JVM is the driver and the executor.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$home/spark/target/nmaudit-spark.jar"
if [ ! -f "$jar" ]; then
  echo "spark-local: building $jar..." >&2
  mvn -B -q -f "$home/pom.xml" -pl spark -am -DskipTests package >&2
fi
version="$(sed -n 's:.*<spark.version>\(.*\)</spark.version>.*:\1:p' "$home/spark/pom.xml" | head -1)"
cp_file="$home/spark/target/spark-runtime-$version.classpath"
if [ ! -f "$cp_file" ]; then
  echo "spark-local: resolving Spark $version from Maven Central..." >&2
  mvn -B -q -f "$home/bench/spark-runtime/pom.xml" -Dspark.version="$version" dependency:build-classpath \
    -Dmdep.outputFile="$cp_file" >&2
fi
# The driver (and its web UI) listen on loopback unless SPARK_LOCAL_IP says otherwise.
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
opens="$(sed -n 's:.*<spark.jvm.opens>\(.*\)</spark.jvm.opens>.*:\1:p' "$home/spark/pom.xml" | head -1)"
# shellcheck disable=SC2086
exec java ${SPARK_LOCAL_JAVA_OPTS:--Xmx4g} $opens -cp "$(cat "$cp_file")" org.apache.spark.deploy.SparkSubmit "$@"
