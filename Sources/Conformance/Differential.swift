import Dispatch
import LibCrypto
import Vectors

/// A deterministic generator (SplitMix64): the same seed gives the same cases on any machine.
public struct SeededRandom {
    public private(set) var state: UInt64
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
    public mutating func bytes(_ n: Int) -> [UInt8] { (0..<max(0, n)).map { _ in UInt8(truncatingIfNeeded: next()) } }
    public mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    /// FNV-1a of a name: a per-algorithm stream that does not depend on Swift's hash seed.
    public static func stableHash(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return h
    }

    /// Lengths around block boundaries (0, 1, bs−1, bs, bs+1, 2bs±1 …) and now and then a large one.
    public mutating func length(max limit: Int = .max, blockSize bs: Int) -> Int {
        min(rawLength(blockSize: bs), limit)
    }

    mutating func rawLength(blockSize bs: Int) -> Int {
        let b = max(bs, 1)
        switch below(10) {
        case 0: return 0
        case 1: return 1
        case 2...5: return max(0, b * (1 + below(4)) + below(3) - 1)
        case 6...8: return below(300)
        default: return 1000 + below(4000)
        }
    }

    /// Update pieces for one side: one piece, or random small pieces (some empty).
    public mutating func pieces() -> [Int] {
        if chance(30) { return [] }
        return (0..<(1 + below(5))).map { _ in below(40) }
    }
}

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
        } catch {
            return .failure("error")
        }
    }
}

/// One generated case: a vector without an expected value, plus how each side feeds it.
public struct DifferentialCase {
    public var vector: Vector
    public var piecesA: [Int]
    public var piecesB: [Int]
    /// AEAD: also decrypt with one tag bit flipped (both must reject).
    public var flipTag: Bool
    /// Plain ciphers: the subject works in place (one buffer for input and output).
    public var inPlaceA = false
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
    public private(set) var reproducers: [(algorithm: String, cause: String, stanza: String)] = []

    public static let corpus = "interop"
    /// The corpus name results are recorded under (`interop`, or `interop-variants` for
    /// LibCrypto's hardware paths against its generic ones).
    public var corpus = DifferentialEngine.corpus
    /// Only algorithms that have a hardware path in this build (for the variants differential).
    public var onlyHardwareTargets = false
    /// Cycle the subject through LibCrypto's variants case by case (hardware, generic, each
    /// path) on algorithms with hardware paths, so every variant meets the reference.
    public var cycleSubjectVariants = true

    public init(subject: any Implementation, reference: any Implementation, seed: UInt64, casesPerAlgorithm: Int,
                filter: String?, results: RunResults) {
        self.subject = subject
        self.reference = reference
        self.seed = seed
        self.casesPerAlgorithm = casesPerAlgorithm
        self.filter = filter?.lowercased()
        self.results = results
    }

    enum Kind { case digest, hmac, cmac, gmac, poly1305, cipher, aead, kdf }

    struct Target {
        var name: String
        var kind: Kind
        var family: AlgorithmFamily
        /// What the reference must have (the digest under HMAC, the cipher under CMAC).
        var needs: [(String, AlgorithmFamily)]
    }

    /// Everything the subject has, as targets.
    func targets() -> [Target] {
        var out: [Target] = []
        for d in Registry.digests {
            out.append(Target(name: d.info.name, kind: .digest, family: d.info.family, needs: [(d.info.name, .digest)]))
            if !d.isXOF {
                out.append(Target(name: "HMAC-" + d.info.name, kind: .hmac, family: .mac, needs: [("HMAC", .mac), (d.info.name, .digest)]))
            }
        }
        for c in Registry.ciphers {
            out.append(Target(name: c.info.name, kind: .cipher, family: .cipher, needs: [(c.info.name, .cipher)]))
            if c.mode == .cbc {
                out.append(Target(name: "CMAC-" + c.info.name, kind: .cmac, family: .mac, needs: [("CMAC", .mac), (c.info.name, .cipher)]))
            }
        }
        for a in Registry.aeads {
            out.append(Target(name: a.info.name, kind: .aead, family: .cipher, needs: [(a.info.name, .cipher)]))
            if a.info.mode == .gcm {
                out.append(Target(name: "GMAC-" + a.info.name, kind: .gmac, family: .mac, needs: [("GMAC", .mac), (a.info.name, .cipher)]))
            }
        }
        out.append(Target(name: "POLY1305", kind: .poly1305, family: .mac, needs: [("POLY1305", .mac)]))
        for k in Registry.kdfs {
            out.append(Target(name: k.name, kind: .kdf, family: .kdf, needs: [(k.name, .kdf)]))
        }
        if onlyHardwareTargets {
            out = out.filter { t in ([t.name] + t.needs.map(\.0)).contains { Variants.usesHardware($0) } }
        }
        guard let f = filter else { return out }
        return out.filter { $0.name.lowercased().contains(f) }
    }

