/* AES with the AES-NI instructions: key expansion, ECB, CBC and CTR over many blocks.
 * Parallel modes keep eight blocks in flight, enough to cover the latency of AESENC/AESDEC on
 * current cores. Constant time: the instructions themselves are, and nothing branches on or
 * indexes by key or data (the CTR fast path branches only on the public counter value). */
#include "LibCryptoASM.h"

#if defined(__x86_64__) || defined(__i386__)
#include <string.h>
#include <emmintrin.h>
#include <tmmintrin.h>
#include <smmintrin.h>
#include <wmmintrin.h>

#define LC_AES_FN __attribute__((target("aes,sse4.1")))
#define LANES 8

static inline LC_AES_FN __m128i rk_at(const uint8_t *schedule, int i) {
    return _mm_loadu_si128((const __m128i *)(schedule + 16 * i));
}

/* SubWord(w) and RotWord(SubWord(w)) through AESKEYGENASSIST (w placed in dword 1). */
static inline LC_AES_FN uint32_t sub_word(uint32_t w, uint32_t *rotated) {
    __m128i r = _mm_aeskeygenassist_si128(_mm_set_epi32(0, 0, (int)w, 0), 0);
    *rotated = (uint32_t)_mm_extract_epi32(r, 1);
    return (uint32_t)_mm_cvtsi128_si32(r);
}

static void wipe(void *p, size_t n) {
    volatile uint8_t *v = (volatile uint8_t *)p;
    while (n--) *v++ = 0;
}

LC_AES_FN int lc_aesni_expand_key(const uint8_t *key, size_t key_len, uint8_t *schedule) {
    if (key_len != 16 && key_len != 24 && key_len != 32) return 0;
    uint32_t w[60];
    const int nk = (int)key_len / 4, nr = nk + 6, total = 4 * (nr + 1);
    memcpy(w, key, key_len);                 /* little-endian words: byte order is kept */
    uint32_t rcon = 1;
    for (int i = nk; i < total; i++) {
        uint32_t t = w[i - 1], rotated;
        if (i % nk == 0) {
            (void)sub_word(t, &rotated);
            t = rotated ^ rcon;
            rcon = (rcon << 1) ^ (0x11b & (0u - (rcon >> 7)));
        } else if (nk > 6 && i % nk == 4) {
            t = sub_word(t, &rotated);
        }
        w[i] = w[i - nk] ^ t;
    }
    memcpy(schedule, w, (size_t)total * 4);
    /* Decryption keys for the equivalent inverse cipher: reversed, InvMixColumns inside. */
    uint8_t *dk = schedule + 240;
    _mm_storeu_si128((__m128i *)dk, rk_at(schedule, nr));
    for (int i = 1; i < nr; i++)
        _mm_storeu_si128((__m128i *)(dk + 16 * i), _mm_aesimc_si128(rk_at(schedule, nr - i)));
    _mm_storeu_si128((__m128i *)(dk + 16 * nr), rk_at(schedule, 0));
    wipe(w, sizeof w);
    return nr;
}

static inline LC_AES_FN __m128i encrypt1(const uint8_t *ks, int nr, __m128i b) {
    b = _mm_xor_si128(b, rk_at(ks, 0));
    for (int r = 1; r < nr; r++) b = _mm_aesenc_si128(b, rk_at(ks, r));
    return _mm_aesenclast_si128(b, rk_at(ks, nr));
}

static inline LC_AES_FN __m128i decrypt1(const uint8_t *dk, int nr, __m128i b) {
    b = _mm_xor_si128(b, rk_at(dk, 0));
    for (int r = 1; r < nr; r++) b = _mm_aesdec_si128(b, rk_at(dk, r));
    return _mm_aesdeclast_si128(b, rk_at(dk, nr));
}

/* Eight independent blocks through all rounds. */
static inline LC_AES_FN void encrypt8(const uint8_t *ks, int nr, __m128i b[LANES]) {
    __m128i k = rk_at(ks, 0);
    for (int j = 0; j < LANES; j++) b[j] = _mm_xor_si128(b[j], k);
    for (int r = 1; r < nr; r++) {
        k = rk_at(ks, r);
        for (int j = 0; j < LANES; j++) b[j] = _mm_aesenc_si128(b[j], k);
    }
    k = rk_at(ks, nr);
    for (int j = 0; j < LANES; j++) b[j] = _mm_aesenclast_si128(b[j], k);
}

