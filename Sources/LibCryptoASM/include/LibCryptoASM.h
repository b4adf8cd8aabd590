/* Hardware paths of LibCrypto (x86-64: AES-NI, PCLMULQDQ, SHA-NI, MULX/ADX, AVX-512 IFMA). Linked only
 * with trait ASM.
 * Every entry point is safe to call only after lc_cpu_features() reported its feature; on other
 * architectures the entry points exist but do nothing (lc_cpu_features() returns 0 there).
 *
 * Conventions: buffers are byte pointers with no alignment requirement; `in` and `out` may be
 * the same address (in-place) but must not otherwise overlap. Nothing allocates. */
#ifndef LIBCRYPTO_ASM_H
#define LIBCRYPTO_ASM_H

#include <stddef.h>
#include <stdint.h>

/* Feature bits reported by lc_cpu_features(). */
#define LC_CPU_AESNI     (1u << 0)
#define LC_CPU_PCLMULQDQ (1u << 1)
#define LC_CPU_SHANI     (1u << 2)
#define LC_CPU_SSSE3     (1u << 3)
#define LC_CPU_SSE41     (1u << 4)
#define LC_CPU_BMI2      (1u << 5)
#define LC_CPU_ADX       (1u << 6)
/* AVX512F, AVX512IFMA and AVX512VL, and the OS saves the ZMM state (XCR0 bits 1-2 and 5-7). */
#define LC_CPU_AVX512IFMA (1u << 7)

/* The CPU's features relevant to this target (0 on non-x86 machines). */
uint32_t lc_cpu_features(void);

/* ---- AES-NI (needs LC_CPU_AESNI and LC_CPU_SSE41) ------------------------------------------
 * A schedule is LC_AESNI_SCHEDULE_BYTES bytes: the encryption round keys (FIPS 197 key
 * expansion, 16 bytes per round) at offset 0, the decryption round keys of the equivalent
 * inverse cipher at offset 240. */
#define LC_AESNI_SCHEDULE_BYTES 480

/* Expands a 16-, 24- or 32-byte key; returns the number of rounds (10, 12, 14), or 0 for any
 * other key length (schedule untouched). */
int lc_aesni_expand_key(const uint8_t *key, size_t key_len, uint8_t *schedule);
/* ECB over `blocks` 16-byte blocks. */
void lc_aesni_encrypt_blocks(const uint8_t *schedule, int rounds, const uint8_t *in, uint8_t *out, size_t blocks);
void lc_aesni_decrypt_blocks(const uint8_t *schedule, int rounds, const uint8_t *in, uint8_t *out, size_t blocks);
/* CBC; `iv` (16 bytes) is the chaining value, updated to the last ciphertext block. */
void lc_aesni_cbc_encrypt(const uint8_t *schedule, int rounds, const uint8_t *in, uint8_t *out, size_t blocks, uint8_t *iv);
void lc_aesni_cbc_decrypt(const uint8_t *schedule, int rounds, const uint8_t *in, uint8_t *out, size_t blocks, uint8_t *iv);
/* CTR: out = in XOR E(counter), per block; `counter` (16 bytes) is advanced by `blocks`.
 * ctr128 increments the whole block as a big-endian 128-bit integer (OpenSSL's AES-CTR);
 * ctr32 increments only its last four bytes modulo 2^32 (GCM's inc32). */
void lc_aesni_ctr128(const uint8_t *schedule, int rounds, const uint8_t *in, uint8_t *out, size_t blocks, uint8_t *counter);
void lc_aesni_ctr32(const uint8_t *schedule, int rounds, const uint8_t *in, uint8_t *out, size_t blocks, uint8_t *counter);

/* ---- GHASH with PCLMULQDQ (needs LC_CPU_PCLMULQDQ and LC_CPU_SSE41) --------------------------
 * The table (LC_GHASH_TABLE_BYTES) holds H^1 ... H^8 prepared for multiplication.
 * The state `y` is the GHASH value Y as two 64-bit words: y[0] = its last eight bytes read
 * big-endian, y[1] = its first eight bytes read big-endian. */
#define LC_GHASH_TABLE_BYTES 256

void lc_ghash_init(const uint8_t *h, uint8_t *table);
/* Y = (...((Y ^ X1) * H ^ X2) * H ... ^ Xn) * H over `blocks` 16-byte blocks at `in`. */
void lc_ghash_blocks(const uint8_t *table, uint64_t *y, const uint8_t *in, size_t blocks);

