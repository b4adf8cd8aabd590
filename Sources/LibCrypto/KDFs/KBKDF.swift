/// The key-based KDF of NIST SP 800-108 (counter and feedback modes), OpenSSL's `KBKDF` KDF:
///
///     counter:  K(i) = PRF(Ki, [i]_r ‖ Label ‖ 0x00 ‖ Context ‖ [L]_32)
///     feedback: K(i) = PRF(Ki, K(i−1) ‖ [i]_r ‖ Label ‖ 0x00 ‖ Context ‖ [L]_32), K(0) = IV
///
/// with the PRF HMAC or CMAC, the counter i from 1 in `r` bits (32 by default; OpenSSL 3.0 has
/// no `r` parameter and always uses 32), L the output length in bits. The separator byte and L
/// may be left out (`use-separator`, `use-l`).
///
/// OpenSSL 3.0 (`providers/implementations/kdfs/kbkdf.c`) requires a non-empty key, and an IV
/// (`seed`) that is empty or exactly one PRF output long (also in counter mode, where it is
/// unused). SP 800-108's KMAC PRF is not in OpenSSL 3.0 and not here. The output is capped so
/// that L fits in 32 bits and the counter in `r` bits.
public enum KBKDF {
    /// OpenSSL's `mode` parameter.
    public enum Mode: String, Sendable, CaseIterable {
        /// Counter mode (the default).
        case counter = "COUNTER"
        /// Feedback mode: each block also takes the previous one (the IV first).
        case feedback = "FEEDBACK"
    }

    /// A pseudorandom function: a MAC keyed with the KDF's key.
    public struct PRF: Sendable {
        /// The PRF's output length in bytes.
        public let outputSize: Int
        let make: @Sendable ([UInt8]) throws -> any MACContext

        /// A PRF from a keyed-MAC factory and the MAC's output length.
        public init(outputSize: Int, make: @escaping @Sendable ([UInt8]) throws -> any MACContext) {
            self.outputSize = outputSize
            self.make = make
        }

        /// HMAC over the digest `H`.
        public static func hmac<H: HashFunction>(_ hash: H.Type) -> PRF {
            PRF(outputSize: H.digestSize) { key in try TypedHMACContext<H>(key: key) }
        }

        /// CMAC over the registry cipher `cipher` (a CBC entry, e.g. `AES-128-CBC`); the key must
        /// have the cipher's key length. In a build without trait `CMAC` deriving with it throws
        /// `unknownAlgorithm` for `CMAC`, as OpenSSL's KBKDF built with no-cmac refuses `mac=CMAC`.
        public static func cmac(_ cipher: CipherAlgorithm) -> PRF {
            PRF(outputSize: cipher.blockSize) { key in try cipher.makeCMAC(key: key) }
        }
    }

    /// Derives `length` bytes.
    /// - Parameters:
    ///   - prf: HMAC or CMAC (see ``PRF``).
    ///   - mode: counter or feedback.
    ///   - key: the key Ki, not empty.
    ///   - label: the Label (OpenSSL's `salt`).
    ///   - context: the Context (OpenSSL's `info`).
    ///   - iv: the feedback IV (OpenSSL's `seed`): empty or one PRF output long.
    ///   - useL: append [L]_32 (default true).
    ///   - useSeparator: put a 0x00 between Label and Context (default true).
    ///   - counterBits: r, 8, 16, 24 or 32.
    ///   - length: the output length in bytes.
    /// - Throws: `invalidParameter` for an empty key, a wrong IV length, an unsupported `r`, or
    ///   a length that is 0 or too long for L or the counter.
    public static func derive(
        prf: PRF, mode: Mode = .counter, key: [UInt8], label: [UInt8] = [], context: [UInt8] = [],
        iv: [UInt8] = [], useL: Bool = true, useSeparator: Bool = true, counterBits: Int = 32, length: Int
    ) throws -> [UInt8] {
        guard !key.isEmpty else { throw CryptoError(.invalidParameter, "KBKDF: no key set") }
        guard [8, 16, 24, 32].contains(counterBits) else {
            throw CryptoError(.invalidParameter, "KBKDF: r must be 8, 16, 24 or 32, got \(counterBits)")
        }
        let h = prf.outputSize
        guard iv.isEmpty || iv.count == h else {
            throw CryptoError(.invalidParameter, "KBKDF: the seed (IV) must be empty or \(h) bytes, got \(iv.count)")
        }
        let maxBlocks = counterBits == 32 ? Int(UInt32.max) : (1 << counterBits) - 1
        guard length >= 1, length <= Int(UInt32.max / 8), (length + h - 1) / h <= maxBlocks else {
            throw CryptoError(.invalidParameter, "KBKDF output length \(length) is out of range for r = \(counterBits)")
        }
        var fixed = label
        if useSeparator { fixed.append(0) }
        fixed += context
        if useL { fixed += withUnsafeBytes(of: UInt32(length * 8).bigEndian) { Array($0) } }
        var out = KDFOutput.buffer(for: length)
        var previous = iv
        var counter: UInt32 = 1
        // The type-erased MAC contexts cannot be copied: each block keys a fresh one.
        while out.count < length {
            let m = try prf.make(key)
            if mode == .feedback { m.update(previous) }
            let c = withUnsafeBytes(of: counter.bigEndian) { Array($0) }
            m.update(Array(c.suffix(counterBits / 8)))
            m.update(fixed)
            previous = m.finalize()
            out.append(contentsOf: previous.prefix(length - out.count))
            counter &+= 1
        }
        for i in previous.indices { previous[i] = 0 }
        return out
    }
}
