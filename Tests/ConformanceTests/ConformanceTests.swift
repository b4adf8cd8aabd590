import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Conformance
import LibCrypto
import Vectors

// MARK: - Helpers

/// A fresh folder under the system temporary directory; call `remove()` (in a `defer`).
struct ConformanceTempDir {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ConformanceTests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    var path: String { url.path }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    @discardableResult
    func makeFolder(_ name: String) throws -> String {
        let u = url.appendingPathComponent(name, isDirectory: true)
        try FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
        return u.path
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Test-local hex decoder, independent of the code under test.
private func unhex(_ hex: String) -> [UInt8] {
    var out: [UInt8] = []
    var chars = Array(hex.utf8)[...]
    while chars.count >= 2 {
        out.append(UInt8(String(decoding: chars.prefix(2), as: UTF8.self), radix: 16)!)
        chars = chars.dropFirst(2)
    }
    return out
}

private func ascii(_ s: String) -> [UInt8] { Array(s.utf8) }

/// A run set-up: a repository folder with an empty `TestVectors/manifests`, a cache folder,
/// and a folder for vector files, all under one temporary directory.
struct RunFixture {
    let dir: ConformanceTempDir
    let results = RunResults()
    let engine: KATEngine
    let runner: KATRunner

    init(filter: String? = nil) throws {
        dir = try ConformanceTempDir()
        let repo = try dir.makeFolder("repo")
        try dir.makeFolder("repo/TestVectors/manifests")
        let cache = try dir.makeFolder("cache")
        engine = KATEngine(implementation: LibCryptoImplementation(), results: results, filter: filter)
        // These tests count cases; the variant runs have their own test (VariantTests).
        engine.enumerateVariants = false
        runner = KATRunner(locations: Locations(repository: repo, cache: cache), engine: engine)
    }

    /// Writes a vector file under `vectors/`.
    @discardableResult
    func file(_ name: String, _ text: String) throws -> String { try dir.write("vectors/" + name, text) }

    func manifest(_ name: String, _ text: String) throws { try dir.write("repo/TestVectors/manifests/" + name, text) }

    func remove() { dir.remove() }
}

private let sha256abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"  // FIPS 180-2, B.1

// MARK: - Registry

@Suite struct RegistryTests {
    @Test(arguments: ["sha256", "SHA2-256", "Sha-256", "SHA256", "sha-256"])
    func sha256Aliases(name: String) throws {
        let d = try Registry.digest(named: name)
        #expect(d.info.name == "SHA2-256")
        #expect(try d.info == Registry.digest(named: "SHA2-256").info)
        #expect(d.digestSize == 32)
        #expect(d.blockSize == 64)
        #expect(!d.isXOF)
        #expect(try Registry.algorithm(named: name) == d.info)
    }

    @Test func ripemd160Aliases() throws {
        #if RMD160
        let a = try Registry.digest(named: "rmd160")
        let b = try Registry.digest(named: "ripemd160")
        #expect(a.info == b.info)
        #expect(a.info.name == "RIPEMD-160")
        #expect(a.info.trait == "RMD160")
        #expect(a.digestSize == 20)
        #expect(Catalog.enabledTraits.contains("RMD160"))
        #else
        #expect(throws: CryptoError.self) { try Registry.digest(named: "rmd160") }
        #expect(!Catalog.enabledTraits.contains("RMD160"))
        #endif
    }

    @Test func unknownNameThrowsUnknownAlgorithm() {
        let e = #expect(throws: CryptoError.self) { try Registry.digest(named: "FOO256") }
        #expect(e?.code == .unknownAlgorithm)
        #expect(e?.reason.contains("FOO256") == true)
        let a = #expect(throws: CryptoError.self) { try Registry.algorithm(named: "FOO256") }
        #expect(a?.code == .unknownAlgorithm)
        #expect(a?.reason.contains("FOO256") == true)
    }

    @Test func macAndXofFamilies() throws {
        #expect(try Registry.algorithm(named: "hmac").family == .mac)
        #expect(try Registry.algorithm(named: "shake128").family == .xof)
        #expect(try Registry.digest(named: "SHAKE128").isXOF)
    }

    @Test func hmacOverShakeIsUnsupported() {
        let e = #expect(throws: CryptoError.self) {
            _ = try Registry.digest(named: "SHAKE128").makeHMAC(key: [1, 2, 3])
        }
        #expect(e?.code == .unsupportedOperation)
    }

    // RFC 4231, 4.3 (test case 2), HMAC-SHA-256.
    @Test func hmacSHA256RFC4231Case2() throws {
        let ctx = try Registry.hmac(digest: "SHA256", key: ascii("Jefe"))
        ctx.update(ascii("what do ya want for nothing?"))
        #expect(ctx.finalize() == unhex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"))
    }

    // RFC 2202, section 2 (test case 1), HMAC-MD5.
    @Test func hmacMD5RFC2202Case1() throws {
        let ctx = try Registry.digest(named: "md5").makeHMAC(key: [UInt8](repeating: 0x0b, count: 16))
        ctx.update(ascii("Hi There"))
        #expect(ctx.finalize() == unhex("9294727a3638bb1c13f48ef8158bfc9d"))
    }

    @Test func hmacThroughTheImplementation() throws {
        let impl = LibCryptoImplementation()
        let input = MACInput(
            mac: "HMAC", underlying: "SHA2-256", key: ascii("Jefe"),
            message: Message(chunks: [.init(ascii("what do ya ")), .init(ascii("want for nothing?"))]))
        #expect(try impl.mac(input) == unhex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"))
        let sizes = try impl.macSizes(input)
        #expect(sizes.output == 32)
        #expect(sizes.block == 64)
        #expect(impl.availability(of: "HMAC", family: .mac) == .available)
        #expect(impl.availability(of: "SHA256", family: .digest) == .available)
        if case .absent = impl.availability(of: "FOO256", family: .digest) {
        } else {
            Issue.record("FOO256 should be absent")
        }
        if case .absent = impl.availability(of: "SHA256", family: .mac) {} else { Issue.record("SHA256 is not a MAC") }
    }
}

// MARK: - KATEngine through KATRunner

@Suite struct KATRunnerEndToEndTests {
    @Test func goodAndBadInputsInOneRun() throws {
        let fx = try RunFixture()
        defer { fx.remove() }
        let good = try fx.file(
            "good.txt",
            """
            # FIPS 180-2 B.1
            Digest = SHA256
            Input = "abc"
            Output = \(sha256abc)
            """)
        let nonHex = try fx.file(
            "nonhex.txt",
            """
            Digest = SHA256
            Input = "abc"
            Output = ba7816bf8f01cfeaZZ
            """)
        let truncated = try fx.file(
            "truncated.txt",
            """
            Digest = SHA256
            Input = "abc"
            """)
        let unknown = try fx.file(
            "unknown.txt",
            """
            Digest = FOO256
            Input = "abc"
            Output = \(sha256abc)
            """)
        let missing = fx.dir.path + "/vectors/does-not-exist.txt"

        // Bad inputs first, the good file last: the run must go on to it.
        fx.runner.run(paths: [missing, nonHex, truncated, unknown, good], corpus: nil)
        let cases = fx.results.cases
        #expect(cases.count == 5, "\(cases.map { "\($0.outcome) \($0.reason ?? "")" })")

        let missingCase = try #require(cases.first { $0.file == missing })
        #expect(missingCase.outcome == .errored)
        #expect(missingCase.reason?.contains("\(missing):") == true)

        let nonHexCase = try #require(cases.first { $0.file == nonHex })
        #expect(nonHexCase.outcome == .errored)
        #expect(nonHexCase.line == 3)
        #expect(nonHexCase.reason?.contains("\(nonHex):3") == true, "\(nonHexCase.reason ?? "")")

        let truncatedCase = try #require(cases.first { $0.file == truncated })
        #expect(truncatedCase.outcome == .errored)
        #expect(truncatedCase.reason?.contains("\(truncated):1") == true, "\(truncatedCase.reason ?? "")")
        #expect(truncatedCase.reason?.contains("missing Output") == true)

        let unknownCase = try #require(cases.first { $0.file == unknown })
        #expect(unknownCase.outcome == .errored)
        #expect(unknownCase.line == 1)
        #expect(unknownCase.reason?.contains("FOO256") == true)

        let goodCase = try #require(cases.first { $0.file == good })
        #expect(goodCase.outcome == .passed)
        #expect(goodCase.line == 2)
        #expect(goodCase.algorithm == "SHA256")

        #expect(fx.results.total.passed == 1)
        #expect(fx.results.total.errored == 4)
        #expect(fx.results.ok == false)
        #expect(fx.results.filesRead["files"] == 4)
    }

