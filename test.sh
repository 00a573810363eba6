#!/usr/bin/env bash
# Builds the solution once and runs every test project under tests/ against a throwaway PostgreSQL cluster.
# Works on a fresh Debian machine as root (installs PostgreSQL and Chromium when missing).
# The very last line is always "N passed, N failed, N skipped"; the exit code is non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
ARTIFACTS="$ROOT/artifacts"
RESULTS="$ARTIFACTS/test-results"
CONFIGURATION=Release
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

summary() { echo "$1 passed, $2 failed, $3 skipped"; }

find_pg_bin() {
    local dir
    for dir in /usr/local/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
        if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then echo "$dir"; return 0; fi
    done
    return 1
}

# --- machine setup ----------------------------------------------------------------------------------------------
missing=()
find_pg_bin >/dev/null || missing+=(postgresql)
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
if (( ${#missing[@]} > 0 )); then
    echo "Installing ${missing[*]} ..."
    SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null \
        || { echo "apt-get install ${missing[*]} failed"; summary 0 1 0; exit 1; }
fi
PG_BIN=$(find_pg_bin) || { echo "No initdb/pg_ctl found after installing postgresql"; summary 0 1 0; exit 1; }

# --- build once -----------------------------------------------------------------------------------------------------
rm -rf "$RESULTS"; mkdir -p "$RESULTS"
echo "Building Prorata.slnx ($CONFIGURATION) ..."
if ! dotnet build Prorata.slnx -c "$CONFIGURATION" --artifacts-path "$ARTIFACTS" -nologo -clp:ErrorsOnly; then
    echo "Build failed."
    summary 0 1 0
    exit 1
fi

# --- throwaway PostgreSQL -------------------------------------------------------------------------------------------
PG_DIR=$(mktemp -d /tmp/prorata-pg.XXXXXX)
RUN_AS=()
if [[ $(id -u) -eq 0 ]]; then
    # initdb refuses to run as root: the cluster belongs to the postgres account Debian's package creates.
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$PG_DIR"
    RUN_AS=(runuser -u postgres --)
fi
stop_postgres() {
    "${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1
    rm -rf "$PG_DIR"
}
trap stop_postgres EXIT

free_port() {
    local port
    for _ in $(seq 1 50); do
        port=$(( 20000 + RANDOM % 30000 ))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
    done
    return 1
}
PG_PORT=$(free_port)
"${RUN_AS[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust --no-sync >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log"; summary 0 1 0; exit 1; }
"${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null \
    || { cat "$PG_DIR/server.log"; summary 0 1 0; exit 1; }
export PRORATA_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
echo "PostgreSQL on 127.0.0.1:$PG_PORT"

# --- every test project, one after another --------------------------------------------------------------------------
passed=0; failed=0; skipped=0; status=0
for project in tests/*/*.csproj; do
    grep -q "Microsoft.NET.Test.Sdk" "$project" || continue
    name=$(basename "$project" .csproj)
    echo "=== $name"
    dotnet test "$project" --no-build -c "$CONFIGURATION" --artifacts-path "$ARTIFACTS" -nologo \
        --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$RESULTS/$name" \
        || status=1
    trx=$(ls "$RESULTS/$name"/*.trx 2>/dev/null | head -n 1)
    if [[ -z "$trx" ]]; then
        echo "$name produced no results; counted as one failure."
        failed=$(( failed + 1 )); status=1
        continue
    fi
    counters=$(grep -o '<Counters [^>]*>' "$trx")
    count() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
    total=$(count total); executed=$(count executed); p=$(count passed); f=$(count failed)
    errors=$(count error); timeouts=$(count timeout); aborted=$(count aborted)
    passed=$(( passed + p ))
    failed=$(( failed + f + errors + timeouts + aborted ))
    skipped=$(( skipped + total - executed ))
done

(( failed > 0 )) && status=1
summary "$passed" "$failed" "$skipped"
exit "$status"
