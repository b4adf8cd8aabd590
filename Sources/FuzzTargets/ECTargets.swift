#if EC
import Conformance
import Foundation
import LibCrypto

// Parser targets for LibCrypto's elliptic-curve code (Sources/LibCrypto/PublicKey/EC and
// Encoding/ECKeyEncodings.swift). Bad input must be a thrown `CryptoError`; a trap, another error
// type or a value that does not survive its own encoding is a finding:
// - `ec-point`: the first byte picks a curve of `ECTargets.curves` (the prime curves, then with
//   trait EC2M the binary ones), the rest is an octet-string point; a point that decodes
//   re-encodes in the three forms, each decoding to the same point.
// - `ec-key-der`: the input as SEC 1 ECPrivateKey, ECParameters, PKCS#8 and SPKI (strict DER and
//   OpenSSL's d2i rules); a key in them on a named curve or on explicit parameters (prime or,
//   with EC2M, binary: read with OpenSSL's checks as the key-file harness reads them) becomes a
//   LibCrypto key whose SEC 1 / PKCS#8 / SPKI encoding reads back as the same key.
// - `ec-signature`: the first byte picks ECDSA DER (verified against a fixed P-256 key and
//   digest, re-encoded), ECDSA raw r‖s on a curve of `ECTargets.curves` (verified against a
//   fixed key on it: on Oakley-EC2N-3/4, of even order, a thrown refusal), or Ed25519 / Ed448
//   verification of arbitrary public-key, signature and message bytes.
// Seeds are built at run time from LibCrypto (the generators, a fixed key's SEC 1 / PKCS#8 /
// SPKI DER, valid signatures), plus the checked-in regressions.
enum ECTargets {
    static var all: [FuzzTarget] { [point, keyDER, signature] }

    /// The curves a selector byte picks from: the prime curves, then the binary ones (EC2M).
    static let curves: [ECCurve] = {
        #if EC2M
        return ECCurve.all + ECCurve.allBinary
        #else
        return ECCurve.all
        #endif
    }()

    /// Writes generated samples as seed files of `target` (cut to its maximum length), plus the
    /// target's checked-in regressions.
    static func seeds(_ target: String, _ samples: [[UInt8]]) -> [String] {
        let dir = NSTemporaryDirectory() + "confrun-fuzz-seeds-\(getuid())/\(target)-src"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var items: [(name: String, prefix: [UInt8], path: String)] = []
        for (i, s) in samples.enumerated() {
            let p = dir + "/sample-\(i)"
            if FileManager.default.createFile(atPath: p, contents: Data(s)) { items.append(("sample-\(i)", [], p)) }
        }
        return FuzzSeeds.materialize(target, items, maxBytes: FuzzTargets.maxLength(target))
            + FuzzSeeds.regressions(target)
    }

    /// Runs `body`; a thrown `CryptoError` is a clean refusal (nil), another error a finding.
    static func clean<T>(_ what: String, _ body: () throws -> T) -> (value: T?, finding: String?) {
        do {
            return (try body(), nil)
        } catch is CryptoError {
            return (nil, nil)
        } catch {
            return (nil, "\(what) threw a non-CryptoError: \(error)")
        }
    }

    // MARK: ec-point

    static let forms: [ECPointConversionForm] = [.compressed, .uncompressed, .hybrid]

    /// A point that decoded: each form of it decodes to the same point on the same curve.
    static func pointRoundTrip(_ p: ECPoint) -> String? {
        for form in forms {
            let bytes = p.encoded(form)
            if p.isInfinity && bytes != [0] { return "the point at infinity encodes (\(form)) as \(bytes)" }
            let (again, f) = clean("ECPoint(encoded:) of its own \(form) encoding") {
                try ECPoint(encoded: bytes, curve: p.curve)
            }
            if let f { return f }
            guard let again else { return "the \(form) encoding of a point on \(p.curve) does not decode" }
            if again != p { return "the \(form) encoding of a point on \(p.curve) decodes to another point" }
        }
        return nil
    }