    /// Every errored result should say where the problem is in its reason, as the console
    /// report prints only the reason for errors.
    @Test("an unknown algorithm's error names file:line")
    func unknownAlgorithmReasonNamesFileAndLine() throws {
        let fx = try RunFixture()
        defer { fx.remove() }
        let unknown = try fx.file(
            "unknown.txt",
            """

            Digest = FOO256
            Input = "abc"
            Output = \(sha256abc)
            """)
        fx.runner.run(paths: [unknown], corpus: nil)
        let c = try #require(fx.results.cases.first)
        #expect(c.outcome == .errored)
        #expect(c.reason?.contains("\(unknown):2") == true, "reason: \(c.reason ?? "nil")")
        let console = ConsoleReport.summary(fx.results)
        #expect(console.contains("\(unknown):2"), "\(console)")
    }

    @Test func folderIsExpandedSortedAndHiddenFilesLeftOut() throws {
        let fx = try RunFixture()
        defer { fx.remove() }
        try fx.file("b.txt", "Digest = SHA256\nInput = \"abc\"\nOutput = \(sha256abc)\n")
        try fx.file("a.txt", "Digest = SHA1\nInput = \"abc\"\nOutput = a9993e364706816aba3e25717850c26c9cd0d89d\n")
        try fx.file(".hidden/c.txt", "Digest = SHA256\nInput = \"abc\"\nOutput = 00\n")
        fx.runner.run(paths: [fx.dir.path + "/vectors"], corpus: nil)
        #expect(fx.results.cases.map(\.algorithm) == ["SHA1", "SHA256"])
        #expect(fx.results.cases.allSatisfy { $0.outcome == .passed })
        #expect(fx.results.ok)
    }

