import LibCrypto
import Vectors

// The differential engine: two implementations run on the same case and compared step by
// step. Beside this file: the generator (SeededRandom), case building (DifferentialCases),
// the scheduler (DifferentialScheduler: targets over threads), the shrinker
// (DifferentialShrinker) and the stanza writer (DifferentialStanza).

/// How an operation ended, for comparing two implementations.
public enum DifferentialOutcome: Equatable, CustomStringConvertible {
    case bytes([UInt8])
    /// A thrown error, reduced to its class (the code of a `CryptoError`).
    case failure(String)

    public var description: String {
        switch self {
        case .bytes(let b): return b.count > 48 ? Hex.encode(b.prefix(48)) + "… (\(b.count) bytes)" : Hex.encode(b)
        case .failure(let c): return "error \(c)"
        }
    }

    static func run(_ body: () throws -> [UInt8]) -> DifferentialOutcome {
        do { return .bytes(try body()) } catch let e as CryptoError {
            return .failure(e.code.rawValue)
        } catch let e as StepFailure {
            // The class of the error, wherever it was raised (the steps are the KAT engine's).
            return .failure((e.underlying as? CryptoError)?.code.rawValue ?? "error")
        } catch {
            return .failure("error")
        }
    }
}

/// Differential runs of two implementations on seeded random inputs, with shrinking of any
/// mismatch to a small reproducer.
public final class DifferentialEngine {
    public let subject: any Implementation
    public let reference: any Implementation
    public let seed: UInt64
    public let casesPerAlgorithm: Int
    public let filter: String?
    public let results: RunResults
    /// Largest message or plaintext a case may have (the default leaves room for multi-KiB ones).
    public var maxLength: Int = .max
    /// Called after each algorithm: (name, cases run, mismatches).
    public var onAlgorithm: ((String, Int, Int) -> Void)?
    /// Minimized mismatches, as evp_test stanzas (expected = the reference's answer).
    public internal(set) var reproducers: [(algorithm: String, cause: String, stanza: String)] = []

    public static let corpus = "interop"
    /// The corpus name results are recorded under (`interop`, or `interop-variants` for
    /// LibCrypto's hardware paths against its generic ones).
    public var corpus = DifferentialEngine.corpus
    /// Only algorithms that have a hardware path in this build (for the variants differential).
    public var onlyHardwareTargets = false
    /// Cycle the subject through LibCrypto's variants case by case (hardware, generic, each
    /// path) on algorithms with hardware paths, so every variant meets the reference.
    public var cycleSubjectVariants = true

    public init(
        subject: any Implementation, reference: any Implementation, seed: UInt64, casesPerAlgorithm: Int,
        filter: String?, results: RunResults
    ) {
        self.subject = subject
        self.reference = reference
        self.seed = seed
        self.casesPerAlgorithm = casesPerAlgorithm
        self.filter = filter?.lowercased()
        self.results = results
    }

    /// Threads that run targets at once. More than one needs `makeReference`: each extra thread
    /// gets a reference of its own (the OpenSSL adapter caches fetched algorithms per instance).
    public var workers = 1
    public var makeReference: (() throws -> any Implementation)?

    // MARK: Running and comparing

    struct Difference {
        var cause: String
        var subject: DifferentialOutcome
        var reference: DifferentialOutcome
    }

    func outcome(_ impl: any Implementation, _ c: DifferentialCase, pieces: [Int], inPlace: Bool = false) -> [(
        String, DifferentialOutcome
    )] {
        switch c.vector.operation {
        case .digest(let m, let n):
            return [
                (
                    "digest",
                    .run {
                        try impl.digest(
                            c.vector.algorithm, message: Message(chunks: split(m.bytes, pieces)), outputLength: n,
                            parameters: [:])
                    }
                )
            ]
        case .mac(let m):
            // The tag, and the sizes the MAC reports (EVP_MAC_CTX_get_mac_size, _get_block_size).
            return [
                ("mac", .run { try impl.mac(m) }),
                (
                    "output and block sizes",
                    .run {
                        let z = try impl.macSizes(m)
                        return [z.output, z.block].flatMap {
                            [UInt8(truncatingIfNeeded: $0 >> 8), UInt8(truncatingIfNeeded: $0)]
                        }
                    }
                ),
            ]
        case .kdf(let k):
            return [("derive", .run { try impl.kdf(k) })]
        case .cipher(var input):
            input.inPlace = inPlace
            var steps: [(String, DifferentialOutcome)] = []
            var sealed: CipherOutput? = nil
            let randomized = Self.randomizedCiphers.contains(input.cipher.uppercased())
            let enc = DifferentialOutcome.run {
                let out = try impl.cipher(input, encrypting: true, pieces: pieces)
                sealed = out
                // A randomized wrap's output can only be compared by its length (and unwrapped
                // across implementations, see `compare`).
                return randomized ? Array("\(out.output.count) bytes".utf8) : out.output + out.tag
            }
            steps.append(("encrypt", enc))
            guard let s = sealed else { return steps }
            // The IV the mode leaves (EVP_CIPHER_CTX_get_updated_iv), and the sizes the cipher
            // reports (EVP_CIPHER_get_key_length, _iv_length, _block_size).
            steps.append(("updated IV after encrypt", .bytes(s.nextIV ?? [])))
            steps.append(
                (
                    "key, IV and block lengths",
                    .run {
                        let z = try impl.cipherSizes(input.cipher)
                        return [z.key, z.iv, z.block].flatMap {
                            [UInt8(truncatingIfNeeded: $0 >> 8), UInt8(truncatingIfNeeded: $0)]
                        }
                    }
                ))
            var back = input
            back.ciphertext = s.output
            if !s.tag.isEmpty { back.tag = s.tag }
            if var a = back.tlsAAD, a.count == 13, back.cipher.uppercased().hasPrefix("RC4-HMAC") {
                // RC4-HMAC-MD5's decrypting header counts the MAC in the record length.
                let n = (Int(a[11]) << 8 | Int(a[12])) + 16
                a[11] = UInt8(truncatingIfNeeded: n >> 8)
                a[12] = UInt8(truncatingIfNeeded: n)
                back.tlsAAD = a
            }
            if input.bitLength == nil {
                var opened: CipherOutput? = nil
                steps.append(
                    (
                        "decrypt",
                        .run {
                            let o = try impl.cipher(back, encrypting: false, pieces: pieces)
                            opened = o
                            return o.output
                        }
                    ))
                if let o = opened { steps.append(("updated IV after decrypt", .bytes(o.nextIV ?? []))) }
            }
            if back.tlsAAD != nil, !back.ciphertext.isEmpty {
                var bad = back
                bad.ciphertext[bad.ciphertext.count / 2] ^= 0x20
                let corrupted = DifferentialOutcome.run {
                    try impl.cipher(bad, encrypting: false, pieces: pieces).output
                }
                steps.append(("decrypt a corrupted TLS record", corrupted))
            }
            if c.flipTag, var t = back.tag, !t.isEmpty {
                t[0] ^= 1
                back.tag = t
                steps.append(
                    (
                        "decrypt with a flipped tag bit",
                        .run { try impl.cipher(back, encrypting: false, pieces: pieces).output }
                    ))
            }
            return steps
        case .rand, .encoding:
            return randomOutcome(impl, c)
        case .digestMonteCarlo, .bignum, .pkey, .ffc, .ec, .keyFile, .unsupported:
            return []
        }
    }

