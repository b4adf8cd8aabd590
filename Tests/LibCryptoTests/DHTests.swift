import Foundation
import Testing

@testable import LibCrypto

#if DH
/// Diffie–Hellman: parameters, named groups, keys, derivation.
///
/// Expected values come from:
/// - The cryptography-vectors cache (asymmetric/DH/): `rfc3526.txt` (RFC 3526's groups),
///   `RFC5114.txt` (RFC 5114's groups with their test keys and shared values), NIST CAVS
///   `KASValidityTest_FFCStatic_NOKC_ZZOnly_{init,resp}.fax` (pass/fail and Z), `vec.txt` and
///   `bad_exchange.txt`.
/// - The `openssl` 3.0 CLI: every named group's p and g (`openssl genpkey -genparam -algorithm DH
///   -pkeyopt group:NAME`, `openssl asn1parse`); ffdhe2048 keys from `openssl genpkey` read with
///   `openssl pkey -text -noout`; shared secrets from `openssl pkeyutl -derive` (default and
///   `-pkeyopt pad:1`) with our keys given as DER written by `openssl asn1parse -genconf`.
@Suite("DH")
struct DHTests {
    typealias S = FFCTestSupport

    static func skipNoCache() { print("skipped: cryptography-vectors cache not found at \(S.vectorRoot)") }

    // MARK: Named groups

    @Test("named groups: RFC 3526 and RFC 5114 files of the corpus, and OpenSSL's own p and g")
    func namedGroups() throws {
        #expect(DHParameters.groupNames.count == 14)
        if let text = S.vectorFile("DH/rfc3526.txt") {
            var count = 0
            for r in S.records(text, terminator: "G") {
                let p = try BigNum(hex: r["P"]!)
                let group = try DHParameters.named("modp_\(p.bitWidth)")
                let g = try BigNum(hex: r["G"]!)
                #expect(group.p == p && group.g == g, "modp_\(p.bitWidth)")
                #expect(group.q == (try (p - .one).shiftedRight(by: 1)))
                count += 1
            }
            #expect(count == 6)
        } else {
            Self.skipNoCache()
        }
        if let text = S.vectorFile("DH/RFC5114.txt") {
            let names = ["dh_1024_160", "dh_2048_224", "dh_2048_256"]
            let records = S.records(text, terminator: "Result")
            #expect(records.count == 3)
            for (r, name) in zip(records, names) {
                let group = try DHParameters.named(name)
                #expect(group.p == (try BigNum(hex: r["P"]!)), "\(name)")
                #expect(group.q == (try BigNum(hex: r["Q"]!)), "\(name)")
                #expect(group.g == (try BigNum(hex: r["G"]!)), "\(name)")
                // RFC 5114's test keys and shared value.
                let mine = try DHPrivateKey(parameters: group, x: BigNum(hex: r["XstatIUT"]!))
                #expect(mine.publicKey.y == (try BigNum(hex: r["YstatIUT"]!)))
                let peer = try DHPublicKey(parameters: group, y: BigNum(hex: r["YstatCAVS"]!))
                let z = try mine.deriveSharedSecret(with: peer, padded: true)
                #expect(z == TestHex.decode(r["Z"]!), "\(name)")
            }
        } else {
            Self.skipNoCache()
        }
        guard S.opensslPath != nil else { return print("skipped: no openssl CLI") }
        let dir = try S.tempDirectory("dh")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for name in DHParameters.groupNames {
            let (s, _) = try S.openssl(
                ["genpkey", "-genparam", "-algorithm", "DH", "-pkeyopt", "group:\(name)", "-out", dir + name])
            #expect(s == 0)
            let (_, out) = try S.openssl(["asn1parse", "-in", dir + name])
            let ints = String(decoding: out, as: UTF8.self).split(separator: "\n").filter { $0.contains("INTEGER") }
                .map { $0.split(separator: ":").last.map(String.init) ?? "" }
            let group = try DHParameters.named(name.uppercased())
            #expect(ints.count == 2)
            #expect(try BigNum(hex: ints[0]) == group.p, "\(name) p")
            #expect(try BigNum(hex: ints[1]) == group.g, "\(name) g")
            #expect(group.groupName == name)
            // The same numbers given without a name are recognised as the group.
            #expect(try DHParameters(p: group.p, g: group.g).groupName == name)
        }
    }

