#if ASM && canImport(LibCryptoASM)
import LibCryptoASM
#endif

// Word operations for constant-time limb arithmetic on secrets (RSA's private operation, DSA
// signing, DH, the Montgomery callers).
//
// Why. Valgrind with secrets marked undefined (scripts/ctgrind.sh, docs/constant-time.md) showed
// LLVM compiling `(overflow ? 1 : 0)` carries and borrows into branches (`jb`/`jae`), and masked
// selects `(a & mask) | (b & ~mask)` whose mask it knows to be 0 or all ones into a compare and a
// branch. Here carries and borrows come from the high half of a UInt128 sum or difference (add/adc,
// sub/sbb, never a Bool), and a select's mask passes through `barrier(_:)`, which the optimiser
// cannot see through, so it cannot prove the mask is 0 or all ones (BoringSSL's value_barrier_w).

enum CTLimb {
    /// `a + b + carry` (carry 0 or 1): the low word and the carry out (0 or 1).
    @inline(__always)
    static func add(_ a: UInt64, _ b: UInt64, _ carry: UInt64) -> (UInt64, UInt64) {
        let s = UInt128(a) &+ UInt128(b) &+ UInt128(carry)
        return (UInt64(truncatingIfNeeded: s), UInt64(truncatingIfNeeded: s &>> 64))
    }

    /// `a − b − borrow` (borrow 0 or 1): the low word and the borrow out (0 or 1).
    @inline(__always)
    static func subtract(_ a: UInt64, _ b: UInt64, _ borrow: UInt64) -> (UInt64, UInt64) {
        let d = UInt128(a) &- UInt128(b) &- UInt128(borrow)
        return (UInt64(truncatingIfNeeded: d), UInt64(truncatingIfNeeded: d &>> 127))
    }

    /// `a·b + t + c`: low and high words (the sum never exceeds 2^128 − 1).
    @inline(__always)
    static func multiplyAdd(_ a: UInt64, _ b: UInt64, _ t: UInt64, _ c: UInt64) -> (UInt64, UInt64) {
        let p = UInt128(a) &* UInt128(b) &+ UInt128(t) &+ UInt128(c)
        return (UInt64(truncatingIfNeeded: p), UInt64(truncatingIfNeeded: p &>> 64))
    }

    /// `x`, through something the optimiser does not look into: a mask that comes out of it is
    /// not known to be 0 or all ones, so a select on it stays arithmetic. With trait ASM that is
    /// LibCryptoASM's inline empty asm statement (no call); without it, a call compiled without
    /// optimisation.
    #if ASM && canImport(LibCryptoASM)
    @inline(__always)
    static func barrier(_ x: UInt64) -> UInt64 { lc_value_barrier(x) }
    #else
    @inline(never) @_optimize(none)
    static func barrier(_ x: UInt64) -> UInt64 { x }
    #endif

    /// All ones when `bit` (0 or 1) is 1, else 0; behind the barrier.
    @inline(__always)
    static func mask(_ bit: UInt64) -> UInt64 { barrier(0 &- bit) }

    /// `a` where `mask` is all ones, `b` where it is 0.
    @inline(__always)
    static func select(_ mask: UInt64, _ a: UInt64, _ b: UInt64) -> UInt64 { (a & mask) | (b & ~mask) }
}