    /// Threads that run targets at once. More than one needs `makeReference`: each extra thread
    /// gets a reference of its own (the OpenSSL adapter caches fetched algorithms per instance).
    public var workers = 1
    public var makeReference: (() throws -> any Implementation)?

    struct TargetRun {
        var cases: [CaseResult] = []
        var reproducers: [(algorithm: String, cause: String, stanza: String)] = []
        var mismatches = 0
        var ran = 0
    }

    /// Runs every target; mismatches are recorded, shrunk and kept as reproducers. Results are
    /// recorded in target order whatever the number of workers, so a seed replays exactly.
    public func run() {
        let plan = targets().map { t -> (Target, String?) in
            for (name, family) in t.needs {
                if case .absent(let why) = reference.availability(of: name, family: family) {
                    return (t, why.hasPrefix("reference lacks") ? why : "reference lacks \(name): \(why)")
                }
            }
            return (t, nil)
        }
        var extra: [any Implementation] = []
        if workers > 1, let make = makeReference {
            for _ in 1..<min(workers, max(1, plan.count)) { if let r = try? make() { extra.append(r) } }
        }
        let refs = [reference] + extra
        final class Shared: @unchecked Sendable {
            let lock = DispatchSemaphore(value: 1)
            var next = 0
            var runs: [TargetRun?]
            init(_ n: Int) { runs = Array(repeating: nil, count: n) }
        }
        let shared = Shared(plan.count)
        nonisolated(unsafe) let work: (Int) -> Void = { [self] w in
            while true {
                shared.lock.wait()
                let i = shared.next
                shared.next += 1
                shared.lock.signal()
                guard i < plan.count else { return }
                let (t, missing) = plan[i]
                var tr = TargetRun()
                if let why = missing {
                    tr.cases.append(CaseResult(corpus: corpus, file: t.name, line: 0, id: "\(casesPerAlgorithm) cases",
                                               algorithm: t.name, implementation: "\(subject.name) vs \(reference.name)",
                                               outcome: .skipped, reason: why, expectedSkip: true))
                } else {
                    tr = runTarget(t, refs[w])
                }
                shared.lock.wait()
                shared.runs[i] = tr
                onAlgorithm?(t.name, tr.ran, tr.mismatches)
                shared.lock.signal()
            }
        }
        if refs.count == 1 {
            work(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: refs.count) { w in work(w) }
        }
        for tr in shared.runs {
            guard let tr else { continue }
            for r in tr.cases { results.record(r) }
            reproducers += tr.reproducers
        }
    }

    func runTarget(_ t: Target, _ ref: any Implementation) -> TargetRun {
        var out = TargetRun()
        var rng = SeededRandom(seed: seed ^ SeededRandom.stableHash(t.name))
        var causes: Set<String> = []
        let names = [t.name] + t.needs.map(\.0)
        let variants = cycleSubjectVariants && subject is LibCryptoImplementation ? ["hardware"] + Variants.extra(for: names) : []
        for i in 0..<casesPerAlgorithm {
            guard let c = makeCase(t, &rng) else { continue }
            let variant = variants.isEmpty ? nil : variants[i % variants.count]
            var r = CaseResult(corpus: corpus, file: t.name, line: 0, id: "case \(i) (seed \(seed))" + (variant.map { " [\($0)]" } ?? ""),
                               algorithm: t.name, implementation: "\(subject.name) vs \(reference.name)", outcome: .passed)
            let found: Difference? = variant.map { v in HardwareSupport.withVariant(v) { compare(t, c, ref) } } ?? compare(t, c, ref)
            if let diff = found {
                out.mismatches += 1
                r.outcome = .failed
                r.reason = diff.cause
                r.expected = "\(diff.reference)"
                r.actual = "\(diff.subject)"
                // One minimized reproducer per algorithm and cause; the rest are counted.
                if !causes.contains(diff.cause) {
                    causes.insert(diff.cause)
                    let small = variant.map { v in HardwareSupport.withVariant(v) { shrink(t, c, ref) } } ?? shrink(t, c, ref)
                    out.reproducers.append((t.name, diff.cause, stanza(for: small, ref)))
                    r.reason = diff.cause + " (minimized: \(describe(small)))"
                }
            }
            out.cases.append(r)
            out.ran += 1
        }
        return out
    }

