import Conformance
import Foundation
import FuzzTargets
import Testing
import Vectors

/// The checkout, from this file's path (Tests/FuzzTargetsTests/ParserTargetsTests.swift).
private let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

private func run(_ target: FuzzTarget, _ bytes: [UInt8]) -> FuzzTarget.Verdict {
    bytes.withUnsafeBytes { target.run($0) }
}

private func run(_ target: FuzzTarget, _ text: String) -> FuzzTarget.Verdict { run(target, Array(text.utf8)) }

private let parserNames = FuzzTargets.all.filter { $0.kind == .parser }.map(\.name)

@Suite struct ParserTargetSeeds {
    @Test func everyParserHasATarget() {
        for name in ["nist", "ntt", "evp", "wycheproof", "manifest", "matrix", "hex", "rsa", "ffc", "keyfile"] {
            #expect(FuzzTargets.named(name)?.kind == .parser, "\(name)")
        }
    }

    /// Every seed (installed vector files, cut to -max_len) is a sound input: no finding.
    @Test(arguments: parserNames)
    func seedsRunWithoutAFinding(_ name: String) throws {
        let target = try #require(FuzzTargets.named(name))
        let seeds = target.seeds()
        #expect(!seeds.isEmpty, "\(name) has no seeds")
        for path in seeds {
            let data = try #require(FileManager.default.contents(atPath: path), "\(path)")
            let verdict = run(target, [UInt8](data.prefix(FuzzTargets.maxLength(name))))
            #expect(verdict == .ok, "\(name) seed \(path)")
        }
    }

    @Test(arguments: parserNames)
    func dictionaryIsLibFuzzerSyntax(_ name: String) throws {
        let target = try #require(FuzzTargets.named(name))
        for line in FuzzTargets.dictionaryText(target).split(separator: "\n") where !line.hasPrefix("#") {
            #expect(line.first == "\"" && line.last == "\"" && line.count >= 3, "\(line)")
            #expect(line.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }, "\(line)")
        }
    }
}

@Suite struct FuzzRegressionReplay {
    /// Every checked-in regression input replays clean through its own target.
    @Test func regressionFolderReplaysClean() throws {
        let root = repository + "/TestVectors/fuzz-regressions"
        let fm = FileManager.default
        var count = 0
        for folder in (try? fm.contentsOfDirectory(atPath: root)) ?? [] where !folder.hasPrefix(".") {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: root + "/" + folder, isDirectory: &isDir), isDir.boolValue else { continue }
            let target = try #require(FuzzTargets.named(folder), "a regression folder without a target: \(folder)")
            for file in try fm.contentsOfDirectory(atPath: root + "/" + folder) where !file.hasPrefix(".") {
                let data = try #require(fm.contents(atPath: root + "/" + folder + "/" + file))
                #expect(run(target, [UInt8](data)) == .ok, "\(folder)/\(file)")
                count += 1
            }
        }
        #expect(count > 0, "no regression inputs under \(root)")
    }
}

