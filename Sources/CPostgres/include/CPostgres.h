#ifndef CHECKUP_CPOSTGRES_H
#define CHECKUP_CPOSTGRES_H
// libpq, PostgreSQL's own client library, loaded when the first office store is opened:
// a technician's SQLite run never maps it and the dozen libraries it needs (Kerberos, LDAP,
// GnuTLS: 3.8 MB resident). Its types come from its header (Debian's libpq-dev); each
// function used is `checkup_` + its libpq name, valid once `checkup_pq_load` returned 0.
#include <postgresql/libpq-fe.h>

/// Loads libpq.so.5 once (thread-safe); 0 on success, else -1 with the loader's words in `error`.
int checkup_pq_load(char *error, size_t size);

// Typed by libpq's own declarations: a wrapper that does not match its function does not compile.
__typeof__(PQconnectdbParams) checkup_PQconnectdbParams;
__typeof__(PQstatus) checkup_PQstatus;
__typeof__(PQfinish) checkup_PQfinish;
__typeof__(PQerrorMessage) checkup_PQerrorMessage;
__typeof__(PQexecParams) checkup_PQexecParams;
__typeof__(PQresultStatus) checkup_PQresultStatus;
__typeof__(PQresultErrorMessage) checkup_PQresultErrorMessage;
__typeof__(PQclear) checkup_PQclear;
__typeof__(PQntuples) checkup_PQntuples;
__typeof__(PQnfields) checkup_PQnfields;
__typeof__(PQfname) checkup_PQfname;
__typeof__(PQftype) checkup_PQftype;
__typeof__(PQgetisnull) checkup_PQgetisnull;
__typeof__(PQgetvalue) checkup_PQgetvalue;
__typeof__(PQunescapeBytea) checkup_PQunescapeBytea;
__typeof__(PQfreemem) checkup_PQfreemem;

#endif