    // MARK: NIST and corpus vectors

    @Test("NIST KAS FFC validity (init and resp): y = g^x, peer checks and Z agree with every Result")
    func kasValidity() throws {
        for file in ["init", "resp"] {
            guard let text = S.vectorFile("DH/KASValidityTest_FFCStatic_NOKC_ZZOnly_\(file).fax") else {
                return Self.skipNoCache()
            }
            var passed = 0
            var failed = 0
            for r in S.records(text, terminator: "Result") {
                let want = r["Result"]!.hasPrefix("P")
                var ok = false
                do {
                    let params = try DHParameters(
                        p: BigNum(hex: r["P"]!), g: BigNum(hex: r["G"]!), q: BigNum(hex: r["Q"]!))
                    let mine = try DHPrivateKey(parameters: params, x: BigNum(hex: r["XstatIUT"]!))
                    let peer = try DHPublicKey(parameters: params, y: BigNum(hex: r["YstatCAVS"]!))
                    let z = try mine.deriveSharedSecret(with: peer, padded: true)
                    try DHPublicKey(parameters: params, y: BigNum(hex: r["YstatIUT"]!)).check()
                    let yIUT = try BigNum(hex: r["YstatIUT"]!)
                    let zValue = try BigNum(bytes: z)
                    let zWant = try BigNum(hex: r["Z"]!)
                    ok = mine.publicKey.y == yIUT && z.count == params.byteCount && zValue == zWant
                } catch {}
                #expect(ok == want, "\(file) \(r["COUNT"] ?? "") \(r["Result"]!)")
                if want { passed += 1 } else { failed += 1 }
            }
            #expect(passed + failed == 72)
            #expect(passed > 0 && failed > 0)
        }
    }

    @Test("vec.txt: shared keys; moduli below 512 bits refused as OpenSSL refuses them")
    func corpusVectors() throws {
        guard let text = S.vectorFile("DH/vec.txt") else { return Self.skipNoCache() }
        var derived = 0
        var refused = 0
        for r in S.records(text, terminator: "K") {
            let params = try DHParameters(p: BigNum(decimal: r["P"]!), g: BigNum(decimal: r["G"]!))
            let mine = try DHPrivateKey(parameters: params, x: BigNum(decimal: r["X"]!))
            let peer = try DHPublicKey(parameters: params, y: BigNum(decimal: r["Y"]!))
            if params.bitCount < DHParameters.minModulusBits {
                #expect(S.reason { _ = try mine.deriveSharedSecret(with: peer) } == "MODULUS_TOO_SMALL")
                refused += 1
            } else {
                #expect(try mine.deriveSharedSecret(with: peer) == TestHex.decode(r["K"]!), "COUNT \(r["COUNT"]!)")
                derived += 1
            }
        }
        #expect(derived + refused == 5 && derived > 0)
        print("vec.txt: \(derived) derived, \(refused) refused (below 512 bits, DH_MIN_MODULUS_BITS)")
        guard let bad = S.vectorFile("DH/bad_exchange.txt") else { return Self.skipNoCache() }
        var count = 0
        for r in S.records(bad, terminator: "Y2") {
            let g = try BigNum(decimal: r["G"]!)
            let p1 = try DHParameters(p: BigNum(decimal: r["P1"]!), g: g)
            let p2 = try DHParameters(p: BigNum(decimal: r["P2"]!), g: g)
            let key1 = try DHPrivateKey(parameters: p1, x: BigNum(decimal: r["X1"]!))
            // The peer's key on its own parameters (other parameters), and its value on ours.
            let y2 = try BigNum(decimal: r["Y2"]!)
            #expect(S.reason { _ = try key1.deriveSharedSecret(with: DHPublicKey(parameters: p2, y: y2)) } != nil)
            count += 1
        }
        #expect(count == 2)
    }

