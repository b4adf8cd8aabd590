import Foundation
import Testing

@testable import LibCrypto

/// RSA: keys, primitives, paddings.
///
/// Expected values come from:
/// - RSA Laboratories' PKCS#1 v2.1 example vectors (`oaep-vect.txt`, `pss-vect.txt`), read at test
///   time from the cryptography-vectors cache (asymmetric/RSA/pkcs-1v2-1d2-vec/).
/// - NIST CAVS FIPS 186-3 `SigGen15_186-3.rsp` (deterministic PKCS#1 v1.5 signatures) and
///   `SigVer15_186-3.rsp` (pass/fail), same cache (asymmetric/RSA/FIPS_186-2/).
/// - The `openssl` 3.0 CLI: `openssl genrsa` keys read from `openssl rsa -text -noout`;
///   `openssl pkeyutl -verify` / `-decrypt` / `-encrypt` on our outputs and inputs (the
///   randomized operations are checked by round trips, never by fixed outputs);
///   `openssl asn1parse -genconf` + `openssl rsa -check` for generated keys.
@Suite("RSA")
struct RSATests {
    // MARK: Helpers

    static let vectorDirectory: String = {
        let env = ProcessInfo.processInfo.environment
        let cache = env["CONFRUN_CACHE"] ?? ((env["HOME"] ?? "/root") + "/.cache/swift-libcrypto")
        return cache + "/cryptography-vectors/cryptography_vectors/asymmetric/RSA/"
    }()

