# shellcheck shell=bash
# How the packaged service's JVM is chosen and started. A library, sourced (not run) by scripts/run, scripts/run-prod
# and scripts/measure-startup (the Dockerfile does the same in its JAVA_OPTS). The figures behind each choice: the
# docs/operations/startup-and-memory.md.

# The build option that makes the class data archive for Java 17 (AppCDS): the build starts the application without
# serving, and the JVM writes the classes it loaded to <application>/app-cds.jsa, to be mapped at the next starts
# instead of being read, parsed and checked again.
APPCDS_BUILD_OPTION=-Dquarkus.package.jar.appcds.enabled=true

# java_major JAVA: the feature version (17, 25, ...) of the java command JAVA, read from its installation's release
# file when it has one (no JVM started), else asked of the JVM.
java_major() {
  local home
  home="$(dirname "$(dirname "$(readlink -f "$(command -v "$1")")")")"
  if [ -f "$home/release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release"
  else
    "$1" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ { print $2 }'
  fi
}

# java_identity JAVA: which JVM build JAVA is, its resolved path and runtime version: an AOT cache fits that one only.
java_identity() {
  local java
  java="$(readlink -f "$(command -v "$1")")"
  echo "$java $(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$(dirname "$(dirname "$java")")/release" 2>/dev/null)"
}

