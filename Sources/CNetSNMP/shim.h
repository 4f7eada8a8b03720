#ifndef CHECKUP_CNETSNMP_SHIM_H
#define CHECKUP_CNETSNMP_SHIM_H
#include <net-snmp/net-snmp-config.h>
#include <net-snmp/net-snmp-includes.h>
#include <net-snmp/library/keytools.h>
#include <net-snmp/library/transform_oids.h>

/// SNMP_MSG_* are cast-based macros Swift cannot import.
static inline int CNetSNMP_MSG_GET(void) { return SNMP_MSG_GET; }
static inline int CNetSNMP_MSG_GETNEXT(void) { return SNMP_MSG_GETNEXT; }
static inline int CNetSNMP_MSG_GETBULK(void) { return SNMP_MSG_GETBULK; }

#endif
