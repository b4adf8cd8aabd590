import Foundation
import Testing

@testable import Vectors

#if canImport(Glibc)
import Glibc
#endif

// Hostile vector files (issue 12): each must give `file:line: what is wrong` or a skip with a
// reason, never a trap, a hang or an allocation sized by a field of the file.

private func run(_ text: String, name: String, entry kind: NISTParser.Kind? = nil, algorithm: String = "")
    throws -> CollectingSink
{
    let dir = try VectorsTempDir()
    defer { dir.remove() }
    let path = try dir.write(name, text)
    let sink = CollectingSink()
    if let kind {
        NISTParser(kind: kind, algorithm: algorithm, corpus: "test").parse(path: path, displayPath: name, into: sink)
    } else {
        VectorFileReader.read(path: path, displayPath: name, entry: nil, corpus: "test", into: sink)
    }
    return sink
}

private func clock<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = Date()
    let r = try body()
    return (r, Date().timeIntervalSince(start))
}

@Suite("Hostile vector files")
struct HostileFileTests {
    @Test("CCM Plen near Int.max: an error at the record, no overflow trap")
    func ccmLengthOverflow() throws {
        let text = """
            [Alen = 0]
            [Tlen = 4]
            [Nlen = 7]
            Plen = 9223372036854775807
            Key = 00000000000000000000000000000000

            Count = 0
            Nonce = 00000000000000
            Adata = 00
            Payload = 00
            CT = 0000000000

            """
        let sink = try run(text, name: "ccm.rsp", entry: .ccm, algorithm: "AES-{keybits}-CCM")
        #expect(sink.vectors.isEmpty)
        #expect(sink.diagnostics.count == 1)
        #expect(sink.diagnostics.first?.line == 7)
        #expect(sink.diagnostics.first?.message.contains("overflows") == true)
    }

    @Test("A line that is not UTF-8: an error at that line, not a silently repaired password")
    func invalidUTF8() throws {
        let dir = try VectorsTempDir()
        defer { dir.remove() }
        let path = try dir.write("pbe.txt", "")
        var bytes = Array("Digest = SHA256\nInput = 616263\nOutput = 00\n\nKDF = PBKDF2\nCtrl.pass = pass:pa".utf8)
        bytes += [0xF0, 0xF0, 0x28]
        bytes += Array("ssword\nOutput = 00\n".utf8)
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        let sink = CollectingSink()
        VectorFileReader.read(path: path, displayPath: "pbe.txt", entry: nil, corpus: "test", into: sink)
        #expect(sink.vectors.count == 1)
        #expect(sink.diagnostics.count == 1)
        #expect(sink.diagnostics.first?.line == 6)
        #expect(sink.diagnostics.first?.message.contains("not valid UTF-8 (byte 20)") == true)
        #expect(LineReader.firstInvalidUTF8(Array("héllo".utf8)) == nil)
        #expect(LineReader.firstInvalidUTF8([0x61, 0xC3]) == 1)
        #expect(LineReader.firstInvalidUTF8([0xED, 0xA0, 0x80]) == 0)  // a surrogate
    }

    @Test("evp_test Ncopy: no overflow trap, no allocation of Ncopy × Input")
    func evpNcopy() throws {
        let overflow = """
            Digest = SHA256
            Input = 6162636465666768
            Ncopy = 9223372036854775807
            Output = 00

            Digest = SHA256
            Input = 61
            Ncopy = 99999999999
            Output = 00

            """
        let sink = try run(overflow, name: "evp.txt")
        #expect(sink.diagnostics.isEmpty)
        #expect(sink.vectors.count == 2)
        for v in sink.vectors {
            // The message is described, not built: its cost is what the engine limits.
            guard case .digest(let m, _) = v.operation else {
                Issue.record("not a digest")
                continue
            }
            #expect(m.chunks.allSatisfy { $0.bytes.count <= 8 })
            #expect(CostLimit.default.excess(v.cost)?.hasPrefix("cost above limit (") == true)
        }
        // An ordinary Ncopy is still copied (OpenSSL's evp_test feeds it as one buffer).
        let small = try run("Digest = SHA1\nInput = 61\nNcopy = 3\nOutput = 00\n", name: "small.txt")
        if case .digest(let m, _)? = small.vectors.first?.operation {
            #expect(m.chunks.map(\.bytes) == [Array("aaa".utf8)])
        } else {
            Issue.record("no vector")
        }
    }

