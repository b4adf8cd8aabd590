import LibCrypto
import Vectors

// The EC share of the public-key differential (trait EC): keys on every prime curve both
// libraries have, generated on either side and exchanged as DER both ways (SEC 1 from
// i2d_PrivateKey, SubjectPublicKeyInfo from i2d_PUBKEY); ECDSA signed on one side and verified
// on the other (SHA-256 digest, EVP_PKEY_sign/EVP_PKEY_verify); ECDH and X25519/X448 derived on
// both sides; point encodings (valid, mutated, random) decoded by both (LibCrypto's
// ECPoint(encoded:curve:), OpenSSL's d2i_PUBKEY of an SPKI around the bytes).

#if EC
extension PKeyDifferential {
    /// The curves exercised: ``PKeyDifferential/ecCurveNames``, else LibCrypto's catalog
    /// without SM2 (its own key type in OpenSSL 3.0), with the binary curves in an EC2M build.
    var ecCurves: [ECCurve] {
        if let names = ecCurveNames { return names.compactMap { try? ECCurve.named($0) } }
        var curves = ECCurve.all.filter { $0.name.uppercased() != "SM2" }
        #if EC2M
        // The binary curves, when the reference has them (an OpenSSL built with no-ec2m has none).
        if (try? OpenSSLPKey.generate("EC", group: "sect163k1", in: reference)) != nil {
            curves += ECCurve.allBinary
        }
        #endif
        return curves
    }

    func ecPair(curve: ECCurve, openSSLGenerates: Bool) throws -> PKeyPair {
        let who = openSSLGenerates ? "OpenSSL-generated" : "LibCrypto-generated"
        let name = "EC \(curve.name) (\(who))"
        func step<T>(_ cause: String, der: [UInt8] = [], _ body: () throws -> T) throws -> T {
            do { return try body() } catch {
                let key = der.isEmpty ? "" : "; private key DER \(Hex.encode(der))"
                throw PKeyMismatch(cause: cause, detail: "\(name): \(error)\(key)")
            }
        }
        let ours: ECPrivateKey
        let theirs: OpenSSLPKey
        let priv: [UInt8]
        if openSSLGenerates {
            theirs = try step("OpenSSL cannot generate the key") {
                // OpenSSL 3.0's keys on the SM2 curve are of type SM2.
                try OpenSSLPKey.generate(curve.name == "SM2" ? "SM2" : "EC", group: curve.name, in: reference)
            }
            priv = try step("OpenSSL cannot write the private key") { try theirs.privateDER() }
            ours = try step("OpenSSL's EC private key DER does not read here (or re-encodes differently)", der: priv) {
                try PKeyDER.readECPrivate(priv)
            }
            let mine = try step("LibCrypto cannot encode the key", der: priv) { try PKeyDER.ecPrivate(ours) }
            try step("LibCrypto's private key DER differs from OpenSSL's", der: priv) {
                try PKeyDER.same(mine, priv, "private key")
            }
            let pub = try step("OpenSSL cannot write the public key", der: priv) { try theirs.publicDER() }
            let readPub = try step("OpenSSL's SubjectPublicKeyInfo does not read here", der: priv) {
                try PKeyDER.readECPublic(pub)
            }
            try step("the public key read from the SPKI is not the private key's", der: priv) {
                guard readPub == ours.publicKey else { throw CryptoError(.invalidParameter, "different points") }
                try PKeyDER.same(try PKeyDER.ecPublic(ours.publicKey), pub, "SPKI")
            }
        } else {
            ours = try step("LibCrypto cannot generate the key") { try ECPrivateKey.generate(curve: curve) }
            priv = try step("LibCrypto cannot encode the private key") { try PKeyDER.ecPrivate(ours) }
            let pub = try step("LibCrypto cannot encode the public key", der: priv) {
                try PKeyDER.ecPublic(ours.publicKey)
            }
            theirs = try step("OpenSSL cannot read LibCrypto's private key DER", der: priv) {
                try OpenSSLPKey.privateKey(der: priv, in: reference)
            }
            try step("OpenSSL's private key DER differs from LibCrypto's", der: priv) {
                try PKeyDER.same(priv, try theirs.privateDER(), "private key")
            }
            try step("OpenSSL's SubjectPublicKeyInfo differs from LibCrypto's", der: priv) {
                try PKeyDER.same(pub, try theirs.publicDER(), "SPKI")
            }
            let alone = try step("OpenSSL cannot read LibCrypto's SubjectPublicKeyInfo", der: priv) {
                try OpenSSLPKey.publicKey(der: pub, in: reference)
            }
            try step("OpenSSL re-encodes LibCrypto's SubjectPublicKeyInfo differently", der: priv) {
                try PKeyDER.same(pub, try alone.publicDER(), "SPKI read alone")
            }
        }
        let pair = PKeyPair(ours: .other("EC"), theirs: theirs, privateDER: priv, label: name)
        pair.ec = ours
        return pair
    }

