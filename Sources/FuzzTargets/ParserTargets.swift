import BuildMatrix
import Foundation
import Synchronization
import Vectors

/// One target per parser a hostile or corrupt file reaches. Each writes the input where the
/// parser reads it, parses, and checks what came out (`Invariants`): a wrong line number, a
/// byte string longer than the file or a file that yields nothing at all is a finding, not
/// only a trap.
enum ParserTargets {
    static var all: [FuzzTarget] { [nist, ntt, evp, wycheproof, manifest, matrix, hex, rsa, ffc, keyfile] }

    static let maxLength: [String: Int] = [
        "nist": 4096, "ntt": 4096, "evp": 4096, "wycheproof": 8192, "manifest": 4096, "matrix": 4096,
        "hex": 1024, "rsa": 4096, "ffc": 4096, "keyfile": 4096,
    ]

    static let displayPath = "fuzz-input"

    /// Parses the input with `parse` (through `VectorFileReader`'s contract: a file that yields
    /// nothing is reported) and checks the result.
    static func parseChecked(
        _ input: UnsafeRawBufferPointer, entry: Manifest.Entry?, corpus: String = "fuzz"
    ) -> FuzzTarget.Verdict {
        let sink = CollectingSink()
        ScratchFile.with(input) { path in
            VectorFileReader.read(path: path, displayPath: displayPath, entry: entry, corpus: corpus, into: sink)
        }
        if let problem = Invariants.check(
            sink, file: displayPath, lines: Invariants.lineCount(input), size: input.count)
        {
            return .finding(problem)
        }
        return .ok
    }

    /// A manifest entry, made the way a manifest makes it (its initializer is not public):
    /// `Manifest.load` of a one-line manifest, once per distinct entry.
    static func entry(_ operation: String, _ format: String, _ algorithm: String) -> Manifest.Entry {
        let key = "\(operation) \(format) \(algorithm)"
        if let e = entryCache.withLock({ $0[key] }) { return e }
        let text = Array("corpus fuzz\n* \(key)\n".utf8)
        let e = text.withUnsafeBytes { b in ScratchFile.with(b) { try? Manifest.load(path: $0) } }?.entries.first
        guard let e else { fatalError("confrun-fuzz: the manifest line '\(key)' does not load") }
        entryCache.withLock { $0[key] = e }
        return e
    }

    static let entryCache = Mutex<[String: Manifest.Entry]>([:])

    // MARK: NIST (CAVP .rsp, the NIST-style .txt files)

    /// The manifest operation and algorithm each selector byte stands for: every NIST kind, with
    /// the algorithms whose reading differs (SHAKE vs SHA-2 Monte Carlo, `{keybits}`, MAC and KDF
    /// names with an underlying algorithm).
    static let nistModes: [(operation: String, algorithm: String)] = [
        ("digest", "SHA256"), ("digest", "SHAKE128"), ("digest-mct", "SHA256"), ("digest-mct", "SHA3-256"),
        ("digest-mct", "SHAKE128"), ("digest-mct-trace", "SHA1"), ("hmac", "SHA256"), ("cipher", "AES-{keybits}-CBC"),
        ("cipher", "AES-{keybits}-CFB1"), ("cipher", "RC4"), ("aead", "AES-{keybits}-GCM"),
        ("keywrap-encrypt", "AES-{keybits}-WRAP"), ("keywrap-decrypt", "AES-{keybits}-WRAP-PAD"),
        ("mac", "CMAC:AES-128-CBC"), ("mac", "POLY1305"), ("kdf", "HKDF"), ("kdf", "PBKDF2:SHA1"), ("kdf", "SCRYPT"),
        ("xts", "AES-{keybits}-XTS"), ("ccm", "AES-{keybits}-CCM"),
    ]

