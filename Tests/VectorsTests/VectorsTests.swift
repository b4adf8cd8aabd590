import Foundation
import Testing
@testable import Vectors

// MARK: - Helpers

/// Collects everything a parser reports, in order.
final class CollectingSink: VectorSink {
    var vectors: [Vector] = []
    var diagnostics: [Diagnostic] = []
    func vector(_ v: Vector) { vectors.append(v) }
    func diagnostic(_ d: Diagnostic) { diagnostics.append(d) }
}

/// A fresh folder under the system temporary directory; call `remove()` (in a `defer`).
struct VectorsTempDir {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "VectorsTests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    var path: String { url.path }

    /// Writes `text` as UTF-8 to `name` in the folder and returns the full path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

private func bytes(_ hex: String) -> [UInt8] {
    // Test-local decoder, independent of `Hex`.
    var out: [UInt8] = []
    var chars = Array(hex.utf8)[...]
    while chars.count >= 2 {
        let s = String(decoding: chars.prefix(2), as: UTF8.self)
        out.append(UInt8(s, radix: 16)!)
        chars = chars.dropFirst(2)
    }
    return out
}

private func ascii(_ s: String) -> [UInt8] { Array(s.utf8) }

private func parseNIST(_ kind: NISTParser.Kind, _ algorithm: String, _ text: String, name: String = "v.rsp") throws
    -> CollectingSink
{
    let dir = try VectorsTempDir()
    defer { dir.remove() }
    let path = try dir.write(name, text)
    let sink = CollectingSink()
    NISTParser(kind: kind, algorithm: algorithm, corpus: "test").parse(path: path, displayPath: name, into: sink)
    return sink
}

func parseEVP(_ text: String, name: String = "evp.txt") throws -> CollectingSink {
    let dir = try VectorsTempDir()
    defer { dir.remove() }
    let path = try dir.write(name, text)
    let sink = CollectingSink()
    EVPTestParser(corpus: "test").parse(path: path, displayPath: name, into: sink)
    return sink
}

private func parseWycheproof(_ text: String, name: String = "w.json") throws -> CollectingSink {
    let dir = try VectorsTempDir()
    defer { dir.remove() }
    let path = try dir.write(name, text)
    let sink = CollectingSink()
    WycheproofParser(corpus: "wp").parse(path: path, displayPath: name, into: sink)
    return sink
}

/// The 1-based line of the first line of `text` containing `needle`.
private func lineOf(_ needle: String, in text: String) -> Int? {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    return lines.firstIndex { $0.contains(needle) }.map { $0 + 1 }
}

private func digestParts(_ v: Vector) -> (message: Message, outputLength: Int?)? {
    if case .digest(let m, let n) = v.operation { return (m, n) }
    return nil
}

private func monteCarlo(_ v: Vector) -> MonteCarlo? {
    if case .digestMonteCarlo(let m) = v.operation { return m }
    return nil
}

private func macInput(_ v: Vector) -> MACInput? {
    if case .mac(let m) = v.operation { return m }
    return nil
}

private func expectedOutput(_ v: Vector) -> [UInt8]? {
    if case .output(let o) = v.expected { return o }
    return nil
}

// MARK: - NIST hash records

@Suite struct NISTHashRecordTests {
    static let sha1Short = """
        #  CAVS 11.0
        #  "SHA-1 ShortMsg" information

        [L = 20]

        Len = 0
        Msg = 00
        MD = da39a3ee5e6b4b0d3255bfef95601890afd80709

        Len = 24
        # a comment between the fields of one record
        Msg = 616263
        MD = a9993e364706816aba3e25717850c26c9cd0d89d

        """

    @Test func parsesEmptyMessageAndAbc() throws {
        let sink = try parseNIST(.hash, "SHA1", Self.sha1Short)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        try #require(sink.vectors.count == 2)

        let empty = sink.vectors[0]
        #expect(empty.algorithm == "SHA1")
        #expect(empty.provenance.file == "v.rsp")
        #expect(empty.provenance.line == 6)
        #expect(empty.provenance.corpus == "test")
        #expect(empty.id == "line 6")
        let e = try #require(digestParts(empty))
        #expect(e.message.count == 0)
        #expect(e.message.bytes == [])
        #expect(e.outputLength == nil)
        #expect(expectedOutput(empty) == bytes("da39a3ee5e6b4b0d3255bfef95601890afd80709"))
        #expect(empty.unsupported.isEmpty)

        // The comment line between Len and Msg does not split the record.
        let abc = sink.vectors[1]
        #expect(abc.provenance.line == 10)
        let a = try #require(digestParts(abc))
        #expect(a.message.bytes == ascii("abc"))
        #expect(expectedOutput(abc) == bytes("a9993e364706816aba3e25717850c26c9cd0d89d"))
        #expect(abc.unsupported.isEmpty)
    }

    @Test func crlfLineEndingsGiveTheSameRecordsAndLines() throws {
        let crlf = Self.sha1Short.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(crlf.contains("\r\n"))
        let sink = try parseNIST(.hash, "SHA1", crlf)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        try #require(sink.vectors.count == 2)
        #expect(sink.vectors.map(\.provenance.line) == [6, 10])
        #expect(digestParts(sink.vectors[0])?.message.bytes == [])
        #expect(digestParts(sink.vectors[1])?.message.bytes == ascii("abc"))
        #expect(expectedOutput(sink.vectors[1]) == bytes("a9993e364706816aba3e25717850c26c9cd0d89d"))
    }

    @Test func countFieldNamesTheVector() throws {
        let sink = try parseNIST(
            .hash, "SHA256",
            """
            COUNT = 7
            Len = 8
            Msg = 61ff
            MD = 00112233
            """)
        #expect(sink.diagnostics.isEmpty)
        let v = try #require(sink.vectors.first)
        #expect(v.id == "COUNT=7")
        // Msg is cut to Len bits.
        #expect(digestParts(v)?.message.bytes == [0x61])
    }

    @Test func shakeOutputGivesOutputLength() throws {
        let sink = try parseNIST(
            .hash, "SHAKE128",
            """
            [Outputlen = 128]

            Len = 0
            Msg = 00
            Output = 7f9c2ba4e88f827d616045507605853e

            COUNT = 3
            Outputlen = 32
            Len = 24
            Msg = 616263
            Output = 01020304

            """)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        try #require(sink.vectors.count == 2)
        let first = try #require(digestParts(sink.vectors[0]))
        #expect(first.outputLength == 16)
        #expect(first.message.count == 0)
        #expect(expectedOutput(sink.vectors[0]) == bytes("7f9c2ba4e88f827d616045507605853e"))
        let second = try #require(digestParts(sink.vectors[1]))
        #expect(second.outputLength == 4)
        #expect(sink.vectors[1].id == "COUNT=3")
    }

    @Test func outputlenDisagreeingWithOutputIsADiagnostic() throws {
        let sink = try parseNIST(
            .hash, "SHAKE128",
            """
            Len = 0
            Msg = 00
            Outputlen = 64
            Output = 7f9c2ba4e88f827d616045507605853e
            """)
        #expect(sink.vectors.isEmpty)
        try #require(sink.diagnostics.count == 1)
        #expect(sink.diagnostics[0].line == 4)
        #expect(sink.diagnostics[0].message.contains("Outputlen"))
    }

