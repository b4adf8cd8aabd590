import COpenSSL
import Foundation
import LibCrypto

/// Throughput of LibCrypto against the OpenSSL reference, in the manner of `openssl speed -evp`.
///
/// For each algorithm and buffer size both libraries run the same operation on a buffer of that
/// size, alternately in short slices (so both see the same machine conditions), and the row
/// gives MB/s (10^6 bytes per second) for each and the ratio LibCrypto ÷ OpenSSL.
///
/// One operation (`Row.measures`) is, per family:
/// - digests: one-shot per buffer, a fresh context, update, final (OpenSSL: `EVP_Digest`);
/// - HMAC: per buffer, keyed init (32-byte key), update, final (OpenSSL: `EVP_MAC_init`,
///   `EVP_MAC_update`, `EVP_MAC_final` on one `EVP_MAC_CTX`);
/// - block and stream ciphers: an update of one long-lived encryption context, in place,
///   padding off (OpenSSL: `EVP_CipherUpdate`), as `openssl speed -evp` does; key wrap: each
///   update wraps the whole buffer (into a second buffer), XTS: each update is one data unit;
/// - GCM, OCB, ChaCha20-Poly1305: as `openssl speed -evp aes-128-gcm`, an update of one
///   long-lived encryption context (cipher and authenticator run over the data), no AAD, no
///   tag; LibCrypto's AEAD update returns a fresh array, OpenSSL's writes in place;
/// - CCM, which cannot stream: per buffer, set the nonce, announce the length, encrypt, final,
///   read the 12-byte tag (LibCrypto: a new context per buffer), as `openssl speed` does CCM.
///
/// Meant for release builds only.
public struct SpeedRun {
    /// One buffer size of a row.
    public struct Cell: Sendable, Codable, Equatable {
        public var bytes: Int
        /// MB/s (10^6 bytes per second); nil when not measured (see `note`).
        public var libcrypto: Double?
        public var openssl: Double?
        /// `libcrypto / openssl`, when both were measured.
        public var ratio: Double?
        /// Why a figure is missing (the reference lacks the algorithm, an operation failed, the
        /// mode does not take this size).
        public var note: String?

        public init(bytes: Int, libcrypto: Double?, openssl: Double?, note: String? = nil) {
            self.bytes = bytes
            self.libcrypto = libcrypto
            self.openssl = openssl
            if let a = libcrypto, let b = openssl, a > 0, b > 0 { ratio = a / b }
            self.note = note
        }
    }

    public struct Row: Sendable, Codable {
        public var algorithm: String
        /// digest, xof, mac, aead, cipher.
        public var family: String
        /// What one operation is (see `SpeedRun`).
        public var measures: String
        /// OpenSSL's reason, when the reference lacks the algorithm.
        public var referenceLacks: String?
        public var cells: [Cell]

        public func cell(bytes: Int) -> Cell? { cells.first { $0.bytes == bytes } }
    }

    public static let defaultSizes = [16, 64, 256, 1024, 8192, 16384]
    public var sizes: [Int]
    /// Time per library per (algorithm, size).
    public var seconds: Double
    public var filter: String?

    public init(sizes: [Int] = SpeedRun.defaultSizes, seconds: Double = 0.3, filter: String? = nil) {
        self.sizes = sizes
        self.seconds = seconds
        self.filter = filter?.lowercased()
    }

    func selected(_ names: [String]) -> Bool {
        guard let f = filter else { return true }
        return names.contains { $0.lowercased().contains(f) }
    }

    /// Slices per library per cell: ~30 ms each, at most 10, at least 1.
    public var rounds: Int { max(1, min(10, Int(seconds / 0.03))) }

    // MARK: - Operations and timing

    /// One side's operation on one buffer, set up once per (algorithm, size).
    struct Operation {
        /// Bytes one call processes.
        var bytes: Int
        var body: () throws -> Void
        var cleanup: () -> Void = {}
    }

    enum Setup {
        case ready(Operation)
        /// Not measured, with the reason.
        case skip(String)
    }

    final class Meter {
        let op: Operation
        var batch = 1
        var calls = 0
        var time = Duration.zero
        var failure: String?
        init(_ op: Operation) { self.op = op }

        var megabytesPerSecond: Double? {
            guard failure == nil, calls > 0 else { return nil }
            let (s, atto) = time.components
            let t = Double(s) + Double(atto) / 1e18
            guard t > 0 else { return nil }
            return Double(calls) * Double(op.bytes) / t / 1e6
        }