    static let point = FuzzTarget(
        name: "ec-point", kind: .parser,
        summary:
            "EC point octet strings (ECPoint(encoded:curve:) on the curve the first byte picks; re-encoded in the three forms)",
        dictionary: ["\u{00}", "\u{02}", "\u{03}", "\u{04}", "\u{06}", "\u{07}"],
        seeds: {
            var samples: [[UInt8]] = []
            for (i, c) in curves.enumerated() {
                let g = c.generator
                samples += forms.map { [UInt8(i)] + g.encoded($0) }
                samples.append([UInt8(i)] + g.negated().encoded(.compressed))
            }
            samples.append([0, 0])
            return seeds("ec-point", samples)
        },
        run: { input in
            guard let selector = input.first, !curves.isEmpty else { return .ok }
            let curve = curves[Int(selector) % curves.count]
            let bytes = Array(input.dropFirst())
            let (p, f) = clean("ECPoint(encoded:curve:)") { try ECPoint(encoded: bytes, curve: curve) }
            if let f { return .finding(f) }
            guard let p else { return .ok }
            if p.curve != curve { return .finding("a point decoded on \(curve) is on \(p.curve)") }
            if let f = pointRoundTrip(p) { return .finding(f) }
            // A valid public key is also a point; its own encoding must load as the same key.
            let (key, kf) = clean("ECPublicKey(encoded:curve:)") { try ECPublicKey(encoded: bytes, curve: curve) }
            if let kf { return .finding(kf) }
            if let key {
                if key.point != p {
                    return .finding("ECPublicKey(encoded:) and ECPoint(encoded:) disagree on \(curve)")
                }
                for form in forms {
                    guard (try? ECPublicKey(encoded: key.encoded(form), curve: curve)) == key else {
                        return .finding("the \(form) encoding of a public key on \(curve) does not load back")
                    }
                }
            }
            return .ok
        })

    // MARK: ec-key-der

    /// The curve of named or explicit parameters (explicit ones read as the key-file harness
    /// reads them, with OpenSSL's checks), nil for implicitlyCA, an unknown OID or parameters
    /// refused cleanly; a refusal that is no `CryptoError` is the finding.
    static func curve(_ params: ECDomainParameters?) -> (ECCurve?, String?) {
        guard let params else { return (nil, nil) }
        if case .named(let oid) = params { return (try? ECCurve.named(oid.dotted), nil) }
        if case .implicitlyCA = params { return (nil, nil) }
        #if !EC2M
        // Without EC2M the harness refuses binary parameters with its own skip error.
        if case .explicit(let e) = params, e.fieldType == .characteristicTwoField { return (nil, nil) }
        #endif
        return clean("explicit EC parameters") { try PKeyDER.curve(params) }
    }

    /// The parameters a key on `curve` is written with: its OID, or explicit parameters.
    static func parameters(_ curve: ECCurve) -> ECDomainParameters? { try? PKeyDER.ecParameters(curve) }

    /// A public key from BIT STRING bytes on `curve` (nil when it does not load).
    static func publicKey(_ bits: (bytes: [UInt8], unusedBits: Int)?, _ curve: ECCurve) -> (ECPublicKey?, String?) {
        guard let bits, bits.unusedBits == 0 else { return (nil, nil) }
        return clean("ECPublicKey(encoded:curve:)") { try ECPublicKey(encoded: bits.bytes, curve: curve) }
    }

    /// A private key built from a container's parts: its SEC 1, PKCS#8 and SPKI encodings (the
    /// forms OpenSSL writes) must read back as the same scalar and point.
    static func privateKeyRoundTrip(_ key: ECPrivateKey) -> String? {
        let curve = key.curve
        guard let params = parameters(curve) else { return "\(curve)'s parameters do not encode" }
        let raw = key.rawRepresentation
        guard raw.count == curve.orderByteCount else {
            return "a \(curve) private key's raw form has \(raw.count) bytes, not \(curve.orderByteCount)"
        }
        guard let again = try? ECPrivateKey(curve: curve, rawRepresentation: raw), again.d == key.d,
            again.publicKey == key.publicKey
        else { return "a \(curve) private key's raw form does not load as the same key" }
        let sec1 = SEC1ECPrivateKey(
            privateKey: raw, parameters: params, publicKey: (key.publicKey.encoded(), 0))
        let der = sec1.derEncoded()
        guard let back = try? SEC1ECPrivateKey.parse(der: der), back == sec1, Self.curve(back.parameters).0 == curve,
            let k = try? ECPrivateKey(curve: curve, rawRepresentation: back.privateKey), k.d == key.d,
            case (let pub?, _) = publicKey(back.publicKey, curve), pub == key.publicKey
        else { return "the SEC 1 DER of a \(curve) key does not read back as the same key" }
        let alg = AlgorithmIdentifier(algorithm: .ecPublicKey, parameters: params.derEncoded())
        let spki = SubjectPublicKeyInfo(algorithm: alg, subjectPublicKey: key.publicKey.encoded(), unusedBits: 0)
        guard let s = try? SubjectPublicKeyInfo.parse(der: spki.derEncoded()), s == spki,
            (try? ECPublicKey(encoded: s.subjectPublicKey, curve: curve)) == key.publicKey
        else { return "the SPKI DER of a \(curve) key does not read back as the same key" }
        return nil
    }

