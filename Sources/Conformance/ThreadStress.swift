import Foundation
import LibCrypto
import Vectors

/// LibCrypto from many threads at once — the OpenSSL FAQ's "is it thread-safe?" answered by a
/// test (`confrun stress`, and the `sanitize=thread` matrix cell, which runs it under TSan).
///
/// Before any thread starts, every check is computed once on the calling thread (in the default
/// hardware variant, then again in every variant, which must agree). Then `threads` threads run
/// the checks in turn, each from its own starting point, until `seconds` have passed, and
/// compare every output with the value computed before. Odd-numbered threads run each check
/// inside `HardwareSupport.withVariant` with the variant changing from one operation to the next,
/// while even-numbered threads use the default selection. After the threads end, every check is
/// computed once more on one thread and must still give the value from before the run (a race
/// that corrupted shared state shows there).
///
/// What is shared between the threads:
/// - key schedules created once (`AES` of each key size, in the default and the generic
///   variant; and every other block cipher of the build), used at once by every thread for
///   single blocks, CBC, GCM, GMAC and CMAC;
/// - keyed MAC states (`HMAC<SHA256>`, `CMAC<AES>`, `Poly1305`) and part-updated hash states,
///   which every operation copies and continues (value semantics under concurrency);
/// - part-updated registry digest contexts, which every operation `copy()`s;
/// - the registry and the catalog (every name and alias looked up);
/// - the process-wide hardware selection, against per-thread `withVariant`.
///
/// And every algorithm of the build through the registry: each digest (one-shot and streamed),
/// HMAC over each digest, each cipher (encrypt, then decrypt back), CMAC over each CBC cipher,
/// each AEAD (seal, then open), and the KDFs (PBKDF1, PBKDF2, HKDF, PKCS#12, X9.63, scrypt,
/// EVP_BytesToKey).
public enum ThreadStress {
    /// One operation whose output must not depend on the thread or the moment it runs.
    public struct Check: @unchecked Sendable {
        public let family: String
        public let name: String
        let body: () throws -> [UInt8]
    }

    /// A check whose output differed from the value computed before the threads started.
    public struct Mismatch: Sendable, CustomStringConvertible {
        public var check: String
        public var thread: Int
        public var variant: String
        public var detail: String
        public var description: String { "\(check) on thread \(thread) (variant \(variant)): \(detail)" }
    }

    public struct Report: Sendable {
        public var threads: Int
        public var seconds: Double
        public var checks: Int
        /// Checks left out before the run, with the reason (an algorithm that refuses the fixed inputs).
        public var skipped: [String]
        public var operations: Int
        public var operationsByFamily: [String: Int]
        public var operationsByThread: [Int]
        public var variants: [String]
        /// Disagreements found before the threads started (variants that disagree, a standard
        /// value not met): bugs, but not races.
        public var setupProblems: [String]
        public var mismatches: [Mismatch]
        /// Checks whose single-threaded recomputation after the run differed from before it.
        public var afterRunMismatches: [String]
        public var ok: Bool {
            setupProblems.isEmpty && mismatches.isEmpty && afterRunMismatches.isEmpty && operations > 0
        }

        /// `stress: 8 threads, 30.0 s, 123456 operations, 0 mismatches, …` (the line the matrix reads).
        public var summaryLine: String {
            String(
                format: "stress: %d threads, %.1f s, %d operations over %d checks, %d mismatches, "
                    + "%d after-run mismatches, %d setup problems",
                threads, seconds, operations, checks, mismatches.count, afterRunMismatches.count, setupProblems.count)
        }
    }

    // MARK: Fixed inputs

