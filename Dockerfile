# The service for PostgreSQL as a JVM container image: built from the sources on a JDK 17, run on a JRE 17 as a user
# of its own. Not built yet: it was written and checked by reading on a machine without a Docker engine (see the
# docs/operations/docker.md).
#
#   docker build -t integration-evidence .
#   docker run -d --name evidence -p 8080:8080 --stop-timeout 40 \
#     -e QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://db.example.org:5432/evidence \
#     -e QUARKUS_DATASOURCE_USERNAME=evidence -e QUARKUS_DATASOURCE_PASSWORD \
#     -v evidence-data:/var/lib/evidence integration-evidence
#
# Environment (any setting of docs/operations/configuration.md can be set the same way):
#   QUARKUS_DATASOURCE_JDBC_URL        required: jdbc:postgresql://HOST:PORT/DATABASE; the database must exist, the
#                                      service makes its tables at its first start
#   QUARKUS_DATASOURCE_USERNAME        default evidence
#   QUARKUS_DATASOURCE_PASSWORD        pass it from a secret, never in the image
#   QUARKUS_DATASOURCE_JDBC_MAX_SIZE   connections of this instance, default 20; all instances together below the
#                                      server's max_connections
#   EVIDENCE_KEYS_BOOTSTRAP_ADMIN_KEY  optional, the first admin key of a new database (docs/guide/keys-and-roles.md);
#                                      without it the first start writes one to /var/lib/evidence/initial-admin-key
#   EVIDENCE_DATA_DIR                  /var/lib/evidence: this instance's search index (rebuilt from the database
#                                      when missing); a volume, so that a new container does not rebuild it
#   QUARKUS_HTTP_PORT                  8080
#   JAVA_OPTS                          the JVM's options, see below; keep -XX:SharedArchiveFile=app-cds.jsa
# Give the container more than the service's 30 s of graceful shutdown before it is killed: docker run
# --stop-timeout 40, Compose stop_grace_period: 40s, Kubernetes terminationGracePeriodSeconds: 40.

# Exact versions: the same Temurin 17 update on both sides.
FROM eclipse-temurin:17.0.17_10-jdk-noble AS build
WORKDIR /build
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY openapi/ openapi/
COPY src/ src/
# The Maven repository is a BuildKit cache (BuildKit: the default builder since Docker Engine 23), kept from build to
# build and in no layer. AppCDS is enabled so that the application can write its class data archive in the runtime
# stage below (the archive this build writes fits this JDK only, and is not copied).
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q package -DskipTests -Ppostgresql -Dquarkus.package.jar.appcds.enabled=true

FROM eclipse-temurin:17.0.17_10-jre-noble
# A system user and group of their own, with fixed ids for volume permissions; the application's files stay root's
# and read-only to it, the data directory is its own.
RUN groupadd --system --gid 10001 evidence \
 && useradd --system --uid 10001 --gid evidence --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin evidence \
 && mkdir -p /var/lib/evidence \
 && chown evidence:evidence /var/lib/evidence \
 && chmod 700 /var/lib/evidence
WORKDIR /opt/evidence
# Quarkus's aot-jar layout (every jar on the launcher's class path, so that the archive holds every class), in layers
# from the least to the most often changed: the libraries, the launcher, then the application's classes and Quarkus's
# generated code.
COPY --from=build /build/target/postgresql/quarkus-app/lib/ lib/
COPY --from=build /build/target/postgresql/quarkus-app/quarkus-run.jar ./
COPY --from=build /build/target/postgresql/quarkus-app/app/ app/
COPY --from=build /build/target/postgresql/quarkus-app/quarkus/ quarkus/
# The class data archive (AppCDS), written by this JRE, which must be the one that reads it: the application loads
# and initialises its classes without starting (no database needed), and the JVM archives them at exit.
RUN java -XX:ArchiveClassesAtExit=app-cds.jsa -Dquarkus.appcds.generate=true -jar quarkus-run.jar \
 && test -s app-cds.jsa

# The JVM options of scripts/lib/java-options.sh (the serial collector, a heap that starts small and stays near what is
# live, the class data archive; see docs/operations/startup-and-memory.md), and half of a memory limit for the heap:
# the service holds about 170 MB besides it. Replacing JAVA_OPTS replaces them all; keep the archive.
ENV EVIDENCE_DATA_DIR=/var/lib/evidence \
    QUARKUS_HTTP_PORT=8080 \
    QUARKUS_DATASOURCE_USERNAME=evidence \
    JAVA_OPTS="-XX:+UseSerialGC -Xms48m -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40 -XX:MaxRAMPercentage=50 -XX:SharedArchiveFile=app-cds.jsa"
VOLUME /var/lib/evidence
EXPOSE 8080
USER 10001:10001
STOPSIGNAL SIGTERM
# Ready: the database answers and the search index is open. Bash's /dev/tcp needs no curl in the image, and no JVM.
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${QUARKUS_HTTP_PORT:-8080} && printf 'GET /q/health/ready HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && read -r -t 4 _ status _ <&3 && [ \"$status\" = 200 ]"]
# exec: java is the container's main process, and gets the SIGTERM itself.
ENTRYPOINT ["sh", "-c", "[ -n \"${QUARKUS_DATASOURCE_JDBC_URL:-}\" ] || { echo 'Set QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://HOST:PORT/DATABASE (see the Dockerfile)' >&2; exit 64; }; exec java $JAVA_OPTS -jar quarkus-run.jar \"$@\"", "evidence"]
