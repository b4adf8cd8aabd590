import Foundation
import LibCrypto

// Formatting: the per-row lines, the compact table and the JSON report.

extension SpeedRun {
    /// Which way the ratio goes (`Cell.ratio` is LibCrypto's throughput over OpenSSL's).
    public static let ratioLegend = "ratio = LibCrypto MB/s / OpenSSL MB/s: above 1 LibCrypto is faster, below 1 slower"

    // MARK: - Text

    static func pad(_ s: String, _ n: Int) -> String {
        s.count >= n ? s + " " : s.padding(toLength: n, withPad: " ", startingAt: 0)
    }

    static func figure(_ v: Double?) -> String { v.map { String(format2: $0) } ?? "-" }

    /// `algorithm`, a blank label column, then one column per size.
    public static func header(_ sizes: [Int]) -> String {
        pad("algorithm", 22) + pad("", 10) + sizes.map { String("\($0) B").leftPad(11) }.joined()
    }

    /// Three lines: LibCrypto MB/s, OpenSSL MB/s (or why not), ratio.
    public static func lines(_ row: Row, _ sizes: [Int]) -> String {
        let cells = sizes.map { row.cell(bytes: $0) }
        var out =
            pad(row.algorithm, 22) + pad("LibCrypto", 10) + cells.map { figure($0?.libcrypto).leftPad(11) }.joined()
            + "\n"
        if let lacks = row.referenceLacks {
            out += pad("", 22) + pad("OpenSSL", 10) + "  " + shortLack(lacks) + "\n"
        } else {
            out += pad("", 22) + pad("OpenSSL", 10) + cells.map { figure($0?.openssl).leftPad(11) }.joined() + "\n"
            out += pad("", 22) + pad("ratio", 10) + cells.map { figure($0?.ratio).leftPad(11) }.joined() + "\n"
        }
        let notes = Set(cells.compactMap { $0?.note }).filter {
            row.referenceLacks == nil || $0 != shortLack(row.referenceLacks!)
        }
        for n in notes.sorted() { out += pad("", 22) + "  note: " + n + "\n" }
        return out
    }

    /// The size the compact table shows: 16384 if measured, else the largest.
    public static func compactSize(_ sizes: [Int]) -> Int { sizes.contains(16384) ? 16384 : (sizes.max() ?? 16384) }

    /// One line per algorithm at one size: LibCrypto MB/s, OpenSSL MB/s, ratio.
    public static func compactTable(_ rows: [Row], size: Int) -> String {
        var out =
            pad("at \(size) bytes", 22) + "LibCrypto MB/s".leftPad(15) + "OpenSSL MB/s".leftPad(15) + "ratio".leftPad(8)
            + "\n"
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
    /// Public-key operations per second (RSA, DSA, DH).
    public var publicKeyRows: [SpeedRun.PKeyRow]

    public init(
        reference: OpenSSLImplementation, libcryptoHWCAP: String?, secondsPerSide: Double, sizes: [Int],
        rows: [SpeedRun.Row], publicKeyRows: [SpeedRun.PKeyRow] = []
    ) {
        self.reference = reference.name
        referenceLibrary = reference.library.path
        referenceCpucap = reference.library.cpucap
        self.libcryptoHWCAP = libcryptoHWCAP
        self.secondsPerSide = secondsPerSide
        self.sizes = sizes
        self.rows = rows
        self.publicKeyRows = publicKeyRows
    }
}

extension String {
    /// Two decimals, without Foundation.
    init(format2 v: Double) {
        let scaled = (v * 100).rounded()
        guard scaled.isFinite, abs(scaled) < 1e15 else {
            self = "\(v)"
            return
        }
        let n = Int(scaled)
        let frac = abs(n % 100)
        self = "\(n / 100).\(frac < 10 ? "0" : "")\(frac)"
    }
}
