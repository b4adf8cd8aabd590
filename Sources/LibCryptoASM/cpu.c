#include "LibCryptoASM.h"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>

/* XCR0, the state components the OS saves on a context switch; valid only when CPUID.1:ECX
 * reports OSXSAVE (otherwise XGETBV faults). */
static uint64_t lc_xcr0(void) {
    uint32_t lo, hi;
    __asm__ __volatile__("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    return ((uint64_t)hi << 32) | lo;
}

uint32_t lc_cpu_features(void) {
    unsigned a, b, c, d;
    uint32_t f = 0;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    if (c & bit_AES) f |= LC_CPU_AESNI;
    if (c & bit_PCLMUL) f |= LC_CPU_PCLMULQDQ;
    if (c & bit_SSSE3) f |= LC_CPU_SSSE3;
    if (c & bit_SSE4_1) f |= LC_CPU_SSE41;
    /* The ZMM registers are usable only if the OS saves SSE (bit 1), AVX (bit 2), the opmask
     * registers (bit 5), the upper halves of ZMM0-15 (bit 6) and ZMM16-31 (bit 7). */
    int zmmState = (c & bit_OSXSAVE) && (lc_xcr0() & 0xE6) == 0xE6;
    if (__get_cpuid_max(0, 0) >= 7) {
        __cpuid_count(7, 0, a, b, c, d);
        if (b & bit_SHA) f |= LC_CPU_SHANI;
        if (b & bit_BMI2) f |= LC_CPU_BMI2;
        if (b & bit_ADX) f |= LC_CPU_ADX;
        unsigned ifma = bit_AVX512F | bit_AVX512IFMA | bit_AVX512VL;
        if (zmmState && (b & ifma) == ifma) f |= LC_CPU_AVX512IFMA;
    }
    return f;
}
#else
uint32_t lc_cpu_features(void) { return 0; }
#endif
