import Foundation
import Testing

@testable import LibCrypto

// PEM reading as OpenSSL 3.0's PEM_read_bio. The expectations of the first two tests are
// OpenSSL's own: test/recipes/04-test_pem_reading.t lists which of the files in
// 04-test_pem_reading_data OpenSSL accepts (1) or refuses (0), and NOTES.txt says each accepted
// file decodes to the same data as cert.pem or dsa.pem. The files are read from the OpenSSL
// source tree the set-up unpacks, not copied here.

private let pemData =
    (ProcessInfo.processInfo.environment["CONFRUN_CACHE"] ?? NSHomeDirectory() + "/.cache/swift-libcrypto")
    + "/openssl/openssl-3.0.22/test/recipes/04-test_pem_reading_data"
private let havePEMData = FileManager.default.fileExists(atPath: pemData + "/cert.pem")

private func file(_ name: String) throws -> [UInt8] {
    [UInt8](try #require(FileManager.default.contents(atPath: pemData + "/" + name), "\(name)"))
}

/// Accepted by our reader with the same result as the reference file.
private func readsLike(_ name: String, reference: PEMBlock, encrypted: Bool) -> Bool {
    guard let bytes = try? file(name), let b = try? PEM.parse(bytes) else { return false }
    if encrypted { guard (try? b.encryption()) != nil, b.headerText == reference.headerText else { return false } }
    return b.label == reference.label && b.data == reference.data
}

/// What 04-test_pem_reading.t looks for in `openssl x509 -text`: the subject field's text.
private let longWinded = Array(
    "The Great State of Long-Winded Certificate Field Names Whereby to Increase the Output Size".utf8)

/// Accepted by our reader as a DER value that holds the text the OpenSSL test looks for (three of
/// the accepted files, cert-254-chars-*.pem and cert-oneline-multiple-of-254.pem, hold a
/// shorter certificate than cert.pem with the same field).
private func readsACertificate(_ name: String) -> Bool {
    guard let bytes = try? file(name), let b = try? PEM.parse(bytes), b.label == "CERTIFICATE",
        (try? DERNode(der: b.data)) != nil
    else { return false }
    return b.data.count >= longWinded.count
        && (0...(b.data.count - longWinded.count)).contains {
            b.data[$0..<($0 + longWinded.count)].elementsEqual(longWinded)
        }
}

@Suite(.enabled(if: havePEMData, "the OpenSSL 3.0.22 source tree is not in the cache (scripts/setup.sh)"))
struct EncodingPEMOpenSSLReadingData {
    /// From 04-test_pem_reading.t, %cert_expected.
    static let cert: [(String, Bool)] = [
        ("cert-1023line.pem", true), ("cert-1024line.pem", true), ("cert-1025line.pem", true),
        ("cert-254-chars-at-the-end.pem", true), ("cert-254-chars-in-the-middle.pem", true),
        ("cert-255line.pem", true), ("cert-256line.pem", true), ("cert-257line.pem", true),
        ("cert-blankline.pem", false), ("cert-bom.pem", true), ("cert-comment.pem", false),
        ("cert-earlypad.pem", false), ("cert-extrapad.pem", false), ("cert-infixwhitespace.pem", true),
        ("cert-junk.pem", false), ("cert-leadingwhitespace.pem", true), ("cert-longline.pem", true),
        ("cert-misalignedpad.pem", false), ("cert-onecolumn.pem", true), ("cert-oneline.pem", true),
        ("cert-oneline-multiple-of-254.pem", true), ("cert-shortandlongline.pem", true),
        ("cert-shortline.pem", true), ("cert-threecolumn.pem", true), ("cert-trailingwhitespace.pem", true),
        ("cert.pem", true),
    ]
    /// From 04-test_pem_reading.t, %dsa_expected (encrypted blocks: the line rules apply).
    static let dsa: [(String, Bool)] = [
        ("dsa-1023line.pem", false), ("dsa-1024line.pem", false), ("dsa-1025line.pem", false),
        ("dsa-255line.pem", false), ("dsa-256line.pem", false), ("dsa-257line.pem", false),
        ("dsa-blankline.pem", false), ("dsa-comment.pem", false), ("dsa-corruptedheader.pem", false),
        ("dsa-corruptiv.pem", false), ("dsa-earlypad.pem", false), ("dsa-extrapad.pem", false),
        ("dsa-infixwhitespace.pem", false), ("dsa-junk.pem", false), ("dsa-leadingwhitespace.pem", false),
        ("dsa-longline.pem", false), ("dsa-misalignedpad.pem", false), ("dsa-onecolumn.pem", false),
        ("dsa-oneline.pem", false), ("dsa-onelineheader.pem", false), ("dsa-shortandlongline.pem", false),
        ("dsa-shortline.pem", false), ("dsa-threecolumn.pem", false), ("dsa-trailingwhitespace.pem", true),
        ("dsa.pem", true),
    ]

    @Test(arguments: cert)
    func certificates(_ name: String, _ accepted: Bool) throws {
        #expect(readsACertificate(name) == accepted, "\(name)")
    }

    /// dsa-corruptiv.pem keeps a well-formed header whose IV is wrong: OpenSSL refuses it only on
    /// decryption, which is not here, so it is compared on its IV.
    @Test(arguments: dsa)
    func encryptedKeys(_ name: String, _ accepted: Bool) throws {
        let reference = try PEM.parse(try file("dsa.pem"))
        #expect(reference.label == "DSA PRIVATE KEY" && reference.isEncrypted)
        #expect(try reference.encryption()?.cipher.uppercased() == "AES-256-CBC")
        #expect(readsLike(name, reference: reference, encrypted: true) == accepted, "\(name)")
    }

    @Test func keyAfterACertificate() throws {
        // beermug.pem: OpenSSL's `pkey` finds the key block; our label lookup does the same.
        let blocks = try PEM.parseAll(try file("beermug.pem"))
        #expect(!blocks.isEmpty)
    }
}

@Suite struct EncodingPEMRules {
    static let body = "MAMCAQU="  // 30 03 02 01 05

    @Test func severalBlocksWithTextAround() throws {
        let text = """
            Some text before.
            -----BEGIN ONE-----
            \(Self.body)
            -----END ONE-----
            between
            -----BEGIN TWO-----
            Proc-Type: 4,ENCRYPTED
            DEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF

            \(Self.body)
            -----END TWO-----
            after
            """
        let blocks = try PEM.parseAll(text: text)
        #expect(blocks.map(\.label) == ["ONE", "TWO"])
        #expect(blocks.map(\.line) == [2, 6])
        #expect(blocks[0].data == [0x30, 0x03, 0x02, 0x01, 0x05] && !blocks[0].isEncrypted)
        #expect(blocks[1].headers.map(\.name) == ["Proc-Type", "DEK-Info"])
        let enc = try #require(try blocks[1].encryption())
        #expect(enc.cipher == "AES-128-CBC" && enc.iv == TestHex.decode("00112233445566778899AABBCCDDEEFF"))
        #expect(try PEM.parse(text: text, label: "TWO").line == 6)
        // Written back as PEM_write_bio writes: header, blank line, body.
        #expect(
            blocks[1].pemEncoded
                == "-----BEGIN TWO-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF\n\n\(Self.body)\n-----END TWO-----\n"
        )
        #expect(
            try PEM.parseAll(text: blocks[1].pemEncoded)
                == [blocks[1]].map {
                    var b = $0
                    b.line = 1
                    return b
                })
        // Encrypted PEM keys are refused with the reason named.
        do {
            _ = try PKCS1RSAPublicKey.parse(pem: text.replacingOccurrences(of: "TWO", with: "RSA PUBLIC KEY"))
            Issue.record("parsed an encrypted block")
        } catch let e as CryptoError {
            #expect(e.reason.hasPrefix("encrypted key: decrypt it first"), "\(e)")
        }
    }

    /// 64-character lines, as `openssl base64` and PEM_write_bio write them (48 bytes a line).
    @Test func writerLines() throws {
        let data = (0..<100).map { UInt8($0) }
        let pem = PEM.encode(label: "X", data: data)
        let lines = pem.split(separator: "\n")
        #expect(lines.first == "-----BEGIN X-----" && lines.last == "-----END X-----")
        #expect(lines.dropFirst().dropLast().map(\.count) == [64, 64, 8])
        #expect(try PEM.parse(text: pem).data == data)
    }

    private func expectPEMError(
        _ text: String, _ reason: OpenSSLReason, line: Int, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        do {
            _ = try PEM.parseAll(text: text)
            Issue.record("no error", sourceLocation: sourceLocation)
        } catch let e as CryptoError {
            #expect(e.openSSL == reason, "\(e)", sourceLocation: sourceLocation)
            #expect(e.reason.hasPrefix("PEM line \(line):"), "\(e)", sourceLocation: sourceLocation)
        } catch { Issue.record("\(error)", sourceLocation: sourceLocation) }
    }

    @Test func malformed() {
        expectPEMError("no block here\n", .pemNoStartLine, line: 2)
        expectPEMError("-----BEGIN A-----\n\(Self.body)\n", .pemBadEndLine, line: 3)
        expectPEMError("-----BEGIN A-----\n\(Self.body)\n-----END B-----\n", .pemBadEndLine, line: 3)
        expectPEMError("x\n-----BEGIN A-----\nMAMC\nAQ*U=\n-----END A-----\n", .pemBadBase64Decode, line: 4)
        expectPEMError("-----BEGIN A-----\nMAMCAQU=MAMC\n-----END A-----\n", .pemBadBase64Decode, line: 2)
        expectPEMError("-----BEGIN A-----\n-----END A-----\n", .pemBadEndLine, line: 1)
        // A second blank line, and a short line before the last one after headers.
        expectPEMError("-----BEGIN A-----\nK: v\n\n\nMAMC\n-----END A-----\n", .pemBadEndLine, line: 4)
        expectPEMError("-----BEGIN A-----\nK: v\n\nMAMC\nAQU=\n-----END A-----\n", .pemBadEndLine, line: 5)
    }

    @Test func headerErrors() throws {
        for (header, reason) in [
            ("Proc-Typo: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n", OpenSSLReason.pemNotProcType),
            ("Proc-Type: 4,SIGNED\nDEK-Info: AES-128-CBC,00\n", .pemNotEncrypted),
            ("Proc-Type: 4,ENCRYPTED x\nDEK-Info: AES-128-CBC,00\n", .pemShortHeader),
            ("Proc-Type: 4,ENCRYPTED\nDEK-Inf: AES-128-CBC,00\n", .pemNotDekInfo),
            ("Proc-Type: 4,ENCRYPTED\nDEK-Info: NO-SUCH-CIPHER,00\n", .pemUnsupportedEncryption),
            // strcspn(" \t,") does not stop at the line end: "AES-128-CBC\n" would be the name.
            ("Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC\n", .pemUnsupportedEncryption),
            ("Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC x\n", .pemMissingDekIV),
            ("Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,0011zz\n", .pemBadIVChars),
        ] {
            let b = try PEM.parse(text: "-----BEGIN A-----\n\(header)\n\(Self.body)\n-----END A-----\n")
            #expect(throws: CryptoError.self) { _ = try b.encryption() }
            do { _ = try b.encryption() } catch let e as CryptoError { #expect(e.openSSL == reason, "\(header)") }
        }
    }
}
