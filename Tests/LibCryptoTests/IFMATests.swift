import Foundation
import Testing

@testable import LibCrypto

/// The AVX-512 IFMA kernel (path `ifma`, `LibCryptoASM/rsaz_ifma.c`): the RSA-2048 CRT pair of
/// 1024-bit exponentiations.
///
/// Expected values come from code independent of the kernel — the generic Swift Montgomery
/// kernel, BigNum's schoolbook product and Knuth division (`HardwareTests.divisionPower`), the
/// non-CRT `c^d mod n` — and from the `openssl` 3.0 CLI (`openssl genrsa 2048`; `openssl dgst
/// -sha256 -sign` for deterministic PKCS#1 v1.5 signatures; `openssl pkeyutl -decrypt -pkeyopt
/// rsa_padding_mode:none` for raw private operations). Without the path (CPU, no-asm build or
/// `LIBCRYPTO_HWCAP`) the kernel tests are skipped with the reason.
@Suite("IFMA kernel")
struct IFMATests {
    static let hasIFMA = HardwareSupport.paths.contains("ifma")
    static let why: Comment = "AVX-512 IFMA is not available (CPU, no-asm build or LIBCRYPTO_HWCAP)"

    /// A 16-limb odd modulus of shape `shape` from `rng`: 0 top bit set, 1 top limb 1 (961 bits),
    /// 2 all ones (2^1024 − 1), 3 2^1023 + 1 (smallest 1024-bit), others random with the top bit.
    static func modulus(_ rng: inout HardwareTests.Limbs, shape: Int) -> BigNum {
        var ml = rng.limbs(16)
        switch shape {
        case 1: ml[15] = 1
        case 2: ml = [UInt64](repeating: .max, count: 16)
        case 3:
            ml = [UInt64](repeating: 0, count: 16)
            ml[15] = 1 << 63
        default: ml[15] |= 1 << 63
        }
        ml[0] |= 1
        return BigNum(limbs: ml)
    }

    @Test(
        "the pair of 1024-bit powers equals the generic kernel (and division) for seeded inputs",
        .enabled(if: hasIFMA, why))
    func pairAgainstGeneric() throws {
        var rng = HardwareTests.Limbs(state: 0x6966_6d61)
        for round in 0..<24 {
            var contexts: [MontgomeryContext] = []
            var bases: [[UInt64]] = []
            var exponents: [[UInt64]] = []
            for k in 0..<2 {
                let m = Self.modulus(&rng, shape: (round + k) % 6)
                // RSA's contexts are set up without division; the public initializer with it.
                let ctx = round % 2 == 0 ? try MontgomeryContext(secretModulus: m) : try MontgomeryContext(modulus: m)
                contexts.append(ctx)
                var b = try BigNum(limbs: rng.limbs(16)).nonNegativeRemainder(modulo: m)
                if round == 1 { b = m - .one }
                if round == 2 && k == 0 { b = .zero }
                if round == 3 { b = .one }
                bases.append(MontgomeryContext.padded(b.limbs, 16))
                var e = rng.limbs(16)
                if round == 4 { e = [UInt64](repeating: 0, count: 16) }
                if round == 5 { e = [UInt64](repeating: .max, count: 16) }
                if round == 6 { e = [1] + [UInt64](repeating: 0, count: 15) }
                exponents.append(e)
            }
            let pair = try HardwareSupport.withVariant("ifma") {
                MontgomeryContext.ifmaPowerPair(
                    contexts[0], bases[0], exponents[0], contexts[1], bases[1], exponents[1])
            }
            guard let (r0, r1) = pair else {
                Issue.record("round \(round): the ifma path declined two 16-limb moduli")
                continue
            }
            for (k, got) in [r0, r1].enumerated() {
                let want = try HardwareSupport.withVariant("generic") {
                    contexts[k].constantTimePower(bases[k], exponents[k])
                }
                #expect(got == want, "round \(round) number \(k): IFMA differs from the generic kernel")
                if round < 3 {
                    let slow = try HardwareTests.divisionPower(
                        BigNum(limbs: bases[k]), exponents[k], contexts[k].modulus)
                    #expect(BigNum(limbs: got) == slow, "round \(round) number \(k): IFMA differs from division")
                }
            }
        }
    }

