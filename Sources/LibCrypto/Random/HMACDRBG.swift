// HMAC_DRBG (NIST SP 800-90A Rev. 1, section 10.1.2) over SHA-1 or a SHA-2, with OpenSSL 3.0's
// sizes (providers/implementations/rands/drbg_hmac.c): strength 8 × the digest size, at most 256.

/// HMAC_DRBG's working state: Key and V.
final class HMACDRBG<H: HashFunction>: DRBGMechanism {
    private var key: [UInt8] = []
    private var v: [UInt8] = []

    deinit { wipe() }

    var strength: Int { drbgDigestStrength(H.digestSize) }
    var minEntropyLength: Int { strength / 8 }
    var maxEntropyLength: Int { drbgMaxLength }
    var minNonceLength: Int { strength / 16 }
    var maxNonceLength: Int { drbgMaxLength }
    var maxPersonalizationLength: Int { drbgMaxLength }
    var maxAdditionalInputLength: Int { drbgMaxLength }

    func wipe() {
        SecretWipe.wipe(&key)
        SecretWipe.wipe(&v)
    }

    private func mac(_ parts: [UInt8]...) throws -> [UInt8] {
        var m = try HMAC<H>(key: key)
        for p in parts { m.update(p) }
        let tag = m.finalize()
        SecretWipe.wipe(value: &m)
        return tag
    }

    /// HMAC_DRBG_Update (10.1.2.2) with the concatenation of `provided`.
    private func update(_ provided: [[UInt8]]) throws {
        let empty = provided.allSatisfy(\.isEmpty)
        for round in [UInt8(0x00), 0x01] {
            if round == 0x01 && empty { return }
            var m = try HMAC<H>(key: key)
            m.update(v)
            m.update([round])
            for p in provided { m.update(p) }
            let newKey = m.finalize()
            SecretWipe.wipe(value: &m)
            SecretWipe.wipe(&key)
            key = newKey
            v = try mac(v)
        }
    }

    func instantiate(entropy: [UInt8], nonce: [UInt8], personalization: [UInt8]) throws {
        wipe()
        key = [UInt8](repeating: 0x00, count: H.digestSize)
        v = [UInt8](repeating: 0x01, count: H.digestSize)
        try update([entropy, nonce, personalization])
    }

    func reseed(entropy: [UInt8], additionalInput: [UInt8]) throws {
        try update([entropy, additionalInput])
    }

    func generate(count: Int, additionalInput: [UInt8]) throws -> [UInt8] {
        if !additionalInput.isEmpty { try update([additionalInput]) }
        var out: [UInt8] = []
        out.reserveCapacity(count + H.digestSize)
        while out.count < count {
            v = try mac(v)
            out += v
        }
        try update([additionalInput])
        if out.count > count {
            out.withUnsafeMutableBytes { SecretWipe.wipe(UnsafeMutableRawBufferPointer(rebasing: $0[count...])) }
            out.removeLast(out.count - count)
        }
        return out
    }
}
