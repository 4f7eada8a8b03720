#ifndef CHECKUP_CMODBUS_SHIM_H
#define CHECKUP_CMODBUS_SHIM_H
#include <modbus.h>
#include <errno.h>
#include <unistd.h>

/// libmodbus' EMBX* constants are enum-based macros Swift cannot import.
static inline int CModbus_exceptionErrno(int code) { return MODBUS_ENOBASE + code; }
static inline int CModbus_errno(void) { return errno; }
static inline void CModbus_setErrno(int value) { errno = value; }

#endif
