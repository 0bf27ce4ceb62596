#ifndef JIANNUO_CNCURSESW_SHIM_H
#define JIANNUO_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <ncurses.h>
// glibc hides these from Swift otherwise (see shared/TECH-NOTES.md).
extern int wcwidth(wchar_t c);
extern int wcswidth(const wchar_t *s, size_t n);
#endif
