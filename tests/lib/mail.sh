# shellcheck shell=bash
# tests/lib/mail.sh - helpers for integration tests against the private mail
# stack of contrib/mailstack. Source this file, then `mail_use_stack DIR` (or
# source DIR/env yourself; if MAILSTACK_DIR is already set, DIR/env is loaded
# here). Users are local parts (office) or full addresses (office@example.test).
# Functions return non-zero and print to stderr on failure; they never exit.

# Load the stack description DIR/env (MAILSTACK_* variables).
mail_use_stack() {
    [ -f "$1/env" ] || { echo "mail_use_stack: no $1/env (is the stack started?)" >&2; return 1; }
    # shellcheck disable=SC1091
    . "$1/env"
}

# Fail unless a stack description is loaded.
_mail_need_env() {
    [ -n "${MAILSTACK_DIR:-}" ] && [ -n "${MAILSTACK_DOVECOT_CONF:-}" ] && return 0
    echo "mail.sh: no stack loaded: call mail_use_stack DIR first" >&2
    return 1
}

# Print the full address of user $1 (local parts get @$MAILSTACK_DOMAIN).
_mail_addr() {
    case $1 in
        *@*) echo "$1" ;;
        *) echo "$1@${MAILSTACK_DOMAIN:-example.test}" ;;
    esac
}

# Print the comma-separated address list $1 with _mail_addr applied to each.
_mail_addrs() {
    local a out="" IFS=,
    for a in $1; do out+=${out:+,}$(_mail_addr "$a"); done
    echo "$out"
}

