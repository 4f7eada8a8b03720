#ifndef CHECKUP_CMODBUS_SHIM_H
#define CHECKUP_CMODBUS_SHIM_H
#include <modbus.h>
#include <errno.h>
#include <unistd.h>

/// libmodbus' EMBX* constants are enum-based macros Swift cannot import.
static inline int CModbus_exceptionErrno(int code) { return MODBUS_ENOBASE + code; }
static inline int CModbus_errno(void) { return errno; }
static inline void CModbus_setErrno(int value) { errno = value; }


/* Pseudo-terminals for the RTU simulator: glibc hides these behind _XOPEN_SOURCE, which Swift's
   Glibc module does not define. Declared here with their glibc signatures. */
#include <stddef.h>
#include <fcntl.h>
extern int posix_openpt(int flags);
extern int grantpt(int fd);
extern int unlockpt(int fd);
extern int ptsname_r(int fd, char *buf, size_t buflen);

/// Opens a pseudo-terminal master (O_RDWR | O_NOCTTY), unlocked, and writes the slave's path
/// into `name`. Returns the master fd, or -1 with errno set.
static inline int CModbus_openPseudoTerminal(char *name, size_t length) {
    int master = posix_openpt(O_RDWR | O_NOCTTY);
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