    /// An X25519 or X448 key through the common exchange (PKCS#8 and SPKI both ways).
    func ecxPair(type: String, openSSLGenerates: Bool) throws -> PKeyPair {
        try exchange(
            type: type, label: type, openSSLGenerates: openSSLGenerates,
            generate: { try OpenSSLPKey.generate(type, in: reference) },
            make: { .ecx(try ECXKey.generate(type)) })
    }

    func makeECPool(_ pool: inout Pool, for ops: [PKeyOperation]) {
        func add(_ key: String, _ label: String, _ make: () throws -> PKeyPair) {
            do { pool.ec[key, default: []].append(try make()) } catch let m as PKeyMismatch {
                pool.problems.append((label, m))
            } catch {
                pool.problems.append((label, PKeyMismatch(cause: "key set-up failed", detail: "\(error)")))
            }
        }
        if ops.contains(.ecdsa) || ops.contains(.ecdh) {
            for curve in ecCurves {
                for side in [true, false] {
                    add(curve.name, "EC key \(curve.name)") { try ecPair(curve: curve, openSSLGenerates: side) }
                }
            }
        }
        #if SM2
        if ops.contains(.sm2Sign) || ops.contains(.sm2Encrypt), let sm2 = try? ECCurve.named("SM2") {
            for side in [true, false, true, false] {
                add("SM2", "SM2 key") { try ecPair(curve: sm2, openSSLGenerates: side) }
            }
        }
        #endif
        if ops.contains(.ecxDerive) {
            for type in ["X25519", "X448"] {
                for side in [true, false, true, false] {
                    add(type, "\(type) key") { try ecxPair(type: type, openSSLGenerates: side) }
                }
            }
        }
        for (op, type) in [(PKeyOperation.ed25519, "ED25519"), (.ed448, "ED448")] where ops.contains(op) {
            for side in [true, false] {
                add(type, "\(type) key") { try ecxPair(type: type, openSSLGenerates: side) }
            }
        }
    }

    /// An Ed25519 or Ed448 key made from seeded bytes (the run replays from its seed) and carried
    /// to OpenSSL as PKCS#8 and SubjectPublicKeyInfo (OpenSSL's re-encodings must be ours).
    func seededEdPair(type: String, _ rng: inout SeededRandom) throws -> PKeyPair {
        let raw = rng.bytes(ECXKey.length(type))
        return try exchange(
            type: type, label: "\(type) seeded", openSSLGenerates: false,
            generate: { throw CryptoError(.invalidParameter, "a seeded key is made here") },
            make: { .ecx(try ECXKey(type: type, privateRaw: raw)) })
    }