    /// LibCrypto keys from whichever containers the input parses as.
    static func keysFrom(_ bytes: [UInt8], _ rules: DERRules) -> String? {
        if let sec1 = try? SEC1ECPrivateKey.parse(der: bytes, rules: rules) {
            let (c, cf) = curve(sec1.parameters)
            if let cf { return cf }
            guard let curve = c else { return nil }
            let (key, f) = clean("ECPrivateKey(curve:rawRepresentation:)") {
                try ECPrivateKey(curve: curve, rawRepresentation: sec1.privateKey)
            }
            if let f { return f }
            if let key, let f = privateKeyRoundTrip(key) { return f }
            if case (_, let f?) = publicKey(sec1.publicKey, curve) { return f }
            return nil
        }
        if let p8 = try? PKCS8PrivateKeyInfo.parse(der: bytes, rules: rules), p8.algorithm.algorithm == .ecPublicKey,
            let params = p8.algorithm.parameters,
            let inner = try? SEC1ECPrivateKey.parse(der: p8.privateKey, rules: rules)
        {
            let (c, cf) = curve(try? ECDomainParameters.parse(der: params, rules: rules))
            if let cf { return cf }
            guard let curve = c else { return nil }
            let (key, f) = clean("ECPrivateKey(curve:rawRepresentation:)") {
                try ECPrivateKey(curve: curve, rawRepresentation: inner.privateKey)
            }
            if let f { return f }
            if let key, let f = privateKeyRoundTrip(key) { return f }
        }
        if let spki = try? SubjectPublicKeyInfo.parse(der: bytes, rules: rules),
            spki.algorithm.algorithm == .ecPublicKey, spki.unusedBits == 0, let params = spki.algorithm.parameters,
            case (let c, let cf) = curve(try? ECDomainParameters.parse(der: params, rules: rules))
        {
            if let cf { return cf }
            guard let curve = c else { return nil }
            let (key, f) = clean("ECPublicKey(encoded:curve:)") {
                try ECPublicKey(encoded: spki.subjectPublicKey, curve: curve)
            }
            if let f { return f }
            if let key, let f = pointRoundTrip(key.point) { return f }
        }
        return nil
    }

    /// A fixed P-256 key (the scalar is arbitrary, public test data).
    static let fixedKey: ECPrivateKey? = {
        guard let curve = try? ECCurve.named("prime256v1") else { return nil }
        return try? ECPrivateKey(curve: curve, rawRepresentation: (1...32).map { UInt8($0) })
    }()

    /// The digest `ec-signature` verifies against: 32 fixed bytes (a SHA-256-sized digest).
    static let fixedDigest: [UInt8] = (0..<32).map { UInt8(0xa0 &+ $0) }

