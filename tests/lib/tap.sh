# shellcheck shell=bash
# tests/lib/tap.sh - minimal TAP output for the integration scripts.
# tap_plan N; tap_ok DESC CMD...; tap_is GOT WANT DESC; tap_done.

TAP_N=0
TAP_FAILED=0

# tap_plan N: announce N tests.
tap_plan() { echo "1..$1"; }

# tap_result RC DESC: print ok/not ok for a status.
tap_result() {
    TAP_N=$((TAP_N + 1))
    if [ "$1" -eq 0 ]; then
        echo "ok $TAP_N - $2"
    else
        echo "not ok $TAP_N - $2"
        case $2 in *"# TODO"*) ;; *) TAP_FAILED=$((TAP_FAILED + 1));; esac
    fi
}

# tap_ok DESC CMD...: pass when CMD succeeds.
tap_ok() {
    local desc=$1
    shift
    "$@"
    tap_result $? "$desc"
}

# tap_is GOT WANT DESC: pass when the strings are equal.
tap_is() {
    if [ "$1" = "$2" ]; then
        tap_result 0 "$3"
    else
        echo "# got:  '$1'"
        echo "# want: '$2'"
        tap_result 1 "$3"
    fi
}

# tap_bail MSG: stop the whole script (the harness reports it).
tap_bail() {
    echo "Bail out! $*"
    exit 1
}

# tap_done: exit non-zero if anything failed.
tap_done() { [ "$TAP_FAILED" -eq 0 ]; }