    static func vectorFile(_ name: String) -> String? {
        try? String(contentsOfFile: vectorDirectory + name, encoding: .utf8)
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

    static func tempDirectory() throws -> String {
        let dir = NSTemporaryDirectory() + "rsa-tests-\(UUID().uuidString)/"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func bn(_ bytes: [UInt8]) throws -> BigNum { try BigNum(bytes: bytes) }

    /// A key made by `openssl genrsa`, with its components read from `openssl rsa -text -noout`.
    static func opensslKey(bits: Int, directory: String, primes: Int = 2) throws -> (RSAPrivateKey, String) {
        let path = directory + "key\(bits)-\(primes).pem"
        let (status, _) = try openssl(["genrsa", "-primes", "\(primes)", "-out", path, "\(bits)"])
        #expect(status == 0)
        let (_, text) = try openssl(["rsa", "-in", path, "-text", "-noout"])
        var fields: [String: [UInt8]] = [:]
        var current: String? = nil
        var exponent: BigNum? = nil
        for line in String(decoding: text, as: UTF8.self).split(separator: "\n") {
            let l = line.trimmingCharacters(in: .whitespaces)
            if l.hasPrefix("publicExponent:") {
                let dec = l.dropFirst("publicExponent:".count).split(separator: " ").first ?? ""
                exponent = try BigNum(decimal: dec)
                current = nil
            } else if !line.hasPrefix(" "), l.hasSuffix(":") {
                current = String(l.dropLast())
            } else if let c = current, line.hasPrefix("    ") {
                fields[c, default: []] += TestHex.decode(l.replacingOccurrences(of: ":", with: ""))
            }
        }
        var extra: [RSAPrimeInfo] = []
        var i = 3
        while let prime = fields["prime\(i)"] {
            extra.append(
                RSAPrimeInfo(
                    prime: try bn(prime), exponent: try bn(fields["exponent\(i)"] ?? []),
                    coefficient: try bn(fields["coefficient\(i)"] ?? [])))
            i += 1
        }
        let key = try RSAPrivateKey(
            modulus: bn(fields["modulus"] ?? []), publicExponent: exponent ?? BigNum(65537),
            privateExponent: bn(fields["privateExponent"] ?? []), prime1: bn(fields["prime1"] ?? []),
            prime2: bn(fields["prime2"] ?? []), exponent1: bn(fields["exponent1"] ?? []),
            exponent2: bn(fields["exponent2"] ?? []), coefficient: bn(fields["coefficient"] ?? []),
            otherPrimes: extra)
        return (key, path)
    }

    /// The OpenSSL reason name of the error `body` throws; nil when it throws nothing.
    static func reason(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let e as CryptoError { return e.openSSL?.name } catch { return "?" }
    }

    static func write(_ bytes: [UInt8], _ path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    static func read(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }

    // MARK: RSA Labs PKCS#1 v2.1 vectors

    /// The sections of an RSA Labs vector file: every `# Label:` followed by hex lines, in order.
    static func labelled(_ text: String) -> [(String, [UInt8])] {
        var out: [(String, [UInt8])] = []
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let l = line.trimmingCharacters(in: .whitespaces)
            if l.hasPrefix("# ") && l.hasSuffix(":") {
                out.append((String(l.dropFirst(2).dropLast()), []))
            } else if !l.isEmpty, !l.hasPrefix("#"), !l.hasPrefix("="), !out.isEmpty,
                l.allSatisfy({ $0.isHexDigit || $0 == " " })
            {
                out[out.count - 1].1 += TestHex.decode(l.replacingOccurrences(of: " ", with: ""))
            }
        }
        return out
    }

    /// Keys and (message, seed-or-salt, output) cases of an RSA Labs file.
    static func rsaLabsCases(_ text: String, output: String) throws -> [(RSAPrivateKey, [UInt8], [UInt8], [UInt8])] {
        var cases: [(RSAPrivateKey, [UInt8], [UInt8], [UInt8])] = []
        var v: [String: [UInt8]] = [:]
        var key: RSAPrivateKey? = nil
        var afterPublicExponent = false
        var message: [UInt8] = []
        var seed: [UInt8] = []
        for (label, bytes) in labelled(text) {
            switch label {
            case "Modulus": v["n"] = bytes
            case "Public exponent":
                v["e"] = bytes
                afterPublicExponent = true
            case "Exponent":
                if afterPublicExponent {
                    v["d"] = bytes
                    afterPublicExponent = false
                } else {
                    v["e"] = bytes
                }
            case "Prime 1": v["p"] = bytes
            case "Prime 2": v["q"] = bytes
            case "Prime exponent 1": v["dp"] = bytes
            case "Prime exponent 2": v["dq"] = bytes
            case "Coefficient":
                v["qinv"] = bytes
                key = try RSAPrivateKey(
                    modulus: bn(v["n"]!), publicExponent: bn(v["e"]!), privateExponent: bn(v["d"]!),
                    prime1: bn(v["p"]!), prime2: bn(v["q"]!), exponent1: bn(v["dp"]!), exponent2: bn(v["dq"]!),
                    coefficient: bn(v["qinv"]!))
            case "Message", "Message to be signed": message = bytes
            case "Seed", "Salt": seed = bytes
            case output:
                if let key { cases.append((key, message, seed, bytes)) }
            default: break
            }
        }
        return cases
    }

    @Test("RSA Labs OAEP vectors (oaep-vect.txt): encryption with the given seed, and decryption")
    func oaepVectors() throws {
        guard let text = Self.vectorFile("pkcs-1v2-1d2-vec/oaep-vect.txt") else {
            print("skipped: cryptography-vectors cache not found at \(Self.vectorDirectory) (run scripts/setup.sh)")
            return
        }
        let sha1 = try Registry.digest(named: "SHA1")
        let cases = try Self.rsaLabsCases(text, output: "Encryption")
        #expect(cases.count == 60)
        for (index, (key, message, seed, expected)) in cases.enumerated() {
            if index % 6 == 0 { try key.check() }  // once per key (six examples each)
            let c = try key.publicKey.encryptOAEP(message, digest: sha1, mgf1Digest: sha1, label: [], seed: seed)
            #expect(c == expected)
            #expect(try key.decrypt(expected, padding: .oaep(digest: sha1)) == message)
        }
    }

    @Test("RSA Labs PSS vectors (pss-vect.txt): signing with the given salt, and verification")
    func pssVectors() throws {
        guard let text = Self.vectorFile("pkcs-1v2-1d2-vec/pss-vect.txt") else {
            print("skipped: cryptography-vectors cache not found at \(Self.vectorDirectory) (run scripts/setup.sh)")
            return
        }
        let sha1 = try Registry.digest(named: "SHA1")
        let cases = try Self.rsaLabsCases(text, output: "Signature")
        #expect(cases.count == 60)
        for (key, message, salt, expected) in cases {
            let mHash = try sha1.hash(message)
            let s = try key.sign(digest: mHash, algorithm: sha1, padding: .pss(saltLength: .length(20)), salt: salt)
            #expect(s == expected)
            try key.publicKey.verify(signature: expected, digest: mHash, algorithm: sha1, padding: .pss())
            try key.publicKey.verify(
                signature: expected, digest: mHash, algorithm: sha1, padding: .pss(saltLength: .digest))
            var bad = expected
            bad[bad.count / 2] ^= 1
            #expect(throws: CryptoError.self) {
                try key.publicKey.verify(signature: bad, digest: mHash, algorithm: sha1, padding: .pss())
            }
        }
    }

    // MARK: NIST FIPS 186-3 PKCS#1 v1.5

    static func rspRecords(_ text: String) -> [[String: String]] {
        var out: [[String: String]] = []
        var cur: [String: String] = [:]
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let l = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !l.hasPrefix("#"), !l.hasPrefix("["), let eq = l.firstIndex(of: "=") else { continue }
            let k = l[..<eq].trimmingCharacters(in: .whitespaces)
            let v = l[l.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            cur[k] = v
            if k == "S" && !text.contains("Result =") || k == "Result" {
                out.append(cur)
            }
        }
        return out
    }

    @Test("NIST SigGen15_186-2.txt: deterministic PKCS#1 v1.5 signatures (keys given as n, e, d)")
    func sigGen15() throws {
        guard let text = Self.vectorFile("FIPS_186-2/SigGen15_186-2.txt") else {
            print("skipped: cryptography-vectors cache not found at \(Self.vectorDirectory) (run scripts/setup.sh)")
            return
        }
        var count = 0
        for r in Self.rspRecords(text) {
            let n = try BigNum(hex: r["n"]!)
            // Debug builds: keep the suite quick by signing at 1024 and 2048 bits only.
            guard n.bitWidth <= 2048 else { continue }
            let key = try RSAPrivateKey(
                modulus: n, publicExponent: BigNum(hex: r["e"]!), privateExponent: BigNum(hex: r["d"]!))
            let s = try key.sign(message: TestHex.decode(r["Msg"]!), digestName: r["SHAAlg"]!)
            #expect(TestHex.encode(s) == r["S"]!.lowercased())
            count += 1
        }
        #expect(count == 150)
    }

    @Test("NIST SigGen15_186-3.rsp: every listed signature verifies with (n, e)")
    func sigGen15Verify() throws {
        guard let text = Self.vectorFile("FIPS_186-2/SigGen15_186-3.rsp") else {
            print("skipped: cryptography-vectors cache not found at \(Self.vectorDirectory) (run scripts/setup.sh)")
            return
        }
        var count = 0
        for r in Self.rspRecords(text) {
            let key = try RSAPublicKey(modulus: BigNum(hex: r["n"]!), publicExponent: BigNum(hex: r["e"]!))
            try key.verify(
                signature: TestHex.decode(r["S"]!), message: TestHex.decode(r["Msg"]!), digestName: r["SHAAlg"]!)
            count += 1
        }
        #expect(count == 250)
    }

    @Test("NIST SigVer15_186-3: PKCS#1 v1.5 verification, pass and fail")
    func sigVer15() throws {
        guard let text = Self.vectorFile("FIPS_186-2/SigVer15_186-3.rsp") else {
            print("skipped: cryptography-vectors cache not found at \(Self.vectorDirectory) (run scripts/setup.sh)")
            return
        }
        var passed = 0
        var failed = 0
        for r in Self.rspRecords(text) {
            let expected = r["Result"]!.hasPrefix("P")
            var ok = false
            do {
                let key = try RSAPublicKey(modulus: BigNum(hex: r["n"]!), publicExponent: BigNum(hex: r["e"]!))
                try key.verify(
                    signature: TestHex.decode(r["S"]!), message: TestHex.decode(r["Msg"]!), digestName: r["SHAAlg"]!)
                ok = true
            } catch {}
            #expect(ok == expected, "n=\(r["n"]!.prefix(16)) \(r["SHAAlg"]!) \(r["Result"]!)")
            if expected { passed += 1 } else { failed += 1 }
        }
        #expect(passed + failed == 450)
        #expect(passed > 0 && failed > 0)
    }

    // MARK: Interop with the openssl CLI

    @Test("openssl genrsa keys: sign here/verify there, encrypt there/decrypt here and back, every padding")
    func opensslRoundTrips() throws {
        guard Self.opensslPath != nil else {
            print("skipped: no openssl CLI")
            return
        }
        let dir = try Self.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (bits, primes) in [(1024, 2), (2048, 2), (2048, 3)] {
            let (key, path) = try Self.opensslKey(bits: bits, directory: dir, primes: primes)
            #expect(key.primes.count == primes)
            try key.check()
            let message = Array("message for \(bits)-bit RSA".utf8)
            let sha256 = try Registry.digest(named: "SHA256")
            let digest = try sha256.hash(message)
            try Self.write(digest, dir + "digest")
            // Signatures made here, verified by OpenSSL.
            let modes: [(RSASignaturePadding, [String])] = [
                (.pkcs1, ["-pkeyopt", "rsa_padding_mode:pkcs1"]),
                (
                    .pss(saltLength: .digest),
                    ["-pkeyopt", "rsa_padding_mode:pss", "-pkeyopt", "rsa_pss_saltlen:digest"]
                ),
                (.pss(saltLength: .auto), ["-pkeyopt", "rsa_padding_mode:pss", "-pkeyopt", "rsa_pss_saltlen:auto"]),
                (.pss(saltLength: .max), ["-pkeyopt", "rsa_padding_mode:pss", "-pkeyopt", "rsa_pss_saltlen:max"]),
                (.pss(saltLength: .length(7)), ["-pkeyopt", "rsa_padding_mode:pss", "-pkeyopt", "rsa_pss_saltlen:7"]),
                (.x931, ["-pkeyopt", "rsa_padding_mode:x931"]),
            ]
            for (padding, options) in modes {
                let sig = try key.sign(digest: digest, algorithm: sha256, padding: padding)
                try Self.write(sig, dir + "sig")
                let (status, _) = try Self.openssl(
                    [
                        "pkeyutl", "-verify", "-inkey", path, "-in", dir + "digest", "-sigfile", dir + "sig",
                        "-pkeyopt", "digest:sha256",
                    ] + options)
                #expect(status == 0, "openssl rejected our \(padding) signature (\(bits) bits, \(primes) primes)")
                // And OpenSSL's signature verified here.
                let (s2, _) = try Self.openssl(
                    [
                        "pkeyutl", "-sign", "-inkey", path, "-in", dir + "digest", "-out", dir + "sig2",
                        "-pkeyopt", "digest:sha256",
                    ] + options)
                #expect(s2 == 0)
                try key.publicKey.verify(
                    signature: Self.read(dir + "sig2"), digest: digest, algorithm: sha256, padding: padding)
            }
            // Encryption both ways.
            let sha1 = try Registry.digest(named: "SHA1")
            let sha384 = try Registry.digest(named: "SHA384")
            let label: [UInt8] = [1, 2, 3, 4]
            let encModes: [(RSAEncryptionPadding, [String])] = [
                (.pkcs1, ["-pkeyopt", "rsa_padding_mode:pkcs1"]),
                (.oaep(digest: sha1), ["-pkeyopt", "rsa_padding_mode:oaep"]),
                (
                    .oaep(digest: sha256, mgf1Digest: sha384, label: label),
                    [
                        "-pkeyopt", "rsa_padding_mode:oaep", "-pkeyopt", "rsa_oaep_md:sha256", "-pkeyopt",
                        "rsa_mgf1_md:sha384", "-pkeyopt", "rsa_oaep_label:01020304",
                    ]
                ),
            ]
            try Self.write(message, dir + "plain")
            for (padding, options) in encModes {
                let c = try key.publicKey.encrypt(message, padding: padding)
                try Self.write(c, dir + "ct")
                let (status, plain) = try Self.openssl(
                    ["pkeyutl", "-decrypt", "-inkey", path, "-in", dir + "ct"] + options)
                #expect(status == 0 && [UInt8](plain) == message, "openssl could not decrypt our \(padding)")
                let (s2, _) = try Self.openssl(
                    ["pkeyutl", "-encrypt", "-inkey", path, "-in", dir + "plain", "-out", dir + "ct2"] + options)
                #expect(s2 == 0)
                #expect(try key.decrypt(Self.read(dir + "ct2"), padding: padding) == message)
            }
            // Raw both ways.
            var raw = [UInt8](repeating: 0x42, count: key.publicKey.byteCount)
            raw[0] = 0
            try Self.write(raw, dir + "raw")
            let (s3, rawOut) = try Self.openssl(
                ["pkeyutl", "-encrypt", "-inkey", path, "-in", dir + "raw", "-pkeyopt", "rsa_padding_mode:none"])
            #expect(s3 == 0)
            #expect(try key.decrypt([UInt8](rawOut), padding: .none) == raw)
        }
    }

    @Test("RSASVE (SP 800-56B §7.2.1): decapsulation is RSADP, checked against OpenSSL's raw RSA both ways")
    func rsasve() throws {
        guard Self.opensslPath != nil else {
            print("skipped: no openssl CLI")
            return
        }
        // The openssl 3.0 CLI has no KEM command; RSASVE's ciphertext is RSAEP(z) (rsa_kem.c), so
        // OpenSSL's no-padding encryption and decryption are the reference here. The
        // differential corpus (`interop-pkey`, RSASVE rows) runs EVP_PKEY_encapsulate itself.
        let dir = try Self.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (key, path) = try Self.opensslKey(bits: 1024, directory: dir)
        let k = key.publicKey.byteCount
        // OpenSSL encrypts z; LibCrypto recovers z.
        var z = [UInt8](repeating: 0x5A, count: k)
        z[0] = 0x01
        try Self.write(z, dir + "z")
        let (status, c) = try Self.openssl(
            ["pkeyutl", "-encrypt", "-inkey", path, "-in", dir + "z", "-pkeyopt", "rsa_padding_mode:none"])
        #expect(status == 0)
        #expect(try key.decapsulate([UInt8](c)) == z)
        // LibCrypto encapsulates; OpenSSL decrypts the ciphertext to the secret, which is in range.
        for _ in 0..<4 {
            let (ciphertext, secret) = try key.publicKey.encapsulate()
            #expect(ciphertext.count == k && secret.count == k)
            let v = try BigNum(bytes: secret)
            #expect(v > BigNum(1) && v < key.modulus - BigNum(1))
            try Self.write(ciphertext, dir + "ct")
            let (s2, plain) = try Self.openssl(
                ["pkeyutl", "-decrypt", "-inkey", path, "-in", dir + "ct", "-pkeyopt", "rsa_padding_mode:none"])
            #expect(s2 == 0 && [UInt8](plain) == secret)
            #expect(try key.decapsulate(ciphertext) == secret)
        }
        // Wrong lengths and a ciphertext not below n are thrown errors with OpenSSL's reasons.
        let reason = Self.reason
        #expect(reason { _ = try key.decapsulate([UInt8](c).dropLast() + []) } == "BAD_LENGTH")
        #expect(reason { _ = try key.decapsulate([0] + [UInt8](c)) } == "BAD_LENGTH")
        #expect(reason { _ = try key.decapsulate([]) } == "BAD_LENGTH")
        #expect(reason { _ = try key.decapsulate(key.modulus.bytes(paddedTo: k)) } == "DATA_TOO_LARGE_FOR_MODULUS")
    }

    @Test("DigestInfo prefixes: PKCS#1 v1.5 signatures with every digest verify in OpenSSL")
    func digestInfoPrefixes() throws {
        guard Self.opensslPath != nil else {
            print("skipped: no openssl CLI")
            return
        }
        let dir = try Self.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (key, path) = try Self.opensslKey(bits: 1024, directory: dir)
        var names = [
            "MD5", "SHA1", "SHA224", "SHA256", "SHA384", "SHA512", "SHA512-224", "SHA512-256", "SHA3-224", "SHA3-256",
            "SHA3-384", "SHA3-512", "MD5-SHA1",
        ]
        #if MD4
        names.append("MD4")
        #endif
        #if MDC2
        // Debian's openssl has no MDC2 (no legacy MDC2 build): probe, and say so when absent.
        if try Self.openssl(["dgst", "-provider", "default", "-provider", "legacy", "-mdc2", "/dev/null"]).0 == 0 {
            names.append("MDC2")
        } else {
            print("skipped: MDC2 DigestInfo check: this openssl has no MDC2")
        }
        #endif
        #if RMD160
        names.append("RIPEMD160")
        #endif
        for name in names {
            let md = try Registry.digest(named: name)
            let digest = try md.hash(Array("DigestInfo \(name)".utf8))
            try Self.write(digest, dir + "d")
            try Self.write(try key.sign(digest: digest, algorithm: md, padding: .pkcs1), dir + "s")
            let (status, _) = try Self.openssl(
                [
                    "pkeyutl", "-verify", "-provider", "default", "-provider", "legacy", "-inkey", path, "-in",
                    dir + "d",
                    "-sigfile", dir + "s", "-pkeyopt", "digest:\(name)",
                ])
            #expect(status == 0, "openssl rejected a PKCS#1 v1.5 signature with \(name)")
        }
        #expect(throws: CryptoError.self) {
            #if SM3
            let sm3 = try Registry.digest(named: "SM3")
            _ = try key.sign(digest: sm3.hash([1]), algorithm: sm3, padding: .pkcs1)
            #else
            throw CryptoError(.unknownAlgorithm, "SM3")
            #endif
        }
    }

