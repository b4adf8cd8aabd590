/* Two 1024-bit modular exponentiations side by side with AVX-512 IFMA (VPMADD52LUQ/VPMADD52HUQ):
 * the two half-size exponentiations of an RSA-2048 private operation by the CRT. Built into
 * LibCrypto only with trait ASM; called only after lc_cpu_features() reported LC_CPU_AVX512IFMA
 * (Swift side: Sources/LibCrypto/BigNum/MontgomeryIFMA.swift, HardwareSupport path `ifma`).
 *
 * Sources. The method is the "almost Montgomery multiplication" in radix 2^52 of
 *   - S. Gueron, "Efficient software implementations of modular exponentiation", Journal of
 *     Cryptographic Engineering 2 (2012) 31-43 (AMM, and why its output can feed the next AMM
 *     without the final subtraction);
 *   - S. Gueron and V. Krasnov, "Software implementation of modular exponentiation, using
 *     advanced vector instructions architectures", WAIFI 2012 (redundant small-radix digits in
 *     vector lanes);
 *   - N. Drucker and S. Gueron, "Fast modular squaring with AVX512IFMA", ITNG 2019 (the 52-bit
 *     multiply-add instructions for RSA).
 * Written after reading, not copying, OpenSSL 3.0's crypto/bn/rsaz_exp_x2.c and
 * crypto/bn/asm/rsaz-avx512.pl (openssl_3.0.22.orig.tar.gz in ~/.cache/swift-libcrypto): the
 * same representation, the same digit-serial AMM with the lowest digit kept exact in a scalar
 * register, the same fixed 5-bit window and masked table scan; the code below is our own
 * (C intrinsics on 512- and 256-bit registers instead of perlasm on 256-bit ones, our own
 * carry-propagation and conversions).
 *
 * ---- Representation --------------------------------------------------------------------------
 * A number below 2^1040 is 20 digits of 52 bits, d[0] + d[1]*2^52 + ... + d[19]*2^988, each in
 * the low 52 bits of a 64-bit word (the top 12 bits zero when normalised). In registers the 20
 * digits of one number are a "v20": digits 0-7 in a 512-bit register, 8-15 in a second, 16-19
 * in a 256-bit one. VPMADD52LUQ adds the low 52 bits of the 104-bit product of two lanes' low
 * 52 bits to a 64-bit lane, VPMADD52HUQ the high 52 bits; a lane can take thousands of such
 * additions before it overflows, so carries are propagated only once per multiplication.
 *
 * ---- Almost Montgomery multiplication (AMM) -------------------------------------------------
 * With R' = 2^1040 (20 digits), m odd below 2^1024 and k0 = -m^-1 mod 2^52,
 *     AMM(a, b) = (a*b + y*m) / R'   for the y < R' that makes the division exact,
 * which is a*b/R' mod m, but only "almost" reduced: for a, b < 2^1025,
 *     AMM(a, b) < a*b/R' + m < 2^2050/2^1040 + m < 2m < 2^1025,
 * so the output is a valid input again and no conditional subtraction is ever needed inside
 * the exponentiation (S. Gueron, "Enhanced Montgomery multiplication", Lemma 1, which OpenSSL's
 * comment cites; the two lines above are the whole argument for our sizes).
 * y is found one digit at a time, b's digits from the lowest (digit-serial, like CIOS):
 *     for i in 0..19:  T += a*b[i];  y_i = T[0]*k0 mod 2^52;  T += y_i*m;  T /= 2^52 (exact)
 * T lives in the three registers (one lane per digit, unnormalised) except its lowest digit,
 * which a scalar register `acc` keeps EXACT (full 104-bit products with MULX), because y_i
 * needs T[0] exactly while the lanes hold only partial sums. Per step, the lanes receive the
 * low halves of a*b[i] and y_i*m, move down one lane (the division by 2^52; lane 0's partial
 * sum is dropped, acc has it), acc takes the new lane 0, then the lanes receive the high
 * halves (which belong one digit up, i.e. at the same lane after the move). After 20 steps
 * acc is put back in lane 0 and the carries are propagated (lc_v20_normalise).
 * Two scheduling choices keep the serial part short (lc_amm_step): the next acc is assembled
 * in scalar registers from values known a step early, and the products by b[i], which do not
 * depend on y_i, are formed apart from T and added to it.
 *
 * ---- Squaring --------------------------------------------------------------------------------
 * AMM(a, a) needs every cross product a_i*a_j once, doubled. With a = A0 + A1 + A2 (digits 0-7,
 * 8-15, 16-19 in place), a^2 = A0 (A0 + 2A1 + 2A2) + A1 (A1 + 2A2) + A2 A2: the steps for
 * b-digits 8-15 multiply by a number whose digits 0-7 are zero and the steps for 16-19 by one
 * whose digits 0-15 are, so their registers are skipped (lc_ams_x2): a sixth fewer multiply-adds,
 * the same result as AMM(a, a). Saving the repeated cross products is the subject of Drucker and
 * Gueron's squaring paper; this block arrangement inside the digit-serial loop is ours.
 *
 * ---- Exponentiation -------------------------------------------------------------------------
 * Domain: x -> x*R' mod m. The caller gives RR = 2^2048 mod m (its own 64-bit Montgomery
 * constant); RR' = 2^2080 mod m = AMM(AMM(RR, RR), 2^64): (2^4096/2^1040)*2^64/2^1040.
 * The base enters as AMM(base, RR') = base*R'; table[i] = base^i * R' for i < 32; the exponent
 * (1024 bits) is read in a first window of 4 bits (1024 = 4 + 5*204) and 204 windows of 5,
 * each window 5 squarings and one AMM product by the table entry. The result leaves the
 * domain by AMM(Y, 1) = (Y + y*m)/R' <= m (since Y < R'), then one masked subtraction of m.
 * Both exponentiations run in the same loop (two independent dependency chains interleaved,
 * which hides the latency of the serial y_i computation).
 *
 * ---- Constant time --------------------------------------------------------------------------
 * Secrets are the bases, the exponents and the moduli (the primes). Every loop bound is a
 * constant; every window is read at a fixed bit position; a table entry is chosen by scanning
 * all 32 entries with full, unmasked loads and keeping one through a lane mask made from a
 * comparison with the index (no address and no branch depends on it); carries go through
 * arithmetic and mask registers; the final subtraction is masked. The compiled code was read
 * back (objdump): its only branches are loop counters and the public position tests of the
 * conversions, and the table loads are plain loads followed by register blends.
 * Valgrind cannot check this file: it does not run AVX-512 and hides it (and ADX) in the CPUID
 * it reports, so under ctgrind lc_cpu_features() finds neither this path nor MULX and LibCrypto
 * runs the generic Swift Montgomery kernel instead; see docs/constant-time.md.
 *
 * ---- Secrets in memory ----------------------------------------------------------------------
 * The working state (table, accumulators, converted operands, exponent copies) is on this
 * function's stack and is zeroed before returning, through a compiler barrier so that the
 * stores are not removed as dead. (Vector registers are not cleared, as in OpenSSL: the next
 * vector code overwrites them.) */