/// Broken inputs of each format: the parser reports them (a diagnostic or a thrown error the
/// target handles), never traps, and the target finds its result sound.
@Suite struct BrokenInputs {
    static let cases: [(target: String, input: [UInt8])] = [
        // NIST, selector 19 = CCM: lengths of 2^63-1 (the overflow of Plen + Tlen).
        (
            "nist",
            [19]
                + Array(
                    "[Plen = 9223372036854775807]\n[Tlen = 9223372036854775807]\nKey = 00\nNonce = 00\n\nCount = 0\nAdata = 00\nPayload = 00\nCT = 00\n"
                        .utf8)
        ),
        // NIST, selector 4 = SHAKE Monte Carlo with an absurd maximum output length.
        (
            "nist",
            [4]
                + Array(
                    "[Minimum Output Length (bits) = 128]\n[Maximum Output Length (bits) = 9223372036854775807]\nMsg = 00\n\nCOUNT = 0\nOutputlen = 128\nOutput = 00\n"
                        .utf8)
        ),
        ("nist", [0] + Array("Len = 99999999999999999999\nMsg = zz\nMD = 0\n[unterminated\n".utf8)),
        ("nist", [9] + [0xFF, 0xFE, 0x00, 0x0A, 0x0A]),
        ("ntt", Array("K No.001 : 0g\nC No.001 : 00\nP No.001 :\n".utf8)),
        (
            "evp",
            Array("Digest = SHA256\nNcopy = 99999999999\nInput = 00\nOutput = 00\n\nCipher = RC4\nKey = 00\n".utf8)
        ),
        ("evp", Array("KDF = PBKDF2\nCtrl.iter = iter:9223372036854775807\nOutput = \"unterminated\n".utf8)),
        (
            "wycheproof",
            Array(
                "{\"algorithm\":\"PBKDF2-HMACSHA1\",\"schema\":\"pbkdf_test_schema.json\",\"testGroups\":[{\"tests\":[{\"tcId\":1,\"dkLen\":85899345899"
                    .utf8)
        ),
        ("wycheproof", Array("[1,2,3]".utf8)),
        ("wycheproof", []),
        ("manifest", Array("corpus\nroot a b\n* digest nist\n".utf8)),
        ("manifest", Array("corpus x\n**/**/**/*a*a*a*a*b digest nist SHA256\n".utf8)),
        ("matrix", Array("cell a\nmatrix m\ncell b no-such-option\n".utf8)),
        // ffc, selector 3 = DSA pqggen: a counter of 2^63-1, an odd-length P, a section without data.
        (
            "ffc",
            [3]
                + Array(
                    "[mod = L=2048, N=256, SHA-256]\n[A.1.1.2 Generation of probable primes p and q using an approved hash function]\nP = 0\nQ = 00\ndomain_parameter_seed = 00\ncounter = 9223372036854775807\n\n"
                        .utf8)
        ),
        // ffc, selector 6 = DH derive with decimal numbers: 6,000 digits, a letter among digits.
        ("ffc", [6] + Array(("P = " + String(repeating: "9", count: 6000) + "\nG = 2\nX = 1a\nY = 3\nK = 00\n").utf8)),
        ("ffc", [5] + Array("XstatIUT = 00\nResult = P\n\n[FA - SHA1]\nZ = zz\n".utf8)),
        // keyfile: a PEM label with a truncated body, an RSA key whose INTEGERs are absent, DER
        // parameters with a zero prime, an empty file.
        ("keyfile", [3] + Array("-----BEGIN RSA PRIVATE KEY-----\nMAMCAQA=\n-----END RSA PRIVATE KEY-----\n".utf8)),
        ("keyfile", [0] + [0x30, 0x09, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00]),
        ("keyfile", [1] + [0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x02]),
        ("keyfile", [2]),
        ("hex", Array("0g:".utf8)),
        ("hex", [0xC3, 0x28]),
    ]

    @Test(arguments: 0..<cases.count)
    func brokenInputIsHandled(_ i: Int) throws {
        let c = Self.cases[i]
        let target = try #require(FuzzTargets.named(c.target))
        #expect(run(target, c.input) == .ok, "\(c.target) case \(i)")
    }

    /// The keyfile target loads real keys (not only errors): each of these installed files
    /// (cryptography-vectors) is read by LibCrypto and passes the target's round trip.
    /// The installed key files it loads: those of the families this build has (no-dsa, no-dh).
    static let installedKeys: [String] = {
        var files = ["DER_Serialization/unenc-rsa-pkcs8.der"]
        #if DSA
        files.append("DER_Serialization/dsa.1024.der")
        #endif
        #if DH
        files += ["DH/dhp.der", "DH/dhkey.pem", "DH/dhp_rfc5114_2.der"]
        #endif
        return files
    }()

    @Test(arguments: installedKeys)
    func keyfileLoadsInstalledKeys(_ file: String) throws {
        let path =
            FileManager.default.homeDirectoryForCurrentUser.path
            + "/.cache/swift-libcrypto/cryptography-vectors/cryptography_vectors/asymmetric/" + file
        guard let data = FileManager.default.contents(atPath: path) else {
            Issue.record("cryptography-vectors is not installed (bash scripts/setup.sh): \(path)")
            return
        }
        let bytes = [UInt8](data)
        #expect(throws: Never.self) {
            _ = try KeyFileLibCrypto.read(KeyFileCheck(contents: bytes, isPEM: file.hasSuffix(".pem")))
        }
        let target = try #require(FuzzTargets.named("keyfile"))
        let selector: UInt8 =
            file.hasPrefix("DH/dhp_rfc5114") ? 2 : file.hasPrefix("DH") ? 1 : file.contains("rsa") ? 3 : 0
        #expect(run(target, [selector] + bytes) == .ok)
    }

    @Test func hexThrowsOnBadDigits() {
        #expect(throws: FieldError.self) { try Hex.decode("0g") }
        #expect(throws: FieldError.self) { try Hex.decode("abc") }
        #expect(throws: FieldError.self) { try Hex.decode("a:b") }
    }

    /// The invariant check itself: a target reports a wrong result as a finding.
    @Test func hexTargetComparesWithItsReference() throws {
        let hex = try #require(FuzzTargets.named("hex"))
        #expect(run(hex, "de:ad:BE:ef") == .ok)
        #expect(run(hex, "") == .ok)
    }
}