    static let keyDER = FuzzTarget(
        name: "ec-key-der", kind: .parser,
        summary:
            "EC key DER (SEC1ECPrivateKey, ECDomainParameters, PKCS#8, SPKI; named-curve keys loaded into LibCrypto and re-encoded)",
        dictionary: [
            "0\u{03}", "\u{02}\u{01}\u{00}", "\u{02}\u{01}\u{01}", "\u{05}\u{00}", "\u{03}\u{01}\u{00}", "\u{04}\u{01}",
            "\u{a0}", "\u{a1}",
        ],
        seeds: {
            var samples: [[UInt8]] = []
            var names = ["prime256v1", "secp384r1", "secp521r1", "secp256k1", "brainpoolP256r1", "secp224r1"]
            #if EC2M
            names += ["sect163k1", "sect571r1", "c2pnb208w1", "Oakley-EC2N-3"]
            #endif
            for name in names {
                guard let curve = try? ECCurve.named(name), let params = parameters(curve),
                    let key = try? ECPrivateKey.generate(curve: curve)
                else { continue }
                let sec1 = SEC1ECPrivateKey(
                    privateKey: key.rawRepresentation, parameters: params, publicKey: (key.publicKey.encoded(), 0))
                let alg = AlgorithmIdentifier(algorithm: .ecPublicKey, parameters: params.derEncoded())
                let inner = SEC1ECPrivateKey(
                    privateKey: key.rawRepresentation, parameters: nil, publicKey: (key.publicKey.encoded(), 0))
                let p8 = PKCS8PrivateKeyInfo(
                    version: 0, algorithm: alg, privateKey: inner.derEncoded(), attributes: nil, publicKey: nil)
                let spki = SubjectPublicKeyInfo(
                    algorithm: alg, subjectPublicKey: key.publicKey.encoded(.compressed), unusedBits: 0)
                samples += [sec1.derEncoded(), params.derEncoded(), p8.derEncoded(), spki.derEncoded()]
                // The same key with the curve's parameters written explicitly (not for SM2's OID).
                if !curve.oid.isEmpty, let explicit = try? PKeyDER.explicitParameters(curve) {
                    samples.append(
                        SEC1ECPrivateKey(
                            privateKey: key.rawRepresentation, parameters: explicit,
                            publicKey: (key.publicKey.encoded(), 0)
                        ).derEncoded())
                }
            }
            return seeds("ec-key-der", samples)
        },
        run: { input in
            let bytes = Array(input)
            for rules in [DERRules.der, .openSSL] {
                let checks: [String?] = [
                    EncodingTargets.container(SEC1ECPrivateKey.self, bytes, rules),
                    EncodingTargets.container(ECDomainParameters.self, bytes, rules),
                    EncodingTargets.container(PKCS8PrivateKeyInfo.self, bytes, rules),
                    EncodingTargets.container(SubjectPublicKeyInfo.self, bytes, rules), keysFrom(bytes, rules),
                ]
                if let f = checks.compactMap({ $0 }).first { return .finding(f) }
            }
            return .ok
        })

    // MARK: ec-signature

    /// What the selector byte of `ec-signature` picks.
    enum SignatureMode: Int, CaseIterable {
        case ecdsaDER, ecdsaRaw, ed25519, ed448
    }

    /// ECDSA DER against the fixed key: a signature that parses re-encodes to the input (strict
    /// DER) and verifies or is refused cleanly.
    static func ecdsaDER(_ bytes: [UInt8]) -> String? {
        let (sig, f) = clean("ECDSASignature(derEncoded:)") { try ECDSASignature(derEncoded: bytes) }
        if let f { return f }
        guard let sig else { return nil }
        let (der, ef) = clean("ECDSASignature.derEncoded") { try sig.derEncoded() }
        if let ef { return ef }
        guard let der else { return "an ECDSA signature that parsed does not encode" }
        if der != bytes { return "an ECDSA signature re-encodes to other DER" }
        guard let key = fixedKey else { return nil }
        if case (_, let vf?) = clean(
            "ECPublicKey.verify", { try key.publicKey.verify(signature: sig, digest: fixedDigest) })
        {
            return vf
        }
        if case (_, let vf?) = clean(
            "ECPublicKey.verify(DER)", { try key.publicKey.verify(signature: bytes, digest: bytes) })
        {
            return vf
        }
        return nil
    }

    /// A fixed key on each of ``curves`` (the scalar is arbitrary, public test data), built on
    /// first use.
    static let fixedKeys: [ECPrivateKey?] = curves.map {
        try? ECPrivateKey(curve: $0, rawRepresentation: [0x5e, 0xed] + (1...14).map { UInt8($0) })
    }

    /// ECDSA r‖s on the curve the first byte picks: what loads writes back the same bytes, and
    /// verifying it against the fixed key on that curve returns or throws a `CryptoError`.
    static func ecdsaRaw(_ body: ArraySlice<UInt8>) -> String? {
        guard let c = body.first, !curves.isEmpty else { return nil }
        let index = Int(c) % curves.count
        let curve = curves[index]
        let raw = Array(body.dropFirst())
        let (sig, f) = clean("ECDSASignature(rawRepresentation:curve:)") {
            try ECDSASignature(rawRepresentation: raw, curve: curve)
        }
        if let f { return f }
        guard let sig else { return nil }
        let (again, rf) = clean("ECDSASignature.rawRepresentation") { try sig.rawRepresentation(curve: curve) }
        if let rf { return rf }
        if again != raw { return "an ECDSA r‖s on \(curve) writes back other bytes" }
        if let der = try? sig.derEncoded(), (try? ECDSASignature(derEncoded: der)) != sig {
            return "the DER of an ECDSA r‖s on \(curve) does not read back"
        }
        if let key = fixedKeys[index] {
            return clean("ECPublicKey.verify on \(curve)") {
                try key.publicKey.verify(signature: sig, digest: fixedDigest)
            }.finding
        }
        return nil
    }

