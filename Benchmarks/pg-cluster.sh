# Sourced by the benchmark scripts: a throwaway PostgreSQL 15 cluster with its defaults (fsync on),
# started as root through runuser, with a database `jiannuo` owned by the caller's role.
# pg_start sets $uri, $pgdir, $pgport, $pgbin; pg_stop removes it all; pg_psql SQL runs as postgres.
pgbin=/usr/lib/postgresql/15/bin
pg_start() {
    pgdir=$(mktemp -d /tmp/jn-pgm-XXXX); pgport=$((20000 + RANDOM % 9999))
    mkdir -p "$pgdir/s"; chown -R postgres:postgres "$pgdir"
    (cd /tmp && runuser -u postgres -- $pgbin/initdb -D "$pgdir/data" -U postgres --auth-local=peer --auth-host=reject -E UTF8 --locale=C.UTF-8 >/dev/null)
    (cd /tmp && runuser -u postgres -- $pgbin/pg_ctl -D "$pgdir/data" -l "$pgdir/s/server.log" -w -o "-k $pgdir/s -p $pgport -c listen_addresses=''" start >/dev/null)
    pg_psql "CREATE ROLE \"$(id -un)\" LOGIN CREATEROLE" postgres
    pg_psql "CREATE DATABASE jiannuo OWNER \"$(id -un)\"" postgres
    uri="host=$pgdir/s port=$pgport dbname=jiannuo"
}
pg_stop() { runuser -u postgres -- $pgbin/pg_ctl -D "$pgdir/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$pgdir"; }
# pg_psql SQL [DATABASE]: one statement as the superuser, its rows unaligned.
pg_psql() { (cd /tmp && runuser -u postgres -- $pgbin/psql -h "$pgdir/s" -p $pgport -d "${2:-jiannuo}" -qAtc "$1"); }
