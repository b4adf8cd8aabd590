import Testing
@testable import LibCrypto

@Suite("HMAC over every digest")
struct HMACTests {
    static let names = Registry.digests.filter { !$0.isXOF }.map(\.info.name)

    @Test(
        "any key length works and gives a digest-sized tag (MDC2's digest is longer than its block)", arguments: names)
    func keyLengths(name: String) throws {
        let d = try Registry.digest(named: name)
        for n in [0, 1, d.blockSize - 1, d.blockSize, d.blockSize + 1, 200] where n >= 0 {
            let ctx = try d.makeHMAC(key: [UInt8](repeating: 0x5c, count: n))
            ctx.update([1, 2, 3])
            #expect(ctx.finalize().count == d.digestSize, "\(name), \(n)-byte key")
        }
    }

    @Test("HMAC over an XOF is refused with unsupportedOperation")
    func xofRefused() throws {
        #expect { try Registry.digest(named: "SHAKE128").makeHMAC(key: [1]) } throws: {
            ($0 as? CryptoError)?.code == .unsupportedOperation
        }
    }
}