        /// Calls the operation in batches for about `budget` (a batch grows until it takes
        /// about a sixteenth of a slice, so the clock is read rarely).
        func run(for budget: Duration) {
            guard failure == nil else { return }
            let clock = ContinuousClock()
            let start = clock.now
            var elapsed = Duration.zero
            do {
                repeat {
                    let before = clock.now
                    for _ in 0..<batch { try op.body() }
                    calls += batch
                    let now = clock.now
                    if now - before < budget / 16 { batch *= 2 }
                    elapsed = now - start
                } while elapsed < budget
            } catch {
                failure = "\(error)"
            }
            time += elapsed
        }
    }

    /// Measures `a` and `b` alternately, `rounds` slices each (the first of a pair alternating),
    /// after one untimed warm-up call of each.
    func compare(_ a: Operation, _ b: Operation?) -> (Meter, Meter?) {
        let ma = Meter(a), mb = b.map(Meter.init)
        for m in [ma, mb].compactMap({ $0 }) {
            do { try m.op.body() } catch { m.failure = "\(error)" }
        }
        let n = rounds
        let slice = Duration.nanoseconds(Int64(seconds / Double(n) * 1e9))
        for r in 0..<n {
            let order = r % 2 == 0 ? [ma, mb] : [mb, ma]
            for m in order.compactMap({ $0 }) { m.run(for: slice) }
        }
        return (ma, mb)
    }

    /// One cell: both sides set up, measured and cleaned up (OpenSSL's only if it has the algorithm).
    func cell(_ size: Int, lib: (Int) throws -> Setup, ref: (Int) throws -> Setup, lacks: String?) -> Cell {
        let l: Setup, o: Setup?
        do { l = try lib(size) } catch { l = .skip("LibCrypto: \(error)") }
        if lacks == nil {
            do { o = try ref(size) } catch { o = .skip("OpenSSL: \(error)") }
        } else {
            o = nil
        }
        guard case .ready(let lop) = l else {
            if case .ready(let oop)? = o { oop.cleanup() }
            if case .skip(let why) = l { return Cell(bytes: size, libcrypto: nil, openssl: nil, note: why) }
            return Cell(bytes: size, libcrypto: nil, openssl: nil)
        }
        var oop: Operation? = nil
        var note = lacks.map(Self.shortLack)
        if let o {
            switch o {
            case .ready(let op): oop = op
            case .skip(let why): note = why
            }
        }
        let (ml, mo) = compare(lop, oop)
        lop.cleanup()
        oop?.cleanup()
        if let f = ml.failure { note = "LibCrypto failed: \(f)" }
        if let f = mo?.failure { note = "OpenSSL failed: \(f)" }
        return Cell(bytes: size, libcrypto: ml.megabytesPerSecond, openssl: mo?.megabytesPerSecond, note: note)
    }

    /// `reference lacks SM3` from OpenSSL's longer reason.
    static func shortLack(_ why: String) -> String {
        guard let r = why.range(of: " (") else { return why }
        return String(why[..<r.lowerBound])
    }

    /// A buffer of `size` bytes (plus room for a block of output), 64-byte aligned, filled.
    static func buffer(_ size: Int) -> UnsafeMutableRawBufferPointer {
        let b = UnsafeMutableRawBufferPointer.allocate(byteCount: size + 64, alignment: 64)
        b.initializeMemory(as: UInt8.self, repeating: 0x5a)
        return b
    }

