/* Carry-less multiplication of binary-field elements with PCLMULQDQ, for the GF(2^m) curves
 * (LibCrypto's EC2MField.swift). Schoolbook over 64-bit limbs: every limb pair is one
 * PCLMULQDQ, the products folded into the double-length result. Loop bounds are the limb
 * count; no branch or address depends on the operands. */
#include "LibCryptoASM.h"

#if defined(__x86_64__) || defined(__i386__)
#include <emmintrin.h>
#include <wmmintrin.h>

__attribute__((target("pclmul,sse2"))) void lc_gf2m_mul_pclmul(uint64_t *r, const uint64_t *a, const uint64_t *b,
                                                               size_t n) {
    for (size_t i = 0; i < 2 * n; i++) r[i] = 0;
    for (size_t i = 0; i < n; i++) {
        __m128i ai = _mm_set_epi64x(0, (long long)a[i]);
        for (size_t j = 0; j < n; j++) {
            __m128i bj = _mm_set_epi64x(0, (long long)b[j]);
            __m128i p = _mm_clmulepi64_si128(ai, bj, 0x00);
            r[i + j] ^= (uint64_t)_mm_cvtsi128_si64(p);
            r[i + j + 1] ^= (uint64_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(p, p));
        }
    }
}
#else
void lc_gf2m_mul_pclmul(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t n) {
    (void)r;
    (void)a;
    (void)b;
    (void)n;
}
#endif