    @Test func manifestMapsNISTFiles() throws {
        let fx = try RunFixture()
        defer { fx.remove() }
        try fx.manifest(
            "demo.manifest",
            """
            corpus demo
            hashes/*Msg.rsp     digest   nist   SHA1
            hashes/Readme.txt   ignore   -      notes
            """)
        let rsp = try fx.file(
            "hashes/SHA1ShortMsg.rsp",
            """
            [L = 20]

            Len = 0
            Msg = 00
            MD = da39a3ee5e6b4b0d3255bfef95601890afd80709

            Len = 24
            Msg = 616263
            MD = a9993e364706816aba3e25717850c26c9cd0d89d
            """)
        let readme = try fx.file("hashes/Readme.txt", "not vectors")
        let stray = try fx.file("other/x.rsp", "Len = 0\nMsg = 00\nMD = 00\n")
        fx.runner.run(paths: [rsp, readme, stray], corpus: "demo")
        let cases = fx.results.cases
        #expect(
            cases.filter { $0.outcome == .passed }.map(\.file) == [
                "hashes/SHA1ShortMsg.rsp", "hashes/SHA1ShortMsg.rsp",
            ])
        #expect(cases.filter { $0.outcome == .passed }.map(\.line) == [3, 7])
        #expect(fx.results.filesIgnored.map { $0.file } == ["hashes/Readme.txt"])
        let strayCase = try #require(cases.first { $0.file == stray })
        #expect(strayCase.outcome == .errored)
        #expect(strayCase.reason?.contains("not mapped") == true)
    }

    @Test func unknownCorpusAndBadManifestAreErrors() throws {
        let fx = try RunFixture()
        defer { fx.remove() }
        try fx.manifest("bad.manifest", "corpus bad\nx.rsp digest wycheproof SHA1\n")
        let good = try fx.file("good.txt", "Digest = SHA256\nInput = \"abc\"\nOutput = \(sha256abc)\n")
        fx.runner.run(paths: [good], corpus: "nope")
        #expect(fx.results.cases.count == 2)
        #expect(fx.results.cases.allSatisfy { $0.outcome == .errored })
        #expect(fx.results.cases.contains { $0.reason?.contains("bad.manifest:2") == true })
        #expect(fx.results.cases.contains { $0.reason?.contains("no manifest for corpus 'nope'") == true })
        // Without a corpus the bad manifest is reported and the file still runs.
        let fx2 = try RunFixture()
        defer { fx2.remove() }
        try fx2.manifest("bad.manifest", "corpus bad\nx.rsp digest wycheproof SHA1\n")
        let good2 = try fx2.file("good.txt", "Digest = SHA256\nInput = \"abc\"\nOutput = \(sha256abc)\n")
        fx2.runner.run(paths: [good2], corpus: nil)
        #expect(fx2.results.cases.map(\.outcome) == [.errored, .passed])
    }
}

@Suite struct KATRunnerPathTests {
    @Test func relativeMissingPathIsReportedAsGiven() throws {
        let fx = try RunFixture()
        defer { fx.remove() }
        let rel = "no-such-folder-\(UUID().uuidString)/x.txt"
        fx.runner.run(paths: [rel], corpus: nil)
        let c = try #require(fx.results.cases.first)
        #expect(fx.results.cases.count == 1)
        #expect(c.outcome == .errored)
        #expect(c.reason?.hasPrefix("\(rel): ") == true, "\(c.reason ?? "")")
    }
}

