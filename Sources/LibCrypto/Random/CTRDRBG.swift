// CTR_DRBG (NIST SP 800-90A Rev. 1, section 10.2) over AES-128/192/256, with the block-cipher
// derivation function (10.3.2) or without it, with the entropy, nonce and input sizes OpenSSL 3.0
// gives it (providers/implementations/rands/drbg_ctr.c). The counter is the whole 128-bit block.

/// CTR_DRBG's working state: Key and V.
final class CTRDRBG: DRBGMechanism {
    let keyLength: Int
    let derivationFunction: Bool
    /// keylen + blocklen.
    let seedLength: Int
    private var key: [UInt8]
    private var cipher: AES
    private var v = [UInt8](repeating: 0, count: 16)

    init(keyLength: Int, derivationFunction: Bool) throws {
        guard [16, 24, 32].contains(keyLength) else {
            throw CryptoError(.invalidParameter, "CTR-DRBG takes an AES key of 16, 24 or 32 bytes, not \(keyLength)")
        }
        self.keyLength = keyLength
        self.derivationFunction = derivationFunction
        seedLength = keyLength + 16
        key = [UInt8](repeating: 0, count: keyLength)
        cipher = try AES(key: key)
    }

    deinit { wipe() }

    var strength: Int { keyLength * 8 }
    var minEntropyLength: Int { derivationFunction ? keyLength : seedLength }
    var maxEntropyLength: Int { derivationFunction ? drbgMaxLength : seedLength }
    var minNonceLength: Int { derivationFunction ? keyLength / 2 : 0 }
    var maxNonceLength: Int { derivationFunction ? drbgMaxLength : 0 }
    var maxPersonalizationLength: Int { derivationFunction ? drbgMaxLength : seedLength }
    var maxAdditionalInputLength: Int { derivationFunction ? drbgMaxLength : seedLength }

    func wipe() {
        SecretWipe.wipe(&key)
        SecretWipe.wipe(&v)
        SecretWipe.wipe(value: &cipher)
    }

    private static func encrypt(_ aes: AES, _ block: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 16)
        block.withUnsafeBytes { i in
            out.withUnsafeMutableBytes { aes.encrypt(block: i.baseAddress!, into: $0.baseAddress!) }
        }
        return out
    }

    /// V = (V + 1) mod 2^128.
    private func incrementV() {
        var i = 15
        while i >= 0 {
            v[i] &+= 1
            if v[i] != 0 { break }
            i -= 1
        }
    }

    /// CTR_DRBG_Update (10.2.1.2): `provided` is `seedLength` bytes (or shorter: zero-padded).
    private func update(_ provided: [UInt8]) throws {
        var temp: [UInt8] = []
        temp.reserveCapacity(seedLength + 16)
        while temp.count < seedLength {
            incrementV()
            temp += Self.encrypt(cipher, v)
        }
        for i in 0..<min(provided.count, seedLength) { temp[i] ^= provided[i] }
        SecretWipe.wipe(&key)
        key = Array(temp[0..<keyLength])
        v = Array(temp[keyLength..<seedLength])
        SecretWipe.wipe(&temp)
        cipher = try AES(key: key)
    }

    /// Block_Cipher_df (10.3.2) of the concatenation of `parts`, `seedLength` bytes out.
    private func df(_ parts: [[UInt8]]) throws -> [UInt8] {
        let inputLength = parts.reduce(0) { $0 + $1.count }
        var s = be32(inputLength) + be32(seedLength)
        for p in parts { s += p }
        s.append(0x80)
        while s.count % 16 != 0 { s.append(0) }
        defer { SecretWipe.wipe(&s) }
        let k = try AES(key: (0..<keyLength).map { UInt8($0) })
        var temp: [UInt8] = []
        var i = 0
        while temp.count < seedLength {
            // BCC(K, IV || S), IV = i as 32 bits then zeros.
            var chain = Self.encrypt(k, be32(i) + [UInt8](repeating: 0, count: 12))
            var at = 0
            while at < s.count {
                for j in 0..<16 { chain[j] ^= s[at + j] }
                chain = Self.encrypt(k, chain)
                at += 16
            }
            temp += chain
            i += 1
        }
        var k2 = try AES(key: Array(temp[0..<keyLength]))
        defer { SecretWipe.wipe(value: &k2) }
        var x = Array(temp[keyLength..<seedLength])
        SecretWipe.wipe(&temp)
        var out: [UInt8] = []
        while out.count < seedLength {
            x = Self.encrypt(k2, x)
            out += x
        }
        SecretWipe.wipe(&x)
        return Array(out.prefix(seedLength))
    }

    private func be32(_ n: Int) -> [UInt8] {
        [
            UInt8(truncatingIfNeeded: n >> 24), UInt8(truncatingIfNeeded: n >> 16), UInt8(truncatingIfNeeded: n >> 8),
            UInt8(truncatingIfNeeded: n),
        ]
    }

    func instantiate(entropy: [UInt8], nonce: [UInt8], personalization: [UInt8]) throws {
        var seed: [UInt8]
        if derivationFunction {
            seed = try df([entropy, nonce, personalization])
        } else {
            seed = entropy
            for i in 0..<min(personalization.count, seed.count) { seed[i] ^= personalization[i] }
        }
        defer { SecretWipe.wipe(&seed) }
        key = [UInt8](repeating: 0, count: keyLength)
        v = [UInt8](repeating: 0, count: 16)
        cipher = try AES(key: key)
        try update(seed)
    }

    func reseed(entropy: [UInt8], additionalInput: [UInt8]) throws {
        var seed: [UInt8]
        if derivationFunction {
            seed = try df([entropy, additionalInput])
        } else {
            seed = entropy
            for i in 0..<min(additionalInput.count, seed.count) { seed[i] ^= additionalInput[i] }
        }
        defer { SecretWipe.wipe(&seed) }
        try update(seed)
    }

    func generate(count: Int, additionalInput: [UInt8]) throws -> [UInt8] {
        var adin: [UInt8] = []
        if !additionalInput.isEmpty {
            adin = derivationFunction ? try df([additionalInput]) : additionalInput
            try update(adin)
        }
        defer { SecretWipe.wipe(&adin) }
        // Output blocks E(K, V+1), E(K, V+2), ...: AES-CTR's keystream from counter V+1 (the whole
        // block a counter), through AES's multi-block (hardware where present) counter mode, as
        // OpenSSL's drbg_ctr.c runs its ctr EVP cipher over zeros. V ends at the last counter used.
        let blocks = (count + 15) / 16
        var out = [UInt8](repeating: 0, count: blocks * 16)
        incrementV()
        out.withUnsafeMutableBytes { o in
            v.withUnsafeMutableBytes { counter in
                cipher.ctr(
                    blocks: o.baseAddress!, into: o.baseAddress!, count: blocks, counter: counter.baseAddress!,
                    counterWidth: 16)
            }
        }
        decrementV()
        try update(adin)
        if out.count > count {
            out.withUnsafeMutableBytes { SecretWipe.wipe(UnsafeMutableRawBufferPointer(rebasing: $0[count...])) }
            out.removeLast(out.count - count)
        }
        return out
    }

    /// V = (V - 1) mod 2^128.
    private func decrementV() {
        var i = 15
        while i >= 0 {
            v[i] &-= 1
            if v[i] != 0xFF { break }
            i -= 1
        }
    }
}