    @Test func bitLengthMessageIsMarkedUnsupported() throws {
        let sink = try parseNIST(
            .hash, "SHA1",
            """
            Len = 5
            Msg = 48
            MD = 00
            """)
        #expect(sink.diagnostics.isEmpty)
        let v = try #require(sink.vectors.first)
        #expect(!v.unsupported.isEmpty)
    }

    @Test func unknownFieldIsMarkedUnsupported() throws {
        let sink = try parseNIST(
            .hash, "SHA1",
            """
            Len = 0
            Msg = 00
            Frobnicate = 1
            MD = 00
            """)
        let v = try #require(sink.vectors.first)
        #expect(v.unsupported == ["field Frobnicate"])
    }

    // BAD input

    @Test func nonHexMsgReportsExactLineAndRunContinues() throws {
        let text = """
            [L = 20]

            Len = 24
            Msg = 61zz63
            MD = a9993e364706816aba3e25717850c26c9cd0d89d

            Len = 24
            Msg = 616263
            MD = a9993e364706816aba3e25717850c26c9cd0d89d
            """
        let sink = try parseNIST(.hash, "SHA1", text)
        try #require(sink.diagnostics.count == 1)
        let d = sink.diagnostics[0]
        #expect(d.line == 4)  // the Msg line, not the record's first line
        #expect(d.file == "v.rsp")
        #expect(d.corpus == "test")
        #expect(d.description.hasPrefix("v.rsp:4: "))
        #expect(d.message.contains("Msg"))
        #expect(d.message.contains("'z'"))
        // The next record is still parsed.
        try #require(sink.vectors.count == 1)
        #expect(sink.vectors[0].provenance.line == 7)
        #expect(digestParts(sink.vectors[0])?.message.bytes == ascii("abc"))
    }

    @Test func recordWithoutMDIsADiagnosticAndRunContinues() throws {
        let sink = try parseNIST(
            .hash, "SHA1",
            """
            [L = 20]

            Len = 8
            Msg = 61

            Len = 24
            Msg = 616263
            MD = a9993e364706816aba3e25717850c26c9cd0d89d
            """)
        try #require(sink.diagnostics.count == 1)
        #expect(sink.diagnostics[0].line == 3)
        #expect(sink.diagnostics[0].message.contains("missing field MD"))
        #expect(sink.diagnostics[0].description == "v.rsp:3: missing field MD")
        try #require(sink.vectors.count == 1)
        #expect(sink.vectors[0].provenance.line == 6)
    }

    @Test func lenLongerThanMsgIsADiagnostic() throws {
        let sink = try parseNIST(
            .hash, "SHA1",
            """
            Len = 32
            Msg = 616263
            MD = 00
            """)
        #expect(sink.vectors.isEmpty)
        try #require(sink.diagnostics.count == 1)
        #expect(sink.diagnostics[0].line == 1)
    }

    @Test func badLinesAreReportedAndSkipped() throws {
        let sink = try parseNIST(
            .hash, "SHA1",
            """
            [L = 20
            this line has no equals sign
            Len = 0
            Msg = 00
            MD = da39a3ee5e6b4b0d3255bfef95601890afd80709
            """)
        #expect(sink.diagnostics.map(\.line) == [1, 2])
        #expect(sink.vectors.count == 1)
    }

    @Test func missingFileIsAFileLevelDiagnostic() {
        let sink = CollectingSink()
        NISTParser(kind: .hash, algorithm: "SHA1", corpus: "test")
            .parse(path: "/nonexistent-\(UUID().uuidString)/x.rsp", displayPath: "x.rsp", into: sink)
        #expect(sink.vectors.isEmpty)
        #expect(sink.diagnostics.count == 1)
        #expect(sink.diagnostics.first?.line == 0)
        #expect(sink.diagnostics.first?.description.hasPrefix("x.rsp: ") == true)
    }

    /// A section header applies to the records after it. When a header directly follows a
    /// record (no blank line between them), it must not be applied to that record.
    @Test("a header right after a record applies only to the records after it")
    func headerDirectlyAfterRecordDoesNotApplyToIt() throws {
        let sink = try parseNIST(
            .hash, "SHAKE128",
            """
            [Outputlen = 128]
            Len = 0
            Msg = 00
            Output = 7f9c2ba4e88f827d616045507605853e
            [Outputlen = 256]
            Len = 0
            Msg = 00
            Output = 7f9c2ba4e88f827d616045507605853e7f9c2ba4e88f827d616045507605853e
            """)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        #expect(sink.vectors.count == 2)
    }
}

// MARK: - NIST Monte Carlo

@Suite struct NISTMonteCarloTests {
    @Test func checkpointsChainFromTheSeed() throws {
        let seed = "dd4df644eaf3d85bace2b21accaa22b28821f5cd"
        let md0 = "11f5c38b4479d4ad55cb69fadf62de0b036d5163"
        let md1 = "5c26de848c21586bec36995809cb02d3677423d9"
        let md2 = "453b5fcf263d01c891d7897d4013990f7c1fb0ab"
        let sink = try parseNIST(
            .monteCarlo, "SHA1",
            """
            #  CAVS 11.1
            [L = 20]

            Seed = \(seed)

            COUNT = 0
            MD = \(md0)

            COUNT = 1
            MD = \(md1)

            COUNT = 2
            MD = \(md2)
            """)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        try #require(sink.vectors.count == 3)
        #expect(sink.vectors.map(\.id) == ["COUNT=0", "COUNT=1", "COUNT=2"])
        #expect(sink.vectors.map(\.provenance.line) == [6, 9, 12])
        let m = sink.vectors.compactMap(monteCarlo)
        try #require(m.count == 3)
        #expect(m.allSatisfy { $0.style == .sha2 && $0.iterations == 1000 })
        #expect(m[0].seed == bytes(seed))
        #expect(m[1].seed == bytes(md0))
        #expect(m[2].seed == bytes(md1))
        #expect(sink.vectors.map { expectedOutput($0) } == [bytes(md0), bytes(md1), bytes(md2)])
    }

    @Test func sha3MonteUsesMsgAsSeedAndSha3Style() throws {
        let sink = try parseNIST(
            .monteCarlo, "SHA3-256",
            """
            [L = 256]

            Msg = aa

            COUNT = 0
            MD = bb

            COUNT = 1
            MD = cc
            """)
        #expect(sink.diagnostics.isEmpty)
        let m = sink.vectors.compactMap(monteCarlo)
        try #require(m.count == 2)
        #expect(m[0].style == .sha3)
        #expect(m[0].seed == [0xaa])
        #expect(m[1].seed == [0xbb])
    }