#include "LibCryptoASM.h"

#if defined(__x86_64__)
#include <immintrin.h>
#include <string.h>

#define LC_IFMA __attribute__((target("avx512f,avx512ifma,avx512vl,bmi2")))
#define LC_IFMA_INLINE static inline __attribute__((always_inline, target("avx512f,avx512ifma,avx512vl,bmi2")))
/* Pins a scalar to a general register: without it the compiler packs the two exponentiations'
 * scalar chains into one vector register and emulates the 64-bit multiplications there, which
 * triples the latency of the serial part. */
#define LC_GPR(x) __asm__("" : "+r"(x))

#define DIGITS 20                      /* 52-bit digits of a 1024-bit number (1040 bits) */
#define LIMBS 16                       /* 64-bit limbs of a 1024-bit number */
#define PAIR (2 * DIGITS)              /* the two numbers of a pair, one after the other */
#define WINDOW 5                       /* fixed window: 32 table entries */
#define TABLE (1 << WINDOW)
#define MASK52 ((uint64_t)0xFFFFFFFFFFFFF)

/* Zeroes n bytes at p; the empty asm with a memory clobber keeps the stores. */
static void lc_ifma_wipe(void *p, size_t n) {
    memset(p, 0, n);
    __asm__ __volatile__("" : : "r"(p) : "memory");
}