    /// Ed25519 or Ed448 (pure, no context) on a key from the pool (generated by either side; 1 case
    /// in 4) or made from seeded bytes and exchanged as DER, and a seeded message of 0 to 300 bytes.
    /// Both sides sign (OpenSSL with the one-shot EVP_DigestSign); each verifies the other's
    /// signature with the public key read from the other's SubjectPublicKeyInfo; EdDSA is
    /// deterministic, so the two signatures must be the same bytes. In 1 case in 3 a corrupted
    /// signature (a bit flipped, S + L, a byte cut or added) or a changed message follows, which
    /// both must reject.
    func eddsaCase(_ type: String, _ pool: Pool, _ rng: inout SeededRandom, _ d: inout String) throws {
        let key: PKeyPair
        if rng.below(4) == 0 {
            guard let keys = pool.ec[type], !keys.isEmpty else {
                throw PKeySkip(reason: "no \(type) key could be set up (see key DER exchange)")
            }
            key = keys[rng.below(keys.count)]
        } else {
            key = try seededEdPair(type: type, &rng)
        }
        let message = rng.bytes(rng.below(301))
        let corruption = rng.below(3) == 0 ? rng.below(6) : nil
        d = "\(type); message \(Hex.encode(message)); key \(key.report)"
        guard case .ecx(let ours) = key.ours, let priv = ours.privateKey else {
            throw PKeySkip(reason: "not an \(type) private key")
        }
        let ed25519 = type == "ED25519"
        func signHere(_ m: [UInt8]) throws -> [UInt8] {
            ed25519
                ? try Ed25519PrivateKey(rawRepresentation: priv).signature(for: m)
                : try Ed448PrivateKey(rawRepresentation: priv).signature(for: m)
        }
        // Each side verifies with a public key read from the other side's SPKI alone.
        let theirPublic: OpenSSLPKey
        let ourPublic: [UInt8]
        do {
            theirPublic = try OpenSSLPKey.publicKey(der: PKeyDER.ecxPublic(ours), in: reference)
            ourPublic = try SubjectPublicKeyInfo.parse(der: try key.theirs.publicDER()).subjectPublicKey
        } catch { throw PKeyMismatch(cause: "the public key does not cross as SPKI", detail: "\(error)") }
        func verifyHere(_ s: [UInt8], _ m: [UInt8]) throws {
            if ed25519 {
                try Ed25519PublicKey(rawRepresentation: ourPublic).verify(signature: s, message: m)
            } else {
                try Ed448PublicKey(rawRepresentation: ourPublic).verify(signature: s, message: m)
            }
        }
        func verifyThere(_ s: [UInt8], _ m: [UInt8]) throws { try theirPublic.digestVerify(signature: s, m) }

        var mine: [UInt8]
        do { mine = try signHere(message) } catch {
            throw PKeyMismatch(cause: "LibCrypto cannot sign", detail: "\(error)")
        }
        tamper?(&mine)
        let theirs: [UInt8]
        do { theirs = try key.theirs.digestSign(message) } catch {
            throw PKeyMismatch(cause: "OpenSSL cannot sign", detail: "\(error)")
        }
        do { try verifyThere(mine, message) } catch {
            throw PKeyMismatch(
                cause: "OpenSSL rejects LibCrypto's signature", detail: "\(error); signature \(Hex.encode(mine))")
        }
        do { try verifyHere(theirs, message) } catch {
            throw PKeyMismatch(
                cause: "LibCrypto rejects OpenSSL's signature", detail: "\(error); signature \(Hex.encode(theirs))")
        }
        guard mine == theirs else {
            throw PKeyMismatch(
                cause: "the deterministic signatures differ",
                detail: "LibCrypto \(Hex.encode(mine)), OpenSSL \(Hex.encode(theirs))")
        }
        guard let kind = corruption else { return }
        var bad = theirs
        var badMessage = message
        let what: String
        switch kind {
        case 0, 1:
            let i = rng.below(bad.count)
            let bit = rng.below(8)
            bad[i] ^= UInt8(1) << UInt8(bit)
            what = "bit \(bit) of signature byte \(i) flipped"
        case 2:
            // S + L: the same S modulo L, refused by the range check S < L (RFC 8032 §5.1.7).
            let half = bad.count / 2
            let l = ed25519 ? Self.ed25519Order : Self.ed448Order
            var carry = 0
            for j in 0..<(bad.count - half) {
                let sum = Int(bad[half + j]) + Int(j < l.count ? l[j] : 0) + carry
                bad[half + j] = UInt8(sum & 0xFF)
                carry = sum >> 8
            }
            what = "S replaced by S + L"
        case 3:
            bad.removeLast(1 + rng.below(3))
            what = "signature cut short"
        case 4:
            bad += rng.bytes(1 + rng.below(3))
            what = "bytes appended to the signature"
        default:
            if badMessage.isEmpty || rng.chance(30) {
                badMessage.append(UInt8(rng.below(256)))
            } else {
                badMessage[rng.below(badMessage.count)] ^= UInt8(1) << UInt8(rng.below(8))
            }
            what = "message changed to \(Hex.encode(badMessage))"
        }
        d += "; corrupted: \(what), signature \(Hex.encode(bad))"
        let hereAccepts = (try? verifyHere(bad, badMessage)) != nil
        let thereAccepts = (try? verifyThere(bad, badMessage)) != nil
        if hereAccepts || thereAccepts {
            let who =
                hereAccepts && thereAccepts
                ? "both accept" : hereAccepts ? "only LibCrypto accepts" : "only OpenSSL accepts"
            throw PKeyMismatch(cause: "\(who) a corrupted signature", detail: what)
        }
    }

    /// L of edwards25519 (RFC 8032 §5.1), little-endian.
    static let ed25519Order: [UInt8] =
        (try? Hex.decode("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010")) ?? []
    /// L of edwards448 (RFC 8032 §5.2), little-endian.
    static let ed448Order: [UInt8] =
        (try? Hex.decode(
            "f34458ab92c27823558fc58d72c26c219036d6ae49db4ec4e923ca7cffffffffffffffffffffffffffffffffffffffffffffffffffffff3f"
        )) ?? []