    static let nist = FuzzTarget(
        name: "nist", kind: .parser,
        summary: "CAVP .rsp / NIST-style .txt records (NISTParser, every kind; the first byte picks the kind)",
        dictionary: [
            "\n\n", " = ", "[ENCRYPT]", "[DECRYPT]", "[L = 20]", "[Alen = 0, Plen = 0, Nlen = 7, Tlen = 4]",
            "COUNT = ", "Count = ", "Len = ", "Msg = ", "MD = ", "Output = ", "Outputlen = ", "Seed = ",
            "Key = ", "KEY = ", "IV = ", "PLAINTEXT = ", "CIPHERTEXT = ", "PT = ", "CT = ", "Tag = ", "AAD = ",
            "FAIL", "Result = ", "Plen = ", "Nlen = ", "Tlen = ", "Alen = ", "Nonce = ", "Adata = ", "Payload = ",
            "K = ", "P = ", "C = ", "DataUnitLen = ", "i = ", "OKM = ", "IKM = ", "salt = ", "info = ", "L = ",
            "P = ", "S = ", "c = ", "dkLen = ", "N = ", "r = ", "p = ", "DK = ", "DERIVED_KEY = ",
            "Minimum Output Length",
            "Maximum Output Length", "Input Length", "[Outputlen = 128]", "MESSAGE = ", "OUTPUT = ", "TAG = ", "M = ",
            "MDi = ", "\"text\"", "9223372036854775807", "18446744073709551615", "00", "#",
        ],
        seeds: {
            let files =
                FuzzSeeds.corpusFiles(manifest: "cryptography-vectors") { $0.format == "nist" }
                + FuzzSeeds.corpusFiles(manifest: "swift-libcrypto") { $0.format == "nist" }
            let picked = FuzzSeeds.spread(files, perKey: 3) { $0.entry.operation + " " + $0.entry.algorithm }
            let items = picked.map { f -> (String, [UInt8], String) in
                let i =
                    nistModes.firstIndex { $0 == (f.entry.operation, f.entry.algorithm) }
                    ?? nistModes.firstIndex { $0.operation == f.entry.operation } ?? 0
                return ((f.path as NSString).lastPathComponent, [UInt8(i)], f.path)
            }
            return FuzzSeeds.materialize("nist", items, maxBytes: maxLength["nist"]!) + FuzzSeeds.regressions("nist")
        },
        run: { input in
            guard let selector = input.first else { return .ok }
            let mode = nistModes[Int(selector) % nistModes.count]
            return parseChecked(
                UnsafeRawBufferPointer(rebasing: input.dropFirst()),
                entry: entry(mode.operation, "nist", mode.algorithm))
        })

    // MARK: RSA (CAVP RSA records, RSA Laboratories' PKCS#1 examples)

    /// The manifest lines each selector byte stands for: every operation of both RSA formats.
    static let rsaModes: [(operation: String, format: String, algorithm: String)] = [
        ("siggen", "rsa-records", "pkcs1"), ("siggen", "rsa-records", "pss"), ("siggen", "rsa-records", "x931"),
        ("sigver", "rsa-records", "pkcs1"), ("sigver", "rsa-records", "pss"), ("sigver", "rsa-records", "x931"),
        ("decrypt", "rsa-records", "-"), ("oaep-decrypt", "rsa-labs", "SHA1"), ("pss-verify", "rsa-labs", "SHA1"),
        ("pkcs1-decrypt", "rsa-labs", "-"), ("pkcs1-sign", "rsa-labs", "SHA1"),
    ]

    static let rsa = FuzzTarget(
        name: "rsa", kind: .parser,
        summary: "RSA vector files (RSARecordParser, RSALabsParser; the first byte picks the format and operation)",
        dictionary: [
            "\n\n", " = ", "[mod = 1024]", "[mod = 2048]", "n = ", "e = ", "d = ", "SHAAlg = ", "Msg = ", "S = ",
            "SaltVal = ", "Result = P", "Result = F", "SHA256", "SHA1", "# ", "# Modulus:", "# Public exponent:",
            "# Exponent:", "# Prime 1:", "# Prime 2:", "# Prime exponent 1:", "# Prime exponent 2:",
            "# Coefficient:", "# Message to be encrypted:", "# Encryption:", "# Message to be signed:",
            "# Signature:", "# Salt:", "# Seed:", "# RSA modulus n:", "# Example 1", "alg=", "mgf1=", "!!",
            "-----BEGIN PRIVATE KEY-----", "00", "ff",
        ],
        seeds: {
            let files = FuzzSeeds.corpusFiles(manifest: "cryptography-vectors") {
                $0.format == "rsa-records" || $0.format == "rsa-labs"
            }
            let picked = FuzzSeeds.spread(files, perKey: 2) { $0.entry.operation + " " + $0.entry.algorithm }
            let items = picked.map { f -> (String, [UInt8], String) in
                let i =
                    rsaModes.firstIndex { $0 == (f.entry.operation, f.entry.format, f.entry.algorithm) }
                    ?? rsaModes.firstIndex { $0.operation == f.entry.operation } ?? 0
                return ((f.path as NSString).lastPathComponent, [UInt8(i)], f.path)
            }
            return FuzzSeeds.materialize("rsa", items, maxBytes: maxLength["rsa"]!) + FuzzSeeds.regressions("rsa")
        },
        run: { input in
            guard let selector = input.first else { return .ok }
            let mode = rsaModes[Int(selector) % rsaModes.count]
            return parseChecked(
                UnsafeRawBufferPointer(rebasing: input.dropFirst()),
                entry: entry(mode.operation, mode.format, mode.algorithm))
        })