/* ---- 64-bit limbs <-> 52-bit digits (public positions only) ---------------------------------- */

/* out[0..19] = the 52-bit digits of the 16-limb in[]: digit j is bits 52j .. 52j+51. */
static void lc_ifma_to52(uint64_t *out, const uint64_t *in) {
    for (int j = 0; j < DIGITS; j++) {
        int bit = 52 * j, limb = bit >> 6, shift = bit & 63;
        uint64_t lo = in[limb];
        uint64_t hi = limb + 1 < LIMBS ? in[limb + 1] : 0;
        out[j] = (uint64_t)((((unsigned __int128)hi << 64) | lo) >> shift) & MASK52;
    }
}

/* out[0..15] = the 16 limbs of the normalised 20-digit in[] (whose value is below 2^1024). */
static void lc_ifma_from52(uint64_t *out, const uint64_t *in) {
    for (int i = 0; i < LIMBS; i++) {
        int bit = 64 * i, j = bit / 52, shift = bit % 52;
        /* bits 64i .. 64i+63 lie in digits j, j+1 and (when shift > 40) j+2 */
        uint64_t v = in[j] >> shift;
        if (j + 1 < DIGITS) v |= in[j + 1] << (52 - shift);
        if (shift > 40 && j + 2 < DIGITS) v |= in[j + 2] << (104 - shift);
        out[i] = v;
    }
}

/* ---- 20 digits in registers ------------------------------------------------------------------ */

typedef struct {
    __m512i lo;  /* digits 0..7 */
    __m512i mid; /* digits 8..15 */
    __m256i hi;  /* digits 16..19 */
} v20;

LC_IFMA_INLINE v20 lc_v20_load(const uint64_t *p) {
    v20 v = {_mm512_loadu_si512((const void *)p), _mm512_loadu_si512((const void *)(p + 8)),
             _mm256_loadu_si256((const __m256i *)(p + 16))};
    return v;
}

LC_IFMA_INLINE void lc_v20_store(uint64_t *p, v20 v) {
    _mm512_storeu_si512((void *)p, v.lo);
    _mm512_storeu_si512((void *)(p + 8), v.mid);
    _mm256_storeu_si256((__m256i *)(p + 16), v.hi);
}

LC_IFMA_INLINE v20 lc_v20_zero(void) {
    v20 v = {_mm512_setzero_si512(), _mm512_setzero_si512(), _mm256_setzero_si256()};
    return v;
}

/* r + lo52(x * a) lane by lane, x broadcast */
LC_IFMA_INLINE v20 lc_v20_madd_lo(v20 r, __m512i x, v20 a) {
    r.lo = _mm512_madd52lo_epu64(r.lo, x, a.lo);
    r.mid = _mm512_madd52lo_epu64(r.mid, x, a.mid);
    r.hi = _mm256_madd52lo_epu64(r.hi, _mm512_castsi512_si256(x), a.hi);
    return r;
}

/* r + hi52(x * a) lane by lane, x broadcast */
LC_IFMA_INLINE v20 lc_v20_madd_hi(v20 r, __m512i x, v20 a) {
    r.lo = _mm512_madd52hi_epu64(r.lo, x, a.lo);
    r.mid = _mm512_madd52hi_epu64(r.mid, x, a.mid);
    r.hi = _mm256_madd52hi_epu64(r.hi, _mm512_castsi512_si256(x), a.hi);
    return r;
}

