import Foundation
import Testing
@testable import Conformance
import LibCrypto

/// `confrun speed`'s engine on a tiny budget: the figures are not asserted (machine-dependent),
/// only that both libraries were measured and the ratio is their quotient.
@Suite("Speed against the reference")
struct SpeedRunTests {
    let reference: OpenSSLImplementation
    init() throws { reference = try OpenSSLReference.load() }

    static func checkMeasured(_ row: SpeedRun.Row, sizes: [Int]) {
        #expect(row.referenceLacks == nil, "\(row.algorithm): \(row.referenceLacks ?? "")")
        #expect(row.cells.map(\.bytes) == sizes)
        for c in row.cells {
            let l = c.libcrypto ?? 0
            let o = c.openssl ?? 0
            #expect(l > 0, "\(row.algorithm) at \(c.bytes): LibCrypto \(l), \(c.note ?? "")")
            #expect(o > 0, "\(row.algorithm) at \(c.bytes): OpenSSL \(o), \(c.note ?? "")")
            #expect(c.ratio == l / o, "\(row.algorithm) at \(c.bytes)")
            #expect(c.note == nil)
        }
    }

    @Test("a digest: both measured, ratio = LibCrypto / OpenSSL", arguments: ["SHA2-256"])
    func digest(name: String) throws {
        let rows = try SpeedRun(sizes: [64], seconds: 0.01, filter: name).run(reference: reference)
        let row = try #require(rows.first { $0.algorithm == name })
        #expect(row.family == "digest")
        Self.checkMeasured(row, sizes: [64])
        // The filter picks HMAC over the same digest too.
        let hmac = try #require(rows.first { $0.algorithm == "HMAC-" + name })
        Self.checkMeasured(hmac, sizes: [64])
    }

    @Test(
        "a cipher, a streaming AEAD, CCM and SIV",
        arguments: ["AES-128-CTR", "AES-128-GCM", "AES-128-CCM", "AES-128-SIV"])
    func cipher(name: String) throws {
        let rows = try SpeedRun(sizes: [1024], seconds: 0.01, filter: name).run(reference: reference)
        let row = try #require(rows.first { $0.algorithm == name })
        Self.checkMeasured(row, sizes: [1024])
        #expect(!row.measures.isEmpty)
    }

    @Test("sizes a mode cannot take are noted, not measured")
    func wrapTooShort() throws {
        let rows = try SpeedRun(sizes: [8], seconds: 0.01, filter: "AES-128-WRAP").run(reference: reference)
        let row = try #require(rows.first { $0.algorithm == "AES-128-WRAP" })
        let c = try #require(row.cell(bytes: 8))
        #expect(c.libcrypto == nil && c.openssl == nil && c.ratio == nil)
        #expect(c.note?.contains("16 bytes") == true)
    }

    @Test("an algorithm the reference lacks is measured on LibCrypto's side only")
    func referenceLacks() throws {
        guard
            let name = ["MD2", "MDC2", "IDEA-CBC", "RC5-CBC"].first(where: { n in
                (try? Registry.algorithm(named: n)) != nil
                    && reference.availability(of: n, family: n.contains("-") ? .cipher : .digest) != .available
            })
        else { return }  // this reference has them all (built from source)
        let rows = try SpeedRun(sizes: [64], seconds: 0.01, filter: name).run(reference: reference)
        let row = try #require(rows.first { $0.algorithm == name })
        #expect(row.referenceLacks?.hasPrefix("reference lacks \(name)") == true)
        let c = try #require(row.cell(bytes: 64))
        #expect((c.libcrypto ?? 0) > 0)
        #expect(c.openssl == nil && c.ratio == nil)
        #expect(SpeedRun.lines(row, [64]).contains("reference lacks \(name)"))
        #expect(SpeedRun.compactTable(rows, size: 64).contains("reference lacks \(name)"))
    }

    @Test("the JSON report carries both figures and the ratio")
    func json() throws {
        let rows = try SpeedRun(sizes: [16], seconds: 0.01, filter: "md5").run(reference: reference)
        let report = SpeedReport(
            reference: reference, libcryptoHWCAP: nil, secondsPerSide: 0.01, sizes: [16], rows: rows)
        let data = try JSONEncoder().encode(report)
        let back = try JSONDecoder().decode(SpeedReport.self, from: data)
        let c = try #require(back.rows.first { $0.algorithm == "MD5" }?.cell(bytes: 16))
        #expect(c.ratio == c.libcrypto! / c.openssl!)
        #expect(back.reference == reference.name)
    }
}