    func split(_ bytes: [UInt8], _ pieces: [Int]) -> [Message.Chunk] {
        guard pieces.contains(where: { $0 > 0 }) else { return [Message.Chunk(bytes)] }
        var out: [Message.Chunk] = []
        var at = 0
        var k = 0
        while at < bytes.count {
            let n = min(pieces[k % pieces.count], bytes.count - at)
            out.append(Message.Chunk(Array(bytes[at..<(at + n)])))
            at += n
            k += 1
        }
        return out.isEmpty ? [Message.Chunk([])] : out
    }

    /// Nil when both sides agree at every step; else the first step where they differ.
    func compare(_ t: Target, _ c: DifferentialCase, _ ref: (any Implementation)? = nil) -> Difference? {
        let reference = ref ?? self.reference
        let a = outcome(subject, c, pieces: c.piecesA, inPlace: c.inPlaceA)
        let b = outcome(reference, c, pieces: c.piecesB)
        for (x, y) in zip(a, b) where x.1 != y.1 {
            // Where the reference reports no updated IV there is nothing to compare LibCrypto's
            // with. With OpenSSL 3.0 that is one deterministic case: a CFB1 update counted in bits
            // on a cipher that reads the count as bytes (DES-CFB1: cipher_hw_des_cfb1_cipher
            // ignores use_bits, so its IV is the state after 8 x the bits asked, and the adapter
            // drops it, see OpenSSLCiphers.readsLengthInBits). EVP_CIPHER_CTX_get_updated_iv
            // itself succeeds for every 3.0.19 cipher that has an IV after an update.
            if x.0.hasPrefix("updated IV"), y.1 == .bytes([]) { continue }
            let cause: String
            switch (x.1, y.1) {
            case (.bytes, .bytes): cause = "\(x.0): output differs"
            case (.failure(let e), .bytes): cause = "\(x.0): only \(subject.name) fails (\(e))"
            case (.bytes, .failure(let e)): cause = "\(x.0): only \(reference.name) fails (\(e))"
            case (.failure(let e1), .failure(let e2)): cause = "\(x.0): errors differ (\(e1) vs \(e2))"
            }
            return Difference(cause: cause, subject: x.1, reference: y.1)
        }
        if a.count != b.count {
            return Difference(
                cause: "different number of steps", subject: a.last?.1 ?? .failure("none"),
                reference: b.last?.1 ?? .failure("none"))
        }
        if case .cipher(let input) = c.vector.operation, Self.randomizedCiphers.contains(input.cipher.uppercased()) {
            // Each side unwraps what the other wrapped.
            for (wrapper, unwrapper) in [(subject, reference), (reference, subject)] {
                guard let sealed = try? wrapper.cipher(input, encrypting: true, pieces: []) else { continue }
                var back = input
                back.ciphertext = sealed.output
                let opened = DifferentialOutcome.run {
                    try unwrapper.cipher(back, encrypting: false, pieces: []).output
                }
                if opened != .bytes(input.plaintext) {
                    return Difference(
                        cause: "\(unwrapper.name) unwrapping \(wrapper.name)'s wrap", subject: opened,
                        reference: .bytes(input.plaintext))
                }
            }
        }
        return nil
    }

    /// Ciphers whose encryption draws a random IV (OpenSSL's DES3-WRAP), so only lengths and
    /// cross-unwrapping can be compared.
    public static let randomizedCiphers: Set<String> = ["DES3-WRAP", "ID-SMIME-ALG-CMS3DESWRAP"]
}