    @Test("Fields that size allocations or work: skipped above the cost limit, with the reason")
    func costSizedFields() throws {
        // RC4 keystream offsets of 2^63-1 and 3·10^9 bytes.
        for offset in ["9223372036854775807", "3000000000"] {
            let sink = try run(
                "COUNT = 0\nKEY = 0102030405\nOFFSET = \(offset)\nPLAINTEXT = 00\nCIPHERTEXT = 00\n",
                name: "rc4.txt", entry: .cipher, algorithm: "RC4")
            let v = try #require(sink.vectors.first)
            let reason = try #require(CostLimit.default.excess(v.cost))
            #expect(reason.hasPrefix("cost above limit (") && reason.contains("memory"))
        }
        // SHAKE Monte Carlo with a Maximum Output Length of 2^63-1 bits.
        let shake = """
            [Minimum Output Length (bits) = 128]
            [Maximum Output Length (bits) = 9223372036854775807]

            Msg = 00112233445566778899aabbccddeeff

            COUNT = 0
            Outputlen = 128
            Output = 00112233445566778899aabbccddeeff

            """
        let mct = try run(shake, name: "SHAKE128Monte.rsp", entry: .monteCarlo, algorithm: "SHAKE128")
        let v = try #require(mct.vectors.first)
        #expect(CostLimit.default.excess(v.cost)?.hasPrefix("cost above limit (") == true)
        // Iteration counts and scrypt N.
        let kdf = try run(
            "COUNT = 0\nPASSWORD = p\nSALT = s\nITERATIONS = 9223372036854775807\nDERIVED_KEY = 00\n",
            name: "pbkdf2.txt", entry: .kdf, algorithm: "PBKDF2:SHA1")
        #expect(CostLimit.default.excess(try #require(kdf.vectors.first).cost) != nil)
        let scrypt = try run(
            "COUNT = 0\nPASSWORD = p\nSALT = s\nN = 4294967296\nR = 8\nP = 1\nDERIVED_KEY = 00\n",
            name: "scrypt.txt", entry: .kdf, algorithm: "SCRYPT")
        // Its V array (512 GiB) is above scrypt's default maxmem_bytes (1025 MiB): scrypt refuses
        // it before allocating anything, so it costs nothing and runs to that refusal.
        let refused = try #require(scrypt.vectors.first).cost
        #expect(CostLimit.default.excess(refused) == nil && refused.memory < 1 << 20)
        // With maxmem_bytes raised, the same N would allocate: skipped above the memory limit.
        let raised = try run(
            "KDF = scrypt\nCtrl.pass = pass:p\nCtrl.salt = salt:s\nCtrl.N = n:4294967296\nCtrl.r = r:8\n"
                + "Ctrl.p = p:1\nCtrl.maxmem_bytes = maxmem_bytes:9223372036854775807\nOutput = 00\n",
            name: "scrypt-evp.txt", entry: nil, algorithm: "SCRYPT")
        #expect(CostLimit.default.excess(try #require(raised.vectors.first).cost)?.contains("memory") == true)
    }

    @Test("The default limit lets the largest real vectors run (scrypt N=2^20 r=8, PBKDF2 2^24 iterations)")
    func defaultLimitKeepsRealVectors() throws {
        let scrypt = try run(
            "COUNT = 0\nPASSWORD = p\nSALT = s\nN = 1048576\nR = 8\nP = 1\nDERIVED_KEY = "
                + String(repeating: "00", count: 64) + "\n",
            name: "scrypt.txt", entry: .kdf, algorithm: "SCRYPT")
        #expect(CostLimit.default.excess(try #require(scrypt.vectors.first).cost) == nil)
        let pbkdf2 = try run(
            "COUNT = 0\nPASSWORD = p\nSALT = s\nITERATIONS = 16777216\nDERIVED_KEY = "
                + String(repeating: "00", count: 25) + "\n",
            name: "pbkdf2.txt", entry: .kdf, algorithm: "PBKDF2:SHA1")
        #expect(CostLimit.default.excess(try #require(pbkdf2.vectors.first).cost) == nil)
    }

    @Test("--max-cost syntax")
    func costLimitParsing() {
        #expect(CostLimit(parsing: "1G,1Gi") == CostLimit(work: 1_000_000_000, memory: 1 << 30))
        #expect(CostLimit.default == CostLimit(work: 100_000_000, memory: 1 << 30))
        #expect(CostLimit(parsing: "1e8") == CostLimit(work: 100_000_000, memory: CostLimit.defaultMemory))
        #expect(CostLimit(parsing: "none") == .unlimited)
        #expect(CostLimit(parsing: "lots") == nil)
        #expect(CostLimit(parsing: "99999999999G") == nil)
    }

