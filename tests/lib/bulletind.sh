# shellcheck shell=bash
# tests/lib/bulletind.sh - run the real bulletind against the private mail
# stack.  Source after tests/lib/mail.sh and mail_use_stack.
#
#   bd_setup DIR        config, secrets and state under DIR/bd
#   bd_start [VAR=val]  start the daemon (env assignments for this run)
#   bd_stop             SIGTERM by PID, wait
#   bd_wait_dead        wait for a daemon that killed itself (crash points)
#   bd_ctl ARGS         bulletinctl on the same config
#   bd_rows WHAT N KEY...  fields of bulletinctl WHAT --json N, one row a line
#   bd_dump USER [FOLDER] [N]  decoded text of the Nth (default last) message
#
# BD_BAO and BD_FA (space-separated local parts) override the lists.

: "${top_builddir:?top_builddir must be set}"
: "${top_srcdir:?top_srcdir must be set}"
BD_BIN=$top_builddir/src/bulletind
BD_CTL=$top_builddir/src/bulletinctl
BD_DUMP=$top_builddir/tests/tools/mail-dump

# _bd_members "a b": the libconfig array body for those local parts.
_bd_members() {
    local m out=""
    for m in $1; do out+="${out:+, }\"$m@example.test\""; done
    echo "$out"
}

# bd_setup DIR: write DIR/bd/{bulletind.conf,*.password,signoff.key,state}.
bd_setup() {
    BD_DIR=$1/bd
    BD_CONF=$BD_DIR/bulletind.conf
    BD_LOG=$BD_DIR/bulletind.log
    mkdir -p "$BD_DIR/state"
    chmod 755 "$BD_DIR"
    (umask 077
     printf '%s\n' "$MAILSTACK_PASSWORD" >"$BD_DIR/imap.password"
     printf '%s\n' "$MAILSTACK_PASSWORD" >"$BD_DIR/smtp.password"
     head -c 32 /dev/urandom | base64 >"$BD_DIR/signoff.key")
    sed -e "s|@BAO@|$(_bd_members "${BD_BAO:-leader1 leader2 leader3 yingshang}")|" \
        -e "s|@FA@|$(_bd_members "${BD_FA:-fa01 fa02 fa03 fa04 fa05 fa06}")|" \
        -e "s|@IMAPS@|$MAILSTACK_IMAPS_PORT|" \
        -e "s|@SUBMISSION@|$MAILSTACK_SUBMISSION_PORT|" \
        -e "s|@CA@|$MAILSTACK_CA|" \
        -e "s|@DIR@|$BD_DIR|g" \
        "$top_srcdir/tests/data/bulletind.conf.in" >"$BD_CONF"
    "$BD_BIN" -n -f "$BD_CONF" >/dev/null
}

# bd_start [VAR=value ...]: start in the foreground (-d) in the background.
bd_start() {
    local i
    env "$@" "$BD_BIN" -d -v -f "$BD_CONF" >>"$BD_LOG" 2>&1 &
    BD_PID=$!
    for i in $(seq 1 100); do
        grep -q "bulletind started" "$BD_LOG" 2>/dev/null && return 0
        kill -0 "$BD_PID" 2>/dev/null || break
        sleep 0.1
    done
    echo "# bulletind did not start; log:" >&2
    sed 's/^/# /' "$BD_LOG" >&2
    return 1
}

# bd_stop: SIGTERM our daemon and wait for it.
bd_stop() {
    [ -n "${BD_PID:-}" ] || return 0
    kill -TERM "$BD_PID" 2>/dev/null
    wait "$BD_PID" 2>/dev/null
    BD_PID=
}

# bd_wait_dead [TIMEOUT_S=30]: wait until the daemon has exited by itself.
bd_wait_dead() {
    local i
    for i in $(seq 1 $((${1:-30} * 10))); do
        kill -0 "$BD_PID" 2>/dev/null || { wait "$BD_PID" 2>/dev/null; BD_PID=; return 0; }
        sleep 0.1
    done
    return 1
}

# bd_ctl ARGS: bulletinctl on our config.
bd_ctl() { "$BD_CTL" -f "$BD_CONF" "$@"; }

# bd_rows WHAT COUNT KEY...: the KEYs of the COUNT newest rows of
# `bulletinctl WHAT --json` (messages, deliveries, audit), tab-separated,
# one row a line, "-" for null: what scripts should read instead of the
# table, whose columns are for people.
bd_rows() {
    local what=$1 count=$2
    shift 2
    bd_ctl "$what" --json "$count" | perl -MJSON::PP -e '
        my @keys = @ARGV;
        local $/;
        my $rows = JSON::PP->new->utf8->decode(<STDIN>);
        binmode STDOUT, ":encoding(UTF-8)";
        for my $r (@$rows) {
            print join("\t", map { $r->{$_} // "-" } @keys), "\n";
        }' "$@"
}

# bd_dump USER [FOLDER] [N]: decoded headers and text of message N (1-based,
# default the last) of USER's FOLDER.
bd_dump() {
    local uid tmp
    uid=$(mail_uids "$1" "${2:-INBOX}" | sed -n "${3:-\$}p")
    [ -n "$uid" ] || return 1
    tmp=$(mktemp)
    mail_fetch "$1" "$uid" "${2:-INBOX}" >"$tmp" && "$BD_DUMP" "$tmp"
    rm -f "$tmp"
}

# bd_wait_log PATTERN [TIMEOUT_S=30]: wait for a line in the daemon's log.
bd_wait_log() {
    local i
    for i in $(seq 1 $((${2:-30} * 10))); do
        grep -q -- "$1" "$BD_LOG" && return 0
        sleep 0.1
    done
    echo "# timed out waiting for '$1' in the log" >&2
    return 1
}

# bd_dump_all USER [FOLDER]: bd_dump of every message in the folder.
bd_dump_all() {
    local n count
    count=$(mail_count "$1" "${2:-INBOX}")
    for n in $(seq 1 "$count"); do
        bd_dump "$1" "${2:-INBOX}" "$n"
    done
}
