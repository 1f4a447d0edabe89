/*
 * Fault injection for the crash tests: when BULLETIND_CRASH_AT names this
 * point, the process kills itself with SIGKILL there, exactly as a power
 * cut would.  BULLETIND_CRASH_AFTER=N lets N passes go by first.
 */
#ifndef BULLETIN_CRASHPOINT_H
#define BULLETIN_CRASHPOINT_H

void crashpoint(const char *name);

#endif
