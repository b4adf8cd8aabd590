import Foundation
import Testing
@testable import LibCrypto

/// Command-line interop with `openssl enc`: LibCrypto's `Salted__` output (EVP_BytesToKey or
/// PBKDF2 key derivation) is decrypted by `openssl enc -d`, and `openssl enc` output is decrypted
/// by LibCrypto, for every cipher both have. OpenSSL's answers are the independent side.
@Suite("openssl enc interop")
struct EncInteropTests {
    static let openssl: String? = ["/usr/bin/openssl", "/usr/local/bin/openssl"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// The ciphers `openssl enc` offers here (with the legacy provider loaded).
    static let encCiphers: Set<String> = {
        guard let o = openssl,
            let out = try? run(o, ["enc", "-list", "-provider", "legacy", "-provider", "default"]).stdout
        else { return [] }
        return Set(
            String(decoding: out, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" })
                .filter { $0.hasPrefix("-") }.map { String($0.dropFirst()).lowercased() })
    }()

    static let shared: [String] = Registry.ciphers
        .filter { $0.mode != .xts && $0.mode != .wrap && encCiphers.contains($0.info.name.lowercased()) }
        .map(\.info.name)

    struct Output {
        var status: Int32
        var stdout: Data
        var stderr: String
    }

    static func run(_ tool: String, _ args: [String], input: Data? = nil) throws -> Output {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = args
        let out = Pipe()
        let err = Pipe()
        let inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = inp
        try p.run()
        if let input { inp.fileHandleForWriting.write(input) }
        try inp.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Output(status: p.terminationStatus, stdout: o, stderr: String(decoding: e, as: UTF8.self))
    }

    static func kdfArgs(_ pbkdf2: Bool) -> [String] {
        ["-md", "sha256"] + (pbkdf2 ? ["-pbkdf2", "-iter", "1000"] : [])
    }

    @Test("the shared list is not empty and holds the common ciphers", .enabled(if: openssl != nil))
    func sharedList() {
        #expect(Self.shared.count > 40, "\(Self.shared.count) shared ciphers")
        #expect(Self.shared.contains("AES-128-CBC"))
        #expect(Self.shared.contains("DES-EDE3-CBC"))
    }

    @Test("LibCrypto's Salted__ output is decrypted by openssl enc -d", .enabled(if: openssl != nil), arguments: shared)
    func libCryptoToOpenSSL(name: String) throws {
        let c = try Registry.cipher(named: name)
        var rng = SystemRandomNumberGenerator()
        for pbkdf2 in [false, true] {
            let plain = (0..<(1 + Int.random(in: 0..<100, using: &rng))).map { _ in
                UInt8.random(in: 0...255, using: &rng)
            }
            let salt = (0..<8).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let password = Array("swift-libcrypto \(name)".utf8)
            let (key, iv) = try OpenSSLSaltedFormat.deriveKeyAndIV(
                SHA256.self, password: password, salt: salt, keyLength: c.keyLength,
                ivLength: c.ivLength, pbkdf2Iterations: pbkdf2 ? 1000 : nil)
            let sealed = try OpenSSLSaltedFormat.header(salt: salt) + c.encrypt(plain, key: key, iv: iv)
            let r = try Self.run(
                Self.openssl!,
                [
                    "enc", "-d", "-" + name.lowercased(), "-pass", "pass:swift-libcrypto \(name)",
                    "-provider", "legacy", "-provider", "default",
                ] + Self.kdfArgs(pbkdf2), input: Data(sealed))
            #expect(r.status == 0, "\(name) pbkdf2=\(pbkdf2): openssl enc -d failed: \(r.stderr)")
            #expect(Array(r.stdout) == plain, "\(name) pbkdf2=\(pbkdf2): openssl decrypted something else")
        }
    }

    @Test("openssl enc output is decrypted by LibCrypto", .enabled(if: openssl != nil), arguments: shared)
    func openSSLToLibCrypto(name: String) throws {
        let c = try Registry.cipher(named: name)
        var rng = SystemRandomNumberGenerator()
        for pbkdf2 in [false, true] {
            let plain = (0..<(1 + Int.random(in: 0..<100, using: &rng))).map { _ in
                UInt8.random(in: 0...255, using: &rng)
            }
            let r = try Self.run(
                Self.openssl!,
                [
                    "enc", "-e", "-" + name.lowercased(), "-pass", "pass:from openssl",
                    "-provider", "legacy", "-provider", "default",
                ] + Self.kdfArgs(pbkdf2), input: Data(plain))
            try #require(r.status == 0, "\(name): openssl enc failed: \(r.stderr)")
            let (salt, body) = try OpenSSLSaltedFormat.parse(Array(r.stdout))
            let (key, iv) = try OpenSSLSaltedFormat.deriveKeyAndIV(
                SHA256.self, password: Array("from openssl".utf8), salt: salt,
                keyLength: c.keyLength, ivLength: c.ivLength,
                pbkdf2Iterations: pbkdf2 ? 1000 : nil)
            #expect(try c.decrypt(body, key: key, iv: iv) == plain, "\(name) pbkdf2=\(pbkdf2)")
        }
    }
}
