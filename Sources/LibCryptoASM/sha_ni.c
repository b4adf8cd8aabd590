/* SHA-1 and SHA-256 compression functions with the SHA extensions (SHA-NI).
 *
 * SHA-256: the state lives in two registers, (A, B, E, F) and (C, D, G, H), top dword first,
 * as SHA256RNDS2 wants it; each SHA256RNDS2 does two rounds from the low two dwords of
 * W + K, and SHA256MSG1/MSG2 with a 4-byte PALIGNR extend the schedule four words at a time.
 * SHA-1: (A, B, C, D) in one register (A on top) and E on top of another; SHA1RNDS4 does four
 * rounds of the function chosen by its immediate, SHA1NEXTE derives the next E, and
 * SHA1MSG1/MSG2 with an XOR extend the schedule. */
#include "LibCryptoASM.h"

#if defined(__x86_64__) || defined(__i386__)
#include <emmintrin.h>
#include <tmmintrin.h>
#include <smmintrin.h>
#include <immintrin.h>

#define LC_SHA_FN __attribute__((target("sha,sse4.1")))

static const uint32_t K256[64] __attribute__((aligned(16))) = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

/* Four rounds of SHA-256 with message words m (W[t..t+3], W[t] lowest). */
#define SHA256_ROUNDS4(m, t) do {                                          \
        __m128i wk = _mm_add_epi32((m), _mm_load_si128((const __m128i *)(K256 + (t)))); \
        cdgh = _mm_sha256rnds2_epu32(cdgh, abef, wk);                      \
        abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(wk, 0x0e)); \
    } while (0)

/* W[t..t+3] from the previous sixteen words: m0 = W[t-16..], m1 = W[t-12..], m2 = W[t-8..],
 * m3 = W[t-4..]; the result replaces m0. */
#define SHA256_SCHEDULE(m0, m1, m2, m3) \
    m0 = _mm_sha256msg2_epu32(_mm_add_epi32(_mm_sha256msg1_epu32(m0, m1), _mm_alignr_epi8(m3, m2, 4)), m3)

LC_SHA_FN void lc_sha256_shani(uint32_t *state, const uint8_t *in, size_t blocks) {
    const __m128i bswap32 = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
    __m128i dcba = _mm_loadu_si128((const __m128i *)state);        /* h3 h2 h1 h0 */
    __m128i hgfe = _mm_loadu_si128((const __m128i *)(state + 4));  /* h7 h6 h5 h4 */
    __m128i cdab = _mm_shuffle_epi32(dcba, 0xb1);
    __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1b);
    __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
    __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xf0);

    for (; blocks > 0; blocks--, in += 64) {
        const __m128i abef0 = abef, cdgh0 = cdgh;
        __m128i m0 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)in), bswap32);
        __m128i m1 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(in + 16)), bswap32);
        __m128i m2 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(in + 32)), bswap32);
        __m128i m3 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(in + 48)), bswap32);
        SHA256_ROUNDS4(m0, 0);
        SHA256_ROUNDS4(m1, 4);
        SHA256_ROUNDS4(m2, 8);
        SHA256_ROUNDS4(m3, 12);
        for (int t = 16; t < 64; t += 16) {
            SHA256_SCHEDULE(m0, m1, m2, m3); SHA256_ROUNDS4(m0, t);
            SHA256_SCHEDULE(m1, m2, m3, m0); SHA256_ROUNDS4(m1, t + 4);
            SHA256_SCHEDULE(m2, m3, m0, m1); SHA256_ROUNDS4(m2, t + 8);
            SHA256_SCHEDULE(m3, m0, m1, m2); SHA256_ROUNDS4(m3, t + 12);
        }
        abef = _mm_add_epi32(abef, abef0);
        cdgh = _mm_add_epi32(cdgh, cdgh0);
    }

    __m128i feba = _mm_shuffle_epi32(abef, 0x1b);
    __m128i dchg = _mm_shuffle_epi32(cdgh, 0xb1);
    _mm_storeu_si128((__m128i *)state, _mm_blend_epi16(feba, dchg, 0xf0));
    _mm_storeu_si128((__m128i *)(state + 4), _mm_alignr_epi8(dchg, feba, 8));
}

/* W[t..t+3] (W[t] in the top dword) from m0 = W[t-16..], m1 = W[t-12..], m2 = W[t-8..],
 * m3 = W[t-4..]; the result replaces m0. */
