/* Four-limb Montgomery multiplication with MULX/ADCX/ADOX for the 256-bit elliptic-curve fields
 * and orders (P-256, secp256k1, brainpoolP256, SM2 and their group orders). Built into LibCrypto
 * only with trait ASM; called only after lc_cpu_features() reported LC_CPU_BMI2 and LC_CPU_ADX
 * (Swift side: ECFieldOps in Sources/LibCrypto/PublicKey/EC/ECField.swift, path `mulx`).
 *
 * The method is the interleaved (CIOS) product of lc_mont_mul_mulx with the limb count fixed at
 * four, so that the six accumulator limbs live in registers for the whole product: each of the
 * four rows adds a*b[i] (MULX with the carry chains of ADCX for the low halves and ADOX for the
 * high halves), then adds u*m with u = t0*m0inv, which clears t0, and the accumulator's names
 * rotate by one limb. P-256's prime has p ≡ -1 mod 2^64 (so u = t0) and its reduction needs no
 * product: u*p = u*2^256 - u*2^224 + u*2^192 + u*2^96 - u, which is shifts, subtractions and one
 * carry chain (the identity ecp_nistz256 uses too).
 *
 * Constant time: straight-line code, no branch and no memory address depends on a, b or the
 * result; the final subtraction of m is kept or dropped by CMOV on the borrow. */
#include "LibCryptoASM.h"

#if defined(__x86_64__)

/* One row of the product: A0..A5 += rdx * a[0..3], rdx = b[i] loaded by the caller's text.
 * rax is zeroed (with CF and OF) first and serves as the zero register. */
#define LC_ROW(A0, A1, A2, A3, A4, A5) \
    "xorl %%eax, %%eax\n\t" \
    "mulxq 0(%[a]), %[x], %[y]\n\t" \
    "adcxq %[x], %[" #A0 "]\n\t" \
    "adoxq %[y], %[" #A1 "]\n\t" \
    "mulxq 8(%[a]), %[x], %[y]\n\t" \
    "adcxq %[x], %[" #A1 "]\n\t" \
    "adoxq %[y], %[" #A2 "]\n\t" \
    "mulxq 16(%[a]), %[x], %[y]\n\t" \
    "adcxq %[x], %[" #A2 "]\n\t" \
    "adoxq %[y], %[" #A3 "]\n\t" \
    "mulxq 24(%[a]), %[x], %[y]\n\t" \
    "adcxq %[x], %[" #A3 "]\n\t" \
    "adoxq %[y], %[" #A4 "]\n\t" \
    "adcxq %%rax, %[" #A4 "]\n\t" \
    "adoxq %%rax, %[" #A5 "]\n\t" \
    "adcxq %%rax, %[" #A5 "]\n\t"

/* Reduction by any modulus m: u = A0*m0inv, A0..A5 += u*m[0..3]; A0 becomes 0. */
#define LC_REDUCE(A0, A1, A2, A3, A4, A5) \
    "movq %[" #A0 "], %%rdx\n\t" \
    "imulq %[m0inv], %%rdx\n\t" \
    "xorl %%eax, %%eax\n\t" \
    "mulxq 0(%[m]), %[x], %[y]\n\t" \
    "adcxq %[x], %[" #A0 "]\n\t" \
    "adoxq %[y], %[" #A1 "]\n\t" \
    "mulxq 8(%[m]), %[x], %[y]\n\t" \
    "adcxq %[x], %[" #A1 "]\n\t" \
    "adoxq %[y], %[" #A2 "]\n\t" \
    "mulxq 16(%[m]), %[x], %[y]\n\t" \
    "adcxq %[x], %[" #A2 "]\n\t" \
    "adoxq %[y], %[" #A3 "]\n\t" \
    "mulxq 24(%[m]), %[x], %[y]\n\t" \
    "adcxq %[x], %[" #A3 "]\n\t" \
    "adoxq %[y], %[" #A4 "]\n\t" \
    "adcxq %%rax, %[" #A4 "]\n\t" \
    "adoxq %%rax, %[" #A5 "]\n\t" \
    "adcxq %%rax, %[" #A5 "]\n\t"

/* The part of P-256's round both reductions share: with u = A0, A1 += u << 32, A2 += (u >> 32)
 * + carry, A3 += lo(u*p[3]) + carry (A0 then holds that low word); rdx = hi(u*p[3]); the carry
 * out of A3 is left in CF. */