@Suite struct LocationsTests {
    @Test func resolvesRepoAndCacheRoots() throws {
        let dir = try ConformanceTempDir()
        defer { dir.remove() }
        let repo = try dir.makeFolder("repo")
        try dir.makeFolder("repo/TestVectors")
        let cache = try dir.makeFolder("cache")
        try dir.makeFolder("cache/corpus-1.0/data")
        let loc = Locations(repository: repo, cache: cache)
        #expect(loc.manifestsDirectory == repo + "/TestVectors/manifests")
        #expect(loc.resolveRoot("repo:TestVectors") == repo + "/TestVectors")
        #expect(loc.resolveRoot("repo:Nothing") == nil)
        #expect(loc.resolveRoot("cache:corpus-*/data") == cache + "/corpus-1.0/data")
        #expect(loc.resolveRoot("cache:other-*/data") == nil)
        #expect(loc.resolveRoot(cache + "/corpus-1.0") == cache + "/corpus-1.0")
    }

    /// `openssl-3.0.*` must pick the newest release: 3.0.22 is newer than 3.0.9.
    @Test("a * in a root picks the newest version")
    func starPicksTheNewestVersion() throws {
        let dir = try ConformanceTempDir()
        defer { dir.remove() }
        let cache = try dir.makeFolder("cache")
        try dir.makeFolder("cache/openssl/openssl-3.0.9/test")
        try dir.makeFolder("cache/openssl/openssl-3.0.22/test")
        let loc = Locations(repository: dir.path, cache: cache)
        #expect(loc.resolveRoot("cache:openssl/openssl-3.0.*/test") == cache + "/openssl/openssl-3.0.22/test")
    }
}

// MARK: - KATEngine outcomes

@Suite struct KATEngineTests {
    private func runEVP(_ text: String, filter: String? = nil) throws -> RunResults {
        let fx = try RunFixture(filter: filter)
        defer { fx.remove() }
        let path = try fx.file("t.txt", text)
        EVPTestParser(corpus: "evp").parse(path: path, displayPath: "t.txt", into: fx.engine)
        return fx.results
    }

    @Test func expectedFailureStanzaPasses() throws {
        let r = try runEVP(
            """
            MAC = HMAC
            Algorithm = SHAKE128
            Input = "Test that SHAKE128 fails"
            Result = MAC_INIT_ERROR
            Key = 000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f
            """)
        let c = try #require(r.cases.first)
        #expect(r.cases.count == 1)
        #expect(c.outcome == .passed, "\(c.reason ?? "")")
        #expect(c.reason?.contains("MAC_INIT_ERROR") == true)
        #expect(c.algorithm == "HMAC-SHAKE128")
    }

    @Test func expectedFailureThatSucceedsFails() throws {
        let r = try runEVP(
            """
            MAC = HMAC
            Algorithm = SHA256
            Key = 00
            Input = "x"
            Result = MAC_INIT_ERROR
            """)
        let c = try #require(r.cases.first)
        #expect(c.outcome == .failed)
        #expect(c.actual != nil)
        #expect(!r.ok)
    }

    @Test func macStanzaPassesAndChecksSizes() throws {
        let r = try runEVP(
            """
            MAC = HMAC
            Algorithm = SHA256
            Key = 4a656665
            Input = "what do ya want for nothing?"
            Output = 5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843
            OutputSize = 32
            BlockSize = 64

            MAC = HMAC
            Algorithm = SHA256
            Key = 4a656665
            Input = "what do ya want for nothing?"
            Output = 5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843
            BlockSize = 128
            """)
        #expect(r.cases.map(\.outcome) == [.passed, .failed])
        #expect(r.cases.last?.reason?.contains("BlockSize") == true)
    }

    @Test func wrongExpectedDigestFailsWithExpectedAndActualHex() throws {
        let wrong = String(sha256abc.dropLast(2)) + "ae"
        let r = try runEVP(
            """
            Digest = SHA256
            Input = "abc"
            Output = \(wrong)

            Digest = SHA256
            Input = "abc"
            Output = \(sha256abc)
            """)
        try #require(r.cases.count == 2)
        let bad = r.cases[0]
        #expect(bad.outcome == .failed)
        #expect(bad.reason == "output differs")
        #expect(bad.expected == wrong)
        #expect(bad.actual == sha256abc)
        #expect(bad.line == 1)
        #expect(r.cases[1].outcome == .passed)
        #expect(r.total.failed == 1)
        #expect(!r.ok)
    }

