# shellcheck shell=bash
# A library, sourced (not run) by scripts/backup, scripts/restore and scripts/run-prod: the database connection, from
# the options given or from the environment variables the service itself reads (QUARKUS_DATASOURCE_JDBC_URL,
# QUARKUS_DATASOURCE_USERNAME, QUARKUS_DATASOURCE_PASSWORD, EVIDENCE_DATA_DIR), with the service's defaults (H2 under
# ./data, user evidence).

data_dir="${EVIDENCE_DATA_DIR:-./data}"
jdbc_url="${QUARKUS_DATASOURCE_JDBC_URL:-}"
db_user="${QUARKUS_DATASOURCE_USERNAME:-}"
db_password="${QUARKUS_DATASOURCE_PASSWORD:-}"

die() { echo "$(basename "$0"): $*" >&2; exit 1; }

# After the options are read: which database, and where.
resolve_database() {
  if [ -z "$jdbc_url" ]; then
    jdbc_url="jdbc:h2:file:${data_dir}/evidence"
  fi
  case "$jdbc_url" in
    jdbc:h2:file:*|jdbc:h2:./*|jdbc:h2:/*|jdbc:h2:~/*)
      kind=h2
      h2_file="${jdbc_url#jdbc:h2:}"; h2_file="${h2_file#file:}"; h2_file="${h2_file%%;*}"
      # H2 refuses a path relative to the working directory unless it starts with ./
      case "$h2_file" in /*|~/*) ;; *) h2_file="$(pwd)/${h2_file#./}" ;; esac
      db_user="${db_user:-evidence}"
      ;;
    jdbc:h2:*) die "$jdbc_url is not a database in a file: an in-memory database has nothing to back up or restore" ;;
    jdbc:postgresql:*)
      kind=postgresql
      local rest="${jdbc_url#jdbc:postgresql:}" query=""
      case "$rest" in *\?*) query="${rest#*\?}"; rest="${rest%%\?*}" ;; esac
      case "$rest" in
        //*) rest="${rest#//}"; local hostport="${rest%%/*}"; pg_db="${rest#*/}"
             [ "$pg_db" != "$rest" ] || pg_db=""
             pg_host="${hostport%%:*}"; pg_port="${hostport#*:}"; [ "$pg_port" != "$hostport" ] || pg_port=5432
             [ -n "$pg_host" ] || pg_host=localhost ;;
        *) pg_host=localhost; pg_port=5432; pg_db="$rest" ;;
      esac
      # The driver also takes the user and password as URL parameters.
      local parameter
      IFS='&' read -r -a parameters <<<"$query"
      for parameter in "${parameters[@]}"; do
        case "$parameter" in
          user=*) db_user="${db_user:-${parameter#user=}}" ;;
          password=*) db_password="${db_password:-${parameter#password=}}" ;;
        esac
      done
      [ -n "$pg_db" ] || die "no database name in $jdbc_url"
      db_user="${db_user:-postgres}"
      ;;
    *) die "unsupported JDBC URL $jdbc_url: the service runs on H2 (jdbc:h2:file:...) or PostgreSQL (jdbc:postgresql://...)" ;;
  esac
}

# H2's own tools, from the packaged service: the same H2 version as the service's (built if missing, as scripts/run does).
h2_jar() {
  local root jar; root="$(cd "$(dirname "$0")/.." && pwd)"
  command -v java >/dev/null || die "java not found: H2's tools need a JDK 17 or newer"
  jar="$(ls "$root"/target/quarkus-app/lib/main/com.h2database.h2-*.jar 2>/dev/null | head -1 || true)"
  if [ -z "$jar" ]; then
    echo "Building the service for H2's tools..." >&2
    (cd "$root" && ./mvnw -B -q package -DskipTests) >&2
    jar="$(ls "$root"/target/quarkus-app/lib/main/com.h2database.h2-*.jar 2>/dev/null | head -1 || true)"
  fi
  [ -n "$jar" ] || die "H2's jar not found under target/quarkus-app/lib/main"
  echo "$jar"
}

# PostgreSQL's client tools, or a clear message.
need_postgresql_tool() {
  command -v "$1" >/dev/null || die "$1 not found: install PostgreSQL's client tools (Debian: apt-get install postgresql-client) in the version of the server or newer"
}

postgresql_environment() {
  export PGHOST="$pg_host" PGPORT="$pg_port" PGUSER="$db_user"
  if [ -n "$db_password" ]; then export PGPASSWORD="$db_password"; fi
}