    /// EdDSA verification of fuzzer bytes: the second byte's low bits pick prehash and a context
    /// (its upper bits an odd key or signature length), then the public key, signature, message.
    static func eddsa(_ body: ArraySlice<UInt8>, ed448: Bool) -> String? {
        guard let flags = body.first else { return nil }
        var rest = body.dropFirst()
        let keyLength = ed448 ? 57 : 32
        let sigLength = ed448 ? 114 : 64
        let skew = Int(flags >> 4) & 3  // 0 exact, 1 one short, 2 one long, 3 exact
        let pk = Array(rest.prefix(keyLength + (skew == 1 ? -1 : skew == 2 ? 1 : 0)))
        rest = rest.dropFirst(pk.count)
        let sig = Array(rest.prefix(sigLength + (flags & 0x40 != 0 ? -1 : 0)))
        rest = rest.dropFirst(sig.count)
        let prehash = flags & 1 != 0
        let context: [UInt8] = flags & 2 != 0 ? Array(rest.prefix((Int(flags >> 2) & 3) * 8)) : []
        let message = Array(rest)
        if ed448 {
            let (key, f) = clean("Ed448PublicKey(rawRepresentation:)") { try Ed448PublicKey(rawRepresentation: pk) }
            if let f { return f }
            guard let key else { return nil }
            if key.rawRepresentation != pk { return "an Ed448 public key writes back other bytes" }
            return clean("Ed448PublicKey.verify") {
                try key.verify(signature: sig, message: message, context: context, prehash: prehash)
            }.finding
        }
        let (key, f) = clean("Ed25519PublicKey(rawRepresentation:)") { try Ed25519PublicKey(rawRepresentation: pk) }
        if let f { return f }
        guard let key else { return nil }
        if key.rawRepresentation != pk { return "an Ed25519 public key writes back other bytes" }
        return clean("Ed25519PublicKey.verify") {
            try key.verify(
                signature: sig, message: message, context: flags & 2 != 0 ? context : nil, prehash: prehash)
        }.finding
    }

    static let signature = FuzzTarget(
        name: "ec-signature", kind: .parser,
        summary:
            "ECDSA DER and r‖s signatures (verified against a fixed P-256 key, re-encoded) and Ed25519/Ed448 verification of fuzzer keys and signatures (the first byte picks which)",
        dictionary: ["0D\u{02} ", "0E\u{02}!\u{00}", "\u{02}\u{01}\u{00}", "\u{02}\u{01}\u{01}"],
        seeds: {
            var samples: [[UInt8]] = []
            if let key = fixedKey, let sig = try? key.signature(forDigest: fixedDigest),
                let der = try? sig.derEncoded(),
                let raw = try? sig.rawRepresentation(curve: key.curve),
                let c = curves.firstIndex(of: key.curve)
            {
                samples.append([UInt8(SignatureMode.ecdsaDER.rawValue)] + der)
                samples.append([UInt8(SignatureMode.ecdsaRaw.rawValue), UInt8(c)] + raw)
            }
            let message = Array("ec-signature seed".utf8)
            if let k = try? Ed25519PrivateKey(rawRepresentation: Array(repeating: 7, count: 32)),
                let sig = try? k.signature(for: message)
            {
                samples.append(
                    [UInt8(SignatureMode.ed25519.rawValue), 0] + k.publicKey.rawRepresentation + sig + message)
            }
            if let k = try? Ed448PrivateKey(rawRepresentation: Array(repeating: 7, count: 57)),
                let sig = try? k.signature(for: message)
            {
                samples.append(
                    [UInt8(SignatureMode.ed448.rawValue), 0] + k.publicKey.rawRepresentation + sig + message)
            }
            return seeds("ec-signature", samples)
        },
        run: { input in
            guard let selector = input.first else { return .ok }
            let body = Array(input.dropFirst())[...]
            let f: String?
            switch SignatureMode.allCases[Int(selector) % SignatureMode.allCases.count] {
            case .ecdsaDER: f = ecdsaDER(Array(body))
            case .ecdsaRaw: f = ecdsaRaw(body)
            case .ed25519: f = eddsa(body, ed448: false)
            case .ed448: f = eddsa(body, ed448: true)
            }
            return f.map { .finding($0) } ?? .ok
        })
}
#endif