/* Every digit moves down one lane (digit k+1 to lane k), zero into digit 19. */
LC_IFMA_INLINE v20 lc_v20_shift_down(v20 r) {
    v20 o;
    o.lo = _mm512_alignr_epi64(r.mid, r.lo, 1);
    o.mid = _mm512_alignr_epi64(_mm512_castsi256_si512(r.hi), r.mid, 1);
    o.hi = _mm256_alignr_epi64(_mm256_setzero_si256(), r.hi, 1);
    return o;
}

/* Every digit moves up one lane (digit k to lane k+1), zero into digit 0; lane 19's out. */
LC_IFMA_INLINE v20 lc_v20_shift_up(v20 r) {
    v20 o;
    o.hi = _mm256_alignr_epi64(r.hi, _mm512_extracti64x4_epi64(r.mid, 1), 3);
    o.mid = _mm512_alignr_epi64(r.mid, r.lo, 7);
    o.lo = _mm512_alignr_epi64(r.lo, _mm512_setzero_si512(), 7);
    return o;
}

/* Normalises lanes of up to 63 bits to 52-bit digits of the same value (below 2^1040).
 * First every lane's bits 52.. move one digit up; after that each lane is below 2^52 + 2^11,
 * so it carries at most 1 further. That second carry ripples through lanes equal to 2^52-1:
 * with g = lanes above 2^52-1 ("generate") and p = lanes equal to it ("propagate") as bit
 * masks (bit k = digit k), the lanes receiving a carry are ((g << 1) + p) ^ p — the carry
 * lookahead of an ordinary integer addition, done by the scalar adder on the masks; such a
 * lane becomes (lane + 1) mod 2^52. Branch-free. */
LC_IFMA_INLINE v20 lc_v20_normalise(v20 r) {
    const __m512i mask = _mm512_set1_epi64((long long)MASK52);
    const __m256i mask4 = _mm256_set1_epi64x((long long)MASK52);
    v20 c = {_mm512_srli_epi64(r.lo, 52), _mm512_srli_epi64(r.mid, 52), _mm256_srli_epi64(r.hi, 52)};
    c = lc_v20_shift_up(c);
    r.lo = _mm512_add_epi64(_mm512_and_si512(r.lo, mask), c.lo);
    r.mid = _mm512_add_epi64(_mm512_and_si512(r.mid, mask), c.mid);
    r.hi = _mm256_add_epi64(_mm256_and_si256(r.hi, mask4), c.hi);

    uint32_t g = (uint32_t)_mm512_cmpgt_epu64_mask(r.lo, mask) | (uint32_t)_mm512_cmpgt_epu64_mask(r.mid, mask) << 8 |
                 (uint32_t)_mm256_cmpgt_epu64_mask(r.hi, mask4) << 16;
    uint32_t p = (uint32_t)_mm512_cmpeq_epu64_mask(r.lo, mask) | (uint32_t)_mm512_cmpeq_epu64_mask(r.mid, mask) << 8 |
                 (uint32_t)_mm256_cmpeq_epu64_mask(r.hi, mask4) << 16;
    uint32_t carry = ((g << 1) + p) ^ p;
    /* lane - (2^52 - 1) = lane + 1 - 2^52: the +1, and the -2^52 vanishes under the mask */
    r.lo = _mm512_mask_sub_epi64(r.lo, (__mmask8)carry, r.lo, mask);
    r.mid = _mm512_mask_sub_epi64(r.mid, (__mmask8)(carry >> 8), r.mid, mask);
    r.hi = _mm256_mask_sub_epi64(r.hi, (__mmask8)((carry >> 16) & 0xF), r.hi, mask4);
    r.lo = _mm512_and_si512(r.lo, mask);
    r.mid = _mm512_and_si512(r.mid, mask);
    r.hi = _mm256_and_si256(r.hi, mask4);
    return r;
}

/* Which registers of a step's multiplicand may be nonzero (the squaring skips the others). */
enum { LC_ALL = 0, LC_FROM8 = 1, LC_FROM16 = 2 };

