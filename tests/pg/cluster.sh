#!/bin/sh
# tests/pg/cluster.sh - a throwaway PostgreSQL cluster for the store tests.
#
#   sh tests/pg/cluster.sh start DIR   creates DIR (a data directory and a
#                                      socket directory), starts a server on
#                                      a private port with its socket in DIR,
#                                      creates database "dyad", and prints
#                                      its URL: postgresql:///dyad?host=DIR&port=P&user=U
#   sh tests/pg/cluster.sh restart DIR restarts its server (connections break)
#   sh tests/pg/cluster.sh stop DIR    stops it and removes DIR
#
# As root the cluster belongs to user postgres (initdb refuses root);
# otherwise to the caller. Exits 77 with a reason when PostgreSQL's server
# programs are not installed (Debian: postgresql).
set -eu
cmd=${1:-}; dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
	echo "PostgreSQL server programs not installed (apt-get install postgresql)" >&2
	exit 77
fi
user=$(id -un)
as() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
	user=postgres
	id postgres >/dev/null 2>&1 || { echo "no user postgres to run the server as" >&2; exit 77; }
	as() { runuser -u postgres -- "$@"; }
fi

case $cmd in
start)
	mkdir -p "$dir"
	dir=$(cd "$dir" && pwd)
	[ "$(id -u)" -ne 0 ] || chown postgres "$dir"
	as "$bindir/initdb" -D "$dir/data" -U "$user" -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 ||
		{ cat "$dir/initdb.log" >&2; exit 1; }
	# A private port: the first free one from a random start.
	port=$(( 20000 + $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 20000 ))
	tries=0
	until as "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
		-o "-p $port -k $dir -c listen_addresses='' -c fsync=off -c max_connections=40" start >/dev/null 2>&1; do
		tries=$((tries + 1))
		[ $tries -lt 5 ] || { cat "$dir/server.log" >&2; exit 1; }
		port=$((port + 1))
	done
	echo "$port" >"$dir/port"
	echo "$user" >"$dir/user"
	echo "$bindir" >"$dir/bindir"
	as "$bindir/createdb" -h "$dir" -p "$port" -U "$user" dyad
	echo "postgresql:///dyad?host=$dir&port=$port&user=$user"
	;;
restart)
	# a server restart, as a team's database may have (the clients'
	# connections break)
	as "$bindir/pg_ctl" -D "$dir/data" -m fast -w -t 30 restart >/dev/null 2>&1
	;;
stop)
	[ -d "$dir/data" ] && as "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
	rm -rf "$dir"
	;;
*)
	echo "usage: $0 start|restart|stop DIR" >&2; exit 2 ;;
esac
