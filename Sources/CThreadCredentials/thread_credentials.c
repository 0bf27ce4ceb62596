#define _GNU_SOURCE
#include <unistd.h>
#include <sys/syscall.h>
#include "thread_credentials.h"

int jiannuo_set_all_gids(gid_t gid) {
    return setresgid(gid, gid, gid);
}

int jiannuo_thread_set_effective_gid(gid_t gid) {
#ifdef SYS_setresgid
    return (int)syscall(SYS_setresgid, (gid_t)-1, gid, (gid_t)-1);
#else
    return setegid(gid);
#endif
}
