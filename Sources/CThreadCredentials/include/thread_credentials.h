#ifndef JIANNUO_THREAD_CREDENTIALS_H
#define JIANNUO_THREAD_CREDENTIALS_H
#include <sys/types.h>

/// Sets the effective group id of the calling thread only. glibc's setegid() changes every thread of
/// the process at once, so a dashboard thread opening the ledger while another opens a user's file
/// would lose the group's privilege; the raw system call does not broadcast.
/// Returns 0 on success, -1 with errno set otherwise.
int jiannuo_thread_set_effective_gid(gid_t gid);

/// Sets the real, effective and saved group ids of the whole process to `gid` (setresgid, which
/// Swift's Glibc module does not show): a group given up this way cannot be taken back.
int jiannuo_set_all_gids(gid_t gid);

#endif