#define SHA1_SCHEDULE(m0, m1, m2, m3) \
    m0 = _mm_sha1msg2_epu32(_mm_xor_si128(_mm_sha1msg1_epu32(m0, m1), m2), m3)

/* Four rounds with function f on message words m; `prev` keeps ABCD from before them. */
#define SHA1_ROUNDS4(m, f) do {                     \
        __m128i we = _mm_sha1nexte_epu32(prev, (m));  \
        prev = abcd;                                  \
        abcd = _mm_sha1rnds4_epu32(abcd, we, (f));    \
    } while (0)

LC_SHA_FN void lc_sha1_shani(uint32_t *state, const uint8_t *in, size_t blocks) {
    const __m128i bswap = _mm_set_epi64x(0x0001020304050607LL, 0x08090a0b0c0d0e0fLL);
    __m128i abcd = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)state), 0x1b);
    __m128i e = _mm_set_epi32((int)state[4], 0, 0, 0);

    for (; blocks > 0; blocks--, in += 64) {
        const __m128i abcd0 = abcd, e0 = e;
        __m128i m0 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)in), bswap);
        __m128i m1 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(in + 16)), bswap);
        __m128i m2 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(in + 32)), bswap);
        __m128i m3 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(in + 48)), bswap);

        /* Rounds 0-3 take E from the chaining value; later groups derive it with SHA1NEXTE. */
        __m128i prev = abcd;
        abcd = _mm_sha1rnds4_epu32(abcd, _mm_add_epi32(e, m0), 0);
        SHA1_ROUNDS4(m1, 0);
        SHA1_ROUNDS4(m2, 0);
        SHA1_ROUNDS4(m3, 0);
        SHA1_SCHEDULE(m0, m1, m2, m3); SHA1_ROUNDS4(m0, 0);                      /* 16-19 */
        SHA1_SCHEDULE(m1, m2, m3, m0); SHA1_ROUNDS4(m1, 1);                      /* 20-23 */
        SHA1_SCHEDULE(m2, m3, m0, m1); SHA1_ROUNDS4(m2, 1);
        SHA1_SCHEDULE(m3, m0, m1, m2); SHA1_ROUNDS4(m3, 1);
        SHA1_SCHEDULE(m0, m1, m2, m3); SHA1_ROUNDS4(m0, 1);
        SHA1_SCHEDULE(m1, m2, m3, m0); SHA1_ROUNDS4(m1, 1);                      /* 36-39 */
        SHA1_SCHEDULE(m2, m3, m0, m1); SHA1_ROUNDS4(m2, 2);                      /* 40-43 */
        SHA1_SCHEDULE(m3, m0, m1, m2); SHA1_ROUNDS4(m3, 2);
        SHA1_SCHEDULE(m0, m1, m2, m3); SHA1_ROUNDS4(m0, 2);
        SHA1_SCHEDULE(m1, m2, m3, m0); SHA1_ROUNDS4(m1, 2);
        SHA1_SCHEDULE(m2, m3, m0, m1); SHA1_ROUNDS4(m2, 2);                      /* 56-59 */
        SHA1_SCHEDULE(m3, m0, m1, m2); SHA1_ROUNDS4(m3, 3);                      /* 60-63 */
        SHA1_SCHEDULE(m0, m1, m2, m3); SHA1_ROUNDS4(m0, 3);
        SHA1_SCHEDULE(m1, m2, m3, m0); SHA1_ROUNDS4(m1, 3);
        SHA1_SCHEDULE(m2, m3, m0, m1); SHA1_ROUNDS4(m2, 3);
        SHA1_SCHEDULE(m3, m0, m1, m2); SHA1_ROUNDS4(m3, 3);                      /* 76-79 */

        e = _mm_sha1nexte_epu32(prev, e0);
        abcd = _mm_add_epi32(abcd, abcd0);
    }

    _mm_storeu_si128((__m128i *)state, _mm_shuffle_epi32(abcd, 0x1b));
    state[4] = (uint32_t)_mm_extract_epi32(e, 3);
}

#else
void lc_sha1_shani(uint32_t *state, const uint8_t *in, size_t blocks) { (void)state; (void)in; (void)blocks; }
void lc_sha256_shani(uint32_t *state, const uint8_t *in, size_t blocks) { (void)state; (void)in; (void)blocks; }
#endif