    // MARK: NTT (Camellia designers' file)

    static let ntt = FuzzTarget(
        name: "ntt", kind: .parser, summary: "NTT's t_camellia.txt layout (NTTParser)",
        dictionary: ["K No.001 : ", "P No.001 : ", "C No.001 : ", " 00", " ff", "\n", "#"],
        seeds: {
            let files = FuzzSeeds.corpusFiles(manifest: "cryptography-vectors") { $0.format == "ntt" }
            return FuzzSeeds.materialize(
                "ntt", files.map { (($0.path as NSString).lastPathComponent, [], $0.path) },
                maxBytes: maxLength["ntt"]!) + FuzzSeeds.regressions("ntt")
        },
        run: { parseChecked($0, entry: entry("cipher", "ntt", "CAMELLIA-{keybits}-ECB")) })

    // MARK: evp_test stanzas

    static let evp = FuzzTarget(
        name: "evp", kind: .parser, summary: "OpenSSL evp_test stanza files (EVPTestParser)",
        dictionary: [
            "\n\n", " = ", "Title = ", "Digest = ", "MAC = ", "Cipher = ", "KDF = ", "PKEYKDF = ", "Input = ",
            "Output = ", "Key = ", "IV = ", "Plaintext = ", "Ciphertext = ", "AAD = ", "Tag = ", "Operation = ",
            "Result = ", "Ncopy = ", "Count = ", "Availablein = ", "FIPSversion = ", "Ctrl = ", "Ctrl.digest = digest:",
            "Ctrl.pass = pass:", "Ctrl.salt = hexsalt:", "Ctrl.iter = iter:", "Ctrl.N = N:", "Ctrl.r = r:",
            "Ctrl.p = p:", "Ctrl.maxmem_bytes = maxmem_bytes:", "Algorithm = ", "OutputSize = ", "BlockSize = ",
            "Rounds = ", "KeyBits = ", "NextIV = ", "Unapproved = ", "PrivateKey = ", "-----BEGIN",
            "-----END PRIVATE KEY-----", "\"", "\\n", "NULL", "SHA256", "AES-128-CBC", "AES-128-GCM", "RC4", "HMAC",
            "PBKDF2", "SCRYPT", "HKDF", "SHAKE128", "CMAC", "9223372036854775807", "99999999999",
        ],
        seeds: {
            let files =
                FuzzSeeds.corpusFiles(manifest: "openssl-evp") { $0.format == "evp-test" }
                + FuzzSeeds.corpusFiles(manifest: "swift-libcrypto") { $0.format == "evp-test" }
            return FuzzSeeds.materialize(
                "evp", files.map { (($0.path as NSString).lastPathComponent, [], $0.path) },
                maxBytes: maxLength["evp"]!) + FuzzSeeds.regressions("evp")
        },
        run: { parseChecked($0, entry: entry("auto", "evp-test", "-")) })

    // MARK: Wycheproof JSON

