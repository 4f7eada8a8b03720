#ifndef CHECKUP_CNETSNMP_SHIM_H
#define CHECKUP_CNETSNMP_SHIM_H
// System headers first, under the default feature macros. net-snmp-config.h defines
// _GNU_SOURCE, which renames fd_set's member (fds_bits vs __fds_bits); a module compiled after
// it disagrees with Glibc/Dispatch on fd_set, and any Swift module that sees both fails to
// build ("__fds_bits from module CDispatch is not present in definition of fd_set").
#include <sys/types.h>
#include <sys/select.h>
#include <sys/time.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <net-snmp/net-snmp-config.h>
#include <net-snmp/net-snmp-includes.h>
#include <net-snmp/library/keytools.h>
#include <net-snmp/library/transform_oids.h>

/// SNMP_MSG_* are cast-based macros Swift cannot import.
static inline int CNetSNMP_MSG_GET(void) { return SNMP_MSG_GET; }
static inline int CNetSNMP_MSG_GETNEXT(void) { return SNMP_MSG_GETNEXT; }
static inline int CNetSNMP_MSG_GETBULK(void) { return SNMP_MSG_GETBULK; }

/// Exception types in a response varbind (context-specific tags Swift cannot import).
static inline int CNetSNMP_NOSUCHOBJECT(void) { return SNMP_NOSUCHOBJECT; }
static inline int CNetSNMP_NOSUCHINSTANCE(void) { return SNMP_NOSUCHINSTANCE; }
static inline int CNetSNMP_ENDOFMIBVIEW(void) { return SNMP_ENDOFMIBVIEW; }

/// The user-based security model number (SNMP_SEC_MODEL_USM is an enum-ish macro).
static inline int CNetSNMP_SEC_MODEL_USM(void) { return SNMP_SEC_MODEL_USM; }

/// The USM protocol OIDs are `oid x[10]` globals that import as tuples; these hand out a
/// pointer and a length instead. A protocol the library was built without returns NULL.
static inline oid *CNetSNMP_authMD5(size_t *len) {
#ifndef NETSNMP_DISABLE_MD5
    *len = OID_LENGTH(usmHMACMD5AuthProtocol); return usmHMACMD5AuthProtocol;
#else
    *len = 0; return NULL;
#endif
}
static inline oid *CNetSNMP_authSHA1(size_t *len) { *len = OID_LENGTH(usmHMACSHA1AuthProtocol); return usmHMACSHA1AuthProtocol; }
static inline oid *CNetSNMP_authSHA224(size_t *len) { *len = OID_LENGTH(usmHMAC128SHA224AuthProtocol); return usmHMAC128SHA224AuthProtocol; }
static inline oid *CNetSNMP_authSHA256(size_t *len) { *len = OID_LENGTH(usmHMAC192SHA256AuthProtocol); return usmHMAC192SHA256AuthProtocol; }
static inline oid *CNetSNMP_authSHA384(size_t *len) { *len = OID_LENGTH(usmHMAC256SHA384AuthProtocol); return usmHMAC256SHA384AuthProtocol; }
static inline oid *CNetSNMP_authSHA512(size_t *len) { *len = OID_LENGTH(usmHMAC384SHA512AuthProtocol); return usmHMAC384SHA512AuthProtocol; }

static inline oid *CNetSNMP_privDES(size_t *len) {
#ifndef NETSNMP_DISABLE_DES
    *len = OID_LENGTH(usmDESPrivProtocol); return usmDESPrivProtocol;
#else
    *len = 0; return NULL;
#endif
}
static inline oid *CNetSNMP_privAES(size_t *len) { *len = OID_LENGTH(usmAESPrivProtocol); return usmAESPrivProtocol; }
static inline oid *CNetSNMP_privAES192(size_t *len) {
#ifdef NETSNMP_DRAFT_BLUMENTHAL_AES_04
    *len = OID_LENGTH(usmAES192PrivProtocol); return usmAES192PrivProtocol;
#else
    *len = 0; return NULL;
#endif
}
static inline oid *CNetSNMP_privAES256(size_t *len) {
#ifdef NETSNMP_DRAFT_BLUMENTHAL_AES_04
    *len = OID_LENGTH(usmAES256PrivProtocol); return usmAES256PrivProtocol;
#else
    *len = 0; return NULL;
#endif
}

/// The engine ID an open session discovered (SNMPv3), copied into `buffer`; returns its length.
static inline size_t CNetSNMP_engineID(void *sessp, unsigned char *buffer, size_t capacity) {
    netsnmp_session *s = snmp_sess_session(sessp);
    if (s == NULL || s->securityEngineID == NULL) return 0;
    size_t n = s->securityEngineIDLen < capacity ? s->securityEngineIDLen : capacity;
    memcpy(buffer, s->securityEngineID, n);
    return n;
}

/// Unlinks the cached USM user (engine ID, name), so the next session to that engine derives
/// its keys from its own passphrases instead of reusing the first session's. The entry is not
/// freed: another thread may be walking the list right now, and an unlinked node keeps its
/// `next` pointer valid.
static inline int CNetSNMP_forgetUser(const unsigned char *engineID, size_t length, const char *name) {
    struct usmUser *user = usm_get_user(engineID, length, name);
    if (user == NULL) return 0;
    usm_remove_user(user);
    return 1;
}

/// True when net-snmp's USM user list holds (engine ID, name).
static inline int CNetSNMP_hasUser(const unsigned char *engineID, size_t length, const char *name) {
    return usm_get_user(engineID, length, name) != NULL;
}

/// `free` for strings the library allocates (snmp_error's message), without importing Glibc
/// next to this module (the two clash on fd_set).
static inline void CNetSNMP_free(void *p) { free(p); }

/// Quiet, config-free library start: no MIB files (numeric OIDs only), no snmp.conf read,
/// no persistent files written. Call once, before any thread uses the library. `MIBDIRS` is
/// emptied too: with no module to load, the library still opened every file of the MIB
/// folders to index them, 2 ms of every command's start.
static inline void CNetSNMP_initialise(const char *app) {
    setenv("MIBS", "", 1);
    setenv("MIBDIRS", "", 1);
    netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DONT_READ_CONFIGS, 1);
    netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DONT_PERSIST_STATE, 1);
    netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DISABLE_PERSISTENT_LOAD, 1);
    netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DISABLE_PERSISTENT_SAVE, 1);
    netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_QUICK_PRINT, 1);
    init_snmp(app);
}

#endif
