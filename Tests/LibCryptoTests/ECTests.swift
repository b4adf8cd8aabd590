import Foundation
import Testing

@testable import LibCrypto

// Prime-field elliptic curves: the catalog, points and their encodings, keys, ECDH and ECDSA.
// Expected values come from the openssl CLI (run at test time: `openssl ecparam`, `openssl ec`,
// `openssl pkeyutl`), the NIST CAVP files of cryptography-vectors (read at test time) and
// RFC 6979 appendix A.2.5/A.2.6 (transcribed below with their source).

#if EC
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
        var unknown = ["nosuch", ""]
        #if !EC2M
        unknown += ["sect163k1", "B-163"]  // binary curves: trait EC2M
        #endif
        for bad in unknown {
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

    /// Edge scalars of the fixed-base method (ECGeneratorTable.swift): leading zero windows (the
    /// accumulator at infinity), digits ±32 and 0, the top windows where the complete formulas
    /// take over, and n − small (where acc = ±entry can happen).
    static func edgeScalars(_ curve: ECCurve, _ rng: inout TestRNG) throws -> [BigNum] {
        let n = curve.order
        let bits = n.bitWidth
        var out: [BigNum] = [.one, BigNum(2), BigNum(31), BigNum(32), BigNum(33), BigNum(63), BigNum(64)]
        for shift in [6, 12, bits / 2, bits - 13, bits - 7, bits - 6, bits - 1] where shift > 0 {
            let power = try BigNum.one.shiftedLeft(by: shift)
            out += [power, power - .one, power + .one, power + BigNum(32), n - power]
        }
        // Bits set in every window (digit −1 everywhere), and the top half alone.
        out.append(try BigNum.one.shiftedLeft(by: bits - 1) - .one)
        out.append(try (n - .one).shiftedRight(by: bits / 2).shiftedLeft(by: bits / 2))
        out += [n - .one, n - BigNum(2), n - BigNum(32), n - BigNum(33), try n.shiftedRight(by: 1)]
        out.append(try BigNum(bytes: rng.bytes(curve.orderByteCount)).nonNegativeRemainder(modulo: n))
        return out.filter { !$0.isZero && $0 < n && !$0.isNegative }
    }

    @Test("k·G by the generator table equals OpenSSL's public key for edge scalars on every prime curve")
    func generatorTableEdgeScalars() throws {
        guard opensslPath != nil else { return print("skipped: no openssl CLI") }
        var rng = TestRNG(seed: 0x7AB1E)
        var checked = 0
        for curve in ECCurve.all {
            for d in try Self.edgeScalars(curve, &rng) {
                // SEC 1 ECPrivateKey without its public key: OpenSSL computes d·G when it reads it.
                var w = DERWriter()
                try w.writeSequence { w in
                    w.writeInteger(1)
                    w.writeOctetString(try d.bytes(paddedTo: curve.orderByteCount))
                    try w.writeExplicit(0) { w in w.writeObjectIdentifier(try ASN1ObjectIdentifier(dotted: curve.oid)) }
                }
                let (status, text) = try Self.run(
                    ["ec", "-inform", "DER", "-conv_form", "uncompressed", "-text", "-noout"], input: w.bytes)
                try #require(status == 0, "openssl ec on \(curve.name), d = \(d)")
                let expected = try #require(try Self.textFields(text)["pub"]).bytes()
                let key = try ECPrivateKey(curve: curve, d: d)
                #expect(key.publicKey.point.encoded(.uncompressed) == expected, "\(curve.name): d = \(d)")
                checked += 1
            }
        }
        print("EC: k·G (generator table) matches openssl for \(checked) edge scalars over \(ECCurve.all.count) curves")
    }

    @Test("P-256: dedicated reduction, order products, squaring and inversion chain agree with CIOS")
    func p256Reduction() throws {
        let p = ECField4.p256
        let m0inv: UInt64 = 1  // −p⁻¹ mod 2^64 for p ≡ −1 mod 2^64
        let orderM0inv = try MontgomeryContext(modulus: BigNum(limbs: ECField4.p256Order)).m0inv
        let montgomeryOne = try BigNum.one.shiftedLeft(by: 256).nonNegativeRemainder(modulo: BigNum(limbs: p))
        var rng = SystemRandomNumberGenerator()
        var values: [[UInt64]] = [
            [0, 0, 0, 0], [1, 0, 0, 0], [p[0] - 1, p[1], p[2], p[3]], [p[0] - 2, p[1], p[2], p[3]],
        ]
        for _ in 0..<200 {
            let v = try BigNum(bytes: (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) })
            values.append(MontgomeryContext.padded(try v.nonNegativeRemainder(modulo: BigNum(limbs: p)).limbs, 4))
        }
        for (i, a) in values.enumerated() {
            let b = values[(i * 7 + 3) % values.count]
            var cios = [UInt64](repeating: 0, count: 4)
            var special = cios
            var squared = cios
            var squaredP256 = cios
            var ciosSquare = cios
            ECField4.mul(&cios, a, b, p, m0inv)
            ECField4.mulP256(&special, a, b)
            ECField4.mul(&ciosSquare, a, a, p, m0inv)
            ECField4.sqr(&squared, a, p, m0inv)
            ECField4.sqrP256(&squaredP256, a)
            #expect(special == cios, "a·b for a = \(a), b = \(b)")
            #expect(squared == ciosSquare && squaredP256 == ciosSquare, "a² for a = \(a)")
            // The addition chain for a⁻¹: a · a⁻¹ is 1 in Montgomery form (R mod p).
            if a != [0, 0, 0, 0] {
                for hardware in [false, MontgomeryContext.hardwareSelected] {
                    var inverse = [UInt64](repeating: 0, count: 4)
                    var unit = inverse
                    ECField4.invertP256(&inverse, a, hardware: hardware)
                    ECField4.mulP256(&unit, a, inverse)
                    #expect(BigNum(limbs: unit) == montgomeryOne, "a·a⁻¹ for a = \(a), hardware \(hardware)")
                }
            }
            // Modulo the order, with its limbs as constants, against the CIOS product.
            let n = ECField4.p256Order
            let an = MontgomeryContext.padded(
                try BigNum(limbs: a).nonNegativeRemainder(modulo: BigNum(limbs: n)).limbs, 4)
            let bn = MontgomeryContext.padded(
                try BigNum(limbs: b).nonNegativeRemainder(modulo: BigNum(limbs: n)).limbs, 4)
            var orderCIOS = cios
            var orderConstant = cios
            var orderSquare = cios
            var orderSquareCIOS = cios
            ECField4.mul(&orderCIOS, an, bn, n, orderM0inv)
            ECField4.mulP256Order(&orderConstant, an, bn, orderM0inv)
            ECField4.mul(&orderSquareCIOS, an, an, n, orderM0inv)
            ECField4.sqrP256Order(&orderSquare, an, orderM0inv)
            #expect(orderConstant == orderCIOS && orderSquare == orderSquareCIOS, "mod n: a = \(an), b = \(bn)")
        }
    }

    @Test(
        "4-limb MULX products (trait ASM) agree with the Swift CIOS product on every 256-bit field and order",
        .enabled(if: MontgomeryContext.hardwareSelected, "needs trait ASM and a CPU with BMI2 and ADX"))
    func mulx4Limbs() throws {
        var rng = TestRNG(seed: 0x4D55_4C58)
        var moduli: [(String, [UInt64], Bool)] = []
        for curve in ECCurve.all where curve.p.bitWidth > 192 && curve.p.bitWidth <= 256 {
            moduli.append(
                ("\(curve.name) p", MontgomeryContext.padded(curve.p.limbs, 4), curve.p.limbs == ECField4.p256))
            if curve.order.isOdd && curve.order.bitWidth > 192 && curve.order.bitWidth <= 256 {
                moduli.append(("\(curve.name) n", MontgomeryContext.padded(curve.order.limbs, 4), false))
            }
        }
        #expect(moduli.count >= 10)
        var compared = 0
        var squares = 0
        for (name, m, isP256) in moduli {
            let modulus = BigNum(limbs: m)
            let m0inv = try MontgomeryContext(modulus: modulus).m0inv
            let top = (modulus - .one).limbs
            let edges: [[UInt64]] = [
                [0, 0, 0, 0], [1, 0, 0, 0], MontgomeryContext.padded(top, 4),
                MontgomeryContext.padded((modulus - BigNum(2)).limbs, 4), [UInt64.max, 0, 0, 0],
            ]
            var values = edges
            for _ in 0..<100 {
                let v = try BigNum(bytes: rng.bytes(32)).nonNegativeRemainder(modulo: modulus)
                values.append(MontgomeryContext.padded(v.limbs, 4))
            }
            for (i, a) in values.enumerated() {
                for b in [values[(i * 7 + 3) % values.count], a, values[i % edges.count]] {
                    var swift = [UInt64](repeating: 0, count: 4)
                    var hardware = swift
                    ECField4.mul(&swift, a, b, m, m0inv)
                    #expect(ECField4.hardwareMul(&hardware, a, b, m, m0inv, p256: false))
                    #expect(hardware == swift, "\(name): a = \(a), b = \(b)")
                    if isP256 {
                        var special = swift
                        _ = ECField4.hardwareMul(&special, a, b, m, m0inv, p256: true)
                        #expect(special == swift, "\(name) (P-256 reduction): a = \(a), b = \(b)")
                    }
                    // The squarings against the Swift product a·a (the generic one needs a top
                    // limb below all ones: not secp256k1's p and n, which ECFieldOps squares by
                    // the product).
                    var square = swift
                    var hardwareSquare = swift
                    ECField4.mul(&square, a, a, m, m0inv)
                    if m[3] != UInt64.max {
                        #expect(ECField4.hardwareSqr(&hardwareSquare, a, m, m0inv, p256: false))
                        #expect(hardwareSquare == square, "\(name) squared: a = \(a)")
                        squares += 1
                    }
                    if isP256 {
                        _ = ECField4.hardwareSqr(&hardwareSquare, a, m, m0inv, p256: true)
                        #expect(hardwareSquare == square, "\(name) squared (P-256 reduction): a = \(a)")
                    }
                    compared += 1
                }
            }
        }
        print("EC: 4-limb MULX products agree on \(compared) pairs and \(squares) squares over \(moduli.count) moduli")
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
            // The fixed-base table (ECGeneratorTable.swift) against the windowed ladder, including
            // the scalars whose windows are all 0 or all 15 and those at the order's edges.
            let e = curve.engine
            let gl = g.limbTerm(scalar: [])
            let allOnes = try BigNum.one.shiftedLeft(by: e.orderBits) - .one
            // Every signed 6-bit digit at +32 (the largest magnitude) and at −1, then −32.
            var digits32 = BigNum.zero
            var low = 0
            while low + 6 <= e.orderBits {
                digits32 = digits32 + (try BigNum(32).shiftedLeft(by: low))
                low += 6
            }
            let edges = [BigNum(31), BigNum(32), BigNum(33), BigNum(63), BigNum(64), BigNum(65), digits32]
            for k in [BigNum.zero, .one, BigNum(15), BigNum(16), curve.order - .one, curve.order, allOnes, k1, k2]
                + edges + [allOnes - digits32]
            {
                let limbs = MontgomeryContext.padded(k.limbs, e.orderLimbs.count)
                let table = e.multiplyGenerator(gx: gl.x, gy: gl.y, scalar: limbs)
                let ladder = e.multiply(x: gl.x, y: gl.y, scalar: limbs, bits: e.orderBits)
                #expect(
                    table.isInfinity == ladder.isInfinity && table.x == ladder.x && table.y == ladder.y,
                    "\(curve.name) table k·G for k = \(k)")
            }
            // k⁻¹ mod n by Fermat on the order's Montgomery products (ECDSA, SM2) against the
            // defining property k · k⁻¹ ≡ 1 (mod n), not another inverse of ours.
            for k in [BigNum.one, BigNum(2), curve.order - .one, try k1.nonNegativeRemainder(modulo: curve.order)]
            where !k.isZero {
                let inverse = e.orderInverse(MontgomeryContext.padded(k.limbs, e.orderLimbs.count))
                let product = try (k * BigNum(limbs: inverse)).nonNegativeRemainder(modulo: curve.order)
                #expect(product == .one, "\(curve.name) k · k⁻¹ mod n for k = \(k)")
            }
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

    // MARK: Keys and ECDH

    /// NIST's curve names in the CAVP files.
    static func cavpCurve(_ name: some StringProtocol) -> ECCurve? { try? ECCurve.named(String(name)) }

    /// The records of a CAVP-style file: `key = value` lines in blank-line separated groups,
    /// with the most recent `[...]` header.
    static func records(_ text: String) -> [(header: String, fields: [String: String], line: Int)] {
        var out: [(String, [String: String], Int)] = []
        var header = ""
        var fields: [String: String] = [:]
        var start = 0
        // Split on Character.isNewline: CAVP files end lines in CR LF, one Character in Swift.
        for (i, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces.union(.init(charactersIn: "\r")))
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("[") {
                if !fields.isEmpty { out.append((header, fields, start)) }
                fields = [:]
                if line.hasPrefix("[") { header = line }
                continue
            }
            guard let eq = line.firstIndex(of: "=") else { continue }
            if fields.isEmpty { start = i + 1 }
            fields[line[..<eq].trimmingCharacters(in: .whitespaces)] =
                line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
        }
        if !fields.isEmpty { out.append((header, fields, start)) }
        return out
    }

    @Test("ECDH: CAVP KAS ECC ZZOnly (P-192…P-521, init and resp) and RFC 7027 brainpool vectors")
    func ecdhVectors() throws {
        let files = [
            "ECDH/KASValidityTest_ECCStaticUnified_NOKC_ZZOnly_init.fax",
            "ECDH/KASValidityTest_ECCStaticUnified_NOKC_ZZOnly_resp.fax",
        ]
        var passed = 0
        var refused = 0
        for file in files {
            let path = vectorsRoot + "/" + file
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                return print("skipped: no cryptography-vectors cache at \(vectorsRoot)")
            }
            // Sections [EA - SHA1] … [EE - SHA512] are P-192 … P-521.
            let sections = ["EA": "P-192", "EB": "P-224", "EC": "P-256", "ED": "P-384", "EE": "P-521"]
            for rec in Self.records(text) {
                guard let z = rec.fields["Z"], let result = rec.fields["Result"] else { continue }
                let tag = String(rec.header.dropFirst().prefix(2))
                let curve = try ECCurve.named(try #require(sections[tag], "\(file):\(rec.line)"))
                let f = rec.fields
                func num(_ k: String) throws -> BigNum {
                    try BigNum(hex: try #require(f[k], "\(file):\(rec.line) \(k)"))
                }
                // Everything we compute must agree with the record; any refusal or mismatch
                // must happen exactly when the record says F.
                var ok = true
                do {
                    let peer = try ECPublicKey(x: num("QsCAVSx"), y: num("QsCAVSy"), curve: curve)
                    let own = try ECPrivateKey(curve: curve, d: num("dsIUT"))
                    let ownPublic = try ECPublicKey(x: num("QsIUTx"), y: num("QsIUTy"), curve: curve)
                    if own.publicKey != ownPublic { ok = false }
                    let secret = try own.sharedSecret(with: peer)
                    let expected = try BigNum(hex: z).bytes(paddedTo: curve.fieldByteCount)
                    if secret != expected { ok = false }
                    // The other side computes the same secret.
                    let cavs = try ECPrivateKey(curve: curve, d: num("dsCAVS"))
                    let theirs = try cavs.sharedSecret(with: ownPublic)
                    if cavs.publicKey != peer || theirs != secret { ok = false }
                } catch is CryptoError {
                    ok = false
                }
                #expect(ok == result.hasPrefix("P"), "\(file):\(rec.line): \(result)")
                if ok { passed += 1 } else { refused += 1 }
            }
        }
        #expect(passed >= 150 && refused >= 100, "ZZOnly: \(passed) passed, \(refused) refused")
        // RFC 7027 (brainpool), as cryptography-vectors reformatted it.
        let text = try String(contentsOfFile: vectorsRoot + "/ECDH/brainpool.txt", encoding: .utf8)
        var count = 0
        for rec in Self.records(text) {
            let f = rec.fields
            guard let name = f["curve"] else { continue }
            let curve = try ECCurve.named(name)
            let a = try ECPrivateKey(curve: curve, d: BigNum(hex: f["dA"]!))
            let b = try ECPrivateKey(curve: curve, d: BigNum(hex: f["dB"]!))
            #expect(a.publicKey.point.x == (try BigNum(hex: f["x_qA"]!)))
            #expect(a.publicKey.point.y == (try BigNum(hex: f["y_qA"]!)))
            #expect(b.publicKey.point.x == (try BigNum(hex: f["x_qB"]!)))
            let expected = try BigNum(hex: f["x_Z"]!).bytes(paddedTo: curve.fieldByteCount)
            #expect(try a.sharedSecret(with: b.publicKey) == expected, "brainpool.txt:\(rec.line)")
            #expect(try b.sharedSecret(with: a.publicKey) == expected)
            count += 1
        }
        #expect(count == 3)
        print("ECDH vectors: \(passed) ZZOnly passed, \(refused) refused as expected, \(count) RFC 7027")
    }

    /// A SubjectPublicKeyInfo DER for `key` (id-ecPublicKey with the named curve's OID).
    static func spki(_ key: ECPublicKey) throws -> [UInt8] {
        var w = DERWriter()
        try w.writeSequence { spki in
            try spki.writeSequence { alg in
                alg.writeObjectIdentifier(try ASN1ObjectIdentifier(dotted: "1.2.840.10045.2.1"))
                alg.writeObjectIdentifier(try ASN1ObjectIdentifier(dotted: key.curve.oid))
            }
            try spki.writeBitString(key.encoded())
        }
        return w.bytes
    }

    static func tempDirectory() throws -> String {
        let dir = NSTemporaryDirectory() + "ectests-\(UUID().uuidString)/"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test("ECDH against openssl pkeyutl -derive on every curve, and cofactor mode on the h = 4 curves")
    func ecdhMatchesOpenSSL() throws {
        guard opensslPath != nil else { return print("skipped: no openssl CLI") }
        let dir = try Self.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var count = 0
        for curve in ECCurve.all where curve.name != "SM2" {
            let a = try Self.opensslKey(curve.name)
            let b = try Self.opensslKey(curve.name)
            try a.pem.write(toFile: dir + "a.pem", atomically: true, encoding: .utf8)
            let ours = try ECPrivateKey(curve: curve, d: a.d)
            let peer = try ECPublicKey(encoded: try #require(b.forms[.uncompressed]), curve: curve)
            try Data(try Self.spki(peer)).write(to: URL(fileURLWithPath: dir + "b.der"))
            var modes = [false]
            if !curve.cofactor.isOne { modes.append(true) }
            for cofactor in modes {
                var args = [
                    "pkeyutl", "-derive", "-inkey", dir + "a.pem", "-peerkey", dir + "b.der", "-peerform", "DER",
                ]
                if cofactor { args += ["-pkeyopt", "ecdh_cofactor_mode:1"] }
                let (status, expected) = try Self.runBytes(args)
                try #require(status == 0, "openssl pkeyutl -derive on \(curve.name)")
                #expect(
                    try ours.sharedSecret(with: peer, cofactorMode: cofactor) == expected, "\(curve.name) \(cofactor)")
                count += 1
            }
        }
        print("ECDH: \(count) shared secrets match openssl pkeyutl -derive")
    }

    @Test("generated keys: d in [1, n − 1], Q = d·G; a source that never gives d < n is refused")
    func generation() throws {
        for curve in ECCurve.all {
            let key = try ECPrivateKey.generate(curve: curve)
            #expect(!key.d.isZero && key.d < curve.order)
            #expect(try curve.generator.multiplied(by: key.d) == key.publicKey.point)
            #expect(try ECPrivateKey(curve: curve, rawRepresentation: key.rawRepresentation).d == key.d)
        }
        // A source that always gives n (never below n) is refused after the retries.
        let p256 = try ECCurve.named("P-256")
        let nBytes = try p256.order.bytes(paddedTo: 32)
        #expect(throws: CryptoError.self) { try ECPrivateKey.generate(curve: p256, using: { _ in nBytes }) }
    }

    // MARK: ECDSA

    @Test("ECDSA SigVer: CAVP FIPS 186-3 SigVer.rsp, prime curves P-192…P-521")
    func sigVer() throws {
        guard let text = try? String(contentsOfFile: vectorsRoot + "/ECDSA/FIPS_186-3/SigVer.rsp", encoding: .utf8)
        else { return print("skipped: no cryptography-vectors cache at \(vectorsRoot)") }
        var good = 0
        var bad = 0
        for rec in Self.records(text) {
            // [P-256,SHA-384]; the K-/B- (binary) sections are out of scope.
            let parts = rec.header.dropFirst().dropLast().split(separator: ",")
            guard parts.count == 2, parts[0].hasPrefix("P-"), let msg = rec.fields["Msg"] else { continue }
            let curve = try ECCurve.named(String(parts[0]))
            let digestName = parts[1].replacingOccurrences(of: "-", with: "")
            let f = rec.fields
            let expected = try #require(f["Result"]).hasPrefix("P")
            var ok = true
            do {
                let key = try ECPublicKey(x: BigNum(hex: f["Qx"]!), y: BigNum(hex: f["Qy"]!), curve: curve)
                let sig = ECDSASignature(r: try BigNum(hex: f["R"]!), s: try BigNum(hex: f["S"]!))
                let digest = try Registry.digest(named: digestName).hash(TestHex.decode(msg))
                try key.verify(signature: sig, digest: digest)
                // The DER and P1363 forms of a valid signature verify too.
                try key.verify(signature: sig.derEncoded(), digest: digest)
                try key.verify(
                    signature: ECDSASignature(rawRepresentation: sig.rawRepresentation(curve: curve), curve: curve),
                    digest: digest)
            } catch is CryptoError {
                ok = false
            }
            #expect(ok == expected, "SigVer.rsp:\(rec.line) \(rec.header) \(f["Result"] ?? "")")
            if expected { good += 1 } else { bad += 1 }
        }
        #expect(good + bad == 375, "SigVer prime-curve records: \(good + bad)")
        print("ECDSA SigVer: \(good) valid and \(bad) invalid signatures judged as CAVP says")
    }

    @Test("ECDSA RFC 6979 deterministic signatures: OpenSSL's evppkey_ecdsa_rfc6979.txt (RFC 6979 A.2.3–A.2.7)")
    func rfc6979() throws {
        guard opensslPath != nil else { return print("skipped: no openssl CLI (reads the file's PEM keys)") }
        let path = vectorsRoot + "/ECDSA/RFC6979/evppkey_ecdsa_rfc6979.txt"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            return print("skipped: no cryptography-vectors cache at \(vectorsRoot)")
        }
        // Keys: PEM blocks after `PrivateKey=NAME` / `PublicKey=NAME`, read by openssl pkey.
        var privateKeys: [String: ECPrivateKey] = [:]
        var publicKeys: [String: ECPublicKey] = [:]
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var i = 0
        var stanzas: [[String: String]] = []
        var current: [String: String] = [:]
        while i < lines.count {
            let line = lines[i]
            if line.hasPrefix("PrivateKey=") || line.hasPrefix("PublicKey=") {
                let isPrivate = line.hasPrefix("PrivateKey=")
                let name = String(line.split(separator: "=")[1])
                var pem = ""
                i += 1
                while i < lines.count && !lines[i].isEmpty {
                    pem += lines[i] + "\n"
                    i += 1
                }
                guard name.hasPrefix("P-") else { continue }  // binary curves: out of scope
                let args = isPrivate ? ["pkey", "-text", "-noout"] : ["pkey", "-pubin", "-text", "-noout"]
                let (status, out) = try Self.run(args, input: Array(pem.utf8))
                try #require(status == 0, "openssl pkey \(name)")
                let fields = try Self.textFields(out)
                let curve = try ECCurve.named(String(name.prefix { $0 != "_" }))
                if isPrivate {
                    privateKeys[name] = try ECPrivateKey(curve: curve, d: try #require(fields["priv"]))
                } else {
                    publicKeys[name] = try ECPublicKey(encoded: try #require(fields["pub"]).bytes(), curve: curve)
                }
                continue
            }
            if line.isEmpty {
                if !current.isEmpty { stanzas.append(current) }
                current = [:]
            } else if !line.hasPrefix("#"), let eq = line.firstIndex(of: "=") {
                current[line[..<eq].trimmingCharacters(in: .whitespaces)] =
                    line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            }
            i += 1
        }
        if !current.isEmpty { stanzas.append(current) }
        #expect(privateKeys.count == 5 && publicKeys.count == 5)
        var signed = 0
        var verified = 0
        for st in stanzas {
            guard let keyName = st["Key"], keyName.hasPrefix("P-"), let input = st["Input"], let output = st["Output"]
            else { continue }
            let message = Array(input.trimmingCharacters(in: CharacterSet(charactersIn: "\"")).utf8)
            let sig = TestHex.decode(output)
            if let digestName = st["DigestSign"] {
                let key = try #require(privateKeys[keyName])
                #expect(st["NonceType"] == "deterministic")
                let ours = try key.sign(message: message, digestName: digestName, deterministic: true)
                #expect(ours == sig, "\(keyName) \(digestName) \(input)")
                try key.publicKey.verify(signature: ours, message: message, digestName: digestName)
                signed += 1
            } else if let digestName = st["DigestVerify"] {
                let key = try #require(publicKeys[keyName])
                let outcome = Result { try key.verify(signature: sig, message: message, digestName: digestName) }
                if st["Result"] == "VERIFY_ERROR" {
                    #expect(throws: CryptoError.self) { try outcome.get() }
                } else {
                    #expect(throws: Never.self) { try outcome.get() }
                }
                verified += 1
            }
        }
        #expect(signed == 50, "RFC 6979 prime-curve signatures: \(signed)")
        print("ECDSA RFC 6979: \(signed) deterministic signatures match, \(verified) verifications as expected")
    }

    @Test("ECDSA with openssl: our random-nonce signatures pass pkeyutl -verify, OpenSSL's pass ours")
    func ecdsaMatchesOpenSSL() throws {
        guard opensslPath != nil else { return print("skipped: no openssl CLI") }
        let dir = try Self.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var count = 0
        // SM2 is left out: an SM2 key makes OpenSSL 3.0 sign with SM2, not ECDSA.
        for curve in ECCurve.all where curve.name != "SM2" {
            let k = try Self.opensslKey(curve.name)
            try k.pem.write(toFile: dir + "k.pem", atomically: true, encoding: .utf8)
            let key = try ECPrivateKey(curve: curve, d: k.d)
            for digestName in ["SHA1", "SHA256", "SHA512"] {
                let digest = try Registry.digest(named: digestName).hash(Array("EC \(curve.name)".utf8))
                try Data(digest).write(to: URL(fileURLWithPath: dir + "d"))
                // Ours, verified by OpenSSL with the public key as SPKI DER built here.
                try Data(try Self.spki(key.publicKey)).write(to: URL(fileURLWithPath: dir + "pub.der"))
                try Data(try key.sign(digest: digest)).write(to: URL(fileURLWithPath: dir + "s"))
                let (v, _) = try Self.run([
                    "pkeyutl", "-verify", "-pubin", "-keyform", "DER", "-inkey", dir + "pub.der", "-in", dir + "d",
                    "-sigfile", dir + "s",
                ])
                #expect(v == 0, "openssl rejected our \(curve.name) \(digestName) signature")
                // OpenSSL's, verified here.
                let (s, sig) = try Self.runBytes(["pkeyutl", "-sign", "-inkey", dir + "k.pem", "-in", dir + "d"])
                try #require(s == 0)
                #expect(throws: Never.self) { try key.publicKey.verify(signature: sig, digest: digest) }
                // A changed digest fails both ways.
                var other = digest
                other[0] ^= 1
                #expect(throws: CryptoError.self) { try key.publicKey.verify(signature: sig, digest: other) }
                count += 2
            }
        }
        print("ECDSA interop: \(count) signatures across OpenSSL and LibCrypto")
    }

    // MARK: Bad input

    /// The OpenSSL reason name of the error `body` throws; nil when it returns (shared by the
    /// EC, EC2M, explicit-curve and SM2 bad-input tests).
    static func reason(_ body: () throws -> Any) -> String? {
        do {
            _ = try body()
            return nil
        } catch let e as CryptoError {
            return e.openSSL?.name ?? "(none)"
        } catch {
            return "(other)"
        }
    }

    @Test("bad points, keys and signatures are thrown errors with OpenSSL's reasons")
    func badInput() throws {
        let p256 = try ECCurve.named("P-256")
        let g = p256.generator
        let reason = Self.reason
        let enc = g.encoded()
        var offCurve = enc
        offCurve[64] ^= 1
        #expect(reason { try ECPoint(encoded: offCurve, curve: p256) } == "POINT_IS_NOT_ON_CURVE")
        #expect(reason { try ECPoint(encoded: [], curve: p256) } == "BUFFER_TOO_SMALL")
        #expect(reason { try ECPoint(encoded: [0, 0], curve: p256) } == "INVALID_ENCODING")
        #expect(reason { try ECPoint(encoded: [1], curve: p256) } == "INVALID_ENCODING")
        #expect(reason { try ECPoint(encoded: [5] + enc.dropFirst(), curve: p256) } == "INVALID_ENCODING")
        #expect(reason { try ECPoint(encoded: Array(enc.dropLast()), curve: p256) } == "INVALID_ENCODING")
        #expect(reason { try ECPoint(encoded: enc + [0], curve: p256) } == "INVALID_ENCODING")
        // x = p and y = p + (something) are refused before the curve equation.
        let pBytes = try p256.p.bytes(paddedTo: 32)
        #expect(reason { try ECPoint(encoded: [4] + pBytes + enc[33...], curve: p256) } == "INVALID_ENCODING")
        #expect(reason { try ECPoint(encoded: [4] + enc[1..<33] + pBytes, curve: p256) } == "INVALID_ENCODING")
        #expect(reason { try ECPoint(encoded: [2] + pBytes, curve: p256) } == "INVALID_ENCODING")
        #expect(reason { try ECPoint(x: p256.p, y: g.y, curve: p256) } == "COORDINATES_OUT_OF_RANGE")
        // Hybrid with the wrong parity bit.
        var hybrid = g.encoded(.hybrid)
        hybrid[0] ^= 1
        #expect(reason { try ECPoint(encoded: hybrid, curve: p256) } == "INVALID_ENCODING")
        // A compressed x with no point: the first x ≥ 0 whose x³ + ax + b is not a square.
        var x = BigNum.zero
        while (try? ECPoint.curveRightHandSide(x: x, curve: p256).modSqrt(prime: p256.p)) != nil { x += .one }
        #expect(
            reason { try ECPoint(encoded: [2] + (try x.bytes(paddedTo: 32)), curve: p256) }
                == "INVALID_COMPRESSED_POINT")
        // Keys: infinity, out-of-range scalars.
        #expect(reason { try ECPublicKey(encoded: [0], curve: p256) } == "POINT_AT_INFINITY")
        #expect(reason { try ECPrivateKey(curve: p256, d: .zero) } == "INVALID_PRIVATE_KEY")
        #expect(reason { try ECPrivateKey(curve: p256, d: p256.order) } == "INVALID_PRIVATE_KEY")
        #expect(reason { try ECPrivateKey(curve: p256, d: -BigNum.one) } == "INVALID_PRIVATE_KEY")
        // A point of order 4·… on secp112r2 (h = 4): the generator times n is ∞, but a point
        // outside the subgroup is refused as a key. Found by trying x = 0, 1, 2, …
        let s112 = try ECCurve.named("secp112r2")
        var outside: ECPoint?
        var t = BigNum.zero
        while outside == nil {
            if let y = try? ECPoint.curveRightHandSide(x: t, curve: s112).modSqrt(prime: s112.p) {
                let candidate = try ECPoint(x: t, y: y, curve: s112)
                if !candidate.multipliedPublic(by: s112.order.limbs).isInfinity { outside = candidate }
            }
            t += .one
        }
        #expect(reason { try ECPublicKey(point: outside!) } == "WRONG_ORDER")
        // Keys of different curves do not mix.
        let k384 = try ECPrivateKey.generate(curve: try ECCurve.named("P-384"))
        let k256 = try ECPrivateKey.generate(curve: p256)
        #expect(reason { try k256.sharedSecret(with: k384.publicKey) } == "INCOMPATIBLE_OBJECTS")
        // Signatures: r or s of 0 or ≥ n, DER with trailing bytes, negative or padded INTEGERs.
        let digest = [UInt8](repeating: 7, count: 32)
        let sig = try k256.signature(forDigest: digest)
        try k256.publicKey.verify(signature: sig, digest: digest)
        let n = p256.order
        for (r, s) in [(BigNum.zero, sig.s), (sig.r, .zero), (n, sig.s), (sig.r, n), (sig.r + n, sig.s)] {
            #expect(
                reason { try k256.publicKey.verify(signature: ECDSASignature(r: r, s: s), digest: digest) }
                    == "BAD_SIGNATURE")
        }
        let der = try sig.derEncoded()
        #expect(reason { try k256.publicKey.verify(signature: der + [0], digest: digest) } != nil)
        #expect(reason { try k256.publicKey.verify(signature: Array(der.dropLast()), digest: digest) } != nil)
        // r = −1: 02 01 FF.
        var w = DERWriter()
        w.writeSequence { seq in
            seq.writeInteger(-BigNum.one)
            seq.writeInteger(sig.s)
        }
        #expect(reason { try ECDSASignature(derEncoded: w.bytes) } == "BAD_SIGNATURE")
        // A padded INTEGER (02 02 00 01) is not DER.
        let padded: [UInt8] = [0x30, 0x07, 0x02, 0x02, 0x00, 0x01, 0x02, 0x01, 0x01]
        #expect(reason { try ECDSASignature(derEncoded: padded) } != nil)
        #expect(reason { try ECDSASignature(rawRepresentation: [1, 2, 3], curve: p256) } == "INVALID_ENCODING")
        // An XOF cannot drive RFC 6979.
        #expect(throws: CryptoError.self) { try k256.deterministicSignature(forDigest: digest, digestName: "SHAKE128") }
    }
}
#endif