#define LC_P256_ROUND(A0, A1, A2, A3) \
    "movq %[" #A0 "], %[x]\n\t" \
    "shlq $32, %[x]\n\t" \
    "movq %[" #A0 "], %[y]\n\t" \
    "shrq $32, %[y]\n\t" \
    "movq %[" #A0 "], %%rdx\n\t" \
    "subq %[x], %[" #A0 "]\n\t" \
    "sbbq %[y], %%rdx\n\t" \
    "addq %[x], %[" #A1 "]\n\t" \
    "adcq %[y], %[" #A2 "]\n\t" \
    "adcq %[" #A0 "], %[" #A3 "]\n\t"

/* P-256's reduction with u = A0: A0 + u*(2^64 - 1) = u*2^64, so A1..A5 += u*2^32 (the carried u
 * and u*p[1] = u*(2^32 - 1) together) + u*p[3]*2^128, where u*p[3] = u*2^64 - u*2^32 + u is
 * (u - (u >> 32) - borrow) : (u - (u << 32)). A0 is then set to 0. */
#define LC_REDUCE_P256(A0, A1, A2, A3, A4, A5) \
    LC_P256_ROUND(A0, A1, A2, A3) \
    "adcq %%rdx, %[" #A4 "]\n\t" \
    "adcq $0, %[" #A5 "]\n\t" \
    "xorl %k[" #A0 "], %k[" #A0 "]\n\t"

/* The product: four rows, each followed by the reduction REDUCE, the limbs' names rotating; the
 * result is t4, t5, t0, t1 and the top t2. */
#define LC_MUL4(REDUCE) \
    "movq 0(%[b]), %%rdx\n\t" \
    LC_ROW(t0, t1, t2, t3, t4, t5) REDUCE(t0, t1, t2, t3, t4, t5) \
    "movq 8(%[b]), %%rdx\n\t" \
    LC_ROW(t1, t2, t3, t4, t5, t0) REDUCE(t1, t2, t3, t4, t5, t0) \
    "movq 16(%[b]), %%rdx\n\t" \
    LC_ROW(t2, t3, t4, t5, t0, t1) REDUCE(t2, t3, t4, t5, t0, t1) \
    "movq 24(%[b]), %%rdx\n\t" \
    LC_ROW(t3, t4, t5, t0, t1, t2) REDUCE(t3, t4, t5, t0, t1, t2)

#define LC_MUL4_OUTPUTS \
    [t0] "+&r"(t0), [t1] "+&r"(t1), [t2] "+&r"(t2), [t3] "+&r"(t3), [t4] "+&r"(t4), [t5] "+&r"(t5), \
    [x] "=&r"(x), [y] "=&r"(y)

/* r = (t0..t3 + 2^256*t4) - m unless that borrows, by CMOV on the borrow; t < 2m. */
static inline void lc_mont4_finish(uint64_t *r, uint64_t t0, uint64_t t1, uint64_t t2, uint64_t t3, uint64_t t4,
                                   const uint64_t *m) {
    uint64_t d0 = t0, d1 = t1, d2 = t2, d3 = t3;
    __asm__(
        "subq 0(%[m]), %[d0]\n\t"
        "sbbq 8(%[m]), %[d1]\n\t"
        "sbbq 16(%[m]), %[d2]\n\t"
        "sbbq 24(%[m]), %[d3]\n\t"
        "sbbq $0, %[t4]\n\t"
        /* No borrow (CF = 0): t >= m, take the difference. */
        "cmovncq %[d0], %[t0]\n\t"
        "cmovncq %[d1], %[t1]\n\t"
        "cmovncq %[d2], %[t2]\n\t"
        "cmovncq %[d3], %[t3]\n\t"
        : [t0] "+r"(t0), [t1] "+r"(t1), [t2] "+r"(t2), [t3] "+r"(t3), [t4] "+r"(t4), [d0] "+&r"(d0),
          [d1] "+&r"(d1), [d2] "+&r"(d2), [d3] "+&r"(d3)
        : [m] "r"(m)
        : "cc", "memory");
    r[0] = t0;
    r[1] = t1;
    r[2] = t2;
    r[3] = t3;
}

void lc_mont4_mul_mulx(uint64_t *r, const uint64_t *a, const uint64_t *b, const uint64_t *m, uint64_t m0inv) {
    uint64_t t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0, t5 = 0, x, y;
    __asm__(LC_MUL4(LC_REDUCE)
        : LC_MUL4_OUTPUTS
        : [a] "r"(a), [b] "r"(b), [m] "r"(m), [m0inv] "m"(m0inv)
        : "rax", "rdx", "cc", "memory");
    lc_mont4_finish(r, t4, t5, t0, t1, t2, m);
}

