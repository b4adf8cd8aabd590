#include "LibCryptoASM.h"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>

uint32_t lc_cpu_features(void) {
    unsigned a, b, c, d;
    uint32_t f = 0;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    if (c & bit_AES) f |= LC_CPU_AESNI;
    if (c & bit_PCLMUL) f |= LC_CPU_PCLMULQDQ;
    if (c & bit_SSSE3) f |= LC_CPU_SSSE3;
    if (c & bit_SSE4_1) f |= LC_CPU_SSE41;
    if (__get_cpuid_max(0, 0) >= 7) {
        __cpuid_count(7, 0, a, b, c, d);
        if (b & bit_SHA) f |= LC_CPU_SHANI;
        if (b & bit_BMI2) f |= LC_CPU_BMI2;
        if (b & bit_ADX) f |= LC_CPU_ADX;
    }
    return f;
}
#else
uint32_t lc_cpu_features(void) { return 0; }
#endif