    static let wycheproof = FuzzTarget(
        name: "wycheproof", kind: .parser, summary: "Wycheproof JSON test files (WycheproofParser)",
        dictionary: [
            "{", "}", "[", "]", ":", ",", "\"algorithm\"", "\"schema\"", "\"testGroups\"", "\"tests\"", "\"tcId\"",
            "\"result\"", "\"valid\"", "\"invalid\"", "\"acceptable\"", "\"flags\"", "\"key\"", "\"iv\"", "\"msg\"",
            "\"ct\"", "\"tag\"", "\"aad\"", "\"keySize\"", "\"ivSize\"", "\"tagSize\"", "\"ikm\"", "\"salt\"",
            "\"info\"", "\"size\"", "\"okm\"", "\"password\"", "\"iterationCount\"", "\"dkLen\"", "\"dk\"",
            "\"mac_test_schema.json\"", "\"aead_test_schema.json\"", "\"hkdf_test_schema.json\"",
            "\"pbkdf_test_schema.json\"", "\"keywrap_test_schema.json\"", "\"ind_cpa_test_schema.json\"",
            "\"daead_test_schema.json\"", "\"mac_with_iv_test_schema.json\"", "\"mac_test_schema_v1.json\"",
            "\"keywrap_test_schema_v1.json\"", "\"ind_cpa_test_schema_v1.json\"", "\"daead_test_schema_v1.json\"",
            "\"AES-GCM\"", "\"HMACSHA256\"", "\"AES-CMAC\"", "\"HKDF-SHA-256\"", "\"PBKDF2-HMACSHA1\"",
            "\"CHACHA20-POLY1305\"", "\"AES-WRAP\"", "\"AES-KWP\"", "\"AES-CBC-PKCS5\"", "\"AES-SIV-CMAC\"",
            "\"ARIA-CMAC\"", "\"AES-GMAC\"", "\"KMAC128\"", "\"SipHash-2-4\"", "\"SipHashX-4-8\"",
            "\"InvalidKeySize\"", "85899345899", "1e400", "-1", "null", "true",
            // The RSA and DSA schemas (WycheproofPKey.swift).
            "\"rsassa_pkcs1_verify_schema.json\"", "\"rsassa_pss_verify_schema.json\"",
            "\"rsassa_pss_with_parameters_verify_schema.json\"", "\"rsaes_oaep_decrypt_schema.json\"",
            "\"rsaes_pkcs1_decrypt_schema.json\"", "\"dsa_verify_schema.json\"", "\"dsa_p1363_verify_schema.json\"",
            "\"rsassa_pkcs1_verify_schema_v1.json\"", "\"dsa_verify_schema_v1.json\"", "\"sig\"", "\"keyDer\"",
            "\"keyPem\"", "\"publicKeyDer\"", "\"publicKeyPem\"", "\"publicKeyAsn\"", "\"privateKeyPkcs8\"",
            "\"privateKeyPem\"", "\"publicKey\"", "\"privateKey\"", "\"modulus\"", "\"publicExponent\"",
            "\"privateExponent\"", "\"prime1\"", "\"prime2\"", "\"exponent1\"", "\"exponent2\"",
            "\"coefficient\"", "\"n\"", "\"e\"", "\"d\"", "\"sha\"", "\"mgf\"", "\"mgfSha\"", "\"sLen\"",
            "\"label\"", "\"MGF1\"", "\"SHA-1\"", "\"SHA-256\"", "\"SHA-512/224\"", "\"SHA3-256\"",
            "\"SHAKE128\"", "\"RSASSA-PSS\"", "\"RSAES-OAEP\"", "\"DSA\"", "\"MissingNull\"",
            "\"BerEncodedPadding\"", "\"MissingZero\"", "\"BerEncodedSignature\"", "\"010001\"",
            "-----BEGIN PUBLIC KEY-----\\n", "-----END PUBLIC KEY-----", "-----BEGIN PRIVATE KEY-----\\n",
            "65536",
            // The EC schemas (WycheproofEC.swift).
            "\"ecdsa_verify_schema.json\"", "\"ecdsa_p1363_verify_schema.json\"", "\"ecdh_test_schema.json\"",
            "\"ecdh_ecpoint_test_schema.json\"", "\"ecdh_pem_test_schema.json\"",
            "\"ecdh_webcrypto_test_schema.json\"", "\"xdh_comp_schema.json\"", "\"xdh_asn_comp_schema.json\"",
            "\"xdh_pem_comp_schema.json\"", "\"xdh_jwk_comp_schema.json\"", "\"eddsa_verify_schema.json\"",
            "\"curve\"", "\"public\"", "\"private\"", "\"shared\"", "\"uncompressed\"", "\"wx\"", "\"wy\"",
            "\"pk\"", "\"jwk\"", "\"publicKeyJwk\"", "\"kty\"", "\"crv\"", "\"x\"", "\"y\"", "\"EC\"",
            "\"OKP\"", "\"P-256\"", "\"secp256r1\"", "\"brainpoolP256r1\"", "\"sect283k1\"",
            "\"curve25519\"", "\"curve448\"", "\"edwards25519\"", "\"edwards448\"", "\"X25519\"",
            "\"Ed448\"", "\"CompressedPoint\"", "\"UnnamedCurve\"", "\"ZeroSharedSecret\"",
            "\"LowOrderPublic\"", "\"NonCanonicalPublic\"", "\"04\"", "\"00\"",
        ],
        seeds: {
            let files =
                FuzzSeeds.corpusFiles(manifest: "swift-libcrypto") { $0.format == "wycheproof" }.map(\.path)
                + FuzzSeeds.walk(FuzzSeeds.locations.cache + "/wycheproof").filter { $0.hasSuffix(".json") }
            return FuzzSeeds.materialize(
                "wycheproof",
                FuzzSeeds.spread(files, perKey: 1) { ($0 as NSString).lastPathComponent }.map {
                    (($0 as NSString).lastPathComponent, [], $0)
                },
                maxBytes: maxLength["wycheproof"]!)
                + FuzzSeeds.trimmedJSON("wycheproof", files, maxBytes: maxLength["wycheproof"]!)
                + FuzzSeeds.regressions("wycheproof")
        },
        run: { parseChecked($0, entry: entry("auto", "wycheproof", "-")) })