    static func pattern(_ n: Int, _ salt: Int) -> [UInt8] { (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ salt) } }

    static func failure(_ function: String) -> CryptoError {
        CryptoError(.invalidParameter, "\(function): \(OpenSSLImplementation.takeError().text)")
    }

    // MARK: - Rows

    /// Measures every selected algorithm: each digest, HMAC-SHA2-256 (every HMAC-X when the
    /// filter names HMAC), each AEAD and each block or stream cipher. `onRow` sees each row as
    /// it completes.
    public func run(reference: OpenSSLImplementation, onRow: (Row) -> Void = { _ in }) throws -> [Row] {
        var rows: [Row] = []
        func measure(_ name: String, _ family: String, _ measures: String, lacks: String?,
                     lib: (Int) throws -> Setup, ref: (Int) throws -> Setup) {
            var row = Row(algorithm: name, family: family, measures: measures, referenceLacks: lacks, cells: [])
            for size in sizes { row.cells.append(cell(size, lib: lib, ref: ref, lacks: lacks)) }
            rows.append(row)
            onRow(row)
        }
        func lacking(_ needs: [(OpenSSLImplementation.FetchKind, String)]) -> String? {
            for (kind, name) in needs {
                if case .failure(let e) = reference.fetch(kind, name) { return e.reason }
            }
            return nil
        }

        for d in Registry.digests where selected(d.info.allNames) {
            measure(d.info.name, d.info.family.rawValue, "one-shot per buffer: new context, update, final (EVP_Digest)",
                    lacks: lacking([(.digest, d.info.name)]),
                    lib: { size in Self.libDigest(d, size) }, ref: { size in try self.refDigest(reference, d.info.name, size) })
        }
        let hmacs = filter?.contains("hmac") == true ? Registry.digests.filter { !$0.isXOF } : Registry.digests.filter { $0.info.name == "SHA2-256" }
        for d in hmacs where selected(["HMAC-" + d.info.name] + d.info.allNames.map { "HMAC-" + $0 }) {
            measure("HMAC-" + d.info.name, "mac", "per buffer: keyed init (32-byte key), update, final (EVP_MAC)",
                    lacks: lacking([(.digest, d.info.name), (.mac, "HMAC")]),
                    lib: { size in Self.libHMAC(d, size) }, ref: { size in try self.refHMAC(reference, d.info.name, size) })
        }
        for a in Registry.aeads where selected(a.info.allNames) {
            let ccm = a.info.name.uppercased().hasSuffix("-CCM")
            let measures = ccm
                ? "per buffer: set nonce, announce length, encrypt, final, get tag (as openssl speed -evp)"
                : "one encryption context, updated with each buffer, no AAD, no tag (as openssl speed -evp)"
            measure(a.info.name, "aead", measures, lacks: lacking([(.cipher, a.info.name)]),
                    lib: { size in try Self.libAEAD(a, size, perMessage: ccm) },
                    ref: { size in try self.refAEAD(reference, a, size, perMessage: ccm) })
        }
        for c in Registry.ciphers where selected(c.info.allNames) {
            let measures = c.mode == .wrap ? "one context, each update wraps the whole buffer (EVP_CipherUpdate)"
                : c.mode == .xts ? "one context, each update one data unit, in place (EVP_CipherUpdate)"
                : "one encryption context, updated in place, padding off (EVP_CipherUpdate, as openssl speed -evp)"
            measure(c.info.name, "cipher", measures, lacks: lacking([(.cipher, c.info.name)]),
                    lib: { size in try Self.libCipher(c, size) }, ref: { size in try self.refCipher(reference, c, size) })
        }
        return rows
    }

    /// Bytes of a `size`-byte buffer a cipher update takes (whole blocks; wrap whole 8-byte
    /// blocks, at least 16), or why it takes none.
    static func usable(_ c: CipherAlgorithm, _ size: Int) -> Result<Int, CryptoError> {
        switch c.mode {
        case .wrap:
            let n = size / 8 * 8
            return n >= 16 ? .success(n) : .failure(CryptoError(.invalidLength, "key wrap needs at least 16 bytes"))
        case .xts:
            return size >= 16 ? .success(size) : .failure(CryptoError(.invalidLength, "XTS needs at least 16 bytes"))
        default:
            let n = c.blockSize > 1 ? size / c.blockSize * c.blockSize : size
            return n > 0 ? .success(n) : .failure(CryptoError(.invalidLength, "less than one block"))
        }
    }

    // MARK: LibCrypto side

    static func libDigest(_ d: DigestAlgorithm, _ size: Int) -> Setup {
        let buf = buffer(size)
        let data = UnsafeRawBufferPointer(rebasing: buf[0..<size])
        return .ready(Operation(bytes: size, body: {
            let ctx = d.makeContext()
            ctx.update(data)
            _ = try ctx.finalize(outputLength: nil)
        }, cleanup: { buf.deallocate() }))
    }

    static func libHMAC(_ d: DigestAlgorithm, _ size: Int) -> Setup {
        let buf = buffer(size)
        let data = UnsafeRawBufferPointer(rebasing: buf[0..<size])
        let key = pattern(32, 11)
        return .ready(Operation(bytes: size, body: {
            let ctx = try d.makeHMAC(key: key)
            ctx.update(data)
            _ = ctx.finalize()
        }, cleanup: { buf.deallocate() }))
    }

    static func libAEAD(_ a: AEADAlgorithm, _ size: Int, perMessage: Bool) throws -> Setup {
        let key = pattern(a.keyLength, 7), nonce = pattern(a.defaultNonceLength, 3)
        let buf = buffer(size)
        let data = UnsafeRawBufferPointer(rebasing: buf[0..<size])
        if perMessage {
            let parameters = AEADParameters(nonce: nonce, tagLength: a.defaultTagLength, messageLength: size)
            return .ready(Operation(bytes: size, body: {
                let ctx = try a.makeContext(key: key, parameters: parameters, encrypting: true)
                _ = try ctx.update(data)
                _ = try ctx.finalizeEncryption()
            }, cleanup: { buf.deallocate() }))
        }
        let ctx: any AEADContext
        do {
            ctx = try a.makeContext(key: key, parameters: AEADParameters(nonce: nonce, tagLength: a.defaultTagLength), encrypting: true)
        } catch {
            buf.deallocate()
            throw error
        }
        return .ready(Operation(bytes: size, body: { _ = try ctx.update(data) }, cleanup: { buf.deallocate() }))
    }

    static func libCipher(_ c: CipherAlgorithm, _ size: Int) throws -> Setup {
        let n: Int
        switch usable(c, size) {
        case .success(let u): n = u
        case .failure(let e): return .skip(e.reason)
        }
        let ctx = try c.makeContext(key: pattern(c.keyLength, 7), iv: pattern(c.ivLength, 3), encrypting: true,
                                    parameters: CipherParameters(padding: false))
        let buf = buffer(n + 32)
        let data = UnsafeRawBufferPointer(rebasing: buf[0..<n])
        let out = buf.baseAddress!
        return .ready(Operation(bytes: n, body: { _ = try ctx.update(data, into: out) }, cleanup: { buf.deallocate() }))
    }

    // MARK: OpenSSL side

    func refDigest(_ ref: OpenSSLImplementation, _ name: String, _ size: Int) throws -> Setup {
        let md = try ref.fetch(.digest, name).get()
        let buf = Self.buffer(size)
        let out = UnsafeMutablePointer<UInt8>.allocate(capacity: Int(EVP_MAX_MD_SIZE))
        let data = UnsafeRawPointer(buf.baseAddress!)
        return .ready(Operation(bytes: size, body: {
            var n: UInt32 = 0
            guard ref_EVP_Digest(data, size, out, &n, md, nil) == 1 else { throw Self.failure("EVP_Digest") }
        }, cleanup: {
            buf.deallocate()
            out.deallocate()
        }))
    }

    func refHMAC(_ ref: OpenSSLImplementation, _ digest: String, _ size: Int) throws -> Setup {
        let mac = try ref.fetch(.mac, "HMAC").get()
        guard let ctx = ref_EVP_MAC_CTX_new(mac) else { throw Self.failure("EVP_MAC_CTX_new") }
        let key = Self.pattern(32, 11)
        let params = ParamBuilder()
        params.utf8("digest", digest)
        guard params.withArray({ p in key.withUnsafeBufferPointer { ref_EVP_MAC_init(ctx, $0.baseAddress, $0.count, p) } }) == 1 else {
            let e = Self.failure("EVP_MAC_init")
            ref_EVP_MAC_CTX_free(ctx)
            throw e
        }
        let buf = Self.buffer(size)
        let keyBytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: key.count)
        _ = keyBytes.initialize(from: key)
        let data = buf.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let out = UnsafeMutablePointer<UInt8>.allocate(capacity: 64)
        return .ready(Operation(bytes: size, body: {
            var n = 0
            guard ref_EVP_MAC_init(ctx, keyBytes.baseAddress, keyBytes.count, nil) == 1,
                  ref_EVP_MAC_update(ctx, data, size) == 1,
                  ref_EVP_MAC_final(ctx, out, &n, 64) == 1 else { throw Self.failure("EVP_MAC_init/update/final") }
        }, cleanup: {
            ref_EVP_MAC_CTX_free(ctx)
            buf.deallocate()
            keyBytes.deallocate()
            out.deallocate()
        }))
    }

    /// A cipher context keyed for encryption with OpenSSL's own key and IV lengths.
    func refCipherContext(_ cipher: OpaquePointer, wrap: Bool, tagLength: Int? = nil) throws -> OpaquePointer {
        guard let ctx = ref_EVP_CIPHER_CTX_new() else { throw Self.failure("EVP_CIPHER_CTX_new") }
        var ok = false
        defer { if !ok { ref_EVP_CIPHER_CTX_free(ctx) } }
        if wrap { ref_EVP_CIPHER_CTX_set_flags(ctx, EVP_CIPHER_CTX_FLAG_WRAP_ALLOW) }
        guard ref_EVP_CipherInit_ex2(ctx, cipher, nil, nil, 1, nil) == 1 else { throw Self.failure("EVP_CipherInit_ex2") }
        if let t = tagLength, ref_EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, Int32(t), nil) != 1 {
            throw Self.failure("EVP_CTRL_AEAD_SET_TAG")
        }
        let key = Self.pattern(Int(ref_EVP_CIPHER_CTX_get_key_length(ctx)), 7)
        let iv = Self.pattern(Int(ref_EVP_CIPHER_CTX_get_iv_length(ctx)), 3)
        let keyed = key.withUnsafeBufferPointer { k in
            iv.withUnsafeBufferPointer { v in ref_EVP_CipherInit_ex2(ctx, nil, k.baseAddress, iv.isEmpty ? nil : v.baseAddress, 1, nil) }
        }
        guard keyed == 1 else { throw Self.failure("EVP_CipherInit_ex2 (key)") }
        _ = ref_EVP_CIPHER_CTX_set_padding(ctx, 0)
        ref_ERR_clear_error()
        ok = true
        return ctx
    }

    func refCipher(_ ref: OpenSSLImplementation, _ c: CipherAlgorithm, _ size: Int) throws -> Setup {
        let n: Int
        switch Self.usable(c, size) {
        case .success(let u): n = u
        case .failure(let e): return .skip(e.reason)
        }
        let cipher = try ref.fetch(.cipher, c.info.name).get()
        let ctx = try refCipherContext(cipher, wrap: c.mode == .wrap)
        let buf = Self.buffer(n + 32)
        // Key wrap writes more than it reads: into a second buffer. Everything else in place.
        let outBuf = c.mode == .wrap ? Self.buffer(n + 32) : buf
        let input = buf.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let output = outBuf.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let count = Int32(n)
        return .ready(Operation(bytes: n, body: {
            var written: Int32 = 0
            guard ref_EVP_CipherUpdate(ctx, output, &written, input, count) == 1 else { throw Self.failure("EVP_CipherUpdate") }
        }, cleanup: {
            ref_EVP_CIPHER_CTX_free(ctx)
            if outBuf.baseAddress != buf.baseAddress { outBuf.deallocate() }
            buf.deallocate()
        }))
    }

    func refAEAD(_ ref: OpenSSLImplementation, _ a: AEADAlgorithm, _ size: Int, perMessage: Bool) throws -> Setup {
        let cipher = try ref.fetch(.cipher, a.info.name).get()
        let ctx = try refCipherContext(cipher, wrap: false, tagLength: perMessage ? a.defaultTagLength : nil)
        let buf = Self.buffer(size)
        let data = buf.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let count = Int32(size)
        guard perMessage else {
            return .ready(Operation(bytes: size, body: {
                var written: Int32 = 0
                guard ref_EVP_CipherUpdate(ctx, data, &written, data, count) == 1 else { throw Self.failure("EVP_CipherUpdate") }
            }, cleanup: {
                ref_EVP_CIPHER_CTX_free(ctx)
                buf.deallocate()
            }))
        }
        let ivBytes = Self.pattern(Int(ref_EVP_CIPHER_CTX_get_iv_length(ctx)), 3)
        let iv = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(ivBytes.count, 1))
        _ = iv.initialize(from: ivBytes)
        let tail = UnsafeMutablePointer<UInt8>.allocate(capacity: 64)
        let tagLength = Int32(a.defaultTagLength)
        return .ready(Operation(bytes: size, body: {
            var written: Int32 = 0
            guard ref_EVP_CipherInit_ex2(ctx, nil, nil, iv.baseAddress, -1, nil) == 1,
                  ref_EVP_CipherUpdate(ctx, nil, &written, nil, count) == 1,
                  ref_EVP_CipherUpdate(ctx, data, &written, data, count) == 1,
                  ref_EVP_CipherFinal_ex(ctx, tail, &written) == 1,
                  ref_EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, tagLength, tail) == 1 else {
                throw Self.failure("CCM message")
            }
        }, cleanup: {
            ref_EVP_CIPHER_CTX_free(ctx)
            buf.deallocate()
            iv.deallocate()
            tail.deallocate()
        }))
    }

    // MARK: - Text

    static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s.padding(toLength: n, withPad: " ", startingAt: 0) }

    static func figure(_ v: Double?) -> String { v.map { String(format2: $0) } ?? "-" }

    /// `algorithm`, a blank label column, then one column per size.
    public static func header(_ sizes: [Int]) -> String {
        pad("algorithm", 22) + pad("", 10) + sizes.map { String("\($0) B").leftPad(11) }.joined()
    }

    /// Three lines: LibCrypto MB/s, OpenSSL MB/s (or why not), ratio.
    public static func lines(_ row: Row, _ sizes: [Int]) -> String {
        let cells = sizes.map { row.cell(bytes: $0) }
        var out = pad(row.algorithm, 22) + pad("LibCrypto", 10) + cells.map { figure($0?.libcrypto).leftPad(11) }.joined() + "\n"
        if let lacks = row.referenceLacks {
            out += pad("", 22) + pad("OpenSSL", 10) + "  " + shortLack(lacks) + "\n"
        } else {
            out += pad("", 22) + pad("OpenSSL", 10) + cells.map { figure($0?.openssl).leftPad(11) }.joined() + "\n"
            out += pad("", 22) + pad("ratio", 10) + cells.map { figure($0?.ratio).leftPad(11) }.joined() + "\n"
        }
        let notes = Set(cells.compactMap { $0?.note }).filter { row.referenceLacks == nil || $0 != shortLack(row.referenceLacks!) }
        for n in notes.sorted() { out += pad("", 22) + "  note: " + n + "\n" }
        return out
    }

    /// The size the compact table shows: 16384 if measured, else the largest.
    public static func compactSize(_ sizes: [Int]) -> Int { sizes.contains(16384) ? 16384 : (sizes.max() ?? 16384) }

    /// One line per algorithm at one size: LibCrypto MB/s, OpenSSL MB/s, ratio.
    public static func compactTable(_ rows: [Row], size: Int) -> String {
        var out = pad("at \(size) bytes", 22) + "LibCrypto MB/s".leftPad(15) + "OpenSSL MB/s".leftPad(15) + "ratio".leftPad(8) + "\n"
        for r in rows {
            let c = r.cell(bytes: size)
            out += pad(r.algorithm, 22) + figure(c?.libcrypto).leftPad(15)
            if let lacks = r.referenceLacks {
                out += "  " + shortLack(lacks) + "\n"
            } else {
                out += figure(c?.openssl).leftPad(15) + figure(c?.ratio).leftPad(8) + "\n"
            }
        }
        return out
    }
}