    @Test func ncopyCountMessage() throws {
        // FIPS 180-2 C.3 style: one million 'a' (here as 1000 x Ncopy 1000 via Count).
        let r = try runEVP(
            """
            Digest = SHA1
            Input = "a"
            Ncopy = 1000
            Count = 1000
            Output = 34aa973cd4c4daa4f61eeb2bdbad27316534016f
            """)
        #expect(r.cases.map(\.outcome) == [.passed], "\(r.cases.map { $0.reason ?? "" })")
    }

    @Test func skipsAreExpectedAndDoNotBreakTheRun() throws {
        let r = try runEVP(
            """
            KEM = RSA-2048
            Input = 00
            Output = 00

            Digest = SHA1
            Input = "abc"
            Frobnicate = 1
            Output = a9993e364706816aba3e25717850c26c9cd0d89d

            Cipher = CAST5-CTR
            Key = 000102030405060708090A0B0C0D0E0F
            IV = 0000000000000000
            Plaintext = 00
            Ciphertext = 00
            """)
        #expect(r.cases.map(\.outcome) == [.skipped, .skipped, .skipped])
        #expect(r.cases.allSatisfy { $0.expectedSkip == true })
        #expect(r.cases[0].reason == "unsupported: KEM tests")
        #expect(r.cases[1].reason == "unsupported: keyword Frobnicate")
        #expect(r.cases[2].reason == "unsupported: CAST5-CTR is not an OpenSSL algorithm", "\(r.cases[2].reason ?? "")")
        #expect(r.ok)
        #expect(r.total.unexpectedSkips == 0)
        #expect(r.skipReasons["evp"]?["unsupported: KEM tests"] == 1)
    }

    @Test func filterKeepsMatchingAlgorithms() throws {
        let r = try runEVP(
            """
            Digest = SHA1
            Input = "abc"
            Output = a9993e364706816aba3e25717850c26c9cd0d89d

            Digest = SHA2-256
            Input = "abc"
            Output = \(sha256abc)

            MAC = HMAC
            Algorithm = SHA256
            Key = 4a656665
            Input = "what do ya want for nothing?"
            Output = 5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843
            """, filter: "sha256")
        #expect(r.cases.map(\.algorithm) == ["SHA2-256", "HMAC-SHA256"])
        #expect(r.cases.allSatisfy { $0.outcome == .passed })
    }

    @Test func wycheproofVerificationThroughTheEngine() throws {
        let tag = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"  // RFC 4231 case 2
        let modified = "db" + tag.dropFirst(2)
        let fx = try RunFixture()
        defer { fx.remove() }
        let path = try fx.file(
            "hmac_test.json",
            """
            {
              "algorithm" : "HMACSHA256",
              "schema" : "mac_test_schema.json",
              "testGroups" : [
                {
                  "keySize" : 32,
                  "tagSize" : 256,
                  "tests" : [
                    { "tcId" : 1, "flags" : [], "key" : "4a656665", "msg" : "7768617420646f2079612077616e7420666f72206e6f7468696e673f", "tag" : "\(tag)", "result" : "valid" },
                    { "tcId" : 2, "flags" : ["ModifiedTag"], "key" : "4a656665", "msg" : "7768617420646f2079612077616e7420666f72206e6f7468696e673f", "tag" : "\(modified)", "result" : "invalid" },
                    { "tcId" : 3, "flags" : ["ModifiedTag"], "key" : "4a656665", "msg" : "7768617420646f2079612077616e7420666f72206e6f7468696e673f", "tag" : "\(modified)", "result" : "valid" },
                    { "tcId" : 4, "flags" : ["TruncatedTag"], "key" : "4a656665", "msg" : "7768617420646f2079612077616e7420666f72206e6f7468696e673f", "tag" : "\(tag.prefix(62))", "result" : "invalid" },
                    { "tcId" : 5, "flags" : ["Odd"], "key" : "4a656665", "msg" : "7768617420646f2079612077616e7420666f72206e6f7468696e673f", "tag" : "\(modified)", "result" : "acceptable" },
                    { "tcId" : 6, "flags" : [], "key" : "4a656665", "msg" : "7768617420646f2079612077616e7420666f72206e6f7468696e673f", "tag" : "\(tag)", "result" : "invalid" }
                  ]
                },
                {
                  "keySize" : 32,
                  "tagSize" : 128,
                  "tests" : [
                    { "tcId" : 7, "flags" : [], "key" : "4a656665", "msg" : "7768617420646f2079612077616e7420666f72206e6f7468696e673f", "tag" : "\(tag.prefix(32))", "result" : "valid" }
                  ]
                }
              ]
            }
            """)
        fx.runner.run(paths: [path], corpus: nil)
        let byId = Dictionary(uniqueKeysWithValues: fx.results.cases.map { ($0.id, $0) })
        #expect(byId.count == 7)
        #expect(byId["tcId 1"]?.outcome == .passed)
        #expect(byId["tcId 2"]?.outcome == .passed)
        // A wrong tag that the file calls valid must fail: the engine can fail.
        #expect(byId["tcId 3"]?.outcome == .failed)
        #expect(byId["tcId 3"]?.reason == "valid tag rejected")
        #expect(byId["tcId 3"]?.expected == String(modified))
        #expect(byId["tcId 3"]?.actual == tag)
        #expect(byId["tcId 4"]?.outcome == .passed)
        #expect(byId["tcId 5"]?.outcome == .passed)
        #expect(byId["tcId 6"]?.outcome == .failed)
        #expect(byId["tcId 6"]?.reason == "invalid tag accepted")
        #expect(byId["tcId 7"]?.outcome == .passed)
        #expect(byId["tcId 1"]?.line == 9)
        #expect(byId["tcId 7"]?.line == 21)
        #expect(fx.results.total.failed == 2)
        #expect(!fx.results.ok)
    }

