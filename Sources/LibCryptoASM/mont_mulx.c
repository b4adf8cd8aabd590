/* Montgomery multiplication with MULX and the two carry chains of ADCX/ADOX (BMI2 + ADX), for
 * any limb count. Built into LibCrypto only with trait ASM; called only after lc_cpu_features()
 * reported LC_CPU_BMI2 and LC_CPU_ADX (Swift side: MontgomeryKernel in
 * Sources/LibCrypto/BigNum/MontgomeryKernel.swift, HardwareSupport path `mulx`).
 *
 * Constant time: every loop bound is the limb count n (public); carries are arithmetic; the
 * final subtraction is chosen by a mask. No branch or address depends on a, b or the result. */
#include "LibCryptoASM.h"

#if defined(__x86_64__)

/* t[0..7] += x * b[0..7] + cin; returns the carry word (the exact top: the sum fits 9 words).
 * CF carries the low halves, OF the high halves of the previous limb. */
static inline uint64_t lc_muladd8(uint64_t *t, const uint64_t *b, uint64_t x, uint64_t cin) {
    uint64_t hi = cin, lo, nhi, acc;
    __asm__ volatile(
        "xorl %%eax, %%eax\n\t"
#define LC_STEP(j) \
        "mulxq " #j "*8(%[b]), %[lo], %[nhi]\n\t" \
        "movq " #j "*8(%[t]), %[acc]\n\t" \
        "adcxq %[lo], %[acc]\n\t" \
        "adoxq %[hi], %[acc]\n\t" \
        "movq %[acc], " #j "*8(%[t])\n\t" \
        "movq %[nhi], %[hi]\n\t"
        LC_STEP(0) LC_STEP(1) LC_STEP(2) LC_STEP(3) LC_STEP(4) LC_STEP(5) LC_STEP(6) LC_STEP(7)
#undef LC_STEP
        "movl $0, %%eax\n\t"
        "adcxq %%rax, %[hi]\n\t"
        "adoxq %%rax, %[hi]\n\t"
        : [hi] "+&r"(hi), [lo] "=&r"(lo), [nhi] "=&r"(nhi), [acc] "=&r"(acc)
        : [t] "r"(t), [b] "r"(b), "d"(x)
        : "rax", "cc", "memory");
    return hi;
}

/* t[0..n-1] += x * b[0..n-1] + cin; returns the carry word. */
__attribute__((target("bmi2,adx")))
static inline uint64_t lc_muladd_row(uint64_t *t, const uint64_t *b, uint64_t x, size_t n, uint64_t c) {
    size_t j = 0;
    for (; j + 8 <= n; j += 8) c = lc_muladd8(t + j, b + j, x, c);
    for (; j < n; j++) {
        unsigned __int128 p = (unsigned __int128)x * b[j] + t[j] + c;
        t[j] = (uint64_t)p;
        c = (uint64_t)(p >> 64);
    }
    return c;
}

__attribute__((target("bmi2,adx")))
void lc_mont_mul_mulx(uint64_t *r, const uint64_t *a, const uint64_t *b, const uint64_t *m, uint64_t m0inv,
                      size_t n, uint64_t *t) {
    for (size_t i = 0; i < 2 * n + 2; i++) t[i] = 0;
    /* The live value is t[i .. i+n+1]; each round adds a[i]*b and u*m, then drops the zero t[i]. */
    for (size_t i = 0; i < n; i++) {
        uint64_t *w = t + i;
        uint64_t c = lc_muladd_row(w, b, a[i], n, 0);
        unsigned __int128 s = (unsigned __int128)w[n] + c;
        w[n] = (uint64_t)s;
        w[n + 1] += (uint64_t)(s >> 64);
        uint64_t u = w[0] * m0inv;
        c = lc_muladd_row(w, m, u, n, 0);
        s = (unsigned __int128)w[n] + c;
        w[n] = (uint64_t)s;
        w[n + 1] += (uint64_t)(s >> 64);
    }
    /* t[n .. 2n] < 2m: subtract m, keep t when that borrows past t[2n] (a mask). */
    const uint64_t *x = t + n;
    uint64_t borrow = 0;
    for (size_t j = 0; j < n; j++) {
        unsigned __int128 d = (unsigned __int128)x[j] - m[j] - borrow;
        r[j] = (uint64_t)d;
        borrow = (uint64_t)(d >> 64) & 1;
    }
    uint64_t keep = 0 - (borrow & ~x[n] & 1);
    /* The empty asm hides from the compiler that keep is 0 or all ones. Without it clang 17
     * compiled the select below into a branch on keep (`test %rax,%rax; jne` around the copy
     * loop): a secret-dependent branch on the final subtraction, invisible to Valgrind (its
     * CPUID hides ADX, so this kernel never ran there) and found by dudect
     * (rsa-1024-sign-pkcs1-mulx, |t| 24 to 40 at 10^6 calls; docs/constant-time.md). */
    __asm__("" : "+r"(keep));
    for (size_t j = 0; j < n; j++) r[j] = (x[j] & keep) | (r[j] & ~keep);
}

#else
void lc_mont_mul_mulx(uint64_t *r, const uint64_t *a, const uint64_t *b, const uint64_t *m, uint64_t m0inv,
                      size_t n, uint64_t *t) {
    (void)r; (void)a; (void)b; (void)m; (void)m0inv; (void)n; (void)t;
}
#endif
