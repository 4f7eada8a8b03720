#ifndef CHECKUP_CPSEUDOTERMINAL_SHIM_H
#define CHECKUP_CPSEUDOTERMINAL_SHIM_H
/* Pseudo-terminals for the simulators. glibc hides posix_openpt, grantpt, unlockpt and
   ptsname_r behind _XOPEN_SOURCE / _GNU_SOURCE, which Swift's Glibc module does not define;
   declared here with their glibc signatures (macOS declares them in <stdlib.h>). */
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdlib.h>
#include <unistd.h>
#ifdef __linux__
extern int posix_openpt(int flags);
extern int grantpt(int fd);
extern int unlockpt(int fd);
extern int ptsname_r(int fd, char *buf, size_t buflen);
#endif

/* The simulators' children (snmpd, snmpsim, PostgreSQL) get no descriptor of ours beyond 0–2:
   glibc ≥ 2.34 closes them all in the child (hidden behind _GNU_SOURCE too). */
#include <spawn.h>
#ifdef __linux__
extern int posix_spawn_file_actions_addclosefrom_np(posix_spawn_file_actions_t *actions, int from);
#endif
static inline int CPseudoTerminal_closeFrom(posix_spawn_file_actions_t *actions, int from) {
#ifdef __linux__
    return posix_spawn_file_actions_addclosefrom_np(actions, from);
#else
    (void)actions; (void)from;
    return 0;
#endif
}

/// Opens a pseudo-terminal master (O_RDWR | O_NOCTTY | O_CLOEXEC: no child process inherits
/// it), grants and unlocks it, and writes the slave's path into `name`. Returns the master fd,
/// or -1 with errno set.
static inline int CPseudoTerminal_open(char *name, size_t length) {
    int master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (master < 0) return -1;
    if (grantpt(master) != 0 || unlockpt(master) != 0 || ptsname_r(master, name, length) != 0) {
        int saved = errno;
        close(master);
        errno = saved;
        return -1;
    }
    return master;
}

#endif