    @Test func evaluateDirectly() {
        let engine = KATEngine(implementation: LibCryptoImplementation(), results: RunResults())
        let prov = Provenance(file: "f", line: 1, corpus: "c")
        let v = Vector(
            id: "x", provenance: prov, algorithm: "SHA-256",
            operation: .digest(message: Message(chunks: [.init(ascii("a")), .init(ascii("bc"))]), outputLength: nil),
            expected: .output(unhex(sha256abc)))
        let r = engine.evaluate(v)
        #expect(r.outcome == .passed)
        #expect(r.implementation == "LibCrypto")
        // A fixed-size digest asked for another output length fails (it throws).
        var w = v
        w.operation = .digest(message: Message(ascii("abc")), outputLength: 16)
        let r2 = engine.evaluate(w)
        #expect(r2.outcome == .failed)
        #expect(r2.reason?.hasPrefix("threw:") == true)
    }
}

// MARK: - Monte Carlo

@Suite struct MonteCarloTests {
    private let engine = KATEngine(implementation: LibCryptoImplementation(), results: RunResults())

    @Test func sha2StyleOneIterationIsHashOfThreeSeeds() throws {
        let seed = unhex("dd4df644eaf3d85bace2b21accaa22b28821f5cd")
        let got = try engine.monteCarlo("SHA1", MonteCarlo(style: .sha2, seed: seed, iterations: 1))
        #expect(try got == Registry.digest(named: "SHA1").hash(seed + seed + seed))
        // Two iterations: H(seed || seed || md1).
        let md1 = got
        let two = try engine.monteCarlo("SHA1", MonteCarlo(style: .sha2, seed: seed, iterations: 2))
        #expect(try two == Registry.digest(named: "SHA1").hash(seed + seed + md1))
    }

    @Test func sha3StyleOneIterationIsHashOfSeed() throws {
        let seed = ascii("seed")
        let got = try engine.monteCarlo("SHA3-256", MonteCarlo(style: .sha3, seed: seed, iterations: 1))
        #expect(try got == Registry.digest(named: "SHA3-256").hash(seed))
    }

    // CAVP SHA1Monte.rsp: Seed, then the first checkpoint.
    @Test func sha1MonteFirstCheckpoint() throws {
        let got = try engine.monteCarlo(
            "SHA1", MonteCarlo(style: .sha2, seed: unhex("dd4df644eaf3d85bace2b21accaa22b28821f5cd")))
        #expect(Hex.encode(got) == "11f5c38b4479d4ad55cb69fadf62de0b036d5163")
    }

    @Test func nistMonteFileChainsThroughTheEngine() throws {
        let fx = try RunFixture()
        defer { fx.remove() }
        let path = try fx.file(
            "SHA1Monte.rsp",
            """
            #  CAVS 11.1
            [L = 20]

            Seed = dd4df644eaf3d85bace2b21accaa22b28821f5cd

            COUNT = 0
            MD = 11f5c38b4479d4ad55cb69fadf62de0b036d5163

            COUNT = 1
            MD = 5c26de848c21586bec36995809cb02d3677423d9
            """)
        NISTParser(kind: .monteCarlo, algorithm: "SHA1", corpus: "cavp").parse(
            path: path, displayPath: "SHA1Monte.rsp", into: fx.engine)
        #expect(fx.results.cases.map(\.id) == ["COUNT=0", "COUNT=1"])
        #expect(fx.results.cases.map(\.outcome) == [.passed, .passed], "\(fx.results.cases.map { $0.reason ?? "" })")
    }