    @Test func shakeMonteHeadersGiveStyleAndInitialLength() throws {
        // The start of CAVP SHAKE128Monte.rsp.
        let out0 = "fe8c476993b47b10c98303a04c6212dfb341426d748d3926140aee0a151fc80fa1"
        let sink = try parseNIST(
            .monteCarlo, "SHAKE128",
            """
            #  CAVS 19.0
            #  "SHAKE128 Monte" information for "SHAKE3AllBytesGT"

            [Minimum Output Length (bits) = 128]

            [Maximum Output Length (bits) = 1120]

            Msg = c8b310cb97efa3855434998fa81c7674

            COUNT = 0
            Outputlen = 264
            Output = \(out0)

            COUNT = 1
            Outputlen = 16
            Output = 0102
            """)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        let m = sink.vectors.compactMap(monteCarlo)
        try #require(m.count == 2)
        #expect(m[0].style == .shake(minBytes: 16, maxBytes: 140))
        #expect(m[0].initialOutputLength == 140)
        #expect(m[0].finalOutputLength == 33)
        #expect(m[0].seed == bytes("c8b310cb97efa3855434998fa81c7674"))
        // The next checkpoint continues from the previous output; its first length comes from
        // that output's last 16 bits: 16 + 0x0fa1 % (140 - 16 + 1) = 16 + 4001 % 125 = 17.
        #expect(m[1].seed == bytes(out0))
        #expect(m[1].initialOutputLength == 17)
        #expect(m[1].finalOutputLength == 2)
    }

    /// SHAVS (SHA-1, SHA-2) chains three digests; only SHA3-* uses the SHA3VS chain.
    /// ('SHA384' begins with 'SHA3': it must still get the SHA-2 chain.)
    @Test(arguments: [
        ("SHA1", MonteCarloStyle.sha2), ("SHA224", .sha2), ("SHA384", .sha2), ("SHA512-224", .sha2),
        ("SHA512", .sha2), ("SHA3-224", .sha3), ("SHA3-384", .sha3), ("sha3-512", .sha3),
    ])
    func monteCarloStyleByAlgorithm(algorithm: String, style: MonteCarloStyle) throws {
        let sink = try parseNIST(
            .monteCarlo, algorithm,
            """
            Seed = 00

            COUNT = 0
            MD = 11
            """)
        #expect(sink.diagnostics.isEmpty)
        #expect(sink.vectors.first.flatMap(monteCarlo)?.style == style)
    }

    @Test func traceFileStepsAndCheckpoints() throws {
        // The start of CAVP SHA1Monte.txt (steps i = 4...6 left out), then a made-up second checkpoint.
        let text = """
            [L = 20]

            Seed = dd4df644eaf3d85bace2b21accaa22b28821f5cd

            COUNT = 0
            	i = 3
            	M = dd4df644eaf3d85bace2b21accaa22b28821f5cddd4df644eaf3d85bace2b21accaa22b28821f5cddd4df644eaf3d85bace2b21accaa22b28821f5cd
            	MDi = fad70ef04bffd4f500831feab8992dea8b0a14ea

            	i = 7
            	M = 7e6465959a5d1f49533b50975f67e572a76ad4b90d3d06d290386018ef2aeafe6aaea06be0c99fea34c9fbd8d47a52c096c55c9c280afee9d62c0574
            	MDi = 65eb9d58f24339c1261fd19a99f90bb75db78f47
            MD = 11f5c38b4479d4ad55cb69fadf62de0b036d5163

            COUNT = 1
            	i = 3
            	M = 00
            	MDi = 01
            MD = 5c26de848c21586bec36995809cb02d3677423d9

            COUNT = 2
            	i = 3
            	M = 02
            	MDi = 03
            MD = ?
            """
        let sink = try parseNIST(.monteCarloTrace, "SHA1", text, name: "SHA1Monte.txt")
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        #expect(
            sink.vectors.map(\.id) == [
                "i=3", "i=7", "checkpoint at line 13", "i=3", "checkpoint at line 19", "i=3", "checkpoint at line 25",
            ])
        try #require(sink.vectors.count == 7)
        #expect(digestParts(sink.vectors[0])?.message.count == 60)
        #expect(expectedOutput(sink.vectors[0]) == bytes("fad70ef04bffd4f500831feab8992dea8b0a14ea"))
        #expect(sink.vectors[0].provenance.line == 5)
        let c0 = try #require(monteCarlo(sink.vectors[2]))
        #expect(c0.seed == bytes("dd4df644eaf3d85bace2b21accaa22b28821f5cd"))
        #expect(c0.style == .sha2)
        #expect(expectedOutput(sink.vectors[2]) == bytes("11f5c38b4479d4ad55cb69fadf62de0b036d5163"))
        #expect(sink.vectors[2].provenance.line == 13)
        let c1 = try #require(monteCarlo(sink.vectors[4]))
        #expect(c1.seed == bytes("11f5c38b4479d4ad55cb69fadf62de0b036d5163"))
        // 'MD = ?' is a checkpoint the corpus does not give: counted, marked unsupported.
        #expect(sink.vectors[6].unsupported.count == 1)
    }

    // BAD input

    @Test func shakeMonteWithoutHeadersIsADiagnostic() throws {
        let sink = try parseNIST(
            .monteCarlo, "SHAKE128",
            """
            Msg = c8b310cb97efa3855434998fa81c7674

            COUNT = 0
            Output = 0102
            """)
        #expect(sink.vectors.isEmpty)
        try #require(sink.diagnostics.count == 1)
        #expect(sink.diagnostics[0].line == 3)
    }

    @Test func checkpointBeforeSeedIsADiagnosticAndRunContinues() throws {
        let sink = try parseNIST(
            .monteCarlo, "SHA1",
            """
            COUNT = 0
            MD = 00

            Seed = 11

            COUNT = 0
            MD = 22
            """)
        try #require(sink.diagnostics.count == 1)
        #expect(sink.diagnostics[0].line == 1)
        #expect(sink.diagnostics[0].message.contains("before any Seed"))
        try #require(sink.vectors.count == 1)
        #expect(monteCarlo(sink.vectors[0])?.seed == [0x11])
    }

    @Test func nonHexCheckpointIsADiagnosticAtItsLine() throws {
        let sink = try parseNIST(
            .monteCarlo, "SHA1",
            """
            Seed = 11

            COUNT = 0
            MD = 2g
            """)
        #expect(sink.vectors.isEmpty)
        #expect(sink.diagnostics.map(\.line) == [4])
    }
}

// MARK: - NIST HMAC records

@Suite struct NISTHMACTests {
    @Test func parsesRFC2202Records() throws {
        let sink = try parseNIST(
            .hmac, "MD5",
            """
            # 2. Test Cases for HMAC-MD5

            Len = 64
            Key = 0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b
            # "Hi There"
            Msg = 4869205468657265
            MD = 9294727a3638bb1c13f48ef8158bfc9d

            Len = 224
            # "Jefe"
            Key = 4a656665
            # "what do ya want for nothing?"
            Msg = 7768617420646f2079612077616e7420666f72206e6f7468696e673f
            MD = 750c783e6ab0b503eaa86e310a5db738
            """)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        try #require(sink.vectors.count == 2)
        let v = sink.vectors[0]
        #expect(v.algorithm == "HMAC")
        #expect(v.displayName == "HMAC-MD5")
        #expect(v.provenance.line == 3)
        let m = try #require(macInput(v))
        #expect(m.mac == "HMAC")
        #expect(m.underlying == "MD5")
        #expect(m.key == [UInt8](repeating: 0x0b, count: 16))
        #expect(m.message.bytes == ascii("Hi There"))
        #expect(m.tagLength == nil)
        #expect(expectedOutput(v) == bytes("9294727a3638bb1c13f48ef8158bfc9d"))
        let m2 = try #require(macInput(sink.vectors[1]))
        #expect(m2.key == ascii("Jefe"))
        #expect(m2.message.bytes == ascii("what do ya want for nothing?"))
    }