    // MARK: Corpus manifests

    /// Paths the fuzzer's patterns are matched against, besides the manifest's own words.
    static let globProbes = [
        "hashes/SHA2/SHA256ShortMsg.rsp", "ciphers/AES/CBC/CBCGFSbox128.rsp", "a/b/c/d/e/f/g/h.txt", "",
        "wycheproof/aes_gcm_spec.json", String(repeating: "a", count: 40),
    ]

    static let manifest = FuzzTarget(
        name: "manifest", kind: .parser, summary: "corpus manifests (Manifest.load, Glob.matches, entry lookup)",
        dictionary: [
            "corpus ", "root ", "cache:", "repo:", "digest", "digest-mct", "cipher", "aead", "kdf", "ccm", "mac",
            "ignore", "auto", "nist", "ntt", "evp-test", "wycheproof", " - ", "**/", "*", "?", "/", "#", "\n",
        ],
        seeds: {
            FuzzSeeds.materialize(
                "manifest",
                FuzzSeeds.files(in: FuzzSeeds.locations.manifestsDirectory).map {
                    (($0 as NSString).lastPathComponent, [], $0)
                }, maxBytes: maxLength["manifest"]!) + FuzzSeeds.regressions("manifest")
        },
        run: { input in
            let lines = Invariants.lineCount(input)
            return ScratchFile.with(input) { path -> FuzzTarget.Verdict in
                let m: Manifest
                do {
                    m = try Manifest.load(path: path)
                } catch {
                    // `path:N: message` (or `path: message`): N must be a line of the file.
                    let text = "\(error)"
                    guard text.hasPrefix(path + ":") else { return .finding("error without the file's path: \(text)") }
                    let rest = text.dropFirst(path.count + 1)
                    if let n = Int(rest.prefix { $0.isNumber }), n < 1 || n > lines {
                        return .finding("error at line \(n) of a \(lines)-line file: \(text)")
                    }
                    return .ok
                }
                if m.corpus.isEmpty { return .finding("loaded a manifest without a corpus name") }
                for e in m.entries where e.line < 1 || e.line > lines {
                    return .finding("entry at line \(e.line) of a \(lines)-line file")
                }
                // Patterns against fixed paths and against the file's own words (long paths the
                // fuzzer chooses); the first entries only, so one input stays one unit of work.
                let entries = m.entries.prefix(8)
                let probes = globProbes + entries.map(\.algorithm) + entries.map(\.pattern)
                for e in entries {
                    for p in probes.prefix(24) { _ = Glob.matches(e.pattern, p) }
                }
                for p in probes.prefix(12) {
                    if let hit = m.entry(forPath: p), !Glob.matches(hit.entry.pattern, hit.relative) {
                        return .finding("entry(forPath: \(p)) returned an entry whose pattern does not match")
                    }
                }
                return .ok
            }
        })

    // MARK: Build-matrix files