    // MARK: Case generation

    func makeCase(_ t: Target, _ rng: inout SeededRandom) -> DifferentialCase? {
        let prov = Provenance(file: t.name, line: 0, corpus: corpus)
        func vector(_ op: Operation) -> Vector {
            Vector(id: t.name, provenance: prov, algorithm: t.name, operation: op, expected: .output([]))
        }
        switch t.kind {
        case .digest:
            guard let d = try? Registry.digest(named: t.name) else { return nil }
            let msg = rng.bytes(rng.length(max: maxLength, blockSize: d.blockSize))
            let outLen = d.isXOF ? rng.below(300) : nil
            return DifferentialCase(vector: vector(.digest(message: Message(msg), outputLength: outLen)),
                                    piecesA: rng.pieces(), piecesB: rng.pieces(), flipTag: false)
        case .hmac:
            let digest = String(t.name.dropFirst(5))
            guard let d = try? Registry.digest(named: digest) else { return nil }
            let key = rng.bytes(rng.chance(20) ? d.blockSize + rng.below(40) : rng.below(d.blockSize + 1))
            let msg = rng.bytes(rng.length(max: maxLength, blockSize: d.blockSize))
            return DifferentialCase(vector: vector(.mac(MACInput(mac: "HMAC", underlying: digest, key: key, message: Message(msg)))),
                                    piecesA: [], piecesB: [], flipTag: false)
        case .cmac:
            let cipher = String(t.name.dropFirst(5))
            guard let c = try? Registry.cipher(named: cipher) else { return nil }
            let msg = rng.bytes(rng.length(max: maxLength, blockSize: 16))
            return DifferentialCase(vector: vector(.mac(MACInput(mac: "CMAC", underlying: cipher, key: rng.bytes(c.keyLength), message: Message(msg)))),
                                    piecesA: [], piecesB: [], flipTag: false)
        case .gmac:
            let cipher = String(t.name.dropFirst(5))
            guard let a = try? Registry.aead(named: cipher) else { return nil }
            var input = MACInput(mac: "GMAC", underlying: cipher, key: rng.bytes(a.keyLength), message: Message(rng.bytes(rng.length(max: maxLength, blockSize: 16))))
            input.iv = rng.bytes(rng.chance(80) ? 12 : 1 + rng.below(64))
            return DifferentialCase(vector: vector(.mac(input)), piecesA: [], piecesB: [], flipTag: false)
        case .poly1305:
            let input = MACInput(mac: "POLY1305", underlying: nil, key: rng.bytes(32), message: Message(rng.bytes(rng.length(max: maxLength, blockSize: 16))))
            return DifferentialCase(vector: vector(.mac(input)), piecesA: [], piecesB: [], flipTag: false)
        case .cipher:
            guard let c = try? Registry.cipher(named: t.name) else { return nil }
            var key = rng.bytes(c.keyLength)
            if c.mode == .xts { key[0] ^= key[c.keyLength / 2] == key[0] ? 1 : 0 }
            let iv = rng.bytes(c.ivLength)
            var len = rng.length(max: maxLength, blockSize: max(c.blockSize, 8))
            var padding = false
            switch c.mode {
            case .ecb, .cbc:
                padding = rng.chance(50)
                if !padding { len = len / c.blockSize * c.blockSize }
            case .xts: len = max(16, len)
            case .wrap: len = c.info.name.contains("PAD") ? max(1, len) : max(16, len / 8 * 8)
            default: break
            }
            var input = CipherInput(cipher: t.name, key: key, iv: iv, plaintext: rng.bytes(len), ciphertext: [], direction: .encrypt,
                                    padding: padding)
            if c.mode == .cfb1 && rng.chance(30) { input.bitLength = rng.below(len * 8 + 1) }
            var dc = DifferentialCase(vector: vector(.cipher(input)), piecesA: rng.pieces(), piecesB: rng.pieces(), flipTag: false)
            dc.inPlaceA = input.bitLength == nil && rng.chance(50)
            return dc
        case .aead:
            guard let a = try? Registry.aead(named: t.name) else { return nil }
            var nonceLength = a.defaultNonceLength, tagLength = a.defaultTagLength
            if t.name.hasSuffix("-GCM") { nonceLength = rng.chance(70) ? 12 : 1 + rng.below(64); tagLength = 12 + rng.below(5) }
            if t.name.hasSuffix("-CCM") { nonceLength = 7 + rng.below(7); tagLength = 4 + 2 * rng.below(7) }
            if t.name.hasSuffix("-OCB") { nonceLength = 1 + rng.below(15); tagLength = 1 + rng.below(16) }
            var input = CipherInput(cipher: t.name, key: rng.bytes(a.keyLength), iv: rng.bytes(nonceLength),
                                    plaintext: rng.bytes(rng.length(max: maxLength, blockSize: 16)), ciphertext: [], direction: .encrypt)
            input.aad = rng.chance(20) ? [] : [rng.bytes(rng.length(max: maxLength, blockSize: 16))]
            input.tagLength = tagLength
            let ccm = t.name.hasSuffix("-CCM")
            return DifferentialCase(vector: vector(.cipher(input)), piecesA: ccm ? [] : rng.pieces(), piecesB: ccm ? [] : rng.pieces(), flipTag: true)
        case .kdf:
            var params: [KDFParameter] = []
            let digests = ["SHA1", "SHA256", "SHA512", "SHA3-256", "MD5"]
            var length = 1 + rng.below(100)
            switch t.name {
            case "PBKDF2":
                params = [KDFParameter("digest", .text(digests[rng.below(digests.count)])), KDFParameter("pass", .bytes(rng.bytes(rng.below(40)))),
                          KDFParameter("salt", .bytes(rng.bytes(rng.below(40)))), KDFParameter("iter", .text(String(1 + rng.below(200))))]
            case "PBKDF1":
                let d = ["SHA1", "MD5"][rng.below(2)]
                params = [KDFParameter("digest", .text(d)), KDFParameter("pass", .bytes(rng.bytes(rng.below(40)))),
                          KDFParameter("salt", .bytes(rng.bytes(8))), KDFParameter("iter", .text(String(1 + rng.below(100))))]
                length = 1 + rng.below(d == "MD5" ? 16 : 20)
            case "HKDF":
                params = [KDFParameter("digest", .text(digests[rng.below(digests.count)])), KDFParameter("key", .bytes(rng.bytes(1 + rng.below(80)))),
                          KDFParameter("salt", .bytes(rng.bytes(rng.below(80)))), KDFParameter("info", .bytes(rng.bytes(rng.below(80))))]
            case "SCRYPT":
                params = [KDFParameter("pass", .bytes(rng.bytes(rng.below(40)))), KDFParameter("salt", .bytes(rng.bytes(rng.below(40)))),
                          KDFParameter("n", .text(String(1 << (1 + rng.below(8))))), KDFParameter("r", .text(String(1 + rng.below(4)))),
                          KDFParameter("p", .text(String(1 + rng.below(3))))]
            case "PKCS12KDF":
                params = [KDFParameter("digest", .text(["SHA1", "SHA256"][rng.below(2)])), KDFParameter("pass", .bytes(rng.bytes(rng.below(40)))),
                          KDFParameter("salt", .bytes(rng.bytes(8))), KDFParameter("iter", .text(String(1 + rng.below(100)))),
                          KDFParameter("id", .text(String(1 + rng.below(3))))]
            case "X963KDF":
                params = [KDFParameter("digest", .text(digests[rng.below(4)])), KDFParameter("key", .bytes(rng.bytes(1 + rng.below(64)))),
                          KDFParameter("info", .bytes(rng.bytes(rng.below(64))))]
            default:
                return nil
            }
            return DifferentialCase(vector: vector(.kdf(KDFInput(kdf: t.name, parameters: params, outputLength: length))),
                                    piecesA: [], piecesB: [], flipTag: false)
        }
    }

