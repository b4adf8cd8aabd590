#ifndef CVALGRIND_H
#define CVALGRIND_H
#include <stddef.h>

/// Marks `length` bytes at `address` as secret: Valgrind memcheck treats them as undefined, so a
/// branch or a memory address computed from them is reported. No-op outside Valgrind.
void ct_secret(const void *address, size_t length);
/// Marks `length` bytes as public again (declassifies a result such as a MAC-compare outcome).
void ct_public(const void *address, size_t length);
/// 1 when running under Valgrind, 0 otherwise.
int ct_running_on_valgrind(void);
/// Memcheck's error count so far (0 outside Valgrind).
unsigned long ct_error_count(void);

#endif
