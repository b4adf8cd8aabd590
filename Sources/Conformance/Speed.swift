import LibCrypto

/// Throughput of LibCrypto's algorithms, in the manner of `openssl speed`: for each algorithm
/// and buffer size, as many operations as fit in the time given, on one buffer.
/// Digests are one-shot per buffer (init, update, final); ciphers are one long-lived context
/// updated in place, as `openssl speed -evp` does. Meant for release builds only.
public struct SpeedRun {
    public struct Row: Sendable, Codable {
        public var algorithm: String
        public var family: String
        public var implementation: String
        /// Buffer size → MB/s (10^6 bytes per second).
        public var megabytesPerSecond: [String: Double]
    }

    public static let defaultSizes = [16, 64, 256, 1024, 8192, 16384]
    public var sizes: [Int]
    public var seconds: Double
    public var filter: String?

    public init(sizes: [Int] = SpeedRun.defaultSizes, seconds: Double = 0.3, filter: String? = nil) {
        self.sizes = sizes
        self.seconds = seconds
        self.filter = filter?.lowercased()
    }

    func selected(_ info: AlgorithmInfo) -> Bool {
        guard let f = filter else { return true }
        return info.allNames.contains { $0.lowercased().contains(f) }
    }

    /// Runs `body` (which processes `bytes` bytes) repeatedly for about `seconds`.
    func measure(bytes: Int, _ body: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        var total = 0
        var batch = max(1, 65536 / max(bytes, 1))
        let start = clock.now
        var elapsed = Duration.zero
        let budget = Duration.milliseconds(Int64(seconds * 1000))
        while elapsed < budget {
            for _ in 0..<batch { try body() }
            total += batch * bytes
            elapsed = clock.now - start
            if elapsed < budget / 10 { batch *= 2 }
        }
        let s = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Double(total) / s / 1e6
    }

    /// Measures every selected digest and cipher; `onRow` sees each row as it completes.
    public func run(onRow: (Row) -> Void = { _ in }) throws -> [Row] {
        var rows: [Row] = []
        for d in Registry.digests where selected(d.info) {
            var row = Row(algorithm: d.info.name, family: d.info.family.rawValue, implementation: "LibCrypto", megabytesPerSecond: [:])
            for size in sizes {
                let buffer = [UInt8](repeating: 0x5a, count: size)
                row.megabytesPerSecond[String(size)] = try buffer.withUnsafeBytes { raw in
                    try measure(bytes: size) {
                        let ctx = d.makeContext()
                        ctx.update(raw)
                        _ = try ctx.finalize(outputLength: nil)
                    }
                }
            }
            rows.append(row)
            onRow(row)
        }
        for d in Registry.digests where !d.isXOF && selected(AlgorithmInfo(name: "HMAC-" + d.info.name, family: .mac)) {
            var row = Row(algorithm: "HMAC-" + d.info.name, family: "mac", implementation: "LibCrypto", megabytesPerSecond: [:])
            let key = [UInt8](repeating: 0x0b, count: 32)
            for size in sizes {
                let buffer = [UInt8](repeating: 0x5a, count: size)
                row.megabytesPerSecond[String(size)] = try buffer.withUnsafeBytes { raw in
                    try measure(bytes: size) {
                        let ctx = try d.makeHMAC(key: key)
                        ctx.update(raw)
                        _ = ctx.finalize()
                    }
                }
            }
            rows.append(row)
            onRow(row)
        }
        for a in Registry.aeads where selected(a.info) {
            var row = Row(algorithm: a.info.name, family: "aead", implementation: "LibCrypto", megabytesPerSecond: [:])
            let key = [UInt8](repeating: 0x11, count: a.keyLength), nonce = [UInt8](repeating: 0x22, count: a.defaultNonceLength)
            for size in sizes {
                let buffer = [UInt8](repeating: 0x5a, count: size)
                row.megabytesPerSecond[String(size)] = try buffer.withUnsafeBytes { raw in
                    try measure(bytes: size) {
                        let ctx = try a.makeContext(key: key, parameters: AEADParameters(nonce: nonce, tagLength: a.defaultTagLength,
                                                                                      messageLength: size), encrypting: true)
                        _ = try ctx.update(raw)
                        _ = try ctx.finalizeEncryption()
                    }
                }
            }
            rows.append(row)
            onRow(row)
        }
        for c in Registry.ciphers where selected(c.info) {
            var row = Row(algorithm: c.info.name, family: "cipher", implementation: "LibCrypto", megabytesPerSecond: [:])
            for size in sizes {
                let key = [UInt8](repeating: 0x11, count: c.keyLength), iv = [UInt8](repeating: 0x22, count: c.ivLength)
                var key2 = key
                if c.mode == "xts" { key2[0] ^= 1 }  // XTS refuses equal key halves
                let ctx = try c.makeContext(key: key2, iv: iv, encrypting: true, parameters: CipherParameters(padding: false))
                var buffer = [UInt8](repeating: 0x5a, count: size + 32)
                var usable = c.blockSize > 1 ? size / c.blockSize * c.blockSize : size
                if c.mode == "wrap" { usable = max(16, size / 8 * 8) }
                if c.mode == "xts" { usable = max(16, size) }
                if c.mode == "wrap" && usable > size { row.megabytesPerSecond[String(size)] = 0; continue }
                row.megabytesPerSecond[String(size)] = try buffer.withUnsafeMutableBytes { raw in
                    try measure(bytes: usable) {
                        _ = try ctx.update(UnsafeRawBufferPointer(rebasing: raw[0..<usable]), into: raw.baseAddress!)
                    }
                }
            }
            rows.append(row)
            onRow(row)
        }
        return rows
    }

    /// A fixed-width table: algorithm, then MB/s per size.
    public static func header(_ sizes: [Int]) -> String {
        "algorithm".padding(toLength: 22, withPad: " ", startingAt: 0) + sizes.map { String("\($0) B").leftPad(11) }.joined()
    }

    public static func line(_ row: Row, _ sizes: [Int]) -> String {
        row.algorithm.padding(toLength: 22, withPad: " ", startingAt: 0)
            + sizes.map { s in String(format2: row.megabytesPerSecond[String(s)] ?? 0).leftPad(11) }.joined()
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