/* The P-256 prime, little-endian limbs (FIPS 186-4 D.1.2.3). */
static const uint64_t lc_p256_prime[4] = {0xFFFFFFFFFFFFFFFFull, 0x00000000FFFFFFFFull, 0,
                                          0xFFFFFFFF00000001ull};

void lc_p256_mul_mulx(uint64_t *r, const uint64_t *a, const uint64_t *b) {
    uint64_t t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0, t5 = 0, x, y;
    __asm__(LC_MUL4(LC_REDUCE_P256)
        : LC_MUL4_OUTPUTS
        : [a] "r"(a), [b] "r"(b)
        : "rax", "rdx", "cc", "memory");
    lc_mont4_finish(r, t4, t5, t0, t1, t2, lc_p256_prime);
}

/* Squaring: the six cross products a_i*a_j (i < j) once, doubled, plus the four squares, into
 * t0..t7; then four reduction rounds on the low half alone, each clearing its low limb and
 * leaving the window's new top limb in the register it frees; then the high half is added.
 * T*R^-1 = H + (L + U*m)/R with T = H*R + L: (L + U*m)/R <= m and H < m, so the sum is below 2m.
 * A window W' = (W + u*m)/2^64 < 2^192 + m fits four limbs when m < 2^256 - 2^192 (top limb not
 * all ones), which the callers check. */
#define LC_SQR_PRODUCT(B) \
    "movq 0(%[" B "]), %%rdx\n\t" \
    "mulxq 8(%[" B "]), %[t1], %[t2]\n\t" \
    "mulxq 16(%[" B "]), %[x], %[t3]\n\t" \
    "addq %[x], %[t2]\n\t" \
    "mulxq 24(%[" B "]), %[x], %[t4]\n\t" \
    "adcq %[x], %[t3]\n\t" \
    "adcq $0, %[t4]\n\t" \
    "movq 8(%[" B "]), %%rdx\n\t" \
    "xorl %%eax, %%eax\n\t" \
    "mulxq 16(%[" B "]), %[x], %[y]\n\t" \
    "adcxq %[x], %[t3]\n\t" \
    "adoxq %[y], %[t4]\n\t" \
    "mulxq 24(%[" B "]), %[x], %[t5]\n\t" \
    "adcxq %[x], %[t4]\n\t" \
    "adoxq %%rax, %[t5]\n\t" \
    "adcxq %%rax, %[t5]\n\t" \
    "movq 16(%[" B "]), %%rdx\n\t" \
    "mulxq 24(%[" B "]), %[x], %[t6]\n\t" \
    "addq %[x], %[t5]\n\t" \
    "adcq $0, %[t6]\n\t" \
    /* double the cross sum (t7 takes the top bit) */ \
    "xorl %k[t7], %k[t7]\n\t" \
    "addq %[t1], %[t1]\n\t" \
    "adcq %[t2], %[t2]\n\t" \
    "adcq %[t3], %[t3]\n\t" \
    "adcq %[t4], %[t4]\n\t" \
    "adcq %[t5], %[t5]\n\t" \
    "adcq %[t6], %[t6]\n\t" \
    "adcq $0, %[t7]\n\t" \
    /* the squares; MULX leaves the flags alone, so one ADCX chain carries through */ \
    "xorl %%eax, %%eax\n\t" \
    "movq 0(%[" B "]), %%rdx\n\t" \
    "mulxq %%rdx, %[t0], %[x]\n\t" \
    "adcxq %[x], %[t1]\n\t" \
    "movq 8(%[" B "]), %%rdx\n\t" \
    "mulxq %%rdx, %[x], %[y]\n\t" \
    "adcxq %[x], %[t2]\n\t" \
    "adcxq %[y], %[t3]\n\t" \
    "movq 16(%[" B "]), %%rdx\n\t" \
    "mulxq %%rdx, %[x], %[y]\n\t" \
    "adcxq %[x], %[t4]\n\t" \
    "adcxq %[y], %[t5]\n\t" \
    "movq 24(%[" B "]), %%rdx\n\t" \
    "mulxq %%rdx, %[x], %[y]\n\t" \
    "adcxq %[x], %[t6]\n\t" \
    "adcxq %[y], %[t7]\n\t"

