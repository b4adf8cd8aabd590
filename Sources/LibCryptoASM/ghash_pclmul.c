/* GHASH (NIST SP 800-38D) with carry-less multiplication (PCLMULQDQ).
 *
 * Representation: a block is byte-reversed on load, giving a 128-bit integer whose bit 127-i
 * is the coefficient of x^i (GCM numbers bits from the top of byte 0). The carry-less product
 * of two such integers, read as a 256-bit value of the same kind, is the polynomial product
 * times x. The table therefore stores every power of H pre-multiplied by x^-1 mod g
 * (g = x^128 + x^7 + x^2 + x + 1), so products come out exact and only need reducing:
 * the low 128 bits of a product hold the coefficients of x^128 ... x^255, each folded back
 * with x^128 = x^7 + x^2 + x + 1 (shifts right by 0, 1, 2, 7), twice for the few bits that
 * the first fold pushes past x^127 again.
 *
 * Eight blocks are hashed per reduction: Y' = (Y ^ X1)H^8 ^ X2 H^7 ^ ... ^ X8 H, with
 * Karatsuba (three multiplications per block). No branches or addresses depend on data. */
#include "LibCryptoASM.h"

#if defined(__x86_64__) || defined(__i386__)
#include <emmintrin.h>
#include <tmmintrin.h>
#include <smmintrin.h>
#include <wmmintrin.h>

#define LC_CLMUL_FN __attribute__((target("pclmul,sse4.1")))
#define BSWAP128 _mm_set_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)

/* v * x^-1 mod g: shift towards x^0 (integer left shift); if v had an x^0 term add
 * g * x^-1 = x^127 + x^6 + x + 1 (bits 0, 121, 126, 127). */
static inline LC_CLMUL_FN __m128i times_x_inverse(__m128i v) {
    __m128i shifted = _mm_or_si128(_mm_slli_epi64(v, 1), _mm_slli_si128(_mm_srli_epi64(v, 63), 8));
    __m128i mask = _mm_shuffle_epi32(_mm_srai_epi32(v, 31), 0xff);
    return _mm_xor_si128(shifted, _mm_and_si128(mask, _mm_set_epi64x((long long)0xc200000000000000ULL, 1)));
}

/* Karatsuba partial products of a and one table entry, accumulated unreduced. */
static inline LC_CLMUL_FN void mul_acc(__m128i a, const uint8_t *entry, __m128i *lo, __m128i *hi, __m128i *mid) {
    __m128i h = _mm_loadu_si128((const __m128i *)entry);
    __m128i hk = _mm_loadu_si128((const __m128i *)(entry + 16));
    *lo = _mm_xor_si128(*lo, _mm_clmulepi64_si128(a, h, 0x00));
    *hi = _mm_xor_si128(*hi, _mm_clmulepi64_si128(a, h, 0x11));
    __m128i ak = _mm_xor_si128(a, _mm_shuffle_epi32(a, 0x4e));
    *mid = _mm_xor_si128(*mid, _mm_clmulepi64_si128(ak, hk, 0x00));
}

/* Recombines Karatsuba's three products and reduces the 256-bit result modulo g. */
static inline LC_CLMUL_FN __m128i reduce(__m128i lo, __m128i hi, __m128i mid) {
    mid = _mm_xor_si128(mid, _mm_xor_si128(lo, hi));
    lo = _mm_xor_si128(lo, _mm_slli_si128(mid, 8));
    hi = _mm_xor_si128(hi, _mm_srli_si128(mid, 8));
    /* Bits of lo pushed past x^127 by the shifts (x^128 ... x^134), folded in first. */
    __m128i spill = _mm_xor_si128(_mm_xor_si128(_mm_slli_epi64(lo, 63), _mm_slli_epi64(lo, 62)), _mm_slli_epi64(lo, 57));
    __m128i m = _mm_xor_si128(lo, _mm_slli_si128(spill, 8));
    __m128i r = _mm_xor_si128(hi, m);
    r = _mm_xor_si128(r, _mm_xor_si128(_mm_srli_epi64(m, 1), _mm_srli_epi64(m, 2)));
    r = _mm_xor_si128(r, _mm_srli_epi64(m, 7));
    __m128i carry = _mm_xor_si128(_mm_xor_si128(_mm_slli_epi64(m, 63), _mm_slli_epi64(m, 62)), _mm_slli_epi64(m, 57));
    return _mm_xor_si128(r, _mm_srli_si128(carry, 8));
}

static inline LC_CLMUL_FN void store_entry(uint8_t *entry, __m128i power) {
    __m128i h = times_x_inverse(power);
    _mm_storeu_si128((__m128i *)entry, h);
    _mm_storeu_si128((__m128i *)(entry + 16), _mm_xor_si128(h, _mm_shuffle_epi32(h, 0x4e)));
}

LC_CLMUL_FN void lc_ghash_init(const uint8_t *hbytes, uint8_t *table) {
    __m128i h = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)hbytes), BSWAP128);
    store_entry(table, h);
    __m128i p = h;
    for (int k = 1; k < 8; k++) {
        __m128i lo = _mm_setzero_si128(), hi = lo, mid = lo;
        mul_acc(p, table, &lo, &hi, &mid);
        p = reduce(lo, hi, mid);
        store_entry(table + 32 * k, p);
    }
}

LC_CLMUL_FN void lc_ghash_blocks(const uint8_t *table, uint64_t *ystate, const uint8_t *in, size_t blocks) {
    const __m128i swap = BSWAP128;
    __m128i y = _mm_loadu_si128((const __m128i *)ystate);
    while (blocks > 0) {
        size_t n = blocks >= 8 ? 8 : blocks;
        __m128i lo = _mm_setzero_si128(), hi = lo, mid = lo;
        __m128i x = _mm_xor_si128(y, _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)in), swap));
        mul_acc(x, table + 32 * (n - 1), &lo, &hi, &mid);
        if (n == 8) {
            for (int j = 1; j < 8; j++)
                mul_acc(_mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(in + 16 * j)), swap), table + 32 * (7 - j), &lo, &hi, &mid);
        } else {
            for (size_t j = 1; j < n; j++)
                mul_acc(_mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(in + 16 * j)), swap), table + 32 * (n - 1 - j), &lo, &hi, &mid);
        }
        y = reduce(lo, hi, mid);
        in += 16 * n;
        blocks -= n;
    }
    _mm_storeu_si128((__m128i *)ystate, y);
}

#else
void lc_ghash_init(const uint8_t *h, uint8_t *table) { (void)h; (void)table; }
void lc_ghash_blocks(const uint8_t *t, uint64_t *y, const uint8_t *in, size_t n) { (void)t; (void)y; (void)in; (void)n; }
#endif