    func ecKeys(_ pool: Pool, _ rng: inout SeededRandom, _ need: Int) throws -> (ECCurve, [PKeyPair]) {
        let curves = ecCurves
        guard !curves.isEmpty else { throw PKeySkip(reason: "no EC curves") }
        let curve = curves[rng.below(curves.count)]
        guard let keys = pool.ec[curve.name], keys.count >= need else {
            throw PKeySkip(reason: "fewer than \(need) \(curve.name) keys could be set up (see key DER exchange)")
        }
        return (curve, keys)
    }

    func ecdsaCase(_ pool: Pool, _ rng: inout SeededRandom, _ d: inout String) throws {
        let (curve, keys) = try ecKeys(pool, &rng, 1)
        let key = keys[rng.below(keys.count)]
        guard let ours = key.ec else { throw PKeySkip(reason: "not an EC key") }
        let digest = try Registry.digest(named: "SHA256").hash(rng.bytes(rng.below(200)))
        let options = OpenSSLPKey.Options([("digest", "SHA256")])
        if !curve.order.isOdd {
            // Oakley-EC2N-3/4: no inverse modulo an even order. Both sides must refuse to sign.
            d = "ECDSA on \(curve.name) (even order); key \(key.report)"
            if let s = try? ours.sign(digest: digest) {
                throw PKeyMismatch(
                    cause: "LibCrypto signs on a curve of even order", detail: "signature \(Hex.encode(s))")
            }
            if let s = try? key.theirs.sign(digest, options) {
                throw PKeyMismatch(
                    cause: "OpenSSL signs on a curve of even order", detail: "signature \(Hex.encode(s))")
            }
            throw PKeySkip(
                reason:
                    "ECDSA on \(curve.name): its group order is even, OpenSSL 3.0 cannot sign there (ecdsa_sign_setup: BN lib) and LibCrypto refuses too (both checked)"
            )
        }
        let signHere = rng.chance(50)
        d =
            "\(signHere ? "sign here, verify in OpenSSL" : "sign in OpenSSL, verify here"); digest \(Hex.encode(digest)); key \(key.report)"
        try signatureExchange(
            signHere: signHere, corrupt: rng.chance(20),
            signOurs: { try ours.sign(digest: digest) },
            verifyOurs: { try ours.publicKey.verify(signature: $0, digest: digest) },
            signTheirs: { try key.theirs.sign(digest, options) },
            verifyTheirs: { try key.theirs.verify(signature: $0, digest, options) })
    }

    func ecdhCase(_ pool: Pool, _ rng: inout SeededRandom, _ d: inout String) throws {
        let (curve, keys) = try ecKeys(pool, &rng, 2)
        let i = rng.below(keys.count)
        let a = keys[i]
        let b = keys[(i + 1 + rng.below(keys.count - 1)) % keys.count]
        guard let ourA = a.ec, let ourB = b.ec else { throw PKeySkip(reason: "not an EC key") }
        d = "\(curve.name); key A \(a.report); key B \(b.report)"
        try compareSecrets(
            here: { try ourA.sharedSecret(with: ourB.publicKey) },
            there: { try b.theirs.derive(peer: a.theirs, .init()) })
    }

    func ecxCase(_ pool: Pool, _ rng: inout SeededRandom, _ d: inout String) throws {
        let type = rng.chance(50) ? "X25519" : "X448"
        guard let keys = pool.ec[type], keys.count >= 2 else {
            throw PKeySkip(reason: "fewer than two \(type) keys could be set up (see key DER exchange)")
        }
        let i = rng.below(keys.count)
        let a = keys[i]
        let b = keys[(i + 1 + rng.below(keys.count - 1)) % keys.count]
        guard case .ecx(let ka) = a.ours, let priv = ka.privateKey, case .ecx(let kb) = b.ours else {
            throw PKeySkip(reason: "not an ECX key")
        }
        d = "\(type); key A \(a.report); key B \(b.report)"
        try compareSecrets(
            here: {
                type == "X25519"
                    ? try X25519.sharedSecret(privateKey: priv, peerPublicKey: kb.publicKey)
                    : try X448.sharedSecret(privateKey: priv, peerPublicKey: kb.publicKey)
            }, there: { try b.theirs.derive(peer: a.theirs, .init()) })
    }

