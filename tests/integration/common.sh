# shellcheck shell=bash
# Shared set-up of the daemon's integration tests: a fresh private mail
# stack and a configured bulletind, both stopped by PID on exit.

. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/mail.sh"
. "$top_srcdir/tests/lib/bulletind.sh"

DEMO=$top_srcdir/contrib/demo/articles

if [ "$(id -u)" -ne 0 ]; then
    # The stack runs Dovecot and Postfix: root only.  CI is root, and there
    # a skip would be a failure.
    [ -n "${CI:-}" ] && tap_bail "integration tests need root"
    echo "1..0 # SKIP needs root (Dovecot and Postfix)"
    exit 0
fi

STACK=$(mktemp -d /tmp/bdt.XXXXXX)
chmod 755 "$STACK"

cleanup() {
    bd_stop
    "$top_srcdir/contrib/mailstack" stop "$STACK" >/dev/null 2>&1
    if [ "$TAP_FAILED" -ne 0 ] || [ -n "${KEEP_TEST_DIR:-}" ]; then
        echo "# daemon log (kept in $STACK):"
        tail -n 60 "$BD_LOG" 2>/dev/null | sed 's/^/# /'
    else
        rm -rf "$STACK"
    fi
}
trap cleanup EXIT

# start_stack: the stack and the config, no daemon yet.
start_stack() {
    MAILSTACK_PORT_BASE=${MAILSTACK_PORT_BASE:-$((20000 + RANDOM % 44 * 1000))} \
        "$top_srcdir/contrib/mailstack" start "$STACK" >"$STACK/start.log" 2>&1 ||
        { cat "$STACK/start.log" >&2; tap_bail "mail stack did not start"; }
    mail_use_stack "$STACK"
    bd_setup "$STACK" || tap_bail "bulletind -n rejected the test config"
}

# start_all: the stack, the config and the daemon.
start_all() {
    start_stack
    bd_start || tap_bail "bulletind did not start"
}

# dump_has USER [FOLDER] TEXT...: the last message decoded holds every TEXT.
dump_has() {
    local user=$1 folder=$2 text out
    shift 2
    out=$(bd_dump "$user" "$folder") || return 1
    for text in "$@"; do
        grep -qF -- "$text" <<<"$out" || { echo "# '$text' not in $user/$folder" >&2; return 1; }
    done
}

# attachment_head USER SUFFIX: the first five bytes (as text) of the file
# attached to USER's last message whose name ends in SUFFIX, or nothing.
attachment_head() {
    local raw=$STACK/attached.$RANDOM.eml
    mail_fetch "$1" "$(mail_uids "$1" | tail -n 1)" >"$raw" || return 1
    python3 - "$raw" "$2" <<'PY'
import email, sys
from email import policy
with open(sys.argv[1], "rb") as f:
    msg = email.message_from_binary_file(f, policy=policy.default)
for part in msg.walk():
    name = part.get_filename()
    if name and name.endswith(sys.argv[2]):
        sys.stdout.write(part.get_payload(decode=True)[:5].decode("latin-1"))
        break
PY
}

# signoff_code: the code in the body of qianfa's last sign-off request.
signoff_code() {
    bd_dump qianfa INBOX | sed -n 's/^确认码：\([A-Z2-7-]*\).*/\1/p' | head -n 1
}

# send_command FROM SUBJECT [IN_REPLY_TO] [BODY] [EXTRA-HEADER]: an
# editor's command mail, submitted as FROM (SEND=mail_send_outside: sent
# from outside instead, as a forger would).
send_command() {
    local f=$STACK/cmd.$RANDOM.eml subject
    subject=$(printf '%s' "$2" | base64 -w0)
    {
        printf 'From: <%s@example.test>\nTo: office@example.test\n' "$1"
        printf 'Subject: =?UTF-8?B?%s?=\n' "$subject"
        printf 'Message-ID: <cmd.%s.%s@example.test>\n' "$RANDOM" "$RANDOM"
        [ -n "${3:-}" ] && printf 'In-Reply-To: %s\nReferences: %s\n' "$3" "$3"
        [ -n "${5:-}" ] && printf '%s\n' "$5"
        printf 'Date: %s\nMIME-Version: 1.0\n' "$(date -R)"
        printf 'Content-Type: text/plain; charset=UTF-8\n\n%s\n' "${4:-好的。}"
    } >"$f"
    "${SEND:-mail_send}" "$1" office "$f"
}

# ask FROM SUBJECT [BODY]: send a command, wait for the one reply to FROM,
# and print it decoded.
ask() {
    local before
    before=$(mail_count "$1")
    send_command "$1" "$2" "" "${3:-}"
    mail_wait_count "$1" INBOX $((before + 1)) 30 || return 1
    bd_dump "$1" INBOX
}

# inbox_has USER TEXT...: some message in USER's INBOX holds every TEXT.
inbox_has() {
    local user=$1 text out
    shift
    out=$(bd_dump_all "$user") || return 1
    for text in "$@"; do
        grep -qF -- "$text" <<<"$out" || { echo "# '$text' not in $user's INBOX" >&2; return 1; }
    done
}

# confirm_issue: 定稿 from the editor, then a plain reply from the 签发
# officer to the sign-off request.  Waits for the request.
confirm_issue() {
    local before msgid
    before=$(mail_count qianfa)
    send_command editor "定稿"
    mail_wait_count qianfa INBOX $((before + 1)) 30 || return 1
    msgid=$(bd_dump qianfa INBOX | sed -n 's/^Message-ID: //p' | head -n 1)
    send_command qianfa "Re: 签发确认" "<$msgid>"
}

# total_count USER...: the sum of the users' INBOX counts.
total_count() {
    local u n=0
    for u in "$@"; do n=$((n + $(mail_count "$u"))); done
    echo $n
}
