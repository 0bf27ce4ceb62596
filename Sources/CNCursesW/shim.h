#ifndef JIANNUO_CNCURSESW_SHIM_H
#define JIANNUO_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <signal.h>
#include <string.h>
#include <stdlib.h>
#include <ncurses.h>
// glibc hides these from Swift otherwise (see shared/TECH-NOTES.md).
extern int wcwidth(wchar_t c);
extern int wcswidth(const wchar_t *s, size_t n);

// Attribute macros do not import into Swift; these return their values.
static inline attr_t jn_a_bold(void) { return A_BOLD; }
static inline attr_t jn_a_reverse(void) { return A_REVERSE; }
static inline attr_t jn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t jn_a_dim(void) { return A_DIM; }
static inline attr_t jn_a_normal(void) { return A_NORMAL; }

// Swift 6 rejects ncurses globals as shared mutable state; read them through functions.
static inline int jn_colors(void) { return COLORS; }
static inline int jn_color_pairs(void) { return COLOR_PAIRS; }
static inline int jn_key_f0(void) { return KEY_F0; }

// Safety net: any exit() path (a fatal error, an early return in main) still restores the
// terminal. endwin twice is harmless; isendwin() avoids even that.
static inline void jn_endwin_at_exit(void) { if (!isendwin()) endwin(); }

// initscr() exits the process when TERM is unusable; newterm() returns NULL instead, so the
// program can print a proper message. Returns stdscr, or NULL on failure.
static inline WINDOW *jn_start_screen(void) {
    if (newterm(NULL, stdout, stdin) == NULL) return NULL;
    atexit(jn_endwin_at_exit);
    return stdscr;
}

// SIGINT/SIGTERM: the handler only records the signal (async-signal-safe); the UI loop,
// woken by its get_wch timeout or by EINTR, sees the flag, restores the terminal and exits.
// `static` in a header: only JiannuoTUI calls these, so there is one copy of the flag.
static volatile sig_atomic_t jn_signal_received = 0;
static inline void jn_signal_handler(int sig) { jn_signal_received = sig; }
static inline int jn_install_signal_handlers(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = jn_signal_handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;   // no SA_RESTART: a blocked read returns EINTR so the loop wakes at once
    if (sigaction(SIGINT, &sa, NULL) != 0) return -1;
    if (sigaction(SIGTERM, &sa, NULL) != 0) return -1;
    if (sigaction(SIGHUP, &sa, NULL) != 0) return -1;
    return 0;
}
static inline int jn_take_signal(void) { int s = jn_signal_received; jn_signal_received = 0; return s; }
static inline int jn_peek_signal(void) { return jn_signal_received; }
static inline void jn_raise_signal_flag(int sig) { jn_signal_received = sig; }
#endif
