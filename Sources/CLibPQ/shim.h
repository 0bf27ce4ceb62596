// PostgreSQL's own client library (libpq-dev), for a city's shared ledger.
#include <libpq-fe.h>