# Print (ASCII) mailbox name $1 percent-encoded for an IMAP URL ("/" kept).
_mail_urlpath() {
    local LC_ALL=C s=$1 out="" c i
    for ((i = 0; i < ${#s}; i++)); do
        c=${s:i:1}
        case $c in
            [A-Za-z0-9._~/-]) out+=$c ;;
            *) out+=$(printf '%%%02X' "'$c") ;;
        esac
    done
    echo "$out"
}

# _mail_data FILE: FILE as SMTP DATA (CRLF, dot-stuffing, final dot) in a
# temporary file whose name is printed, so that swaks sends the bytes as
# they are (no token or "\n" substitution, no From_ stripping).
_mail_data() {
    local tmp
    tmp=$(mktemp) || return 1
    perl -0777 -pe 's/\r?\n/\r\n/g; s/^\./../mg; $_ .= "\r\n" unless /\r\n\z/ || $_ eq ""; $_ .= "."' \
        "$1" >"$tmp" || { rm -f "$tmp"; return 1; }
    echo "$tmp"
}

# _mail_swaks WHAT FILE FROM TO SWAKS-ARGS...: send FILE with swaks.
_mail_swaks() {
    local what=$1 file=$2 from=$3 to=$4 tmp out rc
    shift 4
    [ -r "$file" ] || { echo "$what: cannot read $file" >&2; return 1; }
    tmp=$(_mail_data "$file") || return 1
    out=$(swaks --server 127.0.0.1 --helo client.example.test --from "$from" \
        --to "$to" --no-data-fixup --data "@$tmp" "$@" 2>&1)
    rc=$?
    rm -f "$tmp"
    if [ $rc -ne 0 ]; then
        printf '%s: swaks failed (rc=%s) sending %s from %s to %s:\n%s\n' \
            "$what" "$rc" "$file" "$from" "$to" "$out" >&2
        return 1
    fi
}

# mail_send FROM TO FILE: send raw message FILE unchanged as user FROM sends
# it: over submission (port MAILSTACK_SUBMISSION_PORT, STARTTLS, AUTH as
# FROM); TO may be a,b,c.  Our Postfix notes "Authenticated sender: FROM".
mail_send() {
    _mail_need_env || return 1
    _mail_swaks mail_send "$3" "$(_mail_addr "$1")" "$(_mail_addrs "$2")" \
        --port "$MAILSTACK_SUBMISSION_PORT" -tls --auth PLAIN \
        --auth-user "$(_mail_addr "$1")" \
        --auth-password "${MAILSTACK_PASSWORD:-secret}"
}

# mail_send_outside FROM TO FILE: the same from outside: port 25
# (MAILSTACK_SMTP_PORT), no AUTH, envelope sender FROM, as a forger or
# another provider would; the stack's edge rules apply (mailstack).
mail_send_outside() {
    _mail_need_env || return 1
    _mail_swaks mail_send_outside "$3" "$(_mail_addr "$1")" \
        "$(_mail_addrs "$2")" --port "$MAILSTACK_SMTP_PORT"
}

# mail_deliver FROM TO FILE: hand FILE to Dovecot over LMTP as it is, as
# the office's gateway delivers it (the headers our server wrote included).
mail_deliver() {
    _mail_need_env || return 1
    _mail_swaks mail_deliver "$3" "$(_mail_addr "$1")" "$(_mail_addrs "$2")" \
        --port "$MAILSTACK_LMTP_PORT" --protocol LMTP
}

# mail_count USER [FOLDER]: print the number of messages in USER's FOLDER (default INBOX).
mail_count() {
    local out
    _mail_need_env || return 1
    out=$(doveadm -c "$MAILSTACK_DOVECOT_CONF" -f tab mailbox status \
        -u "$(_mail_addr "$1")" messages "${2:-INBOX}") || return 1
    printf '%s\n' "$out" | awk -F'\t' 'NR == 2 { print $NF }'
}

# mail_wait_count USER FOLDER N [TIMEOUT_S=30]: wait until USER's FOLDER holds >= N messages.
mail_wait_count() {
    local user=$1 folder=$2 want=$3 timeout=${4:-30} n="" deadline
    _mail_need_env || return 1
    deadline=$(($(date +%s%N) + timeout * 1000000000))
    while :; do
        n=$(mail_count "$user" "$folder" 2>/dev/null) || n=""
        [ -n "$n" ] && [ "$n" -ge "$want" ] && return 0
        if [ "$(date +%s%N)" -ge "$deadline" ]; then
            echo "mail_wait_count: $user/$folder has ${n:-?} messages, wanted >= $want (timeout ${timeout}s)" >&2
            return 1
        fi
        sleep 0.2
    done
}

# mail_fetch USER UID [FOLDER]: print the raw message (CRLF line ends, as IMAP serves it) over IMAPS, certificate verified.
mail_fetch() {
    _mail_need_env || return 1
    curl -sS --max-time 30 --cacert "$MAILSTACK_CA" \
        -u "$(_mail_addr "$1"):${MAILSTACK_PASSWORD:-secret}" \
        "imaps://127.0.0.1:$MAILSTACK_IMAPS_PORT/$(_mail_urlpath "${3:-INBOX}");UID=$2"
}

# mail_uids USER [FOLDER] [QUERY...]: print the UIDs of the folder's
# messages that match the doveadm search QUERY (default ALL), one per line.
mail_uids() {
    local user=$1 folder=${2:-INBOX}
    shift $(($# < 2 ? $# : 2))
    _mail_need_env || return 1
    doveadm -c "$MAILSTACK_DOVECOT_CONF" search -u "$(_mail_addr "$user")" \
        mailbox "$folder" "${@:-ALL}" | awk '{ print $2 }'
}

# mail_backlog USER FIRST N SEEN_EVERY ARTICLES UNIT...: N article mails
# (numbered from FIRST) from the UNITs, written straight into USER's INBOX
# Maildir by backlog.py (titles and bodies from the demo articles under
# ARTICLES), owned as Dovecot's own and counted once, so that Dovecot has
# taken them in.
mail_backlog() {
    local user=$1 first=$2 n=$3 seen=$4 src=$5 home
    shift 5
    _mail_need_env || return 1
    home=$MAILSTACK_MAILDIR_ROOT/$MAILSTACK_DOMAIN/${user%@*}
    python3 "${BASH_SOURCE[0]%/*}/backlog.py" --first "$first" "$n" \
        "$home/Maildir" "$src" "$seen" "$@" || return 1
    chown -R --reference="$MAILSTACK_MAILDIR_ROOT/$MAILSTACK_DOMAIN" "$home" &&
        mail_count "$user" INBOX >/dev/null
}

# mail_fetch_all USER [FOLDER]: print all messages of the folder (UID order), separated by a line "=====".
mail_fetch_all() {
    local uids uid sep=""
    uids=$(mail_uids "$1" "${2:-INBOX}") || return 1
    for uid in $uids; do
        printf '%s' "$sep"
        mail_fetch "$1" "$uid" "${2:-INBOX}" || return 1
        sep=$'=====\n'
    done
}

# mail_queue_empty_wait [TIMEOUT_S=30]: wait until the Postfix queue is empty.
mail_queue_empty_wait() {
    local timeout=${1:-30} deadline out
    _mail_need_env || return 1
    deadline=$(($(date +%s%N) + timeout * 1000000000))
    while :; do
        out=$(postqueue -c "$MAILSTACK_POSTFIX_CONF" -p 2>&1) || out="postqueue failed: $out"
        case $out in "Mail queue is empty"*) return 0 ;; esac
        if [ "$(date +%s%N)" -ge "$deadline" ]; then
            printf 'mail_queue_empty_wait: queue not empty after %ss:\n%s\n' "$timeout" "$out" >&2
            return 1
        fi
        sleep 0.2
    done
}

if [ -n "${MAILSTACK_DIR:-}" ] && [ -f "$MAILSTACK_DIR/env" ]; then
    mail_use_stack "$MAILSTACK_DIR"
fi