/* A generic round on the window A0..A3: u = A0*m0inv, A0..A3 += u*m; A0 becomes the top limb. */
#define LC_SQR_REDUCE(A0, A1, A2, A3) \
    "movq %[" #A0 "], %%rdx\n\t" \
    "imulq %[m0inv], %%rdx\n\t" \
    "xorl %%eax, %%eax\n\t" \
    "mulxq 32(%[am]), %[x], %[y]\n\t" \
    "adcxq %[x], %[" #A0 "]\n\t" \
    "adoxq %[y], %[" #A1 "]\n\t" \
    "mulxq 40(%[am]), %[x], %[y]\n\t" \
    "adcxq %[x], %[" #A1 "]\n\t" \
    "adoxq %[y], %[" #A2 "]\n\t" \
    "mulxq 48(%[am]), %[x], %[y]\n\t" \
    "adcxq %[x], %[" #A2 "]\n\t" \
    "adoxq %[y], %[" #A3 "]\n\t" \
    "mulxq 56(%[am]), %[x], %[" #A0 "]\n\t" \
    "adcxq %[x], %[" #A3 "]\n\t" \
    "adoxq %%rax, %[" #A0 "]\n\t" \
    "adcxq %%rax, %[" #A0 "]\n\t"

/* P-256's round on the window A0..A3 (as LC_REDUCE_P256); A0 becomes the top limb. */
#define LC_SQR_REDUCE_P256(A0, A1, A2, A3) \
    LC_P256_ROUND(A0, A1, A2, A3) \
    "adcq $0, %%rdx\n\t" \
    "movq %%rdx, %[" #A0 "]\n\t"

/* The high half onto the reduced low half; t4 takes the carry. */
#define LC_SQR_ADD_HIGH \
    "addq %[t4], %[t0]\n\t" \
    "adcq %[t5], %[t1]\n\t" \
    "adcq %[t6], %[t2]\n\t" \
    "adcq %[t7], %[t3]\n\t" \
    "movl $0, %k[t4]\n\t" \
    "adcq $0, %[t4]\n\t"

#define LC_SQR4_OUTPUTS \
    [t0] "=&r"(t0), [t1] "=&r"(t1), [t2] "=&r"(t2), [t3] "=&r"(t3), [t4] "=&r"(t4), [t5] "=&r"(t5), \
    [t6] "=&r"(t6), [t7] "=&r"(t7), [x] "=&r"(x), [y] "=&r"(y)

void lc_mont4_sqr_mulx(uint64_t *r, const uint64_t *a, const uint64_t *m, uint64_t m0inv) {
    /* a and m behind one pointer: the squaring needs every other register. */
    uint64_t am[8] = {a[0], a[1], a[2], a[3], m[0], m[1], m[2], m[3]};
    uint64_t t0, t1, t2, t3, t4, t5, t6, t7, x, y;
    __asm__(
        LC_SQR_PRODUCT("am")
        LC_SQR_REDUCE(t0, t1, t2, t3) LC_SQR_REDUCE(t1, t2, t3, t0)
        LC_SQR_REDUCE(t2, t3, t0, t1) LC_SQR_REDUCE(t3, t0, t1, t2)
        LC_SQR_ADD_HIGH
        : LC_SQR4_OUTPUTS
        : [am] "r"(am), [m0inv] "m"(m0inv)
        : "rax", "rdx", "cc", "memory");
    lc_mont4_finish(r, t0, t1, t2, t3, t4, m);
}

void lc_p256_sqr_mulx(uint64_t *r, const uint64_t *a) {
    uint64_t t0, t1, t2, t3, t4, t5, t6, t7, x, y;
    __asm__(
        LC_SQR_PRODUCT("a")
        LC_SQR_REDUCE_P256(t0, t1, t2, t3) LC_SQR_REDUCE_P256(t1, t2, t3, t0)
        LC_SQR_REDUCE_P256(t2, t3, t0, t1) LC_SQR_REDUCE_P256(t3, t0, t1, t2)
        LC_SQR_ADD_HIGH
        : LC_SQR4_OUTPUTS
        : [a] "r"(a)
        : "rax", "rdx", "cc", "memory");
    lc_mont4_finish(r, t0, t1, t2, t3, t4, lc_p256_prime);
}

#else
void lc_mont4_mul_mulx(uint64_t *r, const uint64_t *a, const uint64_t *b, const uint64_t *m, uint64_t m0inv) {
    (void)r; (void)a; (void)b; (void)m; (void)m0inv;
}
void lc_p256_mul_mulx(uint64_t *r, const uint64_t *a, const uint64_t *b) {
    (void)r; (void)a; (void)b;
}
void lc_mont4_sqr_mulx(uint64_t *r, const uint64_t *a, const uint64_t *m, uint64_t m0inv) {
    (void)r; (void)a; (void)m; (void)m0inv;
}
void lc_p256_sqr_mulx(uint64_t *r, const uint64_t *a) {
    (void)r; (void)a;
}
#endif