    static let matrix = FuzzTarget(
        name: "matrix", kind: .parser, summary: "build-matrix files (MatrixFile.parse)",
        dictionary: [
            "matrix ", "cell ", "include ", "minimal", "+", "reference=", "system", "cpucap:", "source:", "no-",
            "no-des", "no-md5", "no-asm", "no-rc4", "#", "\n", ",",
        ],
        seeds: {
            FuzzSeeds.materialize(
                "matrix",
                FuzzSeeds.files(in: FuzzSeeds.locations.repository + "/matrices").map {
                    (($0 as NSString).lastPathComponent, [], $0)
                }, maxBytes: maxLength["matrix"]!) + FuzzSeeds.regressions("matrix")
        },
        run: { input in
            let text = String(decoding: input, as: UTF8.self)
            // MatrixFile splits on "\n" keeping empty pieces: n newlines make n + 1 lines.
            let lines = text.utf8.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            let file: MatrixFile
            do {
                file = try MatrixFile.parse(text, path: "fuzz-input")
            } catch let e as MatrixFile.ParseError {
                if e.line < 1 || e.line > lines { return .finding("error at line \(e.line) of \(lines) lines: \(e)") }
                return .ok
            } catch {
                return .finding("an error that is not a ParseError: \(error)")
            }
            var names: Set<String> = []
            for (name, cells) in file.matrices {
                guard names.insert(name).inserted else { return .finding("matrix '\(name)' twice") }
                var cellNames: Set<String> = []
                for c in cells {
                    guard cellNames.insert(c.name).inserted else {
                        return .finding("cell '\(c.name)' twice in \(name)")
                    }
                    _ = (c.traitArguments, c.buildKey, c.enabledTraits, c.disabledTraits)
                    if ReferenceSpec.parse(c.reference.spelling) != c.reference {
                        return .finding("reference '\(c.reference.spelling)' does not read back as itself")
                    }
                }
            }
            return .ok
        })

    // MARK: Hex

    /// Hex as the formats define it, written apart from `Hex.decode` to compare with it:
    /// pairs of digits in either case, a colon allowed only between pairs.
    static func referenceHex(_ s: [UInt8]) -> [UInt8]? {
        func digit(_ c: UInt8) -> UInt8? {
            if c >= 48 && c <= 57 { return c - 48 }
            if c >= 97 && c <= 102 { return c - 87 }
            if c >= 65 && c <= 70 { return c - 55 }
            return nil
        }
        var out: [UInt8] = []
        var i = 0
        while i < s.count {
            if s[i] == 58 {
                i += 1
                continue
            }
            guard i + 1 < s.count, let h = digit(s[i]), let l = digit(s[i + 1]) else { return nil }
            out.append(h << 4 | l)
            i += 2
        }
        return out
    }

    static let hex = FuzzTarget(
        name: "hex", kind: .parser,
        summary: "hex fields (Hex.decode against a reference decoder, Hex.encode round trip)",
        dictionary: ["00", "ff", "FF", "0a", ":", "de:ad:be:ef", "0x", "g"],
        seeds: {
            let dir = NSTemporaryDirectory() + "confrun-fuzz-seeds-\(getuid())/hex-src"
            try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let samples = ["", "00", "0123456789abcdefABCDEF", "de:ad:be:ef", "0", "zz", "a:b", "::", "00:ff:"]
            let paths = samples.enumerated().map { (i, s) -> String in
                let p = dir + "/sample-\(i)"
                FileManager.default.createFile(atPath: p, contents: Data(s.utf8))
                return p
            }
            return FuzzSeeds.materialize(
                "hex", paths.map { (($0 as NSString).lastPathComponent, [], $0) }, maxBytes: 1024)
                + FuzzSeeds.regressions("hex")
        },
        run: { input in
            let bytes = Array(input)
            let text = String(decoding: bytes, as: UTF8.self)
            // Only valid UTF-8 reaches a field; invalid bytes become U+FFFD, which must be refused.
            let valid = Array(text.utf8) == bytes
            let ours = try? Hex.decode(text)
            let reference = valid ? referenceHex(bytes) : nil
            if ours != reference {
                return .finding(
                    "Hex.decode gives \(ours.map { Hex.encode($0) } ?? "an error"), the reference \(reference.map { Hex.encode($0) } ?? "an error")"
                )
            }
            let back = try? Hex.decode(Hex.encode(bytes))
            if back != bytes { return .finding("decode(encode(x)) != x") }
            return .ok
        })
}
