/// What one vector would cost to run, estimated from its fields before anything is computed,
/// so that a hostile or mistyped file (an iteration count of 2^63, a 5 GB keystream offset)
/// is skipped with a reason instead of running for hours or exhausting memory.
public struct Cost: Sendable, Hashable, CustomStringConvertible {
    /// Compression-function (block) calls, roughly: bytes hashed or enciphered / 64, PBKDF2
    /// iterations × 2 per output block, scrypt Salsa20/8 calls, ...
    public var work: Int
    /// Bytes the largest single allocation the case needs (an output, a keystream offset,
    /// scrypt's V array).
    public var memory: Int

    public init(work: Int = 0, memory: Int = 0) {
        self.work = work
        self.memory = memory
    }

    public var description: String { "work \(Cost.format(work)) block calls, memory \(Cost.bytes(memory))" }

    static func format(_ n: Int) -> String {
        if n == Int.max { return "overflow" }
        if n < 10_000 { return String(n) }
        var exp = 0
        var m = Double(n)
        while m >= 10 {
            m /= 10
            exp += 1
        }
        return String(format1(m)) + "e\(exp)"
    }

    static func format1(_ d: Double) -> String {
        let tenths = Int((d * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    static func bytes(_ n: Int) -> String {
        if n == Int.max { return "overflow" }
        if n >= 1 << 30 { return format1(Double(n) / Double(1 << 30)) + " GiB" }
        if n >= 1 << 20 { return format1(Double(n) / Double(1 << 20)) + " MiB" }
        return "\(n) bytes"
    }
}

/// The most a single vector may cost; above it the case is skipped as an expected skip with
/// the reason `cost above limit (…)`. The defaults let every vector of the installed corpora
/// run (the largest: scrypt N = 2^20, r = 8, 1 GiB; PBKDF2 with 2^24 iterations, about 6.7e7
/// block calls), and keep any one case to seconds rather than hours.
public struct CostLimit: Sendable, Hashable, CustomStringConvertible {
    public var work: Int
    public var memory: Int

    /// The most the cases of one file may cost together (each hardware variant's run counts):
    /// a file whose cases are each under `work` but many (a 2^24-iteration record repeated)
    /// stops here instead of running for minutes. The installed corpora's costliest files are
    /// the CAVP DSA PQGGen/PQGVer files (FIPS 186-3: about 5e8 each, every L = 2048 and 3072
    /// case regenerating p candidate by candidate), then the PBKDF2 one (about 1.4e8 with its
    /// variant runs).
    public var fileWork: Int

    public static let defaultWork = 100_000_000
    public static let defaultMemory = 1 << 30
    /// Default of ``fileWork``: 10 × ``defaultWork``, so that the PQG files run whole.
    public static let defaultFileWork = 1_000_000_000
    /// The limit `confrun all` hands to its build-matrix cells unless `--max-cost` is given:
    /// the cells repeat the corpora to show each configuration works, and the costliest files'
    /// last cases (the PQG files' above 2e8) already ran in stage 1.
    public static let matrixCell = CostLimit(work: defaultWork, memory: defaultMemory, fileWork: 200_000_000)
    /// ``matrixCell`` as a `--max-cost` argument.
    public static let matrixCellArgument = "100M,1Gi,200M"
    public static let `default` = CostLimit(work: defaultWork, memory: defaultMemory)
    /// No limit at all.
    public static let unlimited = CostLimit(work: Int.max, memory: Int.max, fileWork: Int.max)

    /// A limit per case; the per-file total defaults to twice `work` (at least the default).
    public init(work: Int, memory: Int, fileWork: Int? = nil) {
        self.work = work
        self.memory = memory
        self.fileWork = fileWork ?? max(Self.defaultFileWork, sat(work, times: 2))
    }

    /// Reads `WORK[,MEMORY[,FILEWORK]]`: counts with an optional k/M/G (10^3…) or Ki/Mi/Gi (2^10…)
    /// suffix, or `none` for no limit: `1e9`, `1G,1Gi`, `none`.
    public init?(parsing text: String) {
        let t = text.filter { $0 != " " }
        if t.lowercased() == "none" || t.lowercased() == "unlimited" {
            self = .unlimited
            return
        }
        let parts = t.split(separator: ",", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), let w = Self.amount(parts[0]) else { return nil }
        var m = Self.defaultMemory
        if parts.count >= 2 {
            guard let mm = Self.amount(parts[1]) else { return nil }
            m = mm
        }
        var f: Int?
        if parts.count == 3 {
            guard let ff = Self.amount(parts[2]) else { return nil }
            f = ff
        }
        self.init(work: w, memory: m, fileWork: f)
    }

    static func amount(_ s: Substring) -> Int? {
        var t = String(s)
        if t.lowercased() == "none" { return Int.max }
        let suffixes: [(String, Int)] = [
            ("Ki", 1 << 10), ("Mi", 1 << 20), ("Gi", 1 << 30), ("Ti", 1 << 40),
            ("k", 1_000), ("K", 1_000), ("M", 1_000_000), ("G", 1_000_000_000), ("T", 1_000_000_000_000),
        ]
        var scale = 1
        for (suf, v) in suffixes where t.hasSuffix(suf) {
            scale = v
            t.removeLast(suf.count)
            break
        }
        if let n = Int(t), n >= 0 {
            let (p, o) = n.multipliedReportingOverflow(by: scale)
            return o ? nil : p
        }
        // `1e9`
        let lower = t.lowercased()
        if let e = lower.firstIndex(of: "e"), let mant = Int(lower[..<e]),
            let exp = Int(lower[lower.index(after: e)...]),
            mant >= 0, (0...18).contains(exp)
        {
            var n = mant
            for _ in 0..<exp {
                let (p, o) = n.multipliedReportingOverflow(by: 10)
                if o { return nil }
                n = p
            }
            let (p, o) = n.multipliedReportingOverflow(by: scale)
            return o ? nil : p
        }
        return nil
    }

    public var description: String {
        "work \(Cost.format(work)), memory \(Cost.bytes(memory)), per file \(Cost.format(fileWork))"
    }

    /// Nil if a case of `next` still fits the file's budget after `spent`, else the skip reason.
    public func fileExcess(spent: Int, next: Cost) -> String? {
        let total = sat(spent, plus: next.work)
        guard total > fileWork else { return nil }
        return "cost above limit (this file's cases so far \(Cost.format(spent)) + \(Cost.format(next.work)) "
            + "> \(Cost.format(fileWork)) block calls per file)"
    }

    /// Nil if `cost` is within the limit, else the skip reason `cost above limit (…)`.
    public func excess(_ cost: Cost) -> String? {
        var over: [String] = []
        if cost.work > work { over.append("work \(Cost.format(cost.work)) > \(Cost.format(work)) block calls") }
        if cost.memory > memory { over.append("memory \(Cost.bytes(cost.memory)) > \(Cost.bytes(memory))") }
        return over.isEmpty ? nil : "cost above limit (\(over.joined(separator: ", ")))"
    }
}

/// Saturating arithmetic: an estimate that overflows is `Int.max`, which every limit refuses.
func sat(_ a: Int, plus b: Int) -> Int {
    let (r, o) = a.addingReportingOverflow(b)
    return o ? Int.max : r
}

func sat(_ a: Int, times b: Int) -> Int {
    let (r, o) = a.multipliedReportingOverflow(by: b)
    return o ? Int.max : r
}

extension Message {
    /// Total length in bytes, `Int.max` if it does not fit.
    var saturatedCount: Int { chunks.reduce(0) { sat($0, plus: sat($1.bytes.count, times: $1.count)) } }

    /// Update calls the message takes (each repetition of a chunk is one, even an empty one):
    /// `Input = ""` with `Count = 99999999999` is no bytes but 10^11 calls.
    var updateCalls: Int { chunks.reduce(0) { sat($0, plus: $1.count) } }

    /// Work in block calls: the bytes over 64, or the update calls if there are more of those.
    var work: Int { max(saturatedCount / 64, updateCalls) }
}

extension Vector {
    /// The estimated cost of running this vector once.
    public var cost: Cost {
        switch operation {
        case .digest(let message, let outputLength):
            let out = outputLength ?? 0
            return Cost(work: sat(sat(message.work, plus: out / 64), plus: 1), memory: out)
        case .digestMonteCarlo(let m):
            switch m.style {
            case .sha2, .sha3:
                return Cost(work: sat(m.iterations, times: 4), memory: 0)
            case .shake(_, let maxBytes):
                // Each step squeezes up to maxBytes; 1000 steps.
                let perStep = sat(maxBytes / 136, plus: 1)
                return Cost(work: sat(m.iterations, times: perStep), memory: maxBytes)
            }
        case .mac(let m):
            return Cost(work: sat(m.message.work, plus: 4), memory: 0)
        case .cipher(let c):
            let data = max(c.plaintext.count, c.ciphertext.count)
            let stream = sat(c.keystreamOffset, plus: data)
            let perRun = sat(stream / 16, plus: 1)
            return Cost(work: sat(perRun, times: max(1, c.iterations)), memory: c.keystreamOffset)
        case .kdf(let k):
            return kdfCost(k)
        case .rand(let d):
            // Each pass: two generates of outputLength bytes plus a few state updates.
            let perPass = sat(sat(d.outputLength / 16, times: 2), plus: 16)
            return Cost(work: sat(perPass, times: d.passes.count), memory: d.outputLength)
        case .encoding(let e):
            return Cost(work: sat(sat(e.input.count, plus: e.encoded.count) / 64, plus: 1), memory: e.encoded.count)
        case .bignum(let b):
            return bigNumCost(b)
        case .pkey(let k):
            return pkeyCost(k)
        case .ffc(let f):
            return ffcCost(f)
        case .ec(let e):
            return ecCost(e)
        case .keyFile(let k):
            // Parsing, and a y = g^x check for a DSA or DH private key: a few exponentiations on
            // a prime of about a quarter of the file's size (a private key holds four or more
            // numbers of the modulus' size; PEM's base64 adds a third).
            let limbs = k.contents.count / 4 / 8 + 1
            return Cost(
                work: sat(sat(sat(limbs, times: limbs), times: sat(limbs, times: 64)) / 256, times: 4),
                memory: k.contents.count)
        case .unsupported:
            return Cost()
        }
    }

    /// A DSA or DH check: a few exponentiations modulo p (limbs³ word multiplications each, one
    /// block call per 256); primality tests (64 exponentiations) for parameter checks; for the
    /// prime validation of FIPS 186-4 A.1.1.3, a hash and trial division per counter value
    /// (about limbs²/2, with the occasional Miller–Rabin test of a candidate that survives).
    private func ffcCost(_ f: FFCCheck) -> Cost {
        let limbs = max(f.p.count, f.peerP?.count ?? 0) / 8 + 1
        let exponentiation = sat(sat(limbs, times: limbs), times: sat(limbs, times: 64)) / 256
        var work = sat(exponentiation, times: 4)
        switch f.kind {
        case .dsaPrimes:
            let counter = max(0, f.counter ?? 0)
            work = sat(work, plus: sat(counter, times: sat(limbs, times: limbs) / 2))
            work = sat(work, plus: sat(exponentiation, times: 128))
        case .dsaGenerator:
            work = sat(work, plus: sat(exponentiation, times: 128))
        default:
            break
        }
        return Cost(work: sat(work, plus: f.message.count / 64 + 1), memory: sat(f.message.count, plus: limbs * 64))
    }

    /// An EC check: a few scalar multiplications (the field's bits of doublings and additions,
    /// each a dozen multiplications of limbs² words, one block call per 256), plus the message's
    /// hash and the KAS KDF.
    private func ecCost(_ e: ECCheck) -> Cost {
        let bytes = [e.d, e.qx, e.peerX, e.secret].compactMap { $0?.count }.max() ?? 0
        let limbs = bytes / 8 + 1
        let multiplication = sat(sat(limbs, times: limbs), times: sat(bytes, times: 8 * 12)) / 256
        let data = sat(sat(e.message.count, plus: e.otherInfo?.count ?? 0), plus: e.macData?.count ?? 0)
        return Cost(work: sat(sat(multiplication, times: 6), plus: data / 64 + 1), memory: sat(data, plus: bytes * 64))
    }

    /// A public-key stanza: a few private-key operations on a key of the PEM's size (limbs³ word
    /// multiplications each), and for key generation a prime search at the requested size. The
    /// modulus is estimated from the PEM text: 4 base64 characters are 3 bytes, and a private
    /// key's DER holds about four moduli' worth of numbers (n, d, and the CRT values).
    private func pkeyCost(_ k: PKeyInput) -> Cost {
        var bits = 0
        for key in [k.key, k.peerKey].compactMap({ $0 }) {
            switch key.source {
            case .pem(let text): bits = max(bits, text.utf8.count / 4 * 3 * 8 / (key.isPrivate ? 4 : 1))
            case .raw(_, let bytes): bits = max(bits, sat(bytes.count, times: 8))
            case .generated: bits = max(bits, 2048)
            case .rsaNumbers(let n, _, _, _): bits = max(bits, sat(n.count, times: 8))
            case .ecNumbers(_, let point, let scalar):
                bits = max(bits, sat(max(point?.count ?? 0, scalar?.count ?? 0), times: 8))
            }
        }
        for c in k.controls where c.name.hasSuffix("_bits") || c.name == "bits" {
            if let n = Int(c.text), n > 0 { bits = max(bits, n) }
        }
        if k.kind == .keyGen && bits == 0 { bits = 2048 }
        let limbs = bits / 64 + 1
        let exponentiation = sat(sat(limbs, times: limbs), times: sat(limbs, times: 64)) / 256
        let inputs = k.input.reduce(k.output?.count ?? 0) { sat($0, plus: $1.count) }
        // Key generation: on the order of bits/2 candidate primes, each a trial division and
        // a few exponentiations before one passes 64 Miller–Rabin rounds.
        let generations =
            k.kind == .keyGen || k.key.map({ if case .generated = $0.source { true } else { false } }) == true
            ? sat(bits, times: 2) : 4
        return Cost(
            work: sat(sat(exponentiation, times: generations), plus: inputs / 64 + 1), memory: sat(inputs, plus: bits))
    }

    /// Bignum checks: about limbs² word multiplications per modular multiplication, three
    /// exponentiations for `ModExp` (bntest's `BN_mod_exp`, `_mont`, `_mont_consttime`), one
    /// block call counted per 256 word multiplications. Memory: the values' limbs.
    private func bigNumCost(_ b: BigNumCheck) -> Cost {
        let limbs = b.values.values.map { $0.utf8.count / 16 + 1 }
        let largest = limbs.max() ?? 1
        let memory = sat(limbs.reduce(0) { sat($0, plus: $1) }, times: 64)
        let squareWork = sat(largest, times: largest)
        switch b.kind {
        case .modExp:
            let modulus = (b.values["M"]?.utf8.count ?? 0) / 16 + 1
            let exponentBits = sat((b.values["E"]?.utf8.count ?? 0), times: 4)
            let work = sat(sat(sat(modulus, times: modulus), times: exponentBits), times: 3) / 256
            return Cost(work: sat(work, plus: 1), memory: memory)
        case .modSqrt:
            let p = (b.values["P"]?.utf8.count ?? 0) / 16 + 1
            // A handful of exponentiations and up to bits(P) squarings of Tonelli–Shanks.
            let bits = sat(p, times: 64)
            return Cost(work: sat(sat(sat(p, times: p), times: sat(bits, times: 8)) / 256, plus: 1), memory: memory)
        case .gcd:
            return Cost(work: sat(sat(squareWork, times: 64) / 256, plus: 1), memory: memory)
        default:
            return Cost(work: sat(sat(squareWork, times: 4) / 256, plus: 1), memory: memory)
        }
    }

    private func kdfCost(_ k: KDFInput) -> Cost {
        func int(_ name: String) -> Int? {
            guard let p = k.parameters.last(where: { $0.name.lowercased() == name }) else { return nil }
            let t = p.text
            if let v = Int(t) { return v }
            if t.hasPrefix("0x") || t.hasPrefix("0X") { return Int(t.dropFirst(2), radix: 16) }
            return nil
        }
        let out = max(0, k.outputLength)
        // Output blocks of a hash-based KDF (at most 64-byte blocks; 20 for SHA-1 gives more).
        let blocks = sat(out / 20, plus: 1)
        var work = sat(blocks, times: 4)
        var memory = out
        switch k.kdf.uppercased() {
        case "PBKDF2", "PKCS12KDF", "PBKDF1":
            let iter = max(1, int("iter") ?? 1)
            work = sat(sat(iter, times: 2), times: blocks)
        case "SCRYPT":
            let n = max(1, int("n") ?? 1)
            let r = max(1, int("r") ?? 1)
            let p = max(1, int("p") ?? 1)
            // V holds N blocks of 128·r bytes; each of p lanes makes 2N BlockMix calls of 2r Salsa20/8.
            let v = sat(sat(128, times: r), times: n)
            // Above `maxmem_bytes` (default 1025 MiB, OpenSSL's provider default and LibCrypto's
            // Scrypt.defaultMaxMemory) scrypt refuses before allocating or computing anything.
            let maxmem = int("maxmem_bytes") ?? (1025 * 1024 * 1024)
            if v <= maxmem {
                memory = max(memory, v)
                work = sat(work, plus: sat(sat(sat(n, times: r), times: p), times: 4))
            }
        case "ARGON2I", "ARGON2D", "ARGON2ID":
            let mem = max(1, int("memcost") ?? 1)
            let t = max(1, int("iter") ?? 1)
            memory = max(memory, sat(mem, times: 1024))
            work = sat(work, plus: sat(sat(mem, times: t), times: 8))
        default:
            break
        }
        return Cost(work: work, memory: memory)
    }
}