static inline LC_AES_FN void decrypt8(const uint8_t *dk, int nr, __m128i b[LANES]) {
    __m128i k = rk_at(dk, 0);
    for (int j = 0; j < LANES; j++) b[j] = _mm_xor_si128(b[j], k);
    for (int r = 1; r < nr; r++) {
        k = rk_at(dk, r);
        for (int j = 0; j < LANES; j++) b[j] = _mm_aesdec_si128(b[j], k);
    }
    k = rk_at(dk, nr);
    for (int j = 0; j < LANES; j++) b[j] = _mm_aesdeclast_si128(b[j], k);
}

#define LOAD(p) _mm_loadu_si128((const __m128i *)(p))
#define STORE(p, v) _mm_storeu_si128((__m128i *)(p), (v))

LC_AES_FN void lc_aesni_encrypt_blocks(const uint8_t *ks, int nr, const uint8_t *in, uint8_t *out, size_t blocks) {
    for (; blocks >= LANES; blocks -= LANES, in += 16 * LANES, out += 16 * LANES) {
        __m128i b[LANES];
        for (int j = 0; j < LANES; j++) b[j] = LOAD(in + 16 * j);
        encrypt8(ks, nr, b);
        for (int j = 0; j < LANES; j++) STORE(out + 16 * j, b[j]);
    }
    for (; blocks > 0; blocks--, in += 16, out += 16) STORE(out, encrypt1(ks, nr, LOAD(in)));
}

LC_AES_FN void lc_aesni_decrypt_blocks(const uint8_t *ks, int nr, const uint8_t *in, uint8_t *out, size_t blocks) {
    const uint8_t *dk = ks + 240;
    for (; blocks >= LANES; blocks -= LANES, in += 16 * LANES, out += 16 * LANES) {
        __m128i b[LANES];
        for (int j = 0; j < LANES; j++) b[j] = LOAD(in + 16 * j);
        decrypt8(dk, nr, b);
        for (int j = 0; j < LANES; j++) STORE(out + 16 * j, b[j]);
    }
    for (; blocks > 0; blocks--, in += 16, out += 16) STORE(out, decrypt1(dk, nr, LOAD(in)));
}

LC_AES_FN void lc_aesni_cbc_encrypt(const uint8_t *ks, int nr, const uint8_t *in, uint8_t *out, size_t blocks, uint8_t *iv) {
    __m128i c = LOAD(iv);
    for (; blocks > 0; blocks--, in += 16, out += 16) {
        c = encrypt1(ks, nr, _mm_xor_si128(c, LOAD(in)));
        STORE(out, c);
    }
    STORE(iv, c);
}

LC_AES_FN void lc_aesni_cbc_decrypt(const uint8_t *ks, int nr, const uint8_t *in, uint8_t *out, size_t blocks, uint8_t *iv) {
    const uint8_t *dk = ks + 240;
    __m128i prev = LOAD(iv);
    for (; blocks >= LANES; blocks -= LANES, in += 16 * LANES, out += 16 * LANES) {
        /* Every ciphertext block is read before anything is written (in-place safe). */
        __m128i c[LANES], b[LANES];
        for (int j = 0; j < LANES; j++) b[j] = c[j] = LOAD(in + 16 * j);
        decrypt8(dk, nr, b);
        b[0] = _mm_xor_si128(b[0], prev);
        for (int j = 1; j < LANES; j++) b[j] = _mm_xor_si128(b[j], c[j - 1]);
        prev = c[LANES - 1];
        for (int j = 0; j < LANES; j++) STORE(out + 16 * j, b[j]);
    }
    for (; blocks > 0; blocks--, in += 16, out += 16) {
        __m128i c = LOAD(in);
        STORE(out, _mm_xor_si128(decrypt1(dk, nr, c), prev));
        prev = c;
    }
    STORE(iv, prev);
}

/* Counter blocks are kept byte-reversed, as a little-endian 128-bit integer, so that the
 * increment is a vector add; BSWAP128 turns them back into counter blocks. */
#define BSWAP128 _mm_set_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)

/* Adds one to a byte-reversed 128-bit counter, carrying into the high word. */
static inline LC_AES_FN __m128i inc128(__m128i c) {
    c = _mm_add_epi64(c, _mm_set_epi64x(0, 1));
    __m128i wrapped = _mm_cmpeq_epi64(c, _mm_setzero_si128());   /* low word now 0: carry */
    return _mm_sub_epi64(c, _mm_slli_si128(wrapped, 8));
}