    @Test func missingKeyIsADiagnosticAndRunContinues() throws {
        let sink = try parseNIST(
            .hmac, "SHA256",
            """
            Len = 64
            Msg = 4869205468657265
            MD = 00

            Len = 0
            Key = 00
            Msg = 00
            MD = 11
            """)
        try #require(sink.diagnostics.count == 1)
        #expect(sink.diagnostics[0].line == 1)
        #expect(sink.diagnostics[0].message.contains("Key"))
        #expect(sink.vectors.count == 1)
        #expect(sink.vectors.first?.provenance.line == 5)
    }

    @Test func nonHexKeyIsADiagnosticAtTheKeyLine() throws {
        let sink = try parseNIST(
            .hmac, "SHA256",
            """
            Len = 0
            Key = 0x0b
            Msg = 00
            MD = 11
            """)
        #expect(sink.vectors.isEmpty)
        #expect(sink.diagnostics.map(\.line) == [2])
    }
}

// MARK: - evp_test stanzas

@Suite struct EVPTestParserTests {
    static let sha256abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"

    @Test func digestStanzaWithQuotedInput() throws {
        let sink = try parseEVP(
            """
            # comment
            Title = SHA-256 tests

            Digest = SHA256
            Input = "abc"
            Output = \(Self.sha256abc)
            """)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        let v = try #require(sink.vectors.first)
        #expect(sink.vectors.count == 1)
        #expect(v.algorithm == "SHA256")
        #expect(v.id == "line 4")
        #expect(v.provenance.line == 4)
        #expect(v.provenance.file == "evp.txt")
        let d = try #require(digestParts(v))
        #expect(d.message.bytes == ascii("abc"))
        #expect(d.outputLength == 32)
        #expect(expectedOutput(v) == bytes(Self.sha256abc))
        #expect(v.unsupported.isEmpty)
        #expect(v.flags.isEmpty)
    }

    @Test func quotedStringWithNewlineEscape() throws {
        let sink = try parseEVP(
            """
            Digest = SHA1
            Input = "a\\nb"
            Output = 00
            """)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        let d = try #require(sink.vectors.first.flatMap(digestParts))
        #expect(d.message.bytes == [0x61, 0x0a, 0x62])
    }

    @Test func badEscapeIsADiagnostic() throws {
        let sink = try parseEVP(
            """
            Digest = SHA1
            Input = "a\\tb"
            Output = 00
            """)
        #expect(sink.vectors.isEmpty)
        #expect(sink.diagnostics.map(\.line) == [2])
    }

    @Test func emptyAndHexInputs() throws {
        let sink = try parseEVP(
            """
            Digest = SHA1
            Input = ""
            Output = 00

            Digest = SHA1
            Output = 00

            Digest = SHA1
            Input = 61:62:63
            Output = 00
            """)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        #expect(sink.vectors.compactMap(digestParts).map(\.message.bytes) == [[], [], ascii("abc")])
    }

    @Test func ncopyAndCount() throws {
        let sink = try parseEVP(
            """
            Digest = SHA1
            Input = "a"
            Ncopy = 3
            Count = 2
            Output = 00
            """)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        let d = try #require(sink.vectors.first.flatMap(digestParts))
        #expect(d.message.count == 6)
        #expect(d.message.bytes == [UInt8](repeating: UInt8(ascii: "a"), count: 6))
        #expect(d.message.chunks == [Message.Chunk(ascii("aaa"), count: 2)])
    }

    @Test func countBeforeInputIsADiagnostic() throws {
        let sink = try parseEVP(
            """
            Digest = SHA1
            Count = 2
            Output = 00
            """)
        #expect(sink.vectors.isEmpty)
        #expect(sink.diagnostics.map(\.line) == [2])
    }

    @Test func availableinPrefixGoesToFlags() throws {
        let sink = try parseEVP(
            """
            Availablein = legacy
            Digest = MD4
            Input = ""
            Output = 31d6cfe0d16ae931b73c59d7e0c089c0
            """)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        let v = try #require(sink.vectors.first)
        #expect(v.algorithm == "MD4")
        #expect(v.flags == ["Availablein=legacy"])
        #expect(v.unsupported.isEmpty)
        // The stanza's test line is its Digest line.
        #expect(v.provenance.line == 2)
    }

    @Test func macStanza() throws {
        let sink = try parseEVP(
            """
            MAC = HMAC
            Algorithm = SHA256
            Key = 4a656665
            Input = "what do ya want for nothing?"
            Output = 5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843
            OutputSize = 32
            BlockSize = 64
            """)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        let v = try #require(sink.vectors.first)
        #expect(v.algorithm == "HMAC")
        #expect(v.displayName == "HMAC-SHA256")
        let m = try #require(macInput(v))
        #expect(m.mac == "HMAC")
        #expect(m.underlying == "SHA256")
        #expect(m.key == ascii("Jefe"))
        #expect(m.message.bytes == ascii("what do ya want for nothing?"))
        #expect(m.expectedOutputSize == 32)
        #expect(m.expectedBlockSize == 64)
        #expect(expectedOutput(v) == bytes("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"))
    }