    // MARK: Keys

    @Test("key generation: private lengths as OpenSSL picks them")
    func generation() throws {
        let ffdhe = try DHParameters.named("ffdhe2048")
        #expect(ffdhe.groupKeyLength == 225)
        for _ in 0..<4 {
            let k = try DHPrivateKey.generate(parameters: ffdhe)
            #expect(k.x.bitWidth <= 225 && !k.x.isZero)
            try k.publicKey.check()
        }
        let k300 = try DHPrivateKey.generate(parameters: ffdhe, privateKeyBits: 300)
        #expect(k300.x.bitWidth <= 300)
        // Twice the strength (224) is the floor; above |q| is refused.
        #expect(S.reason { _ = try DHPrivateKey.generate(parameters: ffdhe, privateKeyBits: 200) } == "BN_ERROR")
        #expect(S.reason { _ = try DHPrivateKey.generate(parameters: ffdhe, privateKeyBits: 2048) } == "BN_ERROR")
        // RFC 5114 groups: 2·strength bits (160 for 1024-bit p) below q.
        let rfc = try DHParameters.named("dh_1024_160")
        let k = try DHPrivateKey.generate(parameters: rfc)
        #expect(k.x < rfc.q! && k.x.bitWidth <= 160)
        try k.publicKey.check()
        // PKCS#3 parameters without q: |p| − 2 bits with the top bit set.
        let pkcs3 = try DHParameters(p: ffdhe.p + BigNum(0), g: BigNum(5))
        #expect(pkcs3.groupName == nil && pkcs3.q == nil)
        let k3 = try DHPrivateKey.generate(parameters: pkcs3)
        #expect(k3.x.bitWidth == 2046)
        let k4 = try DHPrivateKey.generate(parameters: pkcs3, privateKeyBits: 512)
        #expect(k4.x.bitWidth == 512)
    }

    // MARK: Interop with the openssl CLI

    /// A DH SubjectPublicKeyInfo (PKCS#3 dhKeyAgreement) or PKCS#8 private key for `key`, as DER
    /// written by `openssl asn1parse -genconf`.
    static func der(_ key: DHPrivateKey, privateKey: Bool, path: String) throws {
        let params = key.parameters
        var conf: String
        if privateKey {
            conf = "asn1=SEQUENCE:pk8\n[pk8]\nv=INTEGER:0\nalg=SEQUENCE:alg\nkey=OCTWRAP,\(S.asn1Integer(key.x))\n"
        } else {
            conf = "asn1=SEQUENCE:spki\n[spki]\nalg=SEQUENCE:alg\npub=BITWRAP,\(S.asn1Integer(key.publicKey.y))\n"
        }
        conf += "[alg]\noid=OID:dhKeyAgreement\nparams=SEQUENCE:params\n"
        conf += "[params]\np=\(S.asn1Integer(params.p))\ng=\(S.asn1Integer(params.g))\n"
        try conf.write(toFile: path + ".conf", atomically: true, encoding: .utf8)
        let (status, _) = try S.openssl(["asn1parse", "-genconf", path + ".conf", "-out", path, "-noout"])
        #expect(status == 0)
    }