/* One digit-serial step (see the top of the file): T += x*bi + y*m, then T /= 2^52, where x is
 * this step's multiplicand (digits below 8*from known to be zero: those registers are skipped),
 * x0, x1 its digits 0 and 1, m0, m1 the modulus' digits 0 and 1.
 * The next exact lowest digit is computed in scalar registers: the carry out of digit 0, plus
 * lane 1 of T as it was BEFORE this step (ready one step early), plus the low halves of x1*bi
 * and y*m1. So the serial chain from y to the next y stays in general registers (multiply,
 * add, shift) and never waits for a vector multiply-add and a lane extraction; the vector
 * work of a step only has to be done before the step after next needs its lane 1. */
LC_IFMA_INLINE void lc_amm_step(v20 *t, uint64_t *acc, v20 x, int from, v20 m, uint64_t x0, uint64_t x1, uint64_t m0,
                                uint64_t m1, uint64_t k0, uint64_t bi) {
    uint64_t lane1 = (uint64_t)_mm_extract_epi64(_mm512_castsi512_si128(t->lo), 1);
    unsigned __int128 s = (unsigned __int128)x0 * bi + *acc;
    uint64_t y = ((uint64_t)s * k0) & MASK52;
    LC_GPR(y);
    s += (unsigned __int128)y * m0; /* now divisible by 2^52 */
    uint64_t carry = (uint64_t)(s >> 52);
    LC_GPR(carry);
    uint64_t known = lane1 + ((x1 * bi) & MASK52); /* the low 52 bits of a product: a 64-bit multiply */
    __m512i vb = _mm512_set1_epi64((long long)bi);
    __m512i vy = _mm512_set1_epi64((long long)y);
    /* The products by bi do not wait for y: they go into fresh registers, and the running sum
     * T meets them through plain additions, so T's own chain per step is add, multiply-add
     * (y), shift, add, multiply-add (y) instead of four dependent multiply-adds. */
    v20 r = *t, plo = lc_v20_zero(), phi = lc_v20_zero();
    if (from == LC_ALL) {
        plo.lo = _mm512_madd52lo_epu64(plo.lo, vb, x.lo);
        phi.lo = _mm512_madd52hi_epu64(phi.lo, vb, x.lo);
        r.lo = _mm512_add_epi64(r.lo, plo.lo);
    }
    if (from <= LC_FROM8) {
        plo.mid = _mm512_madd52lo_epu64(plo.mid, vb, x.mid);
        phi.mid = _mm512_madd52hi_epu64(phi.mid, vb, x.mid);
        r.mid = _mm512_add_epi64(r.mid, plo.mid);
    }
    plo.hi = _mm256_madd52lo_epu64(plo.hi, _mm512_castsi512_si256(vb), x.hi);
    phi.hi = _mm256_madd52hi_epu64(phi.hi, _mm512_castsi512_si256(vb), x.hi);
    r.hi = _mm256_add_epi64(r.hi, plo.hi);
    r = lc_v20_madd_lo(r, vy, m);
    r = lc_v20_shift_down(r);
    if (from == LC_ALL) r.lo = _mm512_add_epi64(r.lo, phi.lo);
    if (from <= LC_FROM8) r.mid = _mm512_add_epi64(r.mid, phi.mid);
    r.hi = _mm256_add_epi64(r.hi, phi.hi);
    *t = lc_v20_madd_hi(r, vy, m);
    *acc = carry + known + ((y * m1) & MASK52);
}

/* acc is the exact lowest digit (lane 0 holds a partial sum only): put it back, normalise, store. */
LC_IFMA_INLINE void lc_amm_finish(uint64_t *out, v20 t, uint64_t acc) {
    t.lo = _mm512_mask_set1_epi64(t.lo, 1, (long long)acc);
    lc_v20_store(out, lc_v20_normalise(t));
}

/* Two AMMs: out[k] = AMM(a[k], b[k]) modulo m[k] for k = 0, 1 (each a PAIR array: number 0
 * in digits 0..19, number 1 in 20..39). Inputs below 2^1025 and normalised; out may be a or b. */