    @Test func macStanzaParameters() throws {
        let sink = try parseEVP(
            """
            MAC = BLAKE2BMAC
            Key = 0001
            Custom = "app"
            Salt = 0a0b
            Ctrl = size:32
            Input = ""
            Output = 00

            MAC = KMAC128
            Key = 40414243
            XOF = 1
            Ctrl = hexcustom:6162
            Input = ""
            Output = 00

            MAC = SipHash by EVP_PKEY
            Ctrl = digestsize:8
            Key = 000102030405060708090A0B0C0D0E0F
            Input = ""
            Output = 00
            """)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        try #require(sink.vectors.count == 3)
        let blake = try #require(macInput(sink.vectors[0]))
        #expect(
            blake.parameters == [
                KDFParameter("custom", .bytes(ascii("app"))), KDFParameter("salt", .bytes([0x0a, 0x0b])),
                KDFParameter("size", .text("32")),
            ])
        #expect(sink.vectors[0].unsupported.isEmpty)
        let kmac = try #require(macInput(sink.vectors[1]))
        #expect(kmac.parameters == [KDFParameter("xof", .text("1")), KDFParameter("custom", .bytes(ascii("ab")))])
        // EVP_PKEY's `digestsize` control is EVP_MAC's `size`.
        let sip = try #require(macInput(sink.vectors[2]))
        #expect(sip.mac == "SipHash")
        #expect(sip.parameters == [KDFParameter("size", .text("8"))])
    }

    @Test func resultGivesExpectedFailure() throws {
        let sink = try parseEVP(
            """
            MAC = HMAC
            Algorithm = SHAKE128
            Input = "Test that SHAKE128 fails"
            Result = MAC_INIT_ERROR
            Key = 000102030405060708090a0b0c0d0e0f
            """)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        let v = try #require(sink.vectors.first)
        #expect(v.expected == .failure("MAC_INIT_ERROR"))
    }

    @Test func unknownKeywordIsListedAsUnsupported() throws {
        let sink = try parseEVP(
            """
            Digest = SHA1
            Input = "abc"
            Frobnicate = 1
            Output = a9993e364706816aba3e25717850c26c9cd0d89d
            """)
        #expect(sink.diagnostics.isEmpty)
        let v = try #require(sink.vectors.first)
        #expect(v.unsupported == ["keyword Frobnicate"])
    }

    /// Stanza kinds the harness does not run yet (KEM) still become vectors, so they are counted.
    @Test func unrunStanzaKindIsAnUnsupportedOperation() throws {
        let sink = try parseEVP(
            """
            KDF = HKDF
            Ctrl.digest = digest:SHA256
            Ctrl.IKM = hexkey:0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b
            Output = 3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865

            KEM = RSA-2048
            Input = "abc"
            Result = KEYOP_ERROR
            """)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        try #require(sink.vectors.count == 2)
        #expect(sink.vectors[0].algorithm == "HKDF")
        // KDF stanzas are read as KDF cases; `Ctrl.IKM = hexkey:…` is the `key` parameter in hex.
        let ikm = [UInt8](repeating: 0x0b, count: 22)
        #expect(
            sink.vectors[0].operation
                == .kdf(
                    KDFInput(
                        kdf: "HKDF",
                        parameters: [
                            KDFParameter("digest", .text("SHA256")),
                            KDFParameter("key", .bytes(ikm)),
                        ], outputLength: 42)))
        #expect(sink.vectors[1].operation == .unsupported("KEM tests"))
        #expect(sink.vectors[1].expected == .failure("KEYOP_ERROR"))
    }

    /// `PKEYKDF` stanzas (evppkey_kdf_*.txt) are the same KDF cases, their `md` control being
    /// the KDF's `digest`; `Result = KDF_MISMATCH` is an output that must differ.
    @Test func pkeyKDFStanzaIsAKDFCase() throws {
        let sink = try parseEVP(
            """
            PKEYKDF = TLS1-PRF
            Ctrl.md = md:SHA256
            Ctrl.Secret = hexsecret:01
            Ctrl.label = seed:ab
            Ctrl.client_random = hexseed:02
            Output = 03

            KDF = SSHKDF
            Ctrl.type = type:A
            Output = FF
            Result = KDF_MISMATCH
            """)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        try #require(sink.vectors.count == 2)
        #expect(
            sink.vectors[0].operation
                == .kdf(
                    KDFInput(
                        kdf: "TLS1-PRF",
                        parameters: [
                            KDFParameter("digest", .text("SHA256")), KDFParameter("secret", .bytes([1])),
                            KDFParameter("seed", .text("ab")), KDFParameter("seed", .bytes([2])),
                        ], outputLength: 1)))
        #expect(sink.vectors[0].expected == .output([3]))
        #expect(sink.vectors[1].expected == .verification(tag: [0xFF], verdict: .invalid))
    }

    /// A `Cipher` stanza is read as one cipher vector named by its cipher; without an
    /// `Operation` line it is checked both ways.
    @Test func cipherStanzaIsOneVector() throws {
        let sink = try parseEVP(
            """
            Cipher = AES-128-CBC
            Key = 2b7e151628aed2a6abf7158809cf4f3c
            IV = 000102030405060708090a0b0c0d0e0f
            Plaintext = 6bc1bee22e409f96e93d7e117393172a
            Ciphertext = 7649abac8119b246cee98e9b12e9197d
            """)
        #expect(sink.diagnostics.isEmpty)
        try #require(sink.vectors.count == 1)
        let v = sink.vectors[0]
        #expect(v.algorithm == "AES-128-CBC")
        #expect(v.provenance.line == 1)
        #expect(
            v.operation
                == .cipher(
                    CipherInput(
                        cipher: "AES-128-CBC", key: bytes("2b7e151628aed2a6abf7158809cf4f3c"),
                        iv: bytes("000102030405060708090a0b0c0d0e0f"),
                        plaintext: bytes("6bc1bee22e409f96e93d7e117393172a"),
                        ciphertext: bytes("7649abac8119b246cee98e9b12e9197d"), direction: .both)))
    }

    @Test func privateKeyWithPEMBlockIsSkipped() throws {
        let sink = try parseEVP(
            """
            PrivateKey = RSA-512
            -----BEGIN PRIVATE KEY-----
            MIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEAqPfgaTEWEP3S9w0t
            gsicURfo+nLW09/0KfOPinhYZ4ouzU+3xC4pSlEp8Ut9FgL0AgqNslNaK34Kq+NZ
            jO9DAQIDAQABAkAgkuLEHLaqkWhLgNKagSajeobLS3rPT0Agm0f7k55FXVt743hw
            Ngkp98bMNrzy9AQ1mJGbQZGrpr4c8ZAx3aRNAiEAoxK/MgGeeLui385KJ7ZOYktj
            hLBNAB69fKwTZFsUNh0CIQEJQRpFCcydunv2bENcN/oBTRw39E8GNv2pIcNxZkcb
            NQIgbYSzn3Py6AasNj6nEtCfB+i1p3F35TK/87DlPSrmAgkCIQDJLhFoj1gbwRbH
            /bDRPrtlRUDDx44wHoEhSDRdy77eiQIgE6z/k6I+ChN1LLttwX0galITxmAYrOBh
            BVl433tgTTQ=
            -----END PRIVATE KEY-----

            Digest = SHA256
            Input = "abc"
            Output = \(Self.sha256abc)
            """)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        try #require(sink.vectors.count == 1)
        #expect(sink.vectors[0].algorithm == "SHA256")
        #expect(sink.vectors[0].provenance.line == 13)
    }

    @Test func pemBlockWithoutEndIsADiagnostic() throws {
        let sink = try parseEVP(
            """
            PrivateKey = K
            -----BEGIN PRIVATE KEY-----
            AAAA
            """)
        #expect(sink.vectors.isEmpty)
        #expect(sink.diagnostics.map(\.line) == [1])
    }

    // BAD input

    @Test func nonHexOutputIsADiagnosticAtThatLine() throws {
        let sink = try parseEVP(
            """
            Digest = SHA256
            Input = "abc"
            Output = ba7816bz

            Digest = SHA256
            Input = "abc"
            Output = \(Self.sha256abc)
            """)
        try #require(sink.diagnostics.count == 1)
        #expect(sink.diagnostics[0].line == 3)
        #expect(sink.diagnostics[0].description.hasPrefix("evp.txt:3: Output"))
        try #require(sink.vectors.count == 1)
        #expect(sink.vectors[0].provenance.line == 5)
    }

    @Test func truncatedStanzaAtEndOfFileIsMissingOutput() throws {
        let sink = try parseEVP(
            """
            Digest = SHA1
            Input = "abc"
            Output = a9993e364706816aba3e25717850c26c9cd0d89d

            Digest = SHA256
            Input = "abc"
            """)
        #expect(sink.vectors.count == 1)
        try #require(sink.diagnostics.count == 1)
        #expect(sink.diagnostics[0].line == 5)
        #expect(sink.diagnostics[0].message.contains("missing Output"))
    }

    @Test func lineWithoutEqualsIsADiagnosticAndNextStanzaIsParsed() throws {
        let sink = try parseEVP(
            """
            Digest = SHA256
            Input "abc"
            Output = \(Self.sha256abc)

            Digest = SHA1
            Input = "abc"
            Output = a9993e364706816aba3e25717850c26c9cd0d89d
            """)
        try #require(sink.diagnostics.count == 1)
        #expect(sink.diagnostics[0].line == 2)
        #expect(sink.diagnostics[0].message.contains("'='"))
        // The broken stanza is dropped whole; the next one is read.
        try #require(sink.vectors.count == 1)
        #expect(sink.vectors[0].algorithm == "SHA1")
        #expect(sink.vectors[0].provenance.line == 5)
    }

    @Test func unknownStanzaKindIsADiagnostic() throws {
        let sink = try parseEVP(
            """
            Frobnicate = 1
            Input = "abc"
            """)
        #expect(sink.vectors.isEmpty)
        #expect(sink.diagnostics.map(\.line) == [1])
    }

    @Test func macWithoutKeyIsADiagnostic() throws {
        let sink = try parseEVP(
            """
            MAC = HMAC
            Algorithm = SHA1
            Input = "abc"
            Output = 00
            """)
        #expect(sink.vectors.isEmpty)
        #expect(sink.diagnostics.map(\.line) == [1])
    }

    @Test func crlfStanzas() throws {
        let sink = try parseEVP(
            "Digest = SHA1\r\nInput = \"abc\"\r\nOutput = a9993e364706816aba3e25717850c26c9cd0d89d\r\n\r\nDigest = SHA1\r\nInput = \"\"\r\nOutput = 00\r\n"
        )
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        #expect(sink.vectors.map(\.provenance.line) == [1, 5])
        #expect(sink.vectors.first.flatMap(digestParts)?.message.bytes == ascii("abc"))
    }
}

