#if EC
import Foundation
import FuzzTargets
import LibCrypto
import Testing

private func run(_ target: FuzzTarget, _ bytes: [UInt8]) -> FuzzTarget.Verdict {
    bytes.withUnsafeBytes { target.run($0) }
}

/// The EC targets are registered; their seeds (run by `ParserTargetSeeds` too) and every one-byte
/// flip and truncation of them give no finding: bad points, keys and signatures are refused cleanly.
@Suite struct ECTargetInputs {
    @Test(arguments: ["ec-point", "ec-key-der", "ec-signature"])
    func mutatedSeedsRunWithoutAFinding(_ name: String) throws {
        let target = try #require(FuzzTargets.named(name))
        #expect(target.kind == .parser)
        let seeds = target.seeds()
        #expect(seeds.count >= 4, "\(name): \(seeds.count) seeds")
        for path in seeds.prefix(8) {
            let bytes = [UInt8](try #require(FileManager.default.contents(atPath: path)))
            #expect(run(target, bytes) == .ok, "\(name) seed \(path)")
            for i in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 24)) {
                var flipped = bytes
                flipped[i] ^= 0x01
                #expect(run(target, flipped) == .ok, "\(name) seed \(path) with byte \(i) flipped")
                #expect(run(target, Array(bytes.prefix(i))) == .ok, "\(name) seed \(path) cut to \(i) bytes")
            }
        }
    }

    #if EC2M
    /// Selector bytes past the prime curves pick the binary ones (Oakley-EC2N-3/4 included): their
    /// generators decode and round-trip, r‖s on them loads (and ECDSA verification on the even-order
    /// Oakley curves is a clean refusal), and a SEC 1 key with explicit binary parameters loads.
    @Test func binaryCurvesAreReachable() throws {
        let point = try #require(FuzzTargets.named("ec-point"))
        #expect(point.seeds().count > 4 * (ECCurve.all.count + ECCurve.allBinary.count))
        let sig = try #require(FuzzTargets.named("ec-signature"))
        for (j, curve) in ECCurve.allBinary.enumerated() {
            let selector = UInt8(ECCurve.all.count + j)
            for form in [ECPointConversionForm.compressed, .uncompressed, .hybrid] {
                var bytes = [selector] + curve.generator.encoded(form)
                #expect(run(point, bytes) == .ok, "\(curve.name) \(form)")
                bytes[bytes.count - 1] ^= 1
                #expect(run(point, bytes) == .ok, "\(curve.name) \(form) flipped")
            }
            let raw = [UInt8](repeating: 0, count: curve.orderByteCount - 1) + [1]
            #expect(run(sig, [1, selector] + raw + raw) == .ok, "\(curve.name) r‖s")
        }
        let keyDER = try #require(FuzzTargets.named("ec-key-der"))
        let (_, params) = try #require(try Self.sect163k1Explicit())
        let key = try ECPrivateKey.generate(curve: try ECCurve.named("sect163k1"))
        let sec1 = SEC1ECPrivateKey(
            privateKey: key.rawRepresentation, parameters: params, publicKey: (key.publicKey.encoded(), 0))
        #expect(run(keyDER, sec1.derEncoded()) == .ok)
    }

    /// sect163k1's parameters written explicitly (the field as m = 163 with the pentanomial basis).
    static func sect163k1Explicit() throws -> (ECCurve, ECDomainParameters)? {
        let curve = try ECCurve.named("sect163k1")
        var field = DERWriter()
        try field.writeSequence { w in
            w.writeInteger(163)
            w.writeObjectIdentifier(try ASN1ObjectIdentifier(dotted: "1.2.840.10045.1.2.3.3"))
            w.writeSequence { k in for e in [3, 6, 7] { k.writeInteger(e) } }
        }
        let n = curve.fieldByteCount
        let e = ECExplicitParameters(
            fieldType: .characteristicTwoField, fieldParameters: field.bytes, a: try curve.a.bytes(paddedTo: n),
            b: try curve.b.bytes(paddedTo: n), base: curve.generator.encoded(), order: curve.order,
            cofactor: curve.cofactor)
        return (curve, .explicit(e))
    }
    #endif
}
#endif