/// What `confrun speed --json` writes.
public struct SpeedReport: Codable, Sendable {
    public var schema = 1
    /// `OpenSSL 3.0.19`, and the file it was loaded from.
    public var reference: String
    public var referenceLibrary: String
    /// `OPENSSL_ia32cap` as the reference saw it.
    public var referenceCpucap: String?
    /// `LIBCRYPTO_HWCAP` as LibCrypto saw it (`0`: generic Swift paths only).
    public var libcryptoHWCAP: String?
    public var secondsPerSide: Double
    public var sizes: [Int]
    public var rows: [SpeedRun.Row]

    public init(reference: OpenSSLImplementation, libcryptoHWCAP: String?, secondsPerSide: Double, sizes: [Int], rows: [SpeedRun.Row]) {
        self.reference = reference.name
        referenceLibrary = reference.library.path
        referenceCpucap = reference.library.cpucap
        self.libcryptoHWCAP = libcryptoHWCAP
        self.secondsPerSide = secondsPerSide
        self.sizes = sizes
        self.rows = rows
    }
}

extension String {
    /// Two decimals, without Foundation.
    init(format2 v: Double) {
        let scaled = (v * 100).rounded()
        guard scaled.isFinite, abs(scaled) < 1e15 else { self = "\(v)"; return }
        let n = Int(scaled)
        let frac = abs(n % 100)
        self = "\(n / 100).\(frac < 10 ? "0" : "")\(frac)"
    }
}