/* ---- Binary-field multiplication with PCLMULQDQ (needs LC_CPU_PCLMULQDQ) -------------------
 * r (2n limbs) = a * b as polynomials over GF(2), a and b n little-endian 64-bit limbs each;
 * r must not overlap a or b. Constant time: loop bounds are n only. */
void lc_gf2m_mul_pclmul(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t n);

/* ---- SHA-NI (needs LC_CPU_SHANI and LC_CPU_SSE41) --------------------------------------------
 * Compression functions over `blocks` 64-byte blocks; the state words in host order. */
void lc_sha1_shani(uint32_t *state /* 5 words */, const uint8_t *in, size_t blocks);
void lc_sha256_shani(uint32_t *state /* 8 words */, const uint8_t *in, size_t blocks);

/* ---- Montgomery multiplication with MULX/ADCX/ADOX (needs LC_CPU_BMI2 and LC_CPU_ADX) -------
 * r = a*b*2^(-64n) mod m for n-limb little-endian a < 2^(64n) and b < m, m odd, m0inv = -m^-1
 * mod 2^64; t is scratch of 2n+2 limbs; r may be a or b. Constant time: loop bounds are n,
 * the final subtraction is masked. */
void lc_mont_mul_mulx(uint64_t *r, const uint64_t *a, const uint64_t *b, const uint64_t *m, uint64_t m0inv,
                      size_t n, uint64_t *t);

/* ---- Four-limb Montgomery multiplication with MULX/ADCX/ADOX (needs LC_CPU_BMI2 and LC_CPU_ADX)
 * For the 256-bit elliptic-curve fields and orders (mont4_mulx.c): r = a*b*2^(-256) mod m for
 * a, b < m, m odd, m0inv = -m^-1 mod 2^64; r may be a or b. lc_p256_mul_mulx is the same for m
 * the P-256 prime, with its product-free reduction. Constant time: straight-line code, the final
 * subtraction kept by CMOV. */
void lc_mont4_mul_mulx(uint64_t *r, const uint64_t *a, const uint64_t *b, const uint64_t *m, uint64_t m0inv);
void lc_p256_mul_mulx(uint64_t *r, const uint64_t *a, const uint64_t *b);
/* r = a^2*2^(-256) mod m, for m < 2^256 - 2^192 (top limb not all ones: the four-limb window of
 * its reduction needs it), a < m; r may be a. lc_p256_sqr_mulx: m the P-256 prime. */
void lc_mont4_sqr_mulx(uint64_t *r, const uint64_t *a, const uint64_t *m, uint64_t m0inv);
void lc_p256_sqr_mulx(uint64_t *r, const uint64_t *a);

/* ---- Two 1024-bit modular exponentiations with AVX-512 IFMA (needs LC_CPU_AVX512IFMA) -------
 * The RSA-2048 CRT pair (rsaz_ifma.c): res[k] = base[k]^exp[k] mod m[k] for k = 0, 1, where
 * each argument holds the two numbers one after the other, 16 little-endian limbs each (so
 * res, base, exp, m and rr are 32 limbs, k0 two words). m[k] odd and below 2^1024, base[k] <
 * m[k], exp[k] any 1024-bit value, rr[k] = 2^2048 mod m[k], k0[k] = -m[k]^-1 mod 2^64. res may
 * be base. Constant time in base, exp and m: fixed window over all 1024 exponent bits, masked
 * table scan, no branch or address on a value. The workspace is on the stack and zeroed. */
void lc_rsaz_ifma_modexp1024_x2(uint64_t *res, const uint64_t *base, const uint64_t *exp, const uint64_t *m,
                                const uint64_t *rr, const uint64_t *k0);

/* A value barrier (BoringSSL's value_barrier_w): an empty asm statement that claims to modify x,
 * so the optimiser cannot know a mask that passes through it is 0 or all ones and keeps selects
 * arithmetic. Inline and free, where LibCrypto's generic CTLimb.barrier is a call. */
static inline uint64_t lc_value_barrier(uint64_t x) {
#if defined(__GNUC__) || defined(__clang__)
    __asm__("" : "+r"(x));
#endif
    return x;
}

#endif