    // CAVP SHA1Monte.txt: two of the traced steps and the first checkpoint.
    @Test func nistMonteTraceThroughTheEngine() throws {
        let fx = try RunFixture()
        defer { fx.remove() }
        let path = try fx.file(
            "SHA1Monte.txt",
            """
            [L = 20]

            Seed = dd4df644eaf3d85bace2b21accaa22b28821f5cd

            COUNT = 0
            \ti = 3
            \tM = dd4df644eaf3d85bace2b21accaa22b28821f5cddd4df644eaf3d85bace2b21accaa22b28821f5cddd4df644eaf3d85bace2b21accaa22b28821f5cd
            \tMDi = fad70ef04bffd4f500831feab8992dea8b0a14ea

            \ti = 7
            \tM = 7e6465959a5d1f49533b50975f67e572a76ad4b90d3d06d290386018ef2aeafe6aaea06be0c99fea34c9fbd8d47a52c096c55c9c280afee9d62c0574
            \tMDi = 65eb9d58f24339c1261fd19a99f90bb75db78f47
            MD = 11f5c38b4479d4ad55cb69fadf62de0b036d5163
            """)
        NISTParser(kind: .monteCarloTrace, algorithm: "SHA1", corpus: "cavp").parse(
            path: path, displayPath: "SHA1Monte.txt", into: fx.engine)
        #expect(
            fx.results.cases.map(\.outcome) == [.passed, .passed, .passed],
            "\(fx.results.cases.map { $0.reason ?? "" })")
    }

    // CAVP SHAKE128Monte.rsp, first checkpoint.
    @Test func shake128MonteFirstCheckpoint() throws {
        let fx = try RunFixture()
        defer { fx.remove() }
        let path = try fx.file(
            "SHAKE128Monte.rsp",
            """
            [Minimum Output Length (bits) = 128]

            [Maximum Output Length (bits) = 1120]

            Msg = c8b310cb97efa3855434998fa81c7674

            COUNT = 0
            Outputlen = 264
            Output = fe8c476993b47b10c98303a04c6212dfb341426d748d3926140aee0a151fc80fa1
            """)
        NISTParser(kind: .monteCarlo, algorithm: "SHAKE128", corpus: "cavp").parse(
            path: path, displayPath: "SHAKE128Monte.rsp", into: fx.engine)
        #expect(fx.results.cases.map(\.outcome) == [.passed], "\(fx.results.cases.map { $0.reason ?? "" })")
    }
}

// MARK: - Reports

@Suite struct ReportTests {
    /// A run with one pass, one fail, one skip and one error.
    private func mixedRun() -> RunResults {
        let results = RunResults()
        let engine = KATEngine(implementation: LibCryptoImplementation(), results: results)
        engine.enumerateVariants = false
        let prov = Provenance(file: "dir/t<1>.txt", line: 3, corpus: "c&d")
        engine.vector(
            Vector(
                id: "line 3", provenance: prov, algorithm: "SHA256",
                operation: .digest(message: Message(ascii("abc")), outputLength: nil),
                expected: .output(unhex(sha256abc))))
        engine.vector(
            Vector(
                id: "line 7", provenance: Provenance(file: "dir/t<1>.txt", line: 7, corpus: "c&d"), algorithm: "SHA256",
                operation: .digest(message: Message(ascii("abd")), outputLength: nil),
                expected: .output(unhex(sha256abc))))
        engine.vector(
            Vector(
                id: "line 9", provenance: Provenance(file: "dir/t<1>.txt", line: 9, corpus: "c&d"),
                algorithm: "AES-128-CBC",
                operation: .unsupported("Cipher tests"), expected: .output([])))
        engine.diagnostic(
            Diagnostic(
                file: "other.txt", line: 4, corpus: "files", message: "bad \"value\" & <stuff>\u{01}\nsecond line"))
        return results
    }

    @Test func mixedRunOutcomes() {
        let r = mixedRun()
        #expect(r.cases.map(\.outcome) == [.passed, .failed, .skipped, .errored])
        #expect(r.total.total == 4)
        #expect(r.corpusOrder == ["c&d", "files"])
        #expect(!r.ok)
    }