LC_IFMA static void lc_amm_x2(uint64_t *out, const uint64_t *a, const uint64_t *b, const uint64_t *m,
                              const uint64_t *k0) {
    v20 a0 = lc_v20_load(a), a1 = lc_v20_load(a + DIGITS);
    v20 m0 = lc_v20_load(m), m1 = lc_v20_load(m + DIGITS);
    v20 t0 = lc_v20_zero(), t1 = lc_v20_zero();
    uint64_t acc0 = 0, acc1 = 0;
    const uint64_t k00 = k0[0] & MASK52, k10 = k0[1] & MASK52;
    for (int i = 0; i < DIGITS; i++) {
        uint64_t b0 = b[i], b1 = b[DIGITS + i];
        lc_amm_step(&t0, &acc0, a0, LC_ALL, m0, a[0], a[1], m[0], m[1], k00, b0);
        lc_amm_step(&t1, &acc1, a1, LC_ALL, m1, a[DIGITS], a[DIGITS + 1], m[DIGITS], m[DIGITS + 1], k10, b1);
    }
    lc_amm_finish(out, t0, acc0);
    lc_amm_finish(out + DIGITS, t1, acc1);
}

/* The multiplicands of a squaring (see lc_ams_x2): c0 = A0 + 2(A1 + A2), c1 = A1 + 2 A2, where
 * A0, A1, A2 are a's digits 0-7, 8-15 and 16-19 in place. Doubling a block is a shift by one
 * bit with the top bit of each digit carried into the next; no carry enters a doubled block
 * from the undoubled one below it. Every digit stays below 2^52 (the value below 2^1026). */
LC_IFMA_INLINE void lc_ams_multiplicands(v20 a, v20 *c0, v20 *c1) {
    const __m512i mask = _mm512_set1_epi64((long long)MASK52);
    const __m256i mask4 = _mm256_set1_epi64x((long long)MASK52);
    __m512i topMid = _mm512_srli_epi64(a.mid, 51);
    __m256i topHi = _mm256_srli_epi64(a.hi, 51);
    __m512i twiceMid = _mm512_and_si512(_mm512_slli_epi64(a.mid, 1), mask);
    __m256i twiceHi = _mm256_and_si256(_mm256_slli_epi64(a.hi, 1), mask4);
    c0->lo = a.lo;
    c0->mid = _mm512_add_epi64(twiceMid, _mm512_alignr_epi64(topMid, _mm512_setzero_si512(), 7));
    c0->hi = _mm256_add_epi64(twiceHi, _mm256_alignr_epi64(topHi, _mm512_extracti64x4_epi64(topMid, 1), 3));
    c1->lo = _mm512_setzero_si512();
    c1->mid = a.mid;
    c1->hi = _mm256_add_epi64(twiceHi, _mm256_alignr_epi64(topHi, _mm256_setzero_si256(), 3));
}

/* Two almost Montgomery squarings: out[k] = AMM(a[k], a[k]), with a sixth fewer multiply-adds.
 * Write a = A0 + A1 + A2 (the digit blocks 0-7, 8-15, 16-19 in place); then
 *     a^2 = A0 (A0 + 2 A1 + 2 A2) + A1 (A1 + 2 A2) + A2 A2 = A0 c0 + A1 c1 + A2 A2,
 * so the digit-serial loop multiplies b-digits 0-7 by c0 (all registers), 8-15 by c1 (zero in
 * lanes 0-7: the low register is skipped) and 16-19 by A2 (only the 256-bit register), each
 * cross product counted once and doubled through the multiplicand. The sum of the steps is the
 * same a*a + y*m, so the output and its bound are AMM(a, a)'s. */