    @Test("Quadratic merging: 20,000 output-less KDF records and 20,000 shared CCM fields stay fast")
    func linearMerging() throws {
        var kdf = ""
        for i in 0..<20_000 { kdf += "PASSWORD\(i) = p\n\n" }
        let (k, t1) = try clock { try run(kdf, name: "kdf.txt", entry: .kdf, algorithm: "PBKDF2:SHA1") }
        #expect(k.diagnostics.count == 1)  // the test case without its output, at end of file
        #expect(t1 < 10)
        var ccm = "[Alen = 0]\n[Tlen = 4]\n[Nlen = 7]\n[Plen = 0]\n"
        for i in 0..<20_000 { ccm += "Key\(i) = 00\n" }
        ccm += "Key = 00000000000000000000000000000000\n\n"
        for i in 0..<20_000 {
            ccm += "Count = \(i)\nNonce = 00000000000000\nAdata = 00\nPayload = 00\nCT = 00000000\n\n"
        }
        let (c, t2) = try clock { try run(ccm, name: "ccm.rsp", entry: .ccm, algorithm: "AES-{keybits}-CCM") }
        #expect(c.vectors.count == 20_000)
        #expect(t2 < 20)
    }

    @Test("Too many section names: reported, not carried by every record")
    func sectionFlood() throws {
        var text = ""
        for i in 0..<1_000 { text += "[S\(i) = 1]\nLen = 0\nMsg = 00\nMD = 00\n\n" }
        let sink = try run(text, name: "flood.rsp", entry: .hash, algorithm: "SHA1")
        #expect(sink.diagnostics.count == 1_000 - NISTRecordReader.maxSections)
        #expect(sink.diagnostics.first?.message.contains("distinct section names") == true)
    }

    @Test("A line without an end: an error at that line, bounded memory")
    func endlessLine() throws {
        let dir = try VectorsTempDir()
        defer { dir.remove() }
        let path = dir.path + "/long.rsp"
        let big = Data(repeating: 0x41, count: LineReader.maxLineLength + 10)
        try (Data("Len = 0\n".utf8) + big).write(to: URL(fileURLWithPath: path))
        let sink = CollectingSink()
        NISTParser(kind: .hash, algorithm: "SHA1", corpus: "t").parse(path: path, displayPath: "long.rsp", into: sink)
        #expect(sink.diagnostics.count == 1)
        #expect(sink.diagnostics.first?.line == 2)
        #expect(sink.diagnostics.first?.message.contains("longer than") == true)
    }

    @Test("Not regular files: /dev/zero, a FIFO without a writer, a folder; refused before reading")
    func notRegular() throws {
        let dir = try VectorsTempDir()
        defer { dir.remove() }
        let fifo = dir.path + "/fifo.rsp"
        #expect(mkfifo(fifo, 0o600) == 0)
        for (path, want) in [
            ("/dev/zero", "not a regular file (a character device)"), (fifo, "not a regular file (a FIFO)"),
            (dir.path, "is a directory"),
        ] {
            let sink = CollectingSink()
            let (_, t) = clock {
                VectorFileReader.read(path: path, displayPath: path, entry: nil, corpus: "t", into: sink)
            }
            #expect(t < 5)
            #expect(sink.diagnostics.map(\.message) == [want])
            let json = CollectingSink()
            WycheproofParser(corpus: "t").parse(path: path, displayPath: path, into: json)
            #expect(json.diagnostics.map(\.message) == [want])
        }
    }

    @Test("An empty file, or one of comments only: 'no vectors in file'")
    func emptyFile() throws {
        let dir = try VectorsTempDir()
        defer { dir.remove() }
        for (name, text, format) in [
            ("e.rsp", "", "nist"), ("c.rsp", "# only a comment\n", "nist"),
            ("e.txt", "", "evp-test"), ("e.json", "", "wycheproof"),
        ] {
            let path = try dir.write(name, text)
            let sink = CollectingSink()
            let entry = Manifest.Entry(
                pattern: "*", operation: format == "nist" ? "digest" : "auto", format: format, algorithm: "SHA1",
                line: 1)
            VectorFileReader.read(path: path, displayPath: name, entry: entry, corpus: "t", into: sink)
            #expect(sink.vectors.isEmpty)
            #expect(sink.diagnostics.count == 1, "\(name)")
        }
    }

    @Test("Wycheproof: a bad test case's line; invalid JSON's line from its offset")
    func wycheproofLines() throws {
        let json = """
            {
              "algorithm": "PBKDF2-HMACSHA256",
              "schema": "pbkdf_test_schema.json",
              "testGroups": [
                {
                  "type": "PbkdfTest",
                  "tests": [
                    {
                      "tcId": 1, "result": "valid", "flags": [],
                      "password": "70", "salt": "73", "iterationCount": 1, "dkLen": 85899345899, "dk": "00"
                    },
                    { "result": "valid" }
                  ]
                }
              ]
            }
            """
        let sink = try run(json, name: "w.json")
        #expect(sink.diagnostics.map(\.line) == [12])
        let v = try #require(sink.vectors.first)
        #expect(v.provenance.line == 9)
        #expect(CostLimit.default.excess(v.cost)?.contains("memory") == true)
        let broken = try run("{\n  \"algorithm\": \"x\",\n  \"testGroups\": [\n  }\n", name: "b.json")
        #expect(broken.diagnostics.count == 1)
        #expect(broken.diagnostics.first?.line == 4)
    }
}
