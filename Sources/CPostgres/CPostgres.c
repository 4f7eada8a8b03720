#include "CPostgres.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

// One pointer per function, typed by libpq's declaration, resolved together: all of them or none (`loaded`).
static __typeof__(PQconnectdbParams) *PQconnectdbParams_;
static __typeof__(PQstatus) *PQstatus_;
static __typeof__(PQfinish) *PQfinish_;
static __typeof__(PQerrorMessage) *PQerrorMessage_;
static __typeof__(PQexecParams) *PQexecParams_;
static __typeof__(PQresultStatus) *PQresultStatus_;
static __typeof__(PQresultErrorMessage) *PQresultErrorMessage_;
static __typeof__(PQclear) *PQclear_;
static __typeof__(PQntuples) *PQntuples_;
static __typeof__(PQnfields) *PQnfields_;
static __typeof__(PQfname) *PQfname_;
static __typeof__(PQftype) *PQftype_;
static __typeof__(PQgetisnull) *PQgetisnull_;
static __typeof__(PQgetvalue) *PQgetvalue_;
static __typeof__(PQunescapeBytea) *PQunescapeBytea_;
static __typeof__(PQfreemem) *PQfreemem_;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int loaded;
static char failure[512];

static void load(void) {
    void *library = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        snprintf(failure, sizeof failure, "%s", dlerror());
        return;
    }
#define RESOLVE(name)                                                                \
    if (!(*(void **)&name##_ = dlsym(library, #name))) {                              \
        snprintf(failure, sizeof failure, "libpq.so.5 has no %s", #name);            \
        return;                                                                      \
    }
    RESOLVE(PQconnectdbParams)
    RESOLVE(PQstatus)
    RESOLVE(PQfinish)
    RESOLVE(PQerrorMessage)
    RESOLVE(PQexecParams)
    RESOLVE(PQresultStatus)
    RESOLVE(PQresultErrorMessage)
    RESOLVE(PQclear)
    RESOLVE(PQntuples)
    RESOLVE(PQnfields)
    RESOLVE(PQfname)
    RESOLVE(PQftype)
    RESOLVE(PQgetisnull)
    RESOLVE(PQgetvalue)
    RESOLVE(PQunescapeBytea)
    RESOLVE(PQfreemem)
#undef RESOLVE
    loaded = 1;
}

int checkup_pq_load(char *error, size_t size) {
    pthread_once(&once, load);
    if (loaded) return 0;
    snprintf(error, size, "%s", failure);
    return -1;
}

PGconn *checkup_PQconnectdbParams(const char *const *keywords, const char *const *values, int expand_dbname) {
    return PQconnectdbParams_(keywords, values, expand_dbname);
}
ConnStatusType checkup_PQstatus(const PGconn *conn) { return PQstatus_(conn); }
void checkup_PQfinish(PGconn *conn) { PQfinish_(conn); }
char *checkup_PQerrorMessage(const PGconn *conn) { return PQerrorMessage_(conn); }
PGresult *checkup_PQexecParams(PGconn *conn, const char *command, int nParams, const Oid *paramTypes,
                               const char *const *paramValues, const int *paramLengths, const int *paramFormats,
                               int resultFormat) {
    return PQexecParams_(conn, command, nParams, paramTypes, paramValues, paramLengths, paramFormats, resultFormat);
}
ExecStatusType checkup_PQresultStatus(const PGresult *res) { return PQresultStatus_(res); }
char *checkup_PQresultErrorMessage(const PGresult *res) { return PQresultErrorMessage_(res); }
void checkup_PQclear(PGresult *res) { PQclear_(res); }
int checkup_PQntuples(const PGresult *res) { return PQntuples_(res); }
int checkup_PQnfields(const PGresult *res) { return PQnfields_(res); }
char *checkup_PQfname(const PGresult *res, int field_num) { return PQfname_(res, field_num); }
Oid checkup_PQftype(const PGresult *res, int field_num) { return PQftype_(res, field_num); }
int checkup_PQgetisnull(const PGresult *res, int tup_num, int field_num) { return PQgetisnull_(res, tup_num, field_num); }
char *checkup_PQgetvalue(const PGresult *res, int tup_num, int field_num) { return PQgetvalue_(res, tup_num, field_num); }
unsigned char *checkup_PQunescapeBytea(const unsigned char *strtext, size_t *retbuflen) { return PQunescapeBytea_(strtext, retbuflen); }
void checkup_PQfreemem(void *ptr) { PQfreemem_(ptr); }