// MARK: - Wycheproof

@Suite struct WycheproofParserTests {
    static let macJSON = """
        {
          "algorithm" : "HMACSHA256",
          "schema" : "mac_test_schema.json",
          "numberOfTests" : 3,
          "testGroups" : [
            {
              "keySize" : 32,
              "tagSize" : 128,
              "type" : "MacTest",
              "tests" : [
                {
                  "tcId" : 1,
                  "comment" : "valid",
                  "flags" : [],
                  "key" : "4a656665",
                  "msg" : "7768617420646f2079612077616e7420666f72206e6f7468696e673f",
                  "tag" : "5bdcc146bf60754e6a042426089575c7",
                  "result" : "valid"
                },
                {
                  "tcId" : 2,
                  "comment" : "modified",
                  "flags" : ["ModifiedTag"],
                  "key" : "4a656665",
                  "msg" : "",
                  "tag" : "dbdcc146bf60754e6a042426089575c7",
                  "result" : "invalid"
                },
                {
                  "tcId" : 3,
                  "comment" : "acceptable",
                  "flags" : ["Pseudorandom", "Other"],
                  "key" : "",
                  "msg" : "00",
                  "tag" : "00112233445566778899aabbccddeeff",
                  "result" : "acceptable"
                }
              ]
            }
          ]
        }
        """

    @Test func macSchema() throws {
        let sink = try parseWycheproof(Self.macJSON)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        try #require(sink.vectors.count == 3)
        #expect(sink.vectors.map(\.id) == ["tcId 1", "tcId 2", "tcId 3"])
        let lines = [1, 2, 3].compactMap { lineOf("\"tcId\" : \($0),", in: Self.macJSON) }
        #expect(lines == [12, 21, 30])
        #expect(sink.vectors.map(\.provenance.line) == lines)
        #expect(sink.vectors.allSatisfy { $0.provenance.corpus == "wp" && $0.provenance.file == "w.json" })

        let v1 = sink.vectors[0]
        #expect(v1.algorithm == "HMAC")
        #expect(v1.displayName == "HMAC-SHA256")
        let m1 = try #require(macInput(v1))
        #expect(m1.mac == "HMAC")
        #expect(m1.underlying == "SHA256")
        #expect(m1.tagLength == 16)
        #expect(m1.key == ascii("Jefe"))
        #expect(m1.message.bytes == ascii("what do ya want for nothing?"))
        #expect(v1.expected == .verification(tag: bytes("5bdcc146bf60754e6a042426089575c7"), verdict: .valid))
        #expect(v1.flags == [])

        #expect(
            sink.vectors[1].expected == .verification(tag: bytes("dbdcc146bf60754e6a042426089575c7"), verdict: .invalid)
        )
        #expect(sink.vectors[1].flags == ["ModifiedTag"])
        #expect(macInput(sink.vectors[1])?.message.count == 0)