    func compareSecrets(here: () throws -> [UInt8], there: () throws -> [UInt8]) throws {
        var mine: [UInt8]
        do { mine = try here() } catch { throw PKeyMismatch(cause: "LibCrypto cannot derive", detail: "\(error)") }
        tamper?(&mine)
        let theirs: [UInt8]
        do { theirs = try there() } catch { throw PKeyMismatch(cause: "OpenSSL cannot derive", detail: "\(error)") }
        guard mine == theirs else {
            throw PKeyMismatch(
                cause: "shared secrets differ", detail: "LibCrypto \(Hex.encode(mine)), OpenSSL \(Hex.encode(theirs))")
        }
    }

    /// A point encoding (valid in some form, mutated, or random) decoded by both: accept/reject
    /// must agree, and an accepted point must be the same (OpenSSL's i2d_PUBKEY re-encoding).
    func ecPointCase(_ rng: inout SeededRandom, _ d: inout String) throws {
        let curves = ecCurves
        let curve = curves[rng.below(curves.count)]
        let n = curve.fieldByteCount
        var bytes: [UInt8]
        let kind = rng.below(10)
        if kind == 0 {
            bytes = rng.bytes([1, 1 + n, 1 + 2 * n][rng.below(3)])
            if !bytes.isEmpty { bytes[0] = [0, 2, 3, 4, 6, 7, 5, 1][rng.below(8)] }
        } else {
            // A random scalar; one out of [1, n − 1] (rare) stands for the generator.
            let scalar = try BigNum(bytes: rng.bytes(curve.orderByteCount))
            let point = (try? ECPrivateKey(curve: curve, d: scalar))?.publicKey.point ?? curve.generator
            let form: ECPointConversionForm = [.compressed, .uncompressed, .hybrid][rng.below(3)]
            bytes = point.encoded(form)
            switch kind {
            case 1...3: break
            case 4, 5:
                let i = rng.below(bytes.count)
                bytes[i] ^= UInt8(1) << UInt8(rng.below(8))
            case 6: bytes[0] = UInt8(rng.below(9))
            case 7: bytes.removeLast(1 + rng.below(min(3, bytes.count)))
            case 8: bytes += rng.bytes(1 + rng.below(3))
            default:
                // x replaced by p − something small or p itself (out of range); on a binary
                // curve all ones (bits at and above x^m unless m is a multiple of 8).
                var p = [UInt8](repeating: 0xFF, count: n)
                #if EC2M
                if !curve.isBinary { p = try curve.p.bytes(paddedTo: n) }
                #else
                p = try curve.p.bytes(paddedTo: n)
                #endif
                for j in 0..<n { bytes[1 + j] = p[j] }
                if rng.chance(50) { bytes[n] &-= UInt8(1 + rng.below(3)) }
            }
        }
        d = "\(curve.name), point \(Hex.encode(bytes))"
        let spki = PKeyDER.spki(try PKeyDER.ecAlgorithm(curve), bytes)
        let ours = Result { try ECPoint(encoded: bytes, curve: curve) }
        let theirs = Result { try OpenSSLPKey.publicKey(der: spki, in: reference) }
        switch (ours, theirs) {
        case (.failure, .failure): return
        case (.success(let p), .failure(let e)):
            // OpenSSL's key import refuses the point at infinity (not a usable public key).
            if p.isInfinity { return }
            throw PKeyMismatch(cause: "LibCrypto decodes a point OpenSSL rejects", detail: "\(e)")
        case (.failure(let e), .success):
            throw PKeyMismatch(cause: "OpenSSL decodes a point LibCrypto rejects", detail: "\(e)")
        case (.success(let p), .success) where p.isInfinity:
            // The single byte 00: OpenSSL 3.0's d2i_PUBKEY reads it as the point at infinity on
            // some curves (the import makes no public-key check) and then cannot write it back
            // (i2d_PUBKEY: "invalid form"). Both decoded the point at infinity.
            guard bytes == [0] else {
                throw PKeyMismatch(cause: "LibCrypto decodes the point at infinity from more than 00", detail: d)
            }
            return
        case (.success(let p), .success(let k)):
            let form = KeyFileSteps.form(of: bytes)
            let mine = PKeyDER.spki(try PKeyDER.ecAlgorithm(curve), p.encoded(form))
            let want: [UInt8]
            do { want = try k.publicDER() } catch {
                throw PKeyMismatch(cause: "OpenSSL cannot write the decoded point", detail: "\(error)")
            }
            if mine != want {
                throw PKeyMismatch(
                    cause: "the decoded points differ",
                    detail: DERDifference(what: "SPKI", ours: mine, theirs: want).description)
            }
        }
    }
}
#endif
