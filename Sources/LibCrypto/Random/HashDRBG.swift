// Hash_DRBG (NIST SP 800-90A Rev. 1, section 10.1.1) over SHA-1 or a SHA-2, with Hash_df
// (10.3.1) and OpenSSL 3.0's sizes (providers/implementations/rands/drbg_hash.c): seedlen 440
// bits for digests of up to 256 bits, 888 above; strength 8 × the digest size, at most 256.

/// `a = (a + b) mod 2^(8·a.count)`, both big-endian; `b` no longer than `a`.
func drbgAdd(_ a: inout [UInt8], _ b: [UInt8]) {
    var carry = 0
    var i = a.count - 1
    var j = b.count - 1
    while i >= 0 {
        let sum = Int(a[i]) + (j >= 0 ? Int(b[j]) : 0) + carry
        a[i] = UInt8(truncatingIfNeeded: sum)
        carry = sum >> 8
        i -= 1
        j -= 1
    }
}

/// The SP 800-90A strength of a digest-based DRBG, as OpenSSL computes it.
func drbgDigestStrength(_ digestSize: Int) -> Int { min(64 * (digestSize >> 3), 256) }

/// Hash_DRBG's working state: V, C and the reseed counter.
final class HashDRBG<H: HashFunction>: DRBGMechanism {
    let seedLength = H.digestSize > 32 ? 111 : 55
    private var v: [UInt8] = []
    private var c: [UInt8] = []
    private var reseedCounter: UInt64 = 0

    deinit { wipe() }

    var strength: Int { drbgDigestStrength(H.digestSize) }
    var minEntropyLength: Int { strength / 8 }
    var maxEntropyLength: Int { drbgMaxLength }
    var minNonceLength: Int { strength / 16 }
    var maxNonceLength: Int { drbgMaxLength }
    var maxPersonalizationLength: Int { drbgMaxLength }
    var maxAdditionalInputLength: Int { drbgMaxLength }

    func wipe() {
        SecretWipe.wipe(&v)
        SecretWipe.wipe(&c)
        reseedCounter = 0
    }

    private static func hash(_ parts: [UInt8]...) -> [UInt8] {
        var h = H()
        for p in parts { h.update(p) }
        return h.finalize()
    }

    /// Hash_df (10.3.1): `seedLength` bytes from the concatenation of `parts`.
    private func hashDF(_ parts: [[UInt8]]) -> [UInt8] {
        let bits = UInt32(seedLength * 8)
        let header: [UInt8] = [
            UInt8(bits >> 24), UInt8((bits >> 16) & 0xff), UInt8((bits >> 8) & 0xff), UInt8(bits & 0xff),
        ]
        var out: [UInt8] = []
        var counter: UInt8 = 1
        while out.count < seedLength {
            var h = H()
            h.update([counter])
            h.update(header)
            for p in parts { h.update(p) }
            out += h.finalize()
            counter &+= 1
        }
        return Array(out.prefix(seedLength))
    }

    func instantiate(entropy: [UInt8], nonce: [UInt8], personalization: [UInt8]) throws {
        wipe()
        v = hashDF([entropy, nonce, personalization])
        c = hashDF([[0x00], v])
        reseedCounter = 1
    }

    func reseed(entropy: [UInt8], additionalInput: [UInt8]) throws {
        let newV = hashDF([[0x01], v, entropy, additionalInput])
        wipe()
        v = newV
        c = hashDF([[0x00], v])
        reseedCounter = 1
    }

    func generate(count: Int, additionalInput: [UInt8]) throws -> [UInt8] {
        if !additionalInput.isEmpty {
            var w = Self.hash([0x02], v, additionalInput)
            drbgAdd(&v, w)
            SecretWipe.wipe(&w)
        }
        // Hashgen (10.1.1.4).
        var data = v
        var out: [UInt8] = []
        out.reserveCapacity(count + H.digestSize)
        while out.count < count {
            out += Self.hash(data)
            drbgAdd(&data, [1])
        }
        SecretWipe.wipe(&data)
        var hv = Self.hash([0x03], v)
        drbgAdd(&v, hv)
        SecretWipe.wipe(&hv)
        drbgAdd(&v, c)
        let rc = reseedCounter
        drbgAdd(&v, (0..<8).map { UInt8(truncatingIfNeeded: rc >> (56 - 8 * UInt64($0))) })
        reseedCounter += 1
        if out.count > count {
            out.withUnsafeMutableBytes { SecretWipe.wipe(UnsafeMutableRawBufferPointer(rebasing: $0[count...])) }
            out.removeLast(out.count - count)
        }
        return out
    }
}