LC_AES_FN void lc_aesni_ctr128(const uint8_t *ks, int nr, const uint8_t *in, uint8_t *out, size_t blocks, uint8_t *counter) {
    const __m128i swap = BSWAP128;
    __m128i c = _mm_shuffle_epi8(LOAD(counter), swap);
    for (; blocks >= LANES; blocks -= LANES, in += 16 * LANES, out += 16 * LANES) {
        __m128i b[LANES];
        if ((uint64_t)_mm_cvtsi128_si64(c) <= UINT64_MAX - LANES) {
            /* No carry out of the low 64 bits in this batch: plain lane adds. */
            for (int j = 0; j < LANES; j++)
                b[j] = _mm_shuffle_epi8(_mm_add_epi64(c, _mm_set_epi64x(0, j)), swap);
            c = _mm_add_epi64(c, _mm_set_epi64x(0, LANES));
        } else {
            for (int j = 0; j < LANES; j++) {
                b[j] = _mm_shuffle_epi8(c, swap);
                c = inc128(c);
            }
        }
        encrypt8(ks, nr, b);
        for (int j = 0; j < LANES; j++) STORE(out + 16 * j, _mm_xor_si128(b[j], LOAD(in + 16 * j)));
    }
    for (; blocks > 0; blocks--, in += 16, out += 16) {
        __m128i k = encrypt1(ks, nr, _mm_shuffle_epi8(c, swap));
        c = inc128(c);
        STORE(out, _mm_xor_si128(k, LOAD(in)));
    }
    STORE(counter, _mm_shuffle_epi8(c, swap));
}

LC_AES_FN void lc_aesni_ctr32(const uint8_t *ks, int nr, const uint8_t *in, uint8_t *out, size_t blocks, uint8_t *counter) {
    const __m128i swap = BSWAP128;
    /* Byte-reversed, the last four bytes (the 32-bit counter) are the lowest dword. */
    __m128i c = _mm_shuffle_epi8(LOAD(counter), swap);
    for (; blocks >= LANES; blocks -= LANES, in += 16 * LANES, out += 16 * LANES) {
        __m128i b[LANES];
        for (int j = 0; j < LANES; j++) b[j] = _mm_shuffle_epi8(_mm_add_epi32(c, _mm_set_epi32(0, 0, 0, j)), swap);
        c = _mm_add_epi32(c, _mm_set_epi32(0, 0, 0, LANES));
        encrypt8(ks, nr, b);
        for (int j = 0; j < LANES; j++) STORE(out + 16 * j, _mm_xor_si128(b[j], LOAD(in + 16 * j)));
    }
    for (; blocks > 0; blocks--, in += 16, out += 16) {
        __m128i k = encrypt1(ks, nr, _mm_shuffle_epi8(c, swap));
        c = _mm_add_epi32(c, _mm_set_epi32(0, 0, 0, 1));
        STORE(out, _mm_xor_si128(k, LOAD(in)));
    }
    STORE(counter, _mm_shuffle_epi8(c, swap));
}

#else
int lc_aesni_expand_key(const uint8_t *key, size_t key_len, uint8_t *schedule) {
    (void)key; (void)key_len; (void)schedule; return 0;
}
void lc_aesni_encrypt_blocks(const uint8_t *s, int r, const uint8_t *i, uint8_t *o, size_t n) { (void)s; (void)r; (void)i; (void)o; (void)n; }
void lc_aesni_decrypt_blocks(const uint8_t *s, int r, const uint8_t *i, uint8_t *o, size_t n) { (void)s; (void)r; (void)i; (void)o; (void)n; }
void lc_aesni_cbc_encrypt(const uint8_t *s, int r, const uint8_t *i, uint8_t *o, size_t n, uint8_t *v) { (void)s; (void)r; (void)i; (void)o; (void)n; (void)v; }
void lc_aesni_cbc_decrypt(const uint8_t *s, int r, const uint8_t *i, uint8_t *o, size_t n, uint8_t *v) { (void)s; (void)r; (void)i; (void)o; (void)n; (void)v; }
void lc_aesni_ctr128(const uint8_t *s, int r, const uint8_t *i, uint8_t *o, size_t n, uint8_t *c) { (void)s; (void)r; (void)i; (void)o; (void)n; (void)c; }
void lc_aesni_ctr32(const uint8_t *s, int r, const uint8_t *i, uint8_t *o, size_t n, uint8_t *c) { (void)s; (void)r; (void)i; (void)o; (void)n; (void)c; }
#endif
