#ifndef CHECKUP_CPOSTGRES_H
#define CHECKUP_CPOSTGRES_H
// libpq, PostgreSQL's own client library, loaded when the first office store is opened:
// a technician's SQLite run never maps it and the dozen libraries it needs (Kerberos, LDAP,
// GnuTLS: 3.8 MB resident). Its types come from its header (Debian's libpq-dev); each
// function used is `checkup_` + its libpq name, valid once `checkup_pq_load` returned 0.
#include <postgresql/libpq-fe.h>

/// Loads libpq.so.5 once (thread-safe); 0 on success, else -1 with the loader's words in `error`.
int checkup_pq_load(char *error, size_t size);

PGconn *checkup_PQconnectdbParams(const char *const *keywords, const char *const *values, int expand_dbname);
ConnStatusType checkup_PQstatus(const PGconn *conn);
void checkup_PQfinish(PGconn *conn);
char *checkup_PQerrorMessage(const PGconn *conn);
PGresult *checkup_PQexecParams(PGconn *conn, const char *command, int nParams, const Oid *paramTypes, const char *const *paramValues, const int *paramLengths, const int *paramFormats, int resultFormat);
ExecStatusType checkup_PQresultStatus(const PGresult *res);
char *checkup_PQresultErrorMessage(const PGresult *res);
void checkup_PQclear(PGresult *res);
int checkup_PQntuples(const PGresult *res);
int checkup_PQnfields(const PGresult *res);
char *checkup_PQfname(const PGresult *res, int field_num);
Oid checkup_PQftype(const PGresult *res, int field_num);
int checkup_PQgetisnull(const PGresult *res, int tup_num, int field_num);
char *checkup_PQgetvalue(const PGresult *res, int tup_num, int field_num);
unsigned char *checkup_PQunescapeBytea(const unsigned char *strtext, size_t *retbuflen);
void checkup_PQfreemem(void *ptr);

#endif