        if case .verification(_, let verdict) = sink.vectors[2].expected {
            #expect(verdict == .acceptable)
        } else {
            Issue.record("not a verification")
        }
        #expect(sink.vectors[2].flags == ["Pseudorandom", "Other"])
        #expect(macInput(sink.vectors[2])?.key == [])
    }

    @Test func hmacAlgorithmNames() {
        #expect(WycheproofParser.hmacDigest("HMACSHA256") == "SHA256")
        #expect(WycheproofParser.hmacDigest("HMACSHA3-256") == "SHA3-256")
        #expect(WycheproofParser.hmacDigest("HMACSHA512/224") == "SHA512-224")
        #expect(WycheproofParser.hmacDigest("HMAC") == nil)
        #expect(WycheproofParser.hmacDigest("AES-CMAC") == nil)
    }

    @Test func unknownSchemaGivesOneUnsupportedVectorPerTest() throws {
        let sink = try parseWycheproof(
            """
            {
              "algorithm" : "ECDSA",
              "schema" : "ecdsa_bitcoin_verify_schema.json",
              "testGroups" : [
                { "ivSize" : 96, "tests" : [
                  { "tcId" : 1, "result" : "valid", "flags" : [] },
                  { "tcId" : 2, "result" : "invalid", "flags" : ["ModifiedTag"] }
                ] },
                { "ivSize" : 64, "tests" : [
                  { "tcId" : 3, "result" : "acceptable", "flags" : ["SmallIv"] }
                ] }
              ]
            }
            """)
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
        try #require(sink.vectors.count == 3)
        #expect(sink.vectors.map(\.id) == ["tcId 1", "tcId 2", "tcId 3"])
        #expect(sink.vectors.map(\.provenance.line) == [6, 7, 10])
        for v in sink.vectors {
            #expect(v.operation == .unsupported("Wycheproof schema ecdsa_bitcoin_verify_schema.json"))
            #expect(v.algorithm == "ECDSA")
        }
        #expect(sink.vectors[2].flags == ["SmallIv"])
    }

    // BAD input

    @Test func malformedJSONIsADiagnostic() throws {
        let sink = try parseWycheproof("{ \"algorithm\" : \"HMACSHA256\", \"testGroups\" : [ ")
        #expect(sink.vectors.isEmpty)
        try #require(sink.diagnostics.count == 1)
        #expect(sink.diagnostics[0].message.contains("not valid JSON"))
        #expect(sink.diagnostics[0].file == "w.json")
    }

    @Test func missingTestGroupsIsADiagnostic() throws {
        let sink = try parseWycheproof("{ \"algorithm\" : \"HMACSHA256\" }")
        #expect(sink.vectors.isEmpty)
        #expect(sink.diagnostics.count == 1)
    }

    @Test func nonHexKeyNamesTheTcIdAndOthersStillParse() throws {
        let bad = Self.macJSON.replacingOccurrences(
            of: "\"key\" : \"4a656665\",\n          \"msg\" : \"\"",
            with: "\"key\" : \"4a6566zz\",\n          \"msg\" : \"\"")
        try #require(bad != Self.macJSON)
        let sink = try parseWycheproof(bad)
        try #require(sink.diagnostics.count == 1)
        let d = sink.diagnostics[0]
        #expect(d.message.contains("tcId 2"))
        #expect(d.message.contains("key"))
        #expect(d.line == 21)
        #expect(d.description.hasPrefix("w.json:21: "))
        #expect(sink.vectors.map(\.id) == ["tcId 1", "tcId 3"])
    }

    @Test func badResultAndTagSizeAreDiagnostics() throws {
        let sink = try parseWycheproof(
            """
            {
              "algorithm" : "HMACSHA1",
              "schema" : "mac_test_schema.json",
              "testGroups" : [
                { "tagSize" : 160, "tests" : [
                  { "tcId" : 1, "key" : "", "msg" : "", "tag" : "", "result" : "maybe", "flags" : [] }
                ] },
                { "tagSize" : 12, "tests" : [
                  { "tcId" : 2, "key" : "", "msg" : "", "tag" : "", "result" : "valid", "flags" : [] }
                ] }
              ]
            }
            """)
        #expect(sink.vectors.isEmpty)
        #expect(sink.diagnostics.map(\.line) == [6, 9])
    }

    @Test func missingFileIsADiagnostic() {
        let sink = CollectingSink()
        WycheproofParser(corpus: "wp").parse(
            path: "/nonexistent-\(UUID().uuidString).json", displayPath: "x.json", into: sink)
        #expect(sink.diagnostics.count == 1)
        #expect(sink.diagnostics.first?.line == 0)
    }
}

// MARK: - Manifest and Glob

@Suite struct ManifestTests {
    static let text = """
        # A test manifest
        corpus demo
        root   cache:demo/root

        # pattern                    operation   format      algorithm
        hashes/SHA1/SHA1*Msg.rsp     digest      nist        SHA1
        hashes/**/Readme.txt         ignore      -           notes, not vectors   # trailing comment
        hashes/SHA1/*.rsp            digest-mct  nist        SHA1
        wycheproof/*.json            auto        wycheproof  -
        HMAC/rfc-2202-md5.txt        hmac        nist        MD5
        """

    private func load(_ text: String) throws -> (Manifest, String, VectorsTempDir) {
        let dir = try VectorsTempDir()
        let path = try dir.write("demo.manifest", text)
        return (try Manifest.load(path: path), path, dir)
    }

    private func loadError(_ text: String) throws -> (String, String) {
        let dir = try VectorsTempDir()
        defer { dir.remove() }
        let path = try dir.write("bad.manifest", text)
        do {
            _ = try Manifest.load(path: path)
            return ("<no error>", path)
        } catch {
            return ("\(error)", path)
        }
    }

    @Test func loadsDirectivesAndEntries() throws {
        let (m, path, dir) = try load(Self.text)
        defer { dir.remove() }
        #expect(m.corpus == "demo")
        #expect(m.root == "cache:demo/root")
        #expect(m.path == path)
        #expect(m.entries.count == 5)
        #expect(m.entries.map(\.line) == [6, 7, 8, 9, 10])
        #expect(m.entries[1].operation == "ignore")
        #expect(m.entries[1].format == "-")
        #expect(m.entries[1].algorithm == "notes, not vectors")
        #expect(m.entries[3].format == "wycheproof")
        #expect(m.entries[4].operation == "hmac")
    }

    @Test func entryForPathUsesTrailingComponents() throws {
        let (m, _, dir) = try load(Self.text)
        defer { dir.remove() }
        let hit = try #require(m.entry(forPath: "/home/u/.cache/demo/root/hashes/SHA1/SHA1ShortMsg.rsp"))
        #expect(hit.entry.line == 6)
        #expect(hit.relative == "hashes/SHA1/SHA1ShortMsg.rsp")
        let rel = try #require(m.entry(forPath: "hashes/SHA1/SHA1LongMsg.rsp"))
        #expect(rel.entry.line == 6)
        let w = try #require(m.entry(forPath: "/x/y/wycheproof/hmac_sha256_test.json"))
        #expect(w.entry.line == 9)
        #expect(w.relative == "wycheproof/hmac_sha256_test.json")
        #expect(m.entry(forPath: "/x/y/unmapped/file.txt") == nil)
        #expect(m.entry(forPath: "") == nil)
        #expect(m.entry(forPath: "/") == nil)
    }

    @Test func firstMatchWins() throws {
        let (m, _, dir) = try load(Self.text)
        defer { dir.remove() }
        // SHA1ShortMsg.rsp matches lines 6 and 8: line 6 comes first.
        #expect(m.entry(forRelativePath: "hashes/SHA1/SHA1ShortMsg.rsp")?.line == 6)
        // SHA1Monte.rsp matches only line 8.
        #expect(m.entry(forRelativePath: "hashes/SHA1/SHA1Monte.rsp")?.line == 8)
        #expect(m.entry(forRelativePath: "hashes/SHA1/SHA1Monte.rsp")?.operation == "digest-mct")
    }

    @Test func starStaysInOneSegmentDoubleStarCrosses() throws {
        let (m, _, dir) = try load(Self.text)
        defer { dir.remove() }
        #expect(m.entry(forRelativePath: "wycheproof/sub/x.json") == nil)
        #expect(m.entry(forPath: "/r/wycheproof/sub/x.json") == nil)
        #expect(m.entry(forRelativePath: "hashes/Readme.txt")?.line == 7)
        #expect(m.entry(forRelativePath: "hashes/SHA2/sub/Readme.txt")?.line == 7)
    }