    static func bytes(_ n: Int, seed: UInt8) -> [UInt8] {
        (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ Int(seed)) }
    }
    static let message = bytes(64, seed: 3)
    static let aad = bytes(20, seed: 101)

    /// Every check of this build.
    public static func checks() -> [Check] {
        var out: [Check] = []
        out += anchorChecks()
        out += sharedScheduleChecks()
        out += digestChecks()
        out += cipherChecks()
        out += aeadChecks()
        out += kdfChecks()
        out += registryChecks()
        return out
    }

    /// Checks with a value from a standard, so the run is anchored to right answers, not just to
    /// agreeing ones: FIPS 180-2 SHA-256("abc") and FIPS 197 appendix C.1 (AES-128).
    static let anchors: [String: [UInt8]] = [
        "anchor SHA-256(abc)": hex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        "anchor AES-128 FIPS 197 C.1": hex("69c4e0d86a7b0430d8cdb78070b4c55a"),
    ]

    /// The anchors' hex, through the harness's own decoder (constants: a typo is a crash at start).
    static func hex(_ s: String) -> [UInt8] {
        try! Hex.decode(s)
    }

    static func anchorChecks() -> [Check] {
        [
            Check(family: "anchor", name: "anchor SHA-256(abc)") { SHA256.hash(Array("abc".utf8)) },
            Check(family: "anchor", name: "anchor AES-128 FIPS 197 C.1") {
                try AES(key: Array(0..<16)).encrypt((0..<16).map { UInt8($0 * 0x11) })
            },
        ]
    }

    // MARK: Shared key schedules and states

    static func blockModeOutput<C: BlockCipher>(
        _ c: C, mode: BlockCipherMode, iv: [UInt8], encrypting: Bool, _ input: [UInt8]
    )
        throws -> [UInt8]
    {
        let m = try BlockModeCipher(cipher: c, mode: mode, iv: iv, encrypting: encrypting)
        var out = [UInt8](repeating: 0, count: BlockModeCipher<C>.maxOutput(forInput: input.count))
        let n = out.withUnsafeMutableBytes { o in input.withUnsafeBytes { i in m.update(i, into: o.baseAddress!) } }
        let k = try out.withUnsafeMutableBytes { o in try m.finalize(into: o.baseAddress! + n) }
        return Array(out[0..<(n + k)])
    }

    /// Single blocks, CBC (encrypt, then decrypt back) and CMAC over one shared key schedule.
    static func sharedBlockCipherChecks<C: BlockCipher>(_ label: String, _ c: C) -> [Check] {
        let bs = C.blockSize
        let iv = bytes(bs, seed: 9)
        let input = bytes(4 * bs, seed: 5)
        var list = [
            Check(family: "shared-schedule", name: "\(label) blocks") {
                var out: [UInt8] = []
                for b in 0..<4 {
                    let block = Array(input[(b * bs)..<((b + 1) * bs)])
                    let ct = try c.encrypt(block)
                    guard try c.decrypt(ct) == block else { throw StressError("decrypt(encrypt(block)) != block") }
                    out += ct
                }
                return out
            },
            Check(family: "shared-schedule", name: "\(label) CBC") {
                let ct = try blockModeOutput(c, mode: .cbc, iv: iv, encrypting: true, input)
                let pt = try blockModeOutput(c, mode: .cbc, iv: iv, encrypting: false, ct)
                guard pt == input else { throw StressError("CBC decrypt(encrypt(m)) != m") }
                return ct
            },
        ]
        #if CMAC
        list.append(
            Check(family: "shared-schedule", name: "\(label) CMAC") {
                var m = try CMAC(cipher: c)
                m.update(message)
                return m.finalize()
            })
        #endif
        return list
    }

    static func sharedGCMChecks(_ label: String, _ aes: AES) -> [Check] {
        let nonce = bytes(12, seed: 77)
        return [
            Check(family: "shared-schedule", name: "\(label) GCM") {
                let g = try GCM(cipher: aes, parameters: AEADParameters(nonce: nonce), encrypting: true)
                try g.updateAAD(aad)
                var ct = try g.update(message)
                let fin = try g.finalizeEncryption()
                ct += fin.ciphertext
                let d = try GCM(cipher: aes, parameters: AEADParameters(nonce: nonce), encrypting: false)
                try d.updateAAD(aad)
                var pt = try d.update(ct)
                pt += try d.finalizeDecryption(tag: fin.tag)
                guard pt == message else { throw StressError("GCM open(seal(m)) != m") }
                return ct + fin.tag
            },
            Check(family: "shared-schedule", name: "\(label) GMAC") {
                try GMAC.authenticate(cipher: aes, iv: nonce, message: message)
            },
        ]
    }

    static func sharedScheduleChecks() -> [Check] {
        var out: [Check] = []
        for n in [16, 24, 32] {
            let key = bytes(n, seed: 1)
            // One schedule per variant, each shared by every thread.
            for variant in HardwareSupport.variants {
                guard let aes = try? HardwareSupport.withVariant(variant, { try AES(key: key) }) else { continue }
                let label = "AES-\(n * 8) (\(variant) schedule)"
                out += sharedBlockCipherChecks(label, aes)
                out += sharedGCMChecks(label, aes)
            }
        }
        func add<C: BlockCipher>(_ label: String, _ make: () throws -> C) {
            if let c = try? make() { out += sharedBlockCipherChecks(label, c) }
        }
        #if CAMELLIA
        add("Camellia-128") { try Camellia(key: bytes(16, seed: 2)) }
        #endif
        #if DES
        add("DES") { try DES(key: bytes(8, seed: 2)) }
        add("DES-EDE3") { try DESEDE3(key: bytes(24, seed: 2)) }
        add("DESX") { try DESX(key: bytes(24, seed: 2)) }
        #endif
        #if BF
        add("Blowfish") { try Blowfish(key: bytes(16, seed: 2)) }
        #endif
        #if CAST
        add("CAST5") { try CAST5(key: bytes(16, seed: 2)) }
        #endif
        #if SEED
        add("SEED") { try SEED(key: bytes(16, seed: 2)) }
        #endif
        #if IDEA
        add("IDEA") { try IDEA(key: bytes(16, seed: 2)) }
        #endif
        #if RC2
        add("RC2") { try RC2(key: bytes(16, seed: 2)) }
        #endif
        #if RC5
        add("RC5") { try RC5(key: bytes(16, seed: 2)) }
        #endif
        // Keyed states every operation copies and continues.
        if let hmac = try? HMAC<SHA256>(key: bytes(32, seed: 4)) {
            out.append(
                Check(family: "shared-state", name: "HMAC-SHA256 keyed state") {
                    var h = hmac
                    h.update(message)
                    return h.finalize()
                })
        }
        #if POLY1305
        if let poly = try? Poly1305(key: bytes(32, seed: 6)) {
            out.append(
                Check(family: "shared-state", name: "Poly1305 keyed state") {
                    var p = poly
                    p.update(message)
                    return p.finalize()
                })
        }
        #endif
        #if CHACHA
        if let chacha = try? ChaCha20(key: bytes(32, seed: 8), nonce: bytes(12, seed: 9)) {
            out.append(
                Check(family: "shared-state", name: "ChaCha20 keyed state") {
                    var c = chacha
                    return c.apply(message)
                })
        }
        #endif
        var sha = SHA256()
        sha.update(message.prefix(23))
        let prefix = sha
        out.append(
            Check(family: "shared-state", name: "SHA-256 part-updated state") {
                var s = prefix
                s.update(message.dropFirst(23))
                return s.finalize()
            })
        return out
    }

    // MARK: Every algorithm through the registry

    static func digestChecks() -> [Check] {
        var out: [Check] = []
        for d in Registry.digests {
            let length: Int? = d.isXOF ? 48 : nil
            out.append(
                Check(family: "digest", name: "\(d.info.name) one-shot") { try d.hash(message, outputLength: length) })
            let head = d.makeContext()
            head.update(Array(message.prefix(17)))
            let shared = SharedContext(head)
            out.append(
                Check(family: "digest", name: "\(d.info.name) copy of a shared context") {
                    let c = shared.context.copy()
                    c.update(Array(message.dropFirst(17)))
                    return try c.finalize(outputLength: length)
                })
            if !d.isXOF {
                let key = bytes(20, seed: 11)
                out.append(
                    Check(family: "mac", name: "HMAC-\(d.info.name)") {
                        let h = try Registry.hmac(digest: d.info.name, key: key)
                        h.update(Array(message.prefix(5)))
                        h.update(Array(message.dropFirst(5)))
                        return h.finalize()
                    })
            }
        }
        return out
    }

    /// A registry digest context shared between threads, which only `copy()` it.
    final class SharedContext: @unchecked Sendable {
        let context: any DigestContext
        init(_ c: any DigestContext) { context = c }
    }

    static func cipherChecks() -> [Check] {
        var out: [Check] = []
        for c in Registry.ciphers {
            let key = bytes(c.keyLength, seed: 13)
            let iv = bytes(c.ivLength, seed: 17)
            out.append(
                Check(family: "cipher", name: c.info.name) {
                    let ct = try c.encrypt(message, key: key, iv: iv)
                    guard try c.decrypt(ct, key: key, iv: iv) == message else {
                        throw StressError("decrypt(encrypt(m)) != m")
                    }
                    // A randomized wrap (DES3-WRAP) can only be compared by its round trip and length.
                    if DifferentialEngine.randomizedCiphers.contains(c.info.name.uppercased()) {
                        return message + [UInt8(truncatingIfNeeded: ct.count)]
                    }
                    return ct
                })
            if c.mode == .cbc {
                out.append(
                    Check(family: "mac", name: "CMAC-\(c.info.name)") {
                        let m = try c.makeCMAC(key: key)
                        m.update(message)
                        return m.finalize()
                    })
            }
        }
        return out
    }

    static func aeadChecks() -> [Check] {
        Registry.aeads.map { a in
            let key = bytes(a.keyLength, seed: 19)
            let nonce = bytes(a.defaultNonceLength, seed: 23)
            let parameters = AEADParameters(nonce: nonce, tagLength: a.defaultTagLength, messageLength: message.count)
            return Check(family: "aead", name: a.info.name) {
                let e = try a.makeContext(key: key, parameters: parameters, encrypting: true)
                try e.updateAAD(aad)
                var ct = try e.update(message)
                let fin = try e.finalizeEncryption()
                ct += fin.ciphertext
                let d = try a.makeContext(key: key, parameters: parameters, encrypting: false)
                try d.updateAAD(aad)
                var pt = try d.update(ct)
                pt += try d.finalizeDecryption(tag: fin.tag)
                guard pt == message else { throw StressError("open(seal(m)) != m") }
                return ct + fin.tag
            }
        }
    }

    static func kdfChecks() -> [Check] {
        var out: [Check] = []
        let password = Array("password".utf8)
        let salt = bytes(8, seed: 29)
        func over<H: HashFunction>(_ h: H.Type, _ name: String) {
            out.append(
                Check(family: "kdf", name: "PBKDF2-\(name)") {
                    try PBKDF2.derive(H.self, password: password, salt: salt, iterations: 16, length: 40)
                })
            out.append(
                Check(family: "kdf", name: "HKDF-\(name)") {
                    try HKDF.derive(H.self, key: message, salt: salt, info: aad, length: 42)
                })
            out.append(
                Check(family: "kdf", name: "PKCS12KDF-\(name)") {
                    try PKCS12KDF.derive(H.self, password: password, salt: salt, id: 1, iterations: 4, length: 24)
                })
            out.append(
                Check(family: "kdf", name: "X963KDF-\(name)") {
                    try X963KDF.derive(H.self, sharedSecret: message, sharedInfo: aad, length: 40)
                })
            out.append(
                Check(family: "kdf", name: "PBKDF1-\(name)") {
                    try PBKDF1.derive(
                        H.self, password: password, salt: salt, iterations: 8, length: min(16, H.digestSize))
                })
            out.append(
                Check(family: "kdf", name: "EVP_BytesToKey-\(name)") {
                    let r = try EVPBytesToKey.derive(
                        H.self, password: password, salt: salt, count: 2, keyLength: 32, ivLength: 16)
                    return r.key + r.iv
                })
        }
        for name in ["SHA1", "SHA2-256", "SHA2-512", "SHA3-256", "MD5"] {
            guard let d = try? Registry.digest(named: name) else { continue }
            over(d.hashType, name)
        }
        #if SCRYPT
        out.append(
            Check(family: "kdf", name: "scrypt N=16 r=1 p=1") {
                try Scrypt.derive(password: password, salt: salt, n: 16, r: 1, p: 1, length: 32)
            })
        #endif
        return out
    }

    /// Every name and alias of the build looked up in the registry and the catalog, and an
    /// absent name explained.
    static func registryChecks() -> [Check] {
        var out = Registry.all.map { info in
            Check(family: "registry", name: "lookup \(info.name)") {
                var s = ""
                for alias in [info.name] + info.aliases {
                    let found = try Registry.algorithm(named: alias)
                    s +=
                        found.name + "|" + (Catalog.descriptor(named: alias)?.name ?? "-") + "|"
                        + Catalog.groupingKey(alias) + ";"
                }
                return Array(s.utf8)
            }
        }
        out.append(
            Check(family: "registry", name: "explain an absent name") {
                Array(Catalog.explainAbsence(of: "aria-128-gcm").utf8)
                    + Array((Catalog.resolve("HMAC-SHA256")?.parts.map(\.name).joined(separator: ",") ?? "-").utf8)
            })
        return out
    }

    // MARK: The run

    /// The variants odd-numbered threads switch between: `generic`, `hardware` and each path.
    public static var variantNames: [String] {
        HardwareSupport.variants + HardwareSupport.paths.filter { !HardwareSupport.variants.contains($0) }
    }

    /// Runs the stress: `threads` threads for `seconds` seconds (at least one pass over every
    /// check per thread). `checks` defaults to every check of the build.
    public static func run(threads: Int, seconds: Double, checks given: [Check]? = nil) -> Report {
        let all = given ?? checks()
        let variants = variantNames
        var report = Report(
            threads: threads, seconds: 0, checks: 0, skipped: [], operations: 0, operationsByFamily: [:],
            operationsByThread: [], variants: variants, setupProblems: [], mismatches: [], afterRunMismatches: [])
        // Expected values, computed once on this thread, in the default variant and in every other.
        var usable: [Check] = []
        var expected: [[UInt8]] = []
        for c in all {
            let value: [UInt8]
            do { value = try c.body() } catch {
                report.skipped.append("\(c.name): \(error)")
                continue
            }
            if let standard = anchors[c.name], standard != value {
                report.setupProblems.append("\(c.name): not the standard's value")
            }
            for v in variants {
                let other = try? HardwareSupport.withVariant(v) { try c.body() }
                if other != value { report.setupProblems.append("\(c.name): variant \(v) gives another value") }
            }
            usable.append(c)
            expected.append(value)
        }
        report.checks = usable.count
        guard !usable.isEmpty else { return report }

        final class State: @unchecked Sendable {
            let lock = NSLock()
            var mismatches: [Mismatch] = []
            var mismatchCount = 0
            var byFamily: [String: Int] = [:]
            var byThread: [Int]
            init(_ n: Int) { byThread = Array(repeating: 0, count: n) }
        }
        let state = State(threads)
        let checksBox = CheckList(usable, expected)
        let start = Date()
        let deadline = start.addingTimeInterval(seconds)
        let group = DispatchGroup()
        for t in 0..<threads {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                var families: [String: Int] = [:]
                var count = 0
                var local: [Mismatch] = []
                var localCount = 0
                let n = checksBox.checks.count
                // Each thread starts elsewhere and walks with its own stride, so different
                // checks (and the same check) overlap between threads.
                let stride = [1, 3, 5, 7, 11, 13, 17, 19][t % 8]
                var i = (t * n) / max(1, threads)
                var done = 0
                while done < n || Date() < deadline {
                    let k = i % n
                    let c = checksBox.checks[k]
                    let variant = t % 2 == 1 ? variants[(done + t) % variants.count] : "default"
                    let got: Result<[UInt8], Error> =
                        variant == "default"
                        ? Result { try c.body() }
                        : Result { try HardwareSupport.withVariant(variant) { try c.body() } }
                    switch got {
                    case .success(let v) where v == checksBox.expected[k]: break
                    case .success:
                        localCount += 1
                        if local.count < 20 {
                            local.append(Mismatch(check: c.name, thread: t, variant: variant, detail: "another output"))
                        }
                    case .failure(let e):
                        localCount += 1
                        if local.count < 20 {
                            local.append(Mismatch(check: c.name, thread: t, variant: variant, detail: "threw \(e)"))
                        }
                    }
                    families[c.family, default: 0] += 1
                    count += 1
                    done += 1
                    i += stride
                    if stride % n == 0 { i += 1 }
                }
                state.lock.lock()
                state.byThread[t] = count
                for (f, c) in families { state.byFamily[f, default: 0] += c }
                state.mismatches += local
                state.mismatchCount += localCount
                state.lock.unlock()
            }
            // TSan and deep generic code want more than the 512 KiB default of secondary threads.
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
        report.seconds = Date().timeIntervalSince(start)
        report.operationsByThread = state.byThread
        report.operationsByFamily = state.byFamily
        report.operations = state.byThread.reduce(0, +)
        report.mismatches = state.mismatches
        if state.mismatchCount > state.mismatches.count {
            report.mismatches.append(
                Mismatch(
                    check: "…", thread: -1, variant: "-",
                    detail: "\(state.mismatchCount - state.mismatches.count) more mismatches not listed"))
        }
        // The same values once more, on one thread, after the run.
        for (k, c) in usable.enumerated() {
            let again = try? c.body()
            if again != expected[k] { report.afterRunMismatches.append(c.name) }
        }
        return report
    }

    final class CheckList: @unchecked Sendable {
        let checks: [Check]
        let expected: [[UInt8]]
        init(_ c: [Check], _ e: [[UInt8]]) {
            checks = c
            expected = e
        }
    }

    struct StressError: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }
}