    @Test func junitHasOneTestcasePerCaseAndIsWellFormed() throws {
        let r = mixedRun()
        let xml = JUnitReport.xml(r)
        #expect(xml.components(separatedBy: "<testcase ").count - 1 == r.cases.count)
        #expect(xml.components(separatedBy: "<testsuite ").count - 1 == 2)
        #expect(xml.components(separatedBy: "<failure ").count - 1 == 1)
        #expect(xml.components(separatedBy: "<skipped ").count - 1 == 1)
        #expect(xml.components(separatedBy: "<error ").count - 1 == 1)
        #expect(xml.contains("tests=\"4\" failures=\"1\" errors=\"1\" skipped=\"1\""))
        #expect(xml.contains("expected: \(sha256abc)"))

        // Foundation's XML parser must accept it (available everywhere).
        let parser = XMLParser(data: Data(xml.utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")

        let xmllint = "/usr/bin/xmllint"
        if FileManager.default.isExecutableFile(atPath: xmllint) {
            let dir = try ConformanceTempDir()
            defer { dir.remove() }
            let file = try dir.write("junit.xml", xml)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: xmllint)
            p.arguments = ["--noout", file]
            let err = Pipe()
            p.standardError = err
            p.standardOutput = FileHandle.nullDevice
            try p.run()
            let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            #expect(p.terminationStatus == 0, "\(message)")
        }
    }

    @Test func jsonReportDecodes() throws {
        let r = mixedRun()
        let data = try JSONReport(
            results: r, command: "confrun kat", startedAt: Date(timeIntervalSince1970: 0),
            duration: 1.23456, implementation: "LibCrypto"
        ).encoded()
        let obj = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(obj["schemaVersion"] as? Int == JSONReport.currentSchemaVersion)
        #expect(obj["schema"] as? String == "swift-libcrypto/confrun-results")
        #expect(obj["ok"] as? Bool == false)
        let summary = try #require(obj["summary"] as? [String: Any])
        #expect(summary["total"] as? Int == r.cases.count)
        #expect(summary["passed"] as? Int == 1)
        #expect(summary["failed"] as? Int == 1)
        #expect(summary["skipped"] as? Int == 1)
        #expect(summary["errored"] as? Int == 1)
        let cases = try #require(obj["cases"] as? [[String: Any]])
        #expect(cases.count == 4)
        #expect(cases.map { $0["outcome"] as? String } == ["passed", "failed", "skipped", "errored"])
        let corpora = try #require(obj["corpora"] as? [[String: Any]])
        #expect(corpora.map { $0["name"] as? String } == ["c&d", "files"])
        // It also round-trips through Codable.
        let back = try JSONDecoder().decode(JSONReport.self, from: data)
        #expect(back.summary == r.total)
        #expect(back.cases?.count == 4)
    }

    @Test func consoleSummaryListsProblems() {
        let r = mixedRun()
        let s = ConsoleReport.summary(r)
        #expect(s.contains("1 passed, 1 failed, 1 skipped (0 unexpected), 1 errored"))
        #expect(s.contains("FAILED  dir/t<1>.txt:7"))
        #expect(s.contains("other.txt:4: bad"))
    }
}

// MARK: - Implementation variants

@Suite struct VariantTests {
    @Test("with hardware paths, an AES or SHA-256 vector also runs on the generic path (and each single path)")
    func katRunsEveryVariant() {
        let results = RunResults()
        let engine = KATEngine(implementation: LibCryptoImplementation(), results: results)
        let prov = Provenance(file: "f", line: 1, corpus: "c")
        engine.vector(
            Vector(
                id: "abc", provenance: prov, algorithm: "SHA256",
                operation: .digest(message: Message(ascii("abc")), outputLength: nil),
                expected: .output(unhex(sha256abc))))
        let extra = Variants.extra(for: ["SHA256"])
        #expect(results.cases.map(\.id) == ["abc"] + extra.map { "abc [\($0)]" })
        #expect(results.ok)
        if HardwareSupport.paths.contains("shani") { #expect(extra == ["generic"]) } else { #expect(extra.isEmpty) }
        if HardwareSupport.paths.contains("aesni") && HardwareSupport.paths.contains("pclmulqdq") {
            #expect(Variants.extra(for: ["AES-128-GCM"]) == ["generic", "aesni", "pclmulqdq"])
        }
        // Algorithms without a hardware path run once.
        #expect(Variants.extra(for: ["SHA2-512", "CAMELLIA-128-CBC"]).isEmpty)
    }

    @Test(
        "a wrong answer fails the case on every variant",
        .enabled(if: !Variants.extra(for: ["SHA256"]).isEmpty, "needs SHA-NI"))
    func variantFailureIsItsOwnCase() {
        let results = RunResults()
        let engine = KATEngine(implementation: LibCryptoImplementation(), results: results)
        let prov = Provenance(file: "f", line: 1, corpus: "c")
        var bad = unhex(sha256abc)
        bad[0] ^= 1
        engine.vector(
            Vector(
                id: "abc", provenance: prov, algorithm: "SHA256",
                operation: .digest(message: Message(ascii("abc")), outputLength: nil), expected: .output(bad)))
        #expect(results.cases.count == 2)
        #expect(results.cases.allSatisfy { $0.outcome == .failed })
        #expect(results.cases.last?.implementation == "LibCrypto (generic)")
    }
}