    @Test func globMatching() {
        #expect(Glob.matches("a/*.txt", "a/b.txt"))
        #expect(Glob.matches("a/*.txt", "a/.txt"))
        #expect(!Glob.matches("a/*.txt", "a/b/c.txt"))
        #expect(!Glob.matches("*", "a/b"))
        #expect(Glob.matches("*", "ab"))
        #expect(Glob.matches("**", "a/b/c"))
        #expect(Glob.matches("a/**.txt", "a/b/c.txt"))
        #expect(Glob.matches("**/x.txt", "x.txt"))
        #expect(Glob.matches("**/x.txt", "a/b/x.txt"))
        #expect(!Glob.matches("**/x.txt", "a/bx.txt"))
        #expect(Glob.matches("a/**/x.txt", "a/x.txt"))
        #expect(Glob.matches("a/**/x.txt", "a/b/c/x.txt"))
        #expect(Glob.matches("SHA?.rsp", "SHA1.rsp"))
        #expect(!Glob.matches("a?b", "a/b"))
        #expect(!Glob.matches("abc", "abcd"))
        #expect(!Glob.matches("abcd", "abc"))
        #expect(Glob.matches("", ""))
        #expect(!Glob.matches("", "a"))
        #expect(Glob.matches("a*b*c", "aXbYc"))
        #expect(!Glob.matches("a*b*c", "aXbY/c"))
        #expect(Glob.matches("a**c", "aX/Y/c"))
        #expect(Glob.matches("*?", "ab"))
        #expect(!Glob.matches("*?", ""))
        #expect(Glob.matches("**/*.rsp", "ciphers/AES/GCM/gcmDecrypt128.rsp"))
        #expect(!Glob.matches("**/*.rsp", "ciphers/AES/GCM/gcmDecrypt128.txt"))
        // Many stars against a path they cannot match: the manifest fuzz target's timeout
        // (exponential backtracking before); now a table of pattern × path positions.
        let stars = "md2-rfc" + String(repeating: "*", count: 30) + "z"
        #expect(!Glob.matches(stars, "md2-rfc" + String(repeating: "x", count: 3000)))
        #expect(Glob.matches(stars, "md2-rfc" + String(repeating: "x", count: 3000) + "z"))
    }

    // BAD input

    @Test func unknownOperationFormatCombinationThrowsWithPathAndLine() throws {
        let (message, path) = try loadError(
            """
            corpus demo
            x.rsp   digest   wycheproof   SHA1
            """)
        #expect(message.hasPrefix("\(path):2: "), "\(message)")
        #expect(message.contains("digest"))
    }

    @Test func unknownOperationThrows() throws {
        let (message, path) = try loadError(
            """
            corpus demo

            x.rsp   frobnicate   nist   SHA1
            """)
        #expect(message.hasPrefix("\(path):3: "), "\(message)")
    }

    @Test func tooFewColumnsThrowsWithPathAndLine() throws {
        let (message, path) = try loadError(
            """
            # comment
            corpus demo
            x.rsp   digest   nist
            """)
        #expect(message.hasPrefix("\(path):3: "), "\(message)")
    }

    @Test func missingCorpusThrowsWithPath() throws {
        let (message, path) = try loadError(
            """
            root cache:x
            x.rsp   digest   nist   SHA1
            """)
        #expect(message.hasPrefix("\(path): "), "\(message)")
        #expect(message.contains("corpus"))
    }

    @Test func corpusWithTwoNamesThrows() throws {
        let (message, path) = try loadError("corpus a b\n")
        #expect(message.hasPrefix("\(path):1: "), "\(message)")
    }

    @Test func missingManifestFileThrows() {
        #expect(throws: (any Error).self) {
            try Manifest.load(path: "/nonexistent-\(UUID().uuidString).manifest")
        }
    }
}

// MARK: - Format sniffing

@Suite struct VectorFileReaderTests {
    @Test func sniffsFormats() throws {
        let dir = try VectorsTempDir()
        defer { dir.remove() }
        let evp = try dir.write("a.txt", "# comment\n\nDigest = SHA1\nInput = \"\"\nOutput = 00\n")
        let avail = try dir.write("b.txt", "Availablein = legacy\nDigest = MD4\n")
        let json = try dir.write("c.json", "\n  {\"a\": 1}\n")
        let nist = try dir.write("d.rsp", "[L = 20]\n\nLen = 0\n")
        #expect(VectorFileReader.sniff(path: evp) == "evp-test")
        #expect(VectorFileReader.sniff(path: avail) == "evp-test")
        #expect(VectorFileReader.sniff(path: json) == "wycheproof")
        #expect(VectorFileReader.sniff(path: nist) == nil)
        #expect(VectorFileReader.sniff(path: dir.path)?.hasPrefix("!") == true)
    }

    @Test func unmappedUnknownFormatIsADiagnostic() throws {
        let dir = try VectorsTempDir()
        defer { dir.remove() }
        let nist = try dir.write("d.rsp", "Len = 0\nMsg = 00\nMD = 00\n")
        let sink = CollectingSink()
        VectorFileReader.read(path: nist, displayPath: "d.rsp", entry: nil, corpus: "files", into: sink)
        #expect(sink.vectors.isEmpty)
        #expect(sink.diagnostics.count == 1)
        #expect(sink.diagnostics.first?.line == 0)
    }
}

// MARK: - Hex

@Suite struct HexTests {
    @Test func decodesBothCasesAndColons() throws {
        #expect(try Hex.decode("00ff10Ab") == [0x00, 0xff, 0x10, 0xab])
        #expect(try Hex.decode("DEADbeef") == [0xde, 0xad, 0xbe, 0xef])
        #expect(try Hex.decode("de:ad:be:ef") == [0xde, 0xad, 0xbe, 0xef])
        #expect(try Hex.decode("") == [])
        #expect(try Hex.decode("abcd"[...]) == [0xab, 0xcd])
    }

    @Test func encodesLowercase() {
        #expect(Hex.encode([0x00, 0xab, 0xff]) == "00abff")
        #expect(Hex.encode([UInt8]()) == "")
    }

    @Test func oddLengthThrows() {
        #expect(throws: FieldError.self) { try Hex.decode("abc") }
        let e = #expect(throws: FieldError.self) { try Hex.decode("a") }
        #expect(e?.message.contains("odd") == true)
    }

    @Test func badCharacterThrows() {
        let e = #expect(throws: FieldError.self) { try Hex.decode("0g") }
        #expect(e?.message.contains("'g'") == true)
        #expect(e?.message.contains("position 2") == true)
        #expect(throws: FieldError.self) { try Hex.decode("0x00") }
        #expect(throws: FieldError.self) { try Hex.decode("00 11") }
        #expect(throws: FieldError.self) { try Hex.decode("a:b") }
        let ctrl = #expect(throws: FieldError.self) { try Hex.decode("0\u{01}") }
        #expect(ctrl?.message.contains("0x01") == true)
    }
}

// MARK: - LineReader

@Suite struct LineReaderTests {
    @Test func readsLinesWithNumbers() throws {
        let dir = try VectorsTempDir()
        defer { dir.remove() }
        let path = try dir.write("l.txt", "one\r\ntwo\n\nfour")
        let r = try LineReader(path: path)
        #expect(r.lineNumber == 0)
        #expect(try r.next() == "one")
        #expect(try r.next() == "two")
        #expect(try r.next() == "")
        #expect(try r.next() == "four")
        #expect(r.lineNumber == 4)
        #expect(try r.next() == nil)
    }

    @Test func nonexistentPathThrows() {
        let e = #expect(throws: FieldError.self) {
            _ = try LineReader(path: "/nonexistent-\(UUID().uuidString)/file.txt")
        }
        #expect(e?.message.contains("cannot open") == true)
    }

    @Test func directoryThrows() throws {
        let dir = try VectorsTempDir()
        defer { dir.remove() }
        let e = #expect(throws: FieldError.self) {
            _ = try LineReader(path: dir.path)
        }
        #expect(e?.message.contains("directory") == true)
    }
}