LC_IFMA static void lc_ams_x2(uint64_t *out, const uint64_t *a, const uint64_t *m, const uint64_t *k0) {
    v20 a0 = lc_v20_load(a), a1 = lc_v20_load(a + DIGITS);
    v20 m0 = lc_v20_load(m), m1 = lc_v20_load(m + DIGITS);
    v20 c00, c01, c10, c11;
    lc_ams_multiplicands(a0, &c00, &c01);
    lc_ams_multiplicands(a1, &c10, &c11);
    v20 t0 = lc_v20_zero(), t1 = lc_v20_zero();
    uint64_t acc0 = 0, acc1 = 0;
    const uint64_t k00 = k0[0] & MASK52, k10 = k0[1] & MASK52;
    const uint64_t m00 = m[0], m01 = m[1], m10 = m[DIGITS], m11 = m[DIGITS + 1];
    int i = 0;
    for (; i < 8; i++) {
        lc_amm_step(&t0, &acc0, c00, LC_ALL, m0, a[0], a[1], m00, m01, k00, a[i]);
        lc_amm_step(&t1, &acc1, c10, LC_ALL, m1, a[DIGITS], a[DIGITS + 1], m10, m11, k10, a[DIGITS + i]);
    }
    for (; i < 16; i++) {
        lc_amm_step(&t0, &acc0, c01, LC_FROM8, m0, 0, 0, m00, m01, k00, a[i]);
        lc_amm_step(&t1, &acc1, c11, LC_FROM8, m1, 0, 0, m10, m11, k10, a[DIGITS + i]);
    }
    for (; i < DIGITS; i++) {
        lc_amm_step(&t0, &acc0, a0, LC_FROM16, m0, 0, 0, m00, m01, k00, a[i]);
        lc_amm_step(&t1, &acc1, a1, LC_FROM16, m1, 0, 0, m10, m11, k10, a[DIGITS + i]);
    }
    lc_amm_finish(out, t0, acc0);
    lc_amm_finish(out + DIGITS, t1, acc1);
}

/* out = table[w0] for number 0 and table[w1] for number 1 (a table of TABLE pairs), reading
 * every entry and keeping the wanted one through a lane mask: no secret address or branch. */
LC_IFMA static void lc_gather_x2(uint64_t *out, const uint64_t *table, uint64_t w0, uint64_t w1) {
    const __m512i want0 = _mm512_set1_epi64((long long)w0), want1 = _mm512_set1_epi64((long long)w1);
    v20 r0 = lc_v20_zero(), r1 = lc_v20_zero();
    for (int k = 0; k < TABLE; k++) {
        const __m512i index = _mm512_set1_epi64(k);
        const __mmask8 s0 = _mm512_cmpeq_epu64_mask(index, want0), s1 = _mm512_cmpeq_epu64_mask(index, want1);
        const uint64_t *e = table + k * PAIR;
        v20 x0 = lc_v20_load(e), x1 = lc_v20_load(e + DIGITS);
        /* Every entry is loaded whole, unmasked: without this the compiler folds the load into
         * the masked move below, and a masked-off load may skip the cache (a secret-dependent
         * memory footprint). The blend then happens between registers. */
        __asm__("" : "+v"(x0.lo), "+v"(x0.mid), "+v"(x0.hi), "+v"(x1.lo), "+v"(x1.mid), "+v"(x1.hi));
        r0.lo = _mm512_mask_mov_epi64(r0.lo, s0, x0.lo);
        r0.mid = _mm512_mask_mov_epi64(r0.mid, s0, x0.mid);
        r0.hi = _mm256_mask_mov_epi64(r0.hi, s0, x0.hi);
        r1.lo = _mm512_mask_mov_epi64(r1.lo, s1, x1.lo);
        r1.mid = _mm512_mask_mov_epi64(r1.mid, s1, x1.mid);
        r1.hi = _mm256_mask_mov_epi64(r1.hi, s1, x1.hi);
    }
    lc_v20_store(out, r0);
    lc_v20_store(out + DIGITS, r1);
}

/* Bits bit .. bit+4 of the 17-limb e (e[16] = 0), bit a public position. */
static inline uint64_t lc_ifma_window(const uint64_t *e, int bit) {
    int limb = bit >> 6, shift = bit & 63;
    return (uint64_t)((((unsigned __int128)e[limb + 1] << 64) | e[limb]) >> shift) & (TABLE - 1);
}