    // MARK: Running and comparing

    struct Difference {
        var cause: String
        var subject: DifferentialOutcome
        var reference: DifferentialOutcome
    }

    func outcome(_ impl: any Implementation, _ c: DifferentialCase, pieces: [Int], inPlace: Bool = false) -> [(String, DifferentialOutcome)] {
        switch c.vector.operation {
        case .digest(let m, let n):
            return [("digest", .run { try impl.digest(c.vector.algorithm, message: Message(chunks: split(m.bytes, pieces)), outputLength: n, parameters: [:]) })]
        case .mac(let m):
            return [("mac", .run { try impl.mac(m) })]
        case .kdf(let k):
            return [("derive", .run { try impl.kdf(k) })]
        case .cipher(var input):
            input.inPlace = inPlace
            var steps: [(String, DifferentialOutcome)] = []
            var sealed: CipherOutput? = nil
            let enc = DifferentialOutcome.run {
                let out = try impl.cipher(input, encrypting: true, pieces: pieces)
                sealed = out
                return out.output + out.tag
            }
            steps.append(("encrypt", enc))
            guard let s = sealed else { return steps }
            var back = input
            back.ciphertext = s.output
            if !s.tag.isEmpty { back.tag = s.tag }
            if input.bitLength == nil {
                steps.append(("decrypt", .run { try impl.cipher(back, encrypting: false, pieces: pieces).output }))
            }
            if c.flipTag, var t = back.tag, !t.isEmpty {
                t[0] ^= 1
                back.tag = t
                steps.append(("decrypt with a flipped tag bit", .run { try impl.cipher(back, encrypting: false, pieces: pieces).output }))
            }
            return steps
        case .digestMonteCarlo, .unsupported:
            return []
        }
    }