    @Test("the kernel runs only when path ifma is selected and both moduli have 16 limbs")
    func selection() throws {
        var rng = HardwareTests.Limbs(state: 7)
        let c16 = try MontgomeryContext(modulus: Self.modulus(&rng, shape: 0))
        var l15 = rng.limbs(15)
        l15[0] |= 1
        l15[14] |= 1 << 63
        let c15 = try MontgomeryContext(modulus: BigNum(limbs: l15))
        let b16 = [UInt64](repeating: 3, count: 16)
        let e16 = [UInt64](repeating: 5, count: 16)
        for variant in ["generic"] + HardwareSupport.paths.filter({ $0 != "ifma" }) {
            try HardwareSupport.withVariant(variant) {
                #expect(!MontgomeryContext.ifmaSelected)
                #expect(MontgomeryContext.ifmaPowerPair(c16, b16, e16, c16, b16, e16) == nil, "\(variant)")
            }
        }
        try HardwareSupport.withVariant(Self.hasIFMA ? "ifma" : "hardware") {
            #expect(MontgomeryContext.ifmaSelected == Self.hasIFMA)
            #expect(MontgomeryContext.ifmaPowerPair(c15, [3] + b16.dropLast(2), e16, c16, b16, e16) == nil)
            #expect(MontgomeryContext.ifmaPowerPair(c16, b16, e16 + [0], c16, b16, e16) == nil)
            #expect((MontgomeryContext.ifmaPowerPair(c16, b16, e16, c16, b16, e16) != nil) == Self.hasIFMA)
        }
    }

    @Test("RSA-2048 from openssl genrsa: signatures and raw private operations equal OpenSSL's on every variant")
    func rsa2048AgainstOpenSSL() throws {
        guard RSATests.opensslPath != nil else {
            print("skipped: no openssl CLI")
            return
        }
        let dir = try RSATests.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let variants = ["generic"] + HardwareSupport.paths.filter { ["mulx", "ifma"].contains($0) } + ["hardware"]
        for keyIndex in 0..<2 {
            let (key, path) = try RSATests.opensslKey(bits: 2048, directory: dir + "\(keyIndex)-")
            #expect(key.primes.count == 2 && key.primes.allSatisfy { $0.prime.limbs.count == 16 })
            // The CRT result alone (the fault check would hide a wrong one) against c^d mod n.
            let k = key.precomputed.context.n
            for round in 0..<3 {
                let c = try BigNum.random(below: key.modulus)
                let want = try c.modExp(key.privateExponent, modulus: key.modulus)
                for variant in variants {
                    let got = try HardwareSupport.withVariant(variant) {
                        BigNum(limbs: key.crt(RSALimbs.padded(c.limbs, k)))
                    }
                    #expect(got == want, "key \(keyIndex) round \(round) \(variant): CRT differs from c^d mod n")
                }
            }
            // Deterministic PKCS#1 v1.5 signatures: byte for byte OpenSSL's.
            for round in 0..<3 {
                let message = Array("IFMA message \(keyIndex).\(round)".utf8)
                try RSATests.write(message, dir + "msg")
                let (status, _) = try RSATests.openssl(
                    ["dgst", "-sha256", "-sign", path, "-out", dir + "sig", dir + "msg"])
                #expect(status == 0)
                let expected = try RSATests.read(dir + "sig")
                for variant in variants {
                    let sig = try HardwareSupport.withVariant(variant) {
                        try key.sign(message: message, digestName: "SHA256")
                    }
                    #expect(
                        sig == expected, "key \(keyIndex) round \(round) \(variant): signature differs from OpenSSL's")
                }
            }
            // Raw RSADP on random inputs below n: OpenSSL's output.
            var rng = HardwareTests.Limbs(state: 0x7261_7721 &+ UInt64(keyIndex))
            for round in 0..<3 {
                let input = try BigNum(limbs: rng.limbs(k)).nonNegativeRemainder(modulo: key.modulus)
                let bytes = try input.bytes(paddedTo: key.publicKey.byteCount)
                try RSATests.write(bytes, dir + "raw")
                let (status, out) = try RSATests.openssl(
                    ["pkeyutl", "-decrypt", "-inkey", path, "-in", dir + "raw", "-pkeyopt", "rsa_padding_mode:none"])
                #expect(status == 0)
                for variant in variants {
                    let got = try HardwareSupport.withVariant(variant) { try key.rawPrivateOperation(bytes) }
                    #expect(got == [UInt8](out), "key \(keyIndex) round \(round) \(variant): raw RSADP differs")
                }
            }
        }
    }
}
