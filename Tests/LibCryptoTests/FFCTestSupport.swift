import Foundation

@testable import LibCrypto

/// Helpers shared by the DSA and DH tests: the cryptography-vectors cache, NIST `.rsp` records,
/// the `openssl` CLI and its `-text` output.
enum FFCTestSupport {
    static let vectorRoot: String = {
        let env = ProcessInfo.processInfo.environment
        let cache = env["CONFRUN_CACHE"] ?? ((env["HOME"] ?? "/root") + "/.cache/swift-libcrypto")
        return cache + "/cryptography-vectors/cryptography_vectors/asymmetric/"
    }()

    static func vectorFile(_ relative: String) -> String? {
        try? String(contentsOfFile: vectorRoot + relative, encoding: .utf8)
    }

    /// The records of a NIST `.rsp` file: every `key = value` accumulates into the current record
    /// (so a section's P, Q, G carry into its records), `[section]` headers are kept as
    /// `section` (lines starting `[A.` or similar) and `mod`; a record is emitted when
    /// `terminator` is read.
    /// Keys in `reset` are dropped after each record (fields that only some records have).
    static func records(_ text: String, terminator: String, reset: [String] = []) -> [[String: String]] {
        var out: [[String: String]] = []
        var cur: [String: String] = [:]
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let l = line.trimmingCharacters(in: .whitespaces)
            if l.hasPrefix("[") {
                let inner = String(l.dropFirst().dropLast())
                if inner.hasPrefix("mod") { cur["mod"] = inner } else { cur["section"] = inner }
                continue
            }
            guard !l.hasPrefix("#"), let eq = l.firstIndex(of: "=") else { continue }
            let k = l[..<eq].trimmingCharacters(in: .whitespaces)
            let v = l[l.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            cur[k] = v
            if k == terminator {
                out.append(cur)
                for key in reset { cur[key] = nil }
            }
        }
        return out
    }

    /// The digest name of a `[mod = L=…, N=…, SHA-xxx]` header (SHA-1 when none is given).
    static func digestName(mod: String?) -> String {
        guard let mod, let r = mod.range(of: "SHA-") else { return "SHA1" }
        return "SHA" + mod[r.upperBound...].prefix { $0.isNumber }
    }

    static let opensslPath: String? = {
        for p in ["/usr/bin/openssl", "/usr/local/bin/openssl"] where FileManager.default.isExecutableFile(atPath: p) {
            return p
        }
        return nil
    }()

    /// Runs `openssl` with `args`; returns (exit status, stdout).
    @discardableResult
    static func openssl(_ args: [String]) throws -> (Int32, Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: opensslPath ?? "/usr/bin/openssl")
        process.arguments = args
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }

    static func tempDirectory(_ tag: String) throws -> String {
        let dir = NSTemporaryDirectory() + "\(tag)-tests-\(UUID().uuidString)/"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func write(_ bytes: [UInt8], _ path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    static func read(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }

    /// The hex blocks of `openssl pkey -text -noout` (`priv:`, `pub:`, `P:`, `private-key:`, …)
    /// as numbers, keyed by the label without its colon; `GROUP:` lines as their text.
    static func textFields(_ data: Data) throws -> (numbers: [String: BigNum], words: [String: String]) {
        var bytes: [String: [UInt8]] = [:]
        var words: [String: String] = [:]
        var current: String? = nil
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let l = line.trimmingCharacters(in: .whitespaces)
            if !line.hasPrefix(" ") {
                if l.hasSuffix(":") {
                    current = String(l.dropLast())
                    bytes[current!] = []
                } else if let colon = l.firstIndex(of: ":") {
                    words[String(l[..<colon])] = l[l.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                    current = nil
                } else {
                    current = nil
                }
            } else if let c = current {
                bytes[c, default: []] += TestHex.decode(l.replacingOccurrences(of: ":", with: ""))
            }
        }
        return (try bytes.mapValues { try BigNum(bytes: $0) }, words)
    }

    /// `INTEGER:0x…` for an `openssl asn1parse -genconf` configuration.
    static func asn1Integer(_ b: BigNum) -> String { "INTEGER:0x" + (b.isZero ? "00" : b.hexString) }

    /// The OpenSSL reason name of the error `body` throws, nil if it does not throw.
    static func reason(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let e as CryptoError { return e.openSSL?.name ?? "(\(e.code))" } catch { return "?" }
    }
}
