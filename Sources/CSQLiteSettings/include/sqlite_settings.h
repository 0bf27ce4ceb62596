#ifndef JIANNUO_SQLITE_SETTINGS_H
#define JIANNUO_SQLITE_SETTINGS_H

/// sqlite3_db_config is variadic, which Swift cannot call: its settings the Store uses, one function each.
/// `connection` is a `sqlite3 *`. Returns SQLite's result code.
int jiannuo_sqlite_no_checkpoint_on_close(void *connection);

#endif