    @Test("the CRT path alone equals c^d mod n, also for keys whose q⁻¹ mod p is not below q")
    func crtWithoutFallback() throws {
        // The fault check hides a wrong CRT result (it redoes the operation without CRT), so the
        // CRT recombination is compared directly with the plain power. Until the fix, the
        // coefficient q⁻¹ mod p was reduced modulo q: wrong whenever q⁻¹ mod p ≥ q.
        // Whether q⁻¹ mod p ≥ q depends on the random primes (about one key in six here), so the
        // loop runs at least 12 rounds and goes on, up to 200, until such a key has been checked.
        var large = 0
        var round = 0
        while round < 12 || (large == 0 && round < 200) {
            defer { round += 1 }
            let key = try RSAPrivateKey.generate(bits: round % 4 == 3 ? 1024 : 512, primes: round % 4 == 3 ? 3 : 2)
            let q = key.primes[1]
            if q.coefficient! >= q.prime { large += 1 }
            let k = key.precomputed.context.n
            let c = try BigNum.random(below: key.modulus)
            let want = try c.modExp(key.privateExponent, modulus: key.modulus)
            let got = BigNum(limbs: key.crt(RSALimbs.padded(c.limbs, k)))
            #expect(
                got == want, "round \(round): CRT differs from c^d mod n (q⁻¹ mod p ≥ q: \(q.coefficient! >= q.prime))")
        }
        #expect(large > 0, "no key with q⁻¹ mod p ≥ q in \(round) tries: the case is not exercised")
    }

    @Test("generated keys: valid for openssl rsa -check, sign and decrypt with OpenSSL; 3 primes too")
    func generatedKeys() throws {
        guard Self.opensslPath != nil else {
            print("skipped: no openssl CLI")
            return
        }
        let dir = try Self.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (bits, primes, e) in [(1024, 2, BigNum(65537)), (1024, 3, BigNum(3)), (1536, 2, BigNum(65537))] {
            let key = try RSAPrivateKey.generate(bits: bits, publicExponent: e, primes: primes)
            #expect(key.publicKey.bitCount == bits)
            #expect(key.primes.count == primes)
            try key.check()
            // RSAPrivateKey as DER through `openssl asn1parse -genconf` (multi-prime: version 1).
            var conf = "asn1=SEQUENCE:k\n[k]\nv=INTEGER:\(primes > 2 ? 1 : 0)\n"
            func hex(_ b: BigNum) -> String { "INTEGER:0x" + b.hexString }
            conf += "n=\(hex(key.modulus))\ne=\(hex(key.publicExponent))\nd=\(hex(key.privateExponent))\n"
            conf += "p=\(hex(key.primes[0].prime))\nq=\(hex(key.primes[1].prime))\n"
            conf += "dp=\(hex(key.primes[0].exponent))\ndq=\(hex(key.primes[1].exponent))\n"
            conf += "qi=\(hex(key.primes[1].coefficient!))\n"
            if primes > 2 {
                conf += "o=SEQUENCE:others\n[others]\n"
                for i in 2..<primes { conf += "r\(i)=SEQUENCE:r\(i)\n" }
                for i in 2..<primes {
                    let info = key.primes[i]
                    conf += "[r\(i)]\np=\(hex(info.prime))\nd=\(hex(info.exponent))\nt=\(hex(info.coefficient!))\n"
                }
            }
            try conf.write(toFile: dir + "k.conf", atomically: true, encoding: .utf8)
            let (s1, _) = try Self.openssl(["asn1parse", "-genconf", dir + "k.conf", "-out", dir + "k.der", "-noout"])
            #expect(s1 == 0)
            let (s2, out) = try Self.openssl(["rsa", "-inform", "DER", "-in", dir + "k.der", "-check", "-noout"])
            #expect(s2 == 0 && String(decoding: out, as: UTF8.self).contains("RSA key ok"), "\(bits)/\(primes)")
            let message = Array("generated".utf8)
            try Self.write(message, dir + "m")
            try Self.write(try key.sign(message: message, digestName: "SHA256"), dir + "s")
            let (s3, _) = try Self.openssl(
                ["dgst", "-sha256", "-prverify", dir + "k.der", "-keyform", "DER", "-signature", dir + "s", dir + "m"])
            #expect(s3 == 0)
            let (s4, _) = try Self.openssl(
                [
                    "pkeyutl", "-encrypt", "-keyform", "DER", "-inkey", dir + "k.der", "-in", dir + "m", "-out",
                    dir + "c",
                    "-pkeyopt", "rsa_padding_mode:oaep",
                ])
            #expect(s4 == 0)
            #expect(try key.decrypt(Self.read(dir + "c"), padding: .oaepDefault()) == message)
        }
    }

    // MARK: Bad input

    static let smallKey: RSAPrivateKey? = {
        // RSA Labs OAEP example 1 key, if the cache is there; otherwise generated.
        try? RSAPrivateKey.generate(bits: 512)
    }()

    @Test("bad keys and inputs are thrown errors with OpenSSL's reasons")
    func badInput() throws {
        let key = try #require(Self.smallKey)
        let n = key.modulus
        let reason = Self.reason
        #expect(reason { _ = try RSAPublicKey(modulus: n + .one, publicExponent: BigNum(65537)) } == "INVALID_MODULUS")
        #expect(reason { _ = try RSAPublicKey(modulus: .one, publicExponent: BigNum(3)) } == "INVALID_MODULUS")
        #expect(reason { _ = try RSAPublicKey(modulus: n, publicExponent: .one) } == "BAD_E_VALUE")
        #expect(reason { _ = try RSAPublicKey(modulus: n, publicExponent: BigNum(65536)) } == "BAD_E_VALUE")
        #expect(reason { _ = try RSAPublicKey(modulus: n, publicExponent: n) } == "BAD_E_VALUE")
        let big = try BigNum.one.shiftedLeft(by: 16384) + .one
        #expect(reason { _ = try RSAPublicKey(modulus: big, publicExponent: BigNum(3)) } == "MODULUS_TOO_LARGE")
        let k = key.publicKey.byteCount
        let sha256 = try Registry.digest(named: "SHA256")
        let digest = try sha256.hash([1, 2, 3])
        let sig = try key.sign(digest: digest, algorithm: sha256, padding: .pkcs1)
        try key.publicKey.verify(signature: sig, digest: digest, algorithm: sha256, padding: .pkcs1)
        #expect(
            reason {
                try key.publicKey.verify(signature: sig + [0], digest: digest, algorithm: sha256, padding: .pkcs1)
            }
                == "WRONG_SIGNATURE_LENGTH")
        #expect(
            reason {
                try key.publicKey.verify(signature: [0] + sig, digest: digest, algorithm: sha256, padding: .pss())
            }
                == "DATA_GREATER_THAN_MOD_LEN")
        #expect(reason { _ = try key.decrypt(n.bytes(paddedTo: k), padding: .pkcs1) } == "DATA_TOO_LARGE_FOR_MODULUS")
        #expect(
            reason { _ = try key.decrypt([UInt8](repeating: 0xFF, count: k), padding: .pkcs1) }
                == "DATA_TOO_LARGE_FOR_MODULUS")
        #expect(reason { _ = try key.decrypt([0] + sig, padding: .pkcs1) } == "DATA_GREATER_THAN_MOD_LEN")
        #expect(
            reason { _ = try key.publicKey.encrypt([UInt8](repeating: 1, count: k - 10), padding: .pkcs1) }
                == "DATA_TOO_LARGE_FOR_KEY_SIZE")
        let sha512 = try Registry.digest(named: "SHA512")
        #expect(
            reason { _ = try key.publicKey.encrypt([1], padding: .oaep(digest: sha512)) }
                == "DATA_TOO_LARGE_FOR_KEY_SIZE")
        #expect(
            reason { _ = try key.sign(digest: digest + [0], algorithm: sha256, padding: .pkcs1) }
                == "INVALID_DIGEST_LENGTH")
        #expect(
            reason { _ = try key.sign(digest: digest, algorithm: sha256, padding: .none) } == "INVALID_PADDING_MODE")
        #expect(reason { _ = try RSAPrivateKey.generate(bits: 128) } == "KEY_SIZE_TOO_SMALL")
        #expect(
            reason { _ = try RSAPrivateKey.generate(bits: 512, publicExponent: BigNum(4)) }
                == "PUB_EXPONENT_OUT_OF_RANGE")
        #expect(reason { _ = try RSAPrivateKey.generate(bits: 1024, primes: 3 + 1) } == "KEY_PRIME_NUM_INVALID")
        // Every padding failure is one error: a valid PKCS#1 ciphertext read as OAEP, a random
        // block read as PKCS#1, a good OAEP ciphertext with the wrong label.
        let pkcs1 = try key.publicKey.encrypt([9, 9, 9], padding: .pkcs1)
        let sha1 = try Registry.digest(named: "SHA1")
        let oaep = try key.publicKey.encrypt([9, 9, 9], padding: .oaep(digest: sha1, label: [1]))
        let raw = try key.publicKey.encrypt([0x00, 0x03] + [UInt8](repeating: 7, count: k - 2), padding: .none)
        for (c, padding) in [
            (pkcs1, RSAEncryptionPadding.oaep(digest: sha1)), (raw, .pkcs1), (oaep, .oaep(digest: sha1)),
            (raw, .oaep(digest: sha1)),
        ] {
            do {
                _ = try key.decrypt(c, padding: padding)
                Issue.record("decryption should fail")
            } catch let e as CryptoError {
                #expect(e.code == .badDecrypt && e.openSSL?.name == "PADDING_CHECK_FAILED")
            }
        }
        #expect(try key.decrypt(oaep, padding: .oaep(digest: sha1, label: [1])) == [9, 9, 9])
        #expect(try key.decrypt(pkcs1, padding: .pkcs1) == [9, 9, 9])
        // An inconsistent key (a wrong CRT exponent) still signs correctly through the fault
        // check's fallback, and RSA_check_key names the fault.
        let p = key.primes[0]
        let broken = try RSAPrivateKey(
            modulus: n, publicExponent: key.publicExponent, privateExponent: key.privateExponent, prime1: p.prime,
            prime2: key.primes[1].prime, exponent1: p.exponent + BigNum(2), exponent2: key.primes[1].exponent,
            coefficient: key.primes[1].coefficient!)
        #expect(try broken.sign(digest: digest, algorithm: sha256, padding: .pkcs1) == sig)
        #expect(reason { try broken.check() } == "DMP1_NOT_CONGRUENT_TO_D")
    }
}
