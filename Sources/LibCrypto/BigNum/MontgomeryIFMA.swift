// The two 1024-bit exponentiations of an RSA-2048 private operation by the CRT on AVX-512 IFMA:
// `lc_rsaz_ifma_modexp1024_x2` (LibCryptoASM/rsaz_ifma.c, HardwareSupport path `ifma`), which
// runs both side by side in 52-bit digits (the design of OpenSSL's ossl_rsaz_mod_exp_avx512_x2).
//
// Constant time: the C kernel reads all 1024 exponent bits in fixed windows, reads every table
// entry through lane masks and never branches on a value; here only public facts steer the
// choice (the path selection, the limb counts). Valgrind hides AVX-512 (and ADX) from the
// program it runs, so ctgrind exercises the generic Swift kernel in place of this one
// (docs/constant-time.md).

#if ASM && canImport(LibCryptoASM)
import LibCryptoASM
#endif

extension MontgomeryContext {
    /// Limbs of each modulus and exponent the IFMA kernel takes (1024 bits).
    static let ifmaLimbs = 16

    /// Whether a private operation started now may use the IFMA kernel (path `ifma` selected).
    static var ifmaSelected: Bool {
        #if ASM && canImport(LibCryptoASM)
        return HardwareSupport.selected.contains(.ifma)
        #else
        return false
        #endif
    }

    /// `(b0^e0 mod m0, b1^e1 mod m1)` for the moduli of `c0` and `c1` on the IFMA kernel, or nil
    /// when the `ifma` path is not selected or the shapes do not fit it (both moduli 16 limbs,
    /// both exponents 16 limbs, both bases 16 limbs and reduced). Constant time in the bases, the
    /// exponents and the moduli; the nil decision depends only on the selection and the lengths.
    static func ifmaPowerPair(
        _ c0: MontgomeryContext, _ b0: [UInt64], _ e0: [UInt64],
        _ c1: MontgomeryContext, _ b1: [UInt64], _ e1: [UInt64]
    ) -> ([UInt64], [UInt64])? {
        #if ASM && canImport(LibCryptoASM)
        let n = ifmaLimbs
        guard ifmaSelected, c0.n == n, c1.n == n, b0.count == n, b1.count == n, e0.count == n, e1.count == n
        else { return nil }
        var r0 = [UInt64](repeating: 0, count: n)
        var r1 = [UInt64](repeating: 0, count: n)
        // One buffer: res, base, exp, m, rr (two numbers each), then k0; wiped afterwards.
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 10 * n + 2) { buffer in
            let p = buffer.baseAddress!
            p.initialize(repeating: 0, count: 10 * n + 2)
            defer { SecretWipe.wipe(UnsafeMutableRawBufferPointer(buffer)) }
            let res = p
            let base = p + 2 * n
            let exp = p + 4 * n
            let m = p + 6 * n
            let rr = p + 8 * n
            let k0 = p + 10 * n
            for j in 0..<n {
                base[j] = b0[j]
                base[n + j] = b1[j]
                exp[j] = e0[j]
                exp[n + j] = e1[j]
                m[j] = c0.m[j]
                m[n + j] = c1.m[j]
                rr[j] = c0.rr[j]
                rr[n + j] = c1.rr[j]
            }
            k0[0] = c0.m0inv
            k0[1] = c1.m0inv
            lc_rsaz_ifma_modexp1024_x2(res, base, exp, m, rr, k0)
            for j in 0..<n {
                r0[j] = res[j]
                r1[j] = res[n + j]
            }
        }
        return (r0, r1)
        #else
        return nil
        #endif
    }
}