    func split(_ bytes: [UInt8], _ pieces: [Int]) -> [Message.Chunk] {
        guard pieces.contains(where: { $0 > 0 }) else { return [Message.Chunk(bytes)] }
        var out: [Message.Chunk] = [], at = 0, k = 0
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
            let cause: String
            switch (x.1, y.1) {
            case (.bytes, .bytes): cause = "\(x.0): output differs"
            case (.failure(let e), .bytes): cause = "\(x.0): only \(subject.name) fails (\(e))"
            case (.bytes, .failure(let e)): cause = "\(x.0): only \(reference.name) fails (\(e))"
            case (.failure(let e1), .failure(let e2)): cause = "\(x.0): errors differ (\(e1) vs \(e2))"
            }
            return Difference(cause: cause, subject: x.1, reference: y.1)
        }
        if a.count != b.count { return Difference(cause: "different number of steps", subject: a.last?.1 ?? .failure("none"), reference: b.last?.1 ?? .failure("none")) }
        return nil
    }

    // MARK: Shrinking

    /// Smaller variants of a case: no split, then shorter inputs (halved, then one byte less).
    func candidates(_ c: DifferentialCase) -> [DifferentialCase] {
        var out: [DifferentialCase] = []
        if !c.piecesA.isEmpty || !c.piecesB.isEmpty {
            var s = c; s.piecesA = []; s.piecesB = []; out.append(s)
        }
        if c.inPlaceA {
            var s = c; s.inPlaceA = false; out.append(s)
        }
        func with(_ op: Operation) -> DifferentialCase { var s = c; s.vector.operation = op; return s }
        func shorter(_ b: [UInt8]) -> [[UInt8]] { b.isEmpty ? [] : [Array(b.prefix(b.count / 2)), Array(b.dropLast())] }
        switch c.vector.operation {
        case .digest(let m, let n):
            for b in shorter(m.bytes) { out.append(with(.digest(message: Message(b), outputLength: n))) }
        case .mac(let m):
            for b in shorter(m.message.bytes) { var x = m; x.message = Message(b); out.append(with(.mac(x))) }
        case .cipher(let input):
            let bs = (try? Registry.cipher(named: input.cipher))?.blockSize ?? 1
            for b in shorter(input.plaintext) where input.padding || bs <= 1 || b.count % bs == 0 {
                var x = input; x.plaintext = b
                if let bits = x.bitLength { x.bitLength = min(bits, b.count * 8) }
                out.append(with(.cipher(x)))
            }
            for a in input.aad.indices { for b in shorter(input.aad[a]) { var x = input; x.aad[a] = b; out.append(with(.cipher(x))) } }
        case .kdf(var k):
            if k.outputLength > 1 { k.outputLength /= 2; out.append(with(.kdf(k))) }
        default:
            break
        }
        return out
    }

    func shrink(_ t: Target, _ start: DifferentialCase, _ ref: (any Implementation)? = nil) -> DifferentialCase {
        var best = start
        var budget = 200
        var improved = true
        while improved && budget > 0 {
            improved = false
            for cand in candidates(best) {
                budget -= 1
                if compare(t, cand, ref) != nil {
                    best = cand
                    improved = true
                    break
                }
                if budget <= 0 { break }
            }
        }
        return best
    }

    func describe(_ c: DifferentialCase) -> String {
        switch c.vector.operation {
        case .digest(let m, _): return "\(m.count)-byte message, pieces \(c.piecesA)/\(c.piecesB)"
        case .mac(let m): return "\(m.key.count)-byte key, \(m.message.count)-byte message"
        case .cipher(let i): return "\(i.plaintext.count)-byte input, pieces \(c.piecesA)/\(c.piecesB)" + (i.padding ? ", padding" : "") + (c.inPlaceA ? ", in place" : "")
        case .kdf(let k): return "\(k.outputLength)-byte output"
        default: return ""
        }
    }

    // MARK: Reproducers

    /// The case as an evp_test stanza whose expected value is the reference's answer, so that
    /// `confrun kat` replays it against LibCrypto.
    func stanza(for c: DifferentialCase, _ ref: (any Implementation)? = nil) -> String {
        let reference = ref ?? self.reference
        func hex(_ b: [UInt8]) -> String { b.isEmpty ? "" : Hex.encode(b) }
        let ref = outcome(reference, c, pieces: [])
        let first = ref.first?.1
        var lines: [String] = ["# Minimized by confrun interop (seed \(seed)); expected values are \(reference.name)'s."]
        func result(_ o: DifferentialOutcome?, key: String) {
            switch o {
            case .bytes(let b)?: lines.append("\(key) = \(hex(b))")
            case .failure(let e)?: lines.append("Result = \(e.uppercased())_ERROR")
            case nil: lines.append("Result = REFERENCE_GAVE_NOTHING")
            }
        }
        switch c.vector.operation {
        case .digest(let m, _):
            lines += ["Digest = \(c.vector.algorithm)", "Input = \(hex(m.bytes))"]
            result(first, key: "Output")
        case .mac(let m):
            lines += ["MAC = \(m.mac)"]
            if let u = m.underlying { lines.append("Algorithm = \(u)") }
            lines += ["Key = \(hex(m.key))"]
            if let iv = m.iv { lines.append("IV = \(hex(iv))") }
            lines += ["Input = \(hex(m.message.bytes))"]
            result(first, key: "Output")
        case .cipher(let i):
            lines += ["Cipher = \(i.cipher)", "Operation = ENCRYPT", "Key = \(hex(i.key))"]
            if !i.iv.isEmpty { lines.append("IV = \(hex(i.iv))") }
            for a in i.aad { lines.append("AAD = \(hex(a))") }
            var plain = i.plaintext
            if i.padding, let bs = (try? Registry.cipher(named: i.cipher))?.blockSize, bs > 1 {
                // evp_test runs with padding off: write the PKCS#7 padding out instead.
                let n = bs - plain.count % bs
                plain += [UInt8](repeating: UInt8(n), count: n)
                lines.append("# PKCS#7 padding written out in the plaintext (the case ran with padding on)")
            }
            lines.append("Plaintext = \(hex(plain))")
            if case .bytes(let b)? = first, let n = i.tagLength, b.count >= n, i.tag != nil || Registry.aeads.contains(where: { $0.info.name == i.cipher }) {
                lines.append("Ciphertext = \(hex(Array(b.dropLast(n))))")
                lines.append("Tag = \(hex(Array(b.suffix(n))))")
            } else {
                result(first, key: "Ciphertext")
            }
        case .kdf(let k):
            lines.append("KDF = \(k.kdf)")
            for p in k.parameters {
                switch p.value {
                case .text(let t): lines.append("Ctrl.\(p.name) = \(p.name):\(t)")
                case .bytes(let b): lines.append("Ctrl.\(p.name) = hex\(p.name):\(hex(b))")
                }
            }
            result(first, key: "Output")
        default:
            break
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