# pick_service_java: the java command of the service. $JAVA_HOME/bin/java when JAVA_HOME is set, whatever its version;
# else, when the java on the PATH is older than 25 and a JDK 25 or newer is installed in /usr/lib/jvm, the newest of
# those, since from Java 25 the JVM keeps a trained AOT cache (classes loaded and linked, and method profiles) that
# halves the start; else the java on the PATH. The service is compiled for Java 17 and runs on either.
pick_service_java() {
  local chosen=java jdk major
  if [ -n "${JAVA_HOME:-}" ]; then
    echo "$JAVA_HOME/bin/java"
    return
  fi
  if [ "$(java_major java)" -lt 25 ]; then
    for jdk in /usr/lib/jvm/*/; do
      [ -x "$jdk/bin/java" ] && [ -f "$jdk/release" ] || continue
      major="$(java_major "$jdk/bin/java")"
      if [ "${major:-0}" -ge 25 ] && { [ "$chosen" = java ] || [ "$major" -gt "$(java_major "$chosen")" ]; }; then
        chosen="${jdk%/}/bin/java"
      fi
    done
  fi
  echo "$chosen"
}

if ! command -v java >/dev/null && [ -z "${JAVA_HOME:-}" ]; then
  echo "No java found: install a JDK 17 or newer, or set JAVA_HOME to one." >&2
  exit 1
fi
SERVICE_JAVA="$(pick_service_java)"
if ! SERVICE_JAVA_MAJOR="$(java_major "$SERVICE_JAVA" 2>/dev/null)" || [ -z "$SERVICE_JAVA_MAJOR" ]; then
  echo "Cannot run $SERVICE_JAVA: set JAVA_HOME to a JDK 17 or newer." >&2
  exit 1
fi

# made_for_this_build APP_DIR FILE JVM_FILE: whether APP_DIR/FILE is there, at least as new as the launcher, and
# APP_DIR/JVM_FILE names this JVM (java_identity).
made_for_this_build() {
  [ -f "$1/$2" ] && [ ! "$1/quarkus-run.jar" -nt "$1/$2" ] \
    && [ "$(cat "$1/$3" 2>/dev/null)" = "$(java_identity "$SERVICE_JAVA")" ]
}

# aot_cache_fits APP_DIR: whether APP_DIR/app.aot was trained for this build by this JVM (after an update of the JDK,
# the JVM would refuse the old cache at every start).
aot_cache_fits() {
  made_for_this_build "$1" app.aot app.aot.jvm
}

# service_java_options APP_DIR: the JVM options for the service in APP_DIR, which must be started from APP_DIR (an
# archive names its jars relative to it). JAVA_OPTS, when set (even empty), replaces them all.
service_java_options() {
  if [ -n "${JAVA_OPTS+set}" ]; then
    echo "$JAVA_OPTS"
    return
  fi
  # The serial collector with a heap that starts small and stays near what is live: the JVM's own choice on this
  # 2-core, 24 GiB machine (G1, its first heap 1/64 of the memory: 384 MiB) held 330-390 MB resident after 200
  # requests, this 265-300 MB. G1's own structures alone took 44 MB. Set JAVA_OPTS with -XX:+UseG1GC for large
  # heaps (a large corpus), where its shorter pauses matter more than its footprint.
  local options="-XX:+UseSerialGC -Xms48m -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40"
  # Lucene maps the index with the foreign memory API, which Java 22 and newer warn about unless it is allowed.
  if [ "$SERVICE_JAVA_MAJOR" -ge 22 ]; then
    options="$options --enable-native-access=ALL-UNNAMED"
  fi
  # Only an archive made for this launcher and by this Java: the JVM ignores any other, with a warning.
  if [ "$SERVICE_JAVA_MAJOR" -ge 25 ]; then
    # The AOT cache's own warnings (Java 25.0.3 warns about adapters it could not cache, which then are made as
    # usual) would be plain-text lines among the JSON log lines; its errors (a cache it cannot use) are kept.
    options="$options -Xlog:aot*=error"
    if aot_cache_fits "$1"; then
      options="$options -XX:AOTCache=app.aot"
    fi
  elif [ -f "$1/app-cds.jsa" ] && [ ! "$1/quarkus-run.jar" -nt "$1/app-cds.jsa" ]; then
    options="$options -XX:SharedArchiveFile=app-cds.jsa"
  fi
  echo "$options"
}

# typical_get_paths SLUG...: the paths of the GETs a website and a curator's tools make most, for the given case
# studies: what the AOT cache is trained with, and what scripts/measure-startup measures memory after.
typical_get_paths() {
  local slug
  for slug in "$@"; do
    printf '%s\n' \
      "/api/v1/case-studies" "/api/v1/case-studies?limit=100" "/api/v1/case-studies?q=refugee+women+football" \
      "/api/v1/case-studies?q=%22school+linking%22&facets=approach,country,theme,evidence" \
      "/api/v1/case-studies?country=GB&theme=education&limit=5" "/api/v1/case-studies?q=Torino" \
      "/api/v1/case-studies/$slug" "/api/v1/case-studies/$slug" "/api/v1/case-studies/$slug/related" \
      "/api/v1/case-studies/$slug?fields=title,summary" "/api/v1/suggest?prefix=bra" "/api/v1/suggest?prefix=lan" \
      "/api/v1/approaches" "/api/v1/approaches/school-linking" "/api/v1/evidence-levels" "/api/v1/changes" \
      "/api/v1/feeds/case-studies.atom" "/api/v1/case-studies/export?format=csv" "/problems" "/q/health/ready"
  done
}

# typical_gets_curl_config BASE SLUG...: the typical GETs as a curl config (curl -K) against BASE, answers discarded.
typical_gets_curl_config() {
  local base="$1"
  shift
  typical_get_paths "$@" | sed "s|^|url = \"$base|; s|\$|\"\noutput = \"/dev/null\"|"
}

# make_aot_cache APP_DIR [DATA_DIR]: on Java 25 and newer, unless APP_DIR/app.aot fits already (aot_cache_fits) or
# JAVA_OPTS replaces the options that would use it, a training run writes it: the service starts on a free port,
# answers the typical GETs three times, and is stopped; the JVM then writes the classes it loaded and linked and the
# methods' profiles. Without DATA_DIR the run has a new H2 data directory of its own (the H2 build); with it, the run is
# one more start of the service on DATA_DIR and the database the environment names (a PostgreSQL build: its database
# is needed, and a first admin key it writes must stay in DATA_DIR). Never fails the caller: without the cache the
# service starts as before, only slower; a failed training is not tried again until the next build or another JVM.
make_aot_cache() {
  local app="$1" data="${2:-}" work log port="" listed="" slugs=() waited=0 pid trained=false
  [ "$SERVICE_JAVA_MAJOR" -ge 25 ] && [ -z "${JAVA_OPTS+set}" ] || return 0
  if aot_cache_fits "$app"; then return 0; fi
  if made_for_this_build "$app" app.aot.failed app.aot.failed; then return 0; fi
  echo "Training the JVM's AOT cache for a faster start (Java $SERVICE_JAVA_MAJOR, once per build, about 20 s)..." >&2
  work="$(mktemp -d)"
  log="$work/training.log"
  rm -f "$app/app.aot" "$app/app.aot.jvm" "$app/app.aot.failed"
  if [ -n "$data" ]; then
    (cd "$app" && EVIDENCE_DATA_DIR="$data" QUARKUS_HTTP_PORT=0 exec "$SERVICE_JAVA" $(service_java_options .) \
        -XX:AOTCacheOutput="$work/app.aot" -jar quarkus-run.jar) >"$log" 2>&1 &
  else
    (cd "$app" && unset QUARKUS_DATASOURCE_JDBC_URL && EVIDENCE_DATA_DIR="$work/data" QUARKUS_HTTP_PORT=0 \
        exec "$SERVICE_JAVA" $(service_java_options .) -XX:AOTCacheOutput="$work/app.aot" -jar quarkus-run.jar) \
        >"$log" 2>&1 &
  fi
  pid=$!
  # Interrupted (Ctrl-C, or the caller stopped), the training service is stopped too: a background job ignores SIGINT.
  trap 'kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"; exit 130' INT TERM HUP
  # Quarkus says the port it was given: "Listening on: http://0.0.0.0:PORT" (inside a JSON message in production).
  while [ -z "$port" ] && [ "$waited" -lt 1200 ] && kill -0 "$pid" 2>/dev/null; do
    port="$(grep -o 'Listening on: http://[^:]*:[0-9]*' "$log" 2>/dev/null | head -1 | grep -o '[0-9]*$' || true)"
    sleep 0.1; waited=$((waited + 1))
  done
  # Up to three case studies, once the list answers: the typical GETs three times stay within the rate limit of one
  # address (300 a minute). With none published, a slug that does not exist: its 404 is trained instead.
  while [ -n "$port" ] && [ -z "$listed" ] && [ "$waited" -lt 1200 ] && kill -0 "$pid" 2>/dev/null; do
    listed="$(curl -fsS --max-time 10 "http://127.0.0.1:$port/api/v1/case-studies?limit=3&fields=slug" 2>/dev/null)" \
      || { listed=""; sleep 0.2; waited=$((waited + 2)); }
  done
  if [ -n "$listed" ]; then
    mapfile -t slugs < <(grep -o '"slug":"[^"]*"' <<<"$listed" | cut -d'"' -f4)
    [ "${#slugs[@]}" -gt 0 ] || slugs=(no-such-case-study)
    for _ in 1 2 3; do
      typical_gets_curl_config "http://127.0.0.1:$port" "${slugs[@]}" | curl -s --max-time 30 -K - >/dev/null || true
    done
    trained=true
  fi
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  trap - INT TERM HUP
  # A first start on DATA_DIR may have made the first admin key: say so where the operator looks (from a JSON log
  # line, or a text one).
  if [ -n "$data" ]; then
    { sed -n 's/.*"message":"\(No admin key existed\([^"\\]\|\\.\)*\)".*/\1/p' "$log" | sed 's/\\"/"/g'
      grep -v '^{' "$log" | grep -o 'No admin key existed.*'; } >&2 || true
  fi
  if [ "$trained" = true ] && [ -s "$work/app.aot" ]; then
    mv "$work/app.aot" "$app/app.aot"
    java_identity "$SERVICE_JAVA" >"$app/app.aot.jvm"
    rm -rf "$work"
  else
    java_identity "$SERVICE_JAVA" >"$app/app.aot.failed"
    echo "The AOT cache could not be trained (log: $log); the service starts without it, and the training is tried" \
      "again after the next build (or delete $app/app.aot.failed)." >&2
  fi
}

# absolute_path PATH: PATH made absolute against the current directory, since the service starts from another one.
absolute_path() {
  case "$1" in
    /*) echo "$1" ;;
    *) echo "$(pwd)/${1#./}" ;;
  esac
}