    @Test("ffdhe2048 with openssl: derive both ways, default (stripped) and pad:1, a secret with a leading zero")
    func opensslDerive() throws {
        guard S.opensslPath != nil else { return print("skipped: no openssl CLI") }
        let dir = try S.tempDirectory("dh")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let group = try DHParameters.named("ffdhe2048")
        var cases = 0
        for round in 0..<3 {
            let theirPath = dir + "their\(round).pem"
            let (s1, _) = try S.openssl(
                ["genpkey", "-algorithm", "DH", "-pkeyopt", "group:ffdhe2048", "-out", theirPath])
            #expect(s1 == 0)
            let (_, text) = try S.openssl(["pkey", "-in", theirPath, "-text", "-noout"])
            let fields = try S.textFields(text)
            #expect(fields.words["GROUP"] == "ffdhe2048")
            let theirs = try DHPrivateKey(parameters: group, x: fields.numbers["private-key"]!)
            #expect(theirs.publicKey.y == fields.numbers["public-key"]!)
            let (s2, _) = try S.openssl(["pkey", "-in", theirPath, "-pubout", "-out", dir + "theirpub.pem"])
            #expect(s2 == 0)
            let mine = try DHPrivateKey.generate(parameters: group)
            try Self.der(mine, privateKey: false, path: dir + "mypub.der")
            try Self.der(mine, privateKey: true, path: dir + "mine.der")
            let ours = try mine.deriveSharedSecret(with: theirs.publicKey)
            let oursPadded = try mine.deriveSharedSecret(with: theirs.publicKey, padded: true)
            #expect(oursPadded.count == 256)
            // OpenSSL derives with its key and ours, and with our private key and its public key.
            let (s3, z1) = try S.openssl(
                ["pkeyutl", "-derive", "-inkey", theirPath, "-peerkey", dir + "mypub.der", "-peerform", "DER"])
            #expect(s3 == 0 && [UInt8](z1) == ours, "openssl derive (default)")
            let (s4, z2) = try S.openssl(
                [
                    "pkeyutl", "-derive", "-inkey", theirPath, "-peerkey", dir + "mypub.der", "-peerform", "DER",
                    "-pkeyopt", "pad:1",
                ])
            #expect(s4 == 0 && [UInt8](z2) == oursPadded, "openssl derive (pad:1)")
            let (s5, z3) = try S.openssl(
                [
                    "pkeyutl", "-derive", "-inkey", dir + "mine.der", "-keyform", "DER", "-peerkey",
                    dir + "theirpub.pem",
                ])
            #expect(s5 == 0 && [UInt8](z3) == ours, "openssl derive with our private key")
            #expect(try theirs.deriveSharedSecret(with: mine.publicKey) == ours)
            cases += 4
        }
        // A shared secret with a leading zero byte: OpenSSL 3.0's default strips it (DH_compute_key).
        let theirPath = dir + "their0.pem"
        let (_, text) = try S.openssl(["pkey", "-in", theirPath, "-text", "-noout"])
        let theirs = try DHPrivateKey(parameters: group, x: try S.textFields(text).numbers["private-key"]!)
        var found = false
        for _ in 0..<3000 {
            let mine = try DHPrivateKey.generate(parameters: group)
            let padded = try mine.deriveSharedSecret(with: theirs.publicKey, padded: true)
            guard padded[0] == 0 else { continue }
            try Self.der(mine, privateKey: false, path: dir + "mypub.der")
            let (s, z) = try S.openssl(
                ["pkeyutl", "-derive", "-inkey", theirPath, "-peerkey", dir + "mypub.der", "-peerform", "DER"])
            let stripped = try mine.deriveSharedSecret(with: theirs.publicKey)
            #expect(s == 0 && [UInt8](z) == stripped && stripped.count < 256, "leading-zero secret, default")
            let (s2, z2) = try S.openssl(
                [
                    "pkeyutl", "-derive", "-inkey", theirPath, "-peerkey", dir + "mypub.der", "-peerform", "DER",
                    "-pkeyopt", "pad:1",
                ])
            #expect(s2 == 0 && [UInt8](z2) == padded, "leading-zero secret, pad:1")
            found = true
            cases += 2
            break
        }
        #expect(found, "no shared secret with a leading zero byte in 3000 keys")
        print("DH interop: \(cases) derivations agree with openssl pkeyutl")
    }

    // MARK: Bad input

