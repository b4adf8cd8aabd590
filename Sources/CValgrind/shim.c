// ctgrind-style client requests (Langley's ctgrind, BoringSSL's constant-time validation):
// secret bytes are "undefined" to memcheck, so any secret-dependent branch or address is an error.
#include "CValgrind.h"
#if defined(__has_include)
#if __has_include(<valgrind/memcheck.h>)
#include <valgrind/memcheck.h>
#define CT_HAVE_VALGRIND 1
#endif
#endif

void ct_secret(const void *address, size_t length) {
#ifdef CT_HAVE_VALGRIND
    VALGRIND_MAKE_MEM_UNDEFINED(address, length);
#else
    (void)address; (void)length;
#endif
}

void ct_public(const void *address, size_t length) {
#ifdef CT_HAVE_VALGRIND
    VALGRIND_MAKE_MEM_DEFINED(address, length);
#else
    (void)address; (void)length;
#endif
}

int ct_running_on_valgrind(void) {
#ifdef CT_HAVE_VALGRIND
    return RUNNING_ON_VALGRIND ? 1 : 0;
#else
    return 0;
#endif
}

unsigned long ct_error_count(void) {
#ifdef CT_HAVE_VALGRIND
    return (unsigned long)VALGRIND_COUNT_ERRORS;
#else
    return 0;
#endif
}
