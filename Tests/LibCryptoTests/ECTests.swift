import Foundation
import Testing

@testable import LibCrypto

// Prime-field elliptic curves: the catalog, points and their encodings, keys, ECDH and ECDSA.
// Expected values come from the openssl CLI (run at test time: `openssl ecparam`, `openssl ec`,
// `openssl pkeyutl`), the NIST CAVP files of cryptography-vectors (read at test time) and
// RFC 6979 appendix A.2.5/A.2.6 (transcribed below with their source).

@Suite("Elliptic curves over prime fields")
struct ECTests {
    /// Runs `openssl args…` and returns its exit status and standard output (stderr dropped).
    static func run(_ args: [String], input: [UInt8] = []) throws -> (Int32, String) {
        let (status, data) = try runBytes(args, input: input)
        return (status, String(decoding: data, as: UTF8.self))
    }

    /// Runs `openssl args…` and returns its exit status and standard output as bytes.
    static func runBytes(_ args: [String], input: [UInt8] = []) throws -> (Int32, [UInt8]) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try #require(opensslPath))
        p.arguments = args
        let out = Pipe()
        let inp = Pipe()
        p.standardOutput = out
        p.standardInput = inp
        p.standardError = FileHandle.nullDevice
        try p.run()
        inp.fileHandleForWriting.write(Data(input))
        try inp.fileHandleForWriting.close()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, [UInt8](data))
    }

    /// The dotted form of a DER OBJECT IDENTIFIER (`06 len content`).
    static func dottedOID(_ der: [UInt8]) -> String? {
        guard der.count > 2, der[0] == 6, Int(der[1]) == der.count - 2 else { return nil }
        var values: [UInt64] = []
        var v: UInt64 = 0
        for b in der[2...] {
            v = v << 7 | UInt64(b & 0x7F)
            if b & 0x80 == 0 {
                values.append(v)
                v = 0
            }
        }
        guard let first = values.first else { return nil }
        let top = min(first / 40, 2)
        return ([top, first - 40 * top] + values.dropFirst()).map(String.init).joined(separator: ".")
    }

    /// The fields of OpenSSL's `-text` output: `Name:` followed by hex lines (`00:ff:…`), or an
    /// inline decimal value (`A:    0`, `Cofactor:  1 (0x1)`), as numbers.
    static func textFields(_ text: String) throws -> [String: BigNum] {
        var fields: [String: BigNum] = [:]
        var key: String?
        var hex = ""
        func flush() throws {
            if let k = key, !hex.isEmpty { fields[k] = try BigNum(hex: hex) }
            key = nil
            hex = ""
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(" ") {
                hex += line.filter { $0 != " " && $0 != ":" }
                continue
            }
            try flush()
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = String(line[..<colon])
            let rest = line[line.index(after: colon)...].split(separator: " ")
            if let first = rest.first, let v = Int(first) {
                fields[name] = BigNum(v)
            } else if rest.isEmpty {
                key = name
            }
        }
        try flush()
        return fields
    }

    static func bytes(_ n: BigNum) -> [UInt8] { n.bytes() }

    // MARK: Catalog

    @Test("every prime curve of `openssl ecparam -list_curves` is in the catalog, with OpenSSL's values")
    func catalogMatchesOpenSSL() throws {
        guard opensslPath != nil else { return print("skipped: no openssl CLI") }
        let (_, list) = try Self.run(["ecparam", "-list_curves"])
        var names: [String] = []
        for line in list.split(separator: "\n") where line.hasPrefix("  ") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            names.append(line[..<colon].trimmingCharacters(in: .whitespaces))
        }
        #expect(names.count > 80, "openssl ecparam -list_curves gave \(names.count) names")
        var prime: [String] = []
        for name in names {
            let (status, text) = try Self.run(["ecparam", "-name", name, "-param_enc", "explicit", "-text", "-noout"])
            try #require(status == 0, "openssl ecparam -name \(name)")
            guard text.contains("Field Type: prime-field") else { continue }
            prime.append(name)
            let f = try Self.textFields(text)
            let curve = try ECCurve.named(name)
            #expect(curve.name == name)
            #expect(curve.p == f["Prime"], "\(name) p")
            #expect(curve.a == f["A"], "\(name) a")
            #expect(curve.b == f["B"], "\(name) b")
            #expect(curve.order == f["Order"], "\(name) n")
            #expect(curve.cofactor == f["Cofactor"], "\(name) h")
            let g = try #require(f["Generator (uncompressed)"]).bytes()
            #expect(g == curve.generator.encoded(), "\(name) G")
            // The OID, from the named-curve DER (`openssl ecparam -name N -outform DER`).
            let (s2, der) = try Self.runBytes(["ecparam", "-name", name, "-outform", "DER"])
            #expect(s2 == 0)
            #expect(Self.dottedOID(der) == curve.oid, "\(name) OID")
            #expect(try ECCurve.named(curve.oid) == curve)
        }
        #expect(prime.count == ECCurve.all.count, "prime curves: openssl \(prime.count), catalog \(ECCurve.all.count)")
        #expect(Set(prime) == Set(ECCurve.all.map(\.name)))
        print("EC catalog: \(prime.count) prime curves match openssl ecparam")
    }

    @Test("names, aliases and OIDs find the curve; binary and unknown curves are unknownAlgorithm")
    func lookup() throws {
        #expect(try ECCurve.named("P-256").name == "prime256v1")
        #expect(try ECCurve.named("secp256r1").name == "prime256v1")
        #expect(try ECCurve.named("p-384").name == "secp384r1")
        #expect(try ECCurve.named("P-521").name == "secp521r1")
        #expect(try ECCurve.named("P-224").name == "secp224r1")
        #expect(try ECCurve.named("P-192").name == "prime192v1")
        #expect(try ECCurve.named("1.2.840.10045.3.1.7").name == "prime256v1")
        #expect(try ECCurve.named("sm2").name == "SM2")
        for bad in ["sect163k1", "B-163", "nosuch", ""] {
            #expect(throws: CryptoError.self) { try ECCurve.named(bad) }
        }
    }

    // MARK: Points

    /// A key made by `openssl ecparam -genkey -name NAME`: its private value and its public
    /// point in the three conversion forms (`openssl ec -conv_form … -text`).
    static func opensslKey(_ name: String) throws -> (d: BigNum, forms: [ECPointConversionForm: [UInt8]], pem: String) {
        let (s1, pem) = try run(["ecparam", "-genkey", "-name", name, "-noout"])
        try #require(s1 == 0, "openssl ecparam -genkey -name \(name)")
        var forms: [ECPointConversionForm: [UInt8]] = [:]
        var d = BigNum.zero
        for (form, flag) in [
            (ECPointConversionForm.uncompressed, "uncompressed"), (.compressed, "compressed"),
            (.hybrid, "hybrid"),
        ] {
            let (s2, text) = try run(["ec", "-conv_form", flag, "-text", "-noout"], input: Array(pem.utf8))
            try #require(s2 == 0)
            let f = try textFields(text)
            d = try #require(f["priv"])
            forms[form] = try #require(f["pub"]).bytes()
        }
        return (d, forms, pem)
    }

    @Test("d·G equals the public key of an OpenSSL key on every curve, in every encoding")
    func scalarMultiplicationMatchesOpenSSL() throws {
        guard opensslPath != nil else { return print("skipped: no openssl CLI") }
        var checked = 0
        for curve in ECCurve.all {
            for _ in 0..<2 {
                let key = try Self.opensslKey(curve.name)
                let q = try curve.generator.multiplied(by: key.d)
                for (form, bytes) in key.forms {
                    // OpenSSL prints the leading 00 of a field element away only in numbers,
                    // never in an encoding: the lengths match.
                    var expected = bytes
                    let length = form == .compressed ? 1 + curve.fieldByteCount : 1 + 2 * curve.fieldByteCount
                    if expected.count < length {
                        expected = [UInt8](repeating: 0, count: length - expected.count) + expected
                    }
                    #expect(q.encoded(form) == expected, "\(curve.name) \(form)")
                    #expect(try ECPoint(encoded: expected, curve: curve) == q, "\(curve.name) decode \(form)")
                }
                // The variable-time path agrees.
                #expect(curve.generator.multipliedPublic(by: key.d.limbs) == q)
                checked += 1
            }
        }
        print("EC: d·G matches openssl on \(checked) keys over \(ECCurve.all.count) curves")
    }

    @Test("group laws: the a = −3 formulas agree with the generic ones; n·G = ∞; P + (−P) = ∞")
    func groupLaws() throws {
        var rng = TestRNG(seed: 0xEC)
        for curve in ECCurve.all {
            let g = curve.generator
            #expect(try g.multiplied(by: curve.order).isInfinity, "\(curve.name) n·G")
            #expect(try g.multiplied(by: .zero).isInfinity)
            #expect(try g.multiplied(by: .one) == g)
            #expect(try g.adding(g.negated()).isInfinity)
            #expect(try g.adding(curve.infinity) == g)
            let k1 = try BigNum(bytes: rng.bytes(curve.orderByteCount))
            let k2 = try BigNum(bytes: rng.bytes(curve.orderByteCount))
            let p1 = try g.multiplied(by: k1)
            let p2 = try g.multiplied(by: k2)
            #expect(try p1.adding(p2) == g.multiplied(by: k1 + k2), "\(curve.name) k1·G + k2·G")
            #expect(try p1.adding(p1) == g.multiplied(by: k1 + k1), "\(curve.name) doubling by addition")
            #expect(try p1.multiplied(by: k2) == p2.multiplied(by: k1), "\(curve.name) k2·(k1·G)")
            #expect(try g.multiplied(by: curve.order - .one) == g.negated())
            if curve.engine.aIsMinus3 {
                // The same sums by the generic formulas (a given as p − 3).
                let e = curve.engine
                let terms = [p1.limbTerm(scalar: [1]), p2.limbTerm(scalar: [3])]
                let minus3 = e.linearCombination(terms)
                let generic = ECEngine(
                    p: curve.p, a: curve.a, b: curve.b, order: curve.order, cofactor: curve.cofactor)!
                #expect(generic.aIsMinus3)
                let forced = generic.linearCombination(terms, forceGeneric: true)
                #expect(minus3.x == forced.x && minus3.y == forced.y, "\(curve.name) a = −3 formulas")
            }
        }
    }
}