/* r = x - m if that does not borrow, else x; 16 limbs, x <= m expected (so at most one m). */
static void lc_ifma_reduce_once(uint64_t *r, const uint64_t *x, const uint64_t *m) {
    uint64_t d[LIMBS], borrow = 0;
    for (int j = 0; j < LIMBS; j++) {
        unsigned __int128 t = (unsigned __int128)x[j] - m[j] - borrow;
        d[j] = (uint64_t)t;
        borrow = (uint64_t)(t >> 64) & 1;
    }
    uint64_t keep = 0 - borrow; /* all ones: x < m, keep x */
    for (int j = 0; j < LIMBS; j++) r[j] = (x[j] & keep) | (d[j] & ~keep);
    lc_ifma_wipe(d, sizeof d);
}

struct lc_ifma_work {
    uint64_t table[TABLE * PAIR];
    uint64_t m[PAIR], rr[PAIR], base[PAIR], acc[PAIR], x[PAIR], one[PAIR], coeff[PAIR];
    uint64_t e[2][LIMBS + 1];
    uint64_t out[LIMBS];
};

LC_IFMA void lc_rsaz_ifma_modexp1024_x2(uint64_t *res, const uint64_t *base, const uint64_t *exp, const uint64_t *m,
                                        const uint64_t *rr, const uint64_t *k0) {
    struct lc_ifma_work w __attribute__((aligned(64)));
    memset(&w, 0, sizeof w);
    for (int k = 0; k < 2; k++) {
        lc_ifma_to52(w.m + k * DIGITS, m + k * LIMBS);
        lc_ifma_to52(w.rr + k * DIGITS, rr + k * LIMBS);
        lc_ifma_to52(w.base + k * DIGITS, base + k * LIMBS);
        memcpy(w.e[k], exp + k * LIMBS, LIMBS * sizeof(uint64_t));
        w.one[k * DIGITS] = 1;
        w.coeff[k * DIGITS + 1] = (uint64_t)1 << 12; /* 2^64 = 2^12 * 2^52 */
    }
    /* RR' = 2^2080 mod m (almost): AMM(RR, RR) = 2^3056, AMM(that, 2^64) = 2^2080 */
    lc_ams_x2(w.rr, w.rr, w.m, k0);
    lc_amm_x2(w.rr, w.rr, w.coeff, w.m, k0);
    /* table[i] = base^i * R' */
    lc_amm_x2(w.table, w.one, w.rr, w.m, k0);
    lc_amm_x2(w.table + PAIR, w.base, w.rr, w.m, k0);
    for (int i = 2; i < TABLE; i++) {
        if (i & 1)
            lc_amm_x2(w.table + i * PAIR, w.table + (i - 1) * PAIR, w.table + PAIR, w.m, k0);
        else
            lc_ams_x2(w.table + i * PAIR, w.table + (i / 2) * PAIR, w.m, k0);
    }
    /* the top window: bits 1020..1023 */
    lc_gather_x2(w.acc, w.table, w.e[0][LIMBS - 1] >> 60, w.e[1][LIMBS - 1] >> 60);
    for (int bit = 1024 - 4 - WINDOW; bit >= 0; bit -= WINDOW) {
        lc_gather_x2(w.x, w.table, lc_ifma_window(w.e[0], bit), lc_ifma_window(w.e[1], bit));
        for (int s = 0; s < WINDOW; s++) lc_ams_x2(w.acc, w.acc, w.m, k0);
        lc_amm_x2(w.acc, w.acc, w.x, w.m, k0);
    }
    /* out of the domain: AMM(Y, 1) <= m, then a masked subtraction makes it < m */
    lc_amm_x2(w.acc, w.acc, w.one, w.m, k0);
    for (int k = 0; k < 2; k++) {
        lc_ifma_from52(w.out, w.acc + k * DIGITS);
        lc_ifma_reduce_once(res + k * LIMBS, w.out, m + k * LIMBS);
    }
    lc_ifma_wipe(&w, sizeof w);
}

#else
void lc_rsaz_ifma_modexp1024_x2(uint64_t *res, const uint64_t *base, const uint64_t *exp, const uint64_t *m,
                                const uint64_t *rr, const uint64_t *k0) {
    (void)res; (void)base; (void)exp; (void)m; (void)rr; (void)k0;
}
#endif
