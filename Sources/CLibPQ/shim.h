// PostgreSQL's own client library (libpq-dev): its declarations only. The library itself is opened when a
// PostgreSQL ledger is first asked for (JiannuoStore's LibPQ), not linked: linked, it and the twenty
// libraries it needs (Kerberos, LDAP, TLS) were loaded and relocated at the start of every command.
#include <postgresql/libpq-fe.h>