    @Test("bad peer keys, parameters and sizes are thrown errors with OpenSSL's reasons")
    func badInput() throws {
        let group = try DHParameters.named("ffdhe2048")
        let p = group.p
        let mine = try DHPrivateKey.generate(parameters: group)
        func derive(_ y: BigNum) -> String? {
            S.reason { _ = try mine.deriveSharedSecret(with: DHPublicKey(parameters: group, y: y)) }
        }
        #expect(derive(.zero) == "CHECK_PUBKEY_TOO_SMALL")
        #expect(derive(.one) == "CHECK_PUBKEY_TOO_SMALL")
        #expect(derive(p - .one) == "CHECK_PUBKEY_TOO_LARGE")
        #expect(derive(p) == "CHECK_PUBKEY_TOO_LARGE")
        #expect(derive(p + .one) == "CHECK_PUBKEY_TOO_LARGE")
        #expect(derive(p - BigNum(2)) == "CHECK_PUBKEY_INVALID")  // −2 is outside the order-q subgroup
        #expect(S.reason { _ = try DHPublicKey(parameters: group, y: -BigNum(5)) } == "INVALID_PUBKEY")
        let other = try DHParameters.named("ffdhe3072")
        let theirs = try DHPrivateKey.generate(parameters: other)
        #expect(S.reason { _ = try mine.deriveSharedSecret(with: theirs.publicKey) } == "DIFFERENT_PARAMETERS")
        // Parameters.
        #expect(S.reason { _ = try DHParameters(p: p + .one, g: BigNum(2)) } == "CHECK_P_NOT_PRIME")
        #expect(S.reason { _ = try DHParameters(p: p, g: .one) } == "NOT_SUITABLE_GENERATOR")
        #expect(S.reason { _ = try DHParameters(p: p, g: p - .one) } == "NOT_SUITABLE_GENERATOR")
        #expect(S.reason { _ = try DHParameters(p: p, g: BigNum(2), q: BigNum(7)) } == "CHECK_INVALID_Q_VALUE")
        #expect(S.reason { _ = try DHParameters(p: p, g: BigNum(2), q: p) } == "CHECK_INVALID_Q_VALUE")
        #expect(S.reason { _ = try DHParameters.named("ffdhe1024") } == "INVALID_PARAMETER_NAME")
        let huge = try BigNum.one.shiftedLeft(by: 40_000) + .one
        #expect(S.reason { _ = try DHParameters(p: huge, g: BigNum(2)) } == "MODULUS_TOO_LARGE")
        let big = try BigNum.one.shiftedLeft(by: 10_500) + .one
        let bigParams = try DHParameters(p: big, g: BigNum(2))
        #expect(S.reason { _ = try DHPrivateKey.generate(parameters: bigParams) } == "MODULUS_TOO_LARGE")
        let toy = try DHParameters(p: BigNum(23), g: BigNum(5), q: BigNum(11))
        #expect(S.reason { _ = try DHPrivateKey.generate(parameters: toy) } == "MODULUS_TOO_SMALL")
        let toyKey = try DHPrivateKey(parameters: toy, x: BigNum(3))
        #expect(
            S.reason { _ = try toyKey.deriveSharedSecret(with: DHPublicKey(parameters: toy, y: BigNum(4))) }
                == "MODULUS_TOO_SMALL")
        #expect(throws: CryptoError.self) { _ = try DHPrivateKey(parameters: group, x: .zero) }
        #expect(throws: CryptoError.self) { _ = try DHPrivateKey(parameters: group, x: p.shiftedLeft(by: 1)) }
        #expect(try !DHPrivateKey(parameters: group, x: group.q!).isPrivateValueInRange)
        #expect(mine.isPrivateValueInRange)
        // DH_check: a prime that is not safe, given without q.
        if let text = S.vectorFile("DH/KASValidityTest_FFCStatic_NOKC_ZZOnly_init.fax"),
            let r = S.records(text, terminator: "Result").first
        {
            let fa = try DHParameters(p: BigNum(hex: r["P"]!), g: BigNum(hex: r["G"]!), q: BigNum(hex: r["Q"]!))
            try fa.check()
            let noQ = try DHParameters(p: fa.p, g: fa.g)
            #expect(S.reason { try noQ.check() } == "CHECK_P_NOT_SAFE_PRIME")
            let badG = try DHParameters(p: fa.p, g: BigNum(2), q: fa.q)
            #expect(S.reason { try badG.check() } == "NOT_SUITABLE_GENERATOR")
        }
        try group.check()  // a named group passes without tests, as in OpenSSL
    }
}
#endif
