#ifndef CHECKUP_CPOSTGRES_SHIM_H
#define CHECKUP_CPOSTGRES_SHIM_H
// libpq, PostgreSQL's own client library (Debian's libpq-dev): the office store's connection.
#include <libpq-fe.h>
#endif
