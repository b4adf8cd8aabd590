import Foundation
import LibCrypto
import Vectors

/// Runs one `ECCheck` (NIST CAVP ECDSA and KAS ECC records, pyca's EC files) on LibCrypto. Each
/// step throws when it fails: a passing record must get through all of them, a failing one
/// (`Result = F`) must stop at one. A binary curve (sect…, NIST K-/B-) needs trait `EC2M`; a
/// build without it, or without trait `EC`, throws ``FamilyDisabled``.
struct ECSteps {
    let check: ECCheck

    static func number(_ b: [UInt8]?) throws -> BigNum { try BigNum(bytes: b ?? []) }

    /// The key type a check needs (the catalog name its trait gate uses).
    static func keyType(of check: ECCheck) -> String {
        switch check.kind {
        case .xdh, .eddsa: return check.curve
        default: return "EC"
        }
    }

    func run() throws {
        #if EC
        switch check.kind {
        case .xdh: try runXDH()
        case .eddsa: try runEdDSA()
        default: try runPrime()
        }
        #else
        throw FamilyDisabled(keyType: Self.keyType(of: check))
        #endif
    }

    #if EC
    /// The named curve; a binary one in a build without trait `EC2M` is ``FamilyDisabled``.
    func curve() throws -> ECCurve {
        #if !EC2M
        if check.curve.hasPrefix("sect") || check.curve.hasPrefix("c2") {
            throw FamilyDisabled(keyType: "EC2M")
        }
        #endif
        return try ECCurve.named(check.curve)
    }

    /// `bytes` left-padded to `length` (a CAVP value may drop leading zero bytes or keep them).
    static func padded(_ bytes: [UInt8], _ length: Int) -> [UInt8] {
        var b = Array(bytes.drop(while: { $0 == 0 }))
        if b.count < length { b = [UInt8](repeating: 0, count: length - b.count) + b }
        return b
    }

    func publicKey(_ curve: ECCurve, _ x: [UInt8]?, _ y: [UInt8]?) throws -> ECPublicKey {
        try ECPublicKey(x: try Self.number(x), y: try Self.number(y), curve: curve)
    }

    func runPrime() throws {
        let c = check
        let curve = try curve()
        switch c.kind {
        case .keyPair:
            let key = try ECPrivateKey(curve: curve, d: try Self.number(c.d))
            let q = try publicKey(curve, c.qx, c.qy)
            guard key.publicKey == q else { throw FFCMismatch("Q is not d·G") }
        case .publicKey:
            _ = try publicKey(curve, c.qx, c.qy)
        case .ecdsaSign, .ecdsaVerify:
            let md = try Registry.digest(named: c.digest ?? "SHA1")
            let digest = try md.hash(c.message)
            let pub = try publicKey(curve, c.qx, c.qy)
            if c.kind == .ecdsaSign {
                let key = try ECPrivateKey(curve: curve, d: try Self.number(c.d))
                guard key.publicKey == pub else { throw FFCMismatch("Q is not d·G") }
                // Randomized: a fresh signature is verified, never compared with the file's.
                let fresh = try key.signature(forDigest: digest)
                do { try pub.verify(signature: fresh, digest: digest) } catch {
                    throw FFCMismatch("a fresh signature does not verify: \(error)")
                }
            }
            let signature = ECDSASignature(r: try Self.number(c.r), s: try Self.number(c.s))
            try pub.verify(signature: signature, digest: digest)
            // The DER form of the same (r, s) verifies too.
            try pub.verify(signature: signature.derEncoded(), digest: digest)
        case .kas:
            try runKAS(curve)
        case .ecdh:
            let a = try ECPrivateKey(curve: curve, d: try Self.number(c.d))
            let b = try ECPrivateKey(curve: curve, d: try Self.number(c.peerD))
            guard a.publicKey == (try publicKey(curve, c.qx, c.qy)) else { throw FFCMismatch("QA is not dA·G") }
            guard b.publicKey == (try publicKey(curve, c.peerX, c.peerY)) else { throw FFCMismatch("QB is not dB·G") }
            let z = try b.publicKey.point.multiplied(by: a.d)
            guard z.x == (try Self.number(c.secret)), z.y == (try Self.number(c.secretY)) else {
                throw FFCMismatch("dA·QB is not (x_Z, y_Z)")
            }
            let length = curve.fieldByteCount
            let want = Self.padded(c.secret ?? [], length)
            guard try a.sharedSecret(with: b.publicKey) == want, try b.sharedSecret(with: a.publicKey) == want else {
                throw FFCMismatch("ECDH does not give x_Z from both sides")
            }
        case .pointDecode:
            let point = try ECPoint(encoded: c.peerX ?? [], curve: curve)
            guard point.x == (try Self.number(c.qx)), point.y == (try Self.number(c.qy)) else {
                throw FFCMismatch("the point decodes to another (x, y)")
            }
        case .xdh, .eddsa:
            break
        }
    }

    /// NIST KAS ECC ECCStaticUnified: every check the record's Result may be about.
    func runKAS(_ curve: ECCurve) throws {
        let c = check
        let peer = try publicKey(curve, c.peerX, c.peerY)  // CAVS's key fails PKV: Result F (1, 2)
        let own = try publicKey(curve, c.qx, c.qy)  // IUT's key fails PKV: Result F (5, 6)
        let key = try ECPrivateKey(curve: curve, d: try Self.number(c.d))
        guard key.publicKey == own else { throw FFCMismatch("QsIUT is not dsIUT·G") }  // F (7)
        let peerKey = try ECPrivateKey(curve: curve, d: try Self.number(c.peerD))
        guard peerKey.publicKey == peer else { throw FFCMismatch("QsCAVS is not dsCAVS·G") }
        let z = try key.sharedSecret(with: peer)
        guard z == (try peerKey.sharedSecret(with: own)) else { throw FFCMismatch("Z differs between the sides") }
        guard z == Self.padded(c.secret ?? [], curve.fieldByteCount) else { throw FFCMismatch("Z is not dsIUT·QsCAVS") }
        if let hash = c.secretHash {
            let md = try Registry.digest(named: c.digest ?? "SHA1")
            guard try md.hash(z) == hash else { throw FFCMismatch("CAVSHashZZ is not the hash of Z") }
        }
        if let dkm = c.derivedKey {
            let md = try Registry.digest(named: c.digest ?? "SHA1")
            let derived = try SSKDF.derive(md.hashType, secret: z, info: c.otherInfo ?? [], length: dkm.count)
            guard derived == dkm else { throw FFCMismatch("DKM is not the concatenation KDF of Z and OI") }
            // SP 800-56A's MacData here is "Standard Test Message" ‖ Nonce; a record whose
            // MacData is otherwise is one with the MacData changed (Result F 11).
            let macData = Array("Standard Test Message".utf8) + (c.nonce ?? [])
            guard c.macData == macData else { throw FFCMismatch("MacData is not \"Standard Test Message\" ‖ Nonce") }
            let mac = try Registry.hmac(digest: c.macDigest ?? "SHA512", key: derived)
            mac.update(macData)
            guard let tag = c.tag, Array(mac.finalize().prefix(tag.count)) == tag else {
                throw FFCMismatch("CAVSTag is not the HMAC of MacData under DKM")
            }
        }
    }

    func runXDH() throws {
        let c = check
        let secret: [UInt8]
        switch c.curve {
        case "X25519": secret = try X25519.sharedSecret(privateKey: c.d ?? [], peerPublicKey: c.peerX ?? [])
        case "X448": secret = try X448.sharedSecret(privateKey: c.d ?? [], peerPublicKey: c.peerX ?? [])
        default: throw PKeyUnsupported(description: "\(c.curve) is not X25519 or X448")
        }
        guard secret == c.secret else { throw FFCMismatch("the output u is not OUTPUT_U") }
    }

    func runEdDSA() throws {
        let c = check
        let message = c.message
        switch c.curve {
        case "ED25519":
            let key = try Ed25519PrivateKey(rawRepresentation: c.d ?? [])
            guard key.publicKey.rawRepresentation == c.qx else { throw FFCMismatch("PUBLIC is not the seed's key") }
            let sig = try key.signature(for: message, context: c.context)
            guard sig == c.signature else { throw FFCMismatch("the signature is not SIGNATURE") }
            try key.publicKey.verify(signature: sig, message: message, context: c.context)
        case "ED448":
            let key = try Ed448PrivateKey(rawRepresentation: c.d ?? [])
            guard key.publicKey.rawRepresentation == c.qx else { throw FFCMismatch("PUBLIC is not the seed's key") }
            let sig = try key.signature(for: message, context: c.context ?? [])
            guard sig == c.signature else { throw FFCMismatch("the signature is not SIGNATURE") }
            try key.publicKey.verify(signature: sig, message: message, context: c.context ?? [])
        default:
            throw PKeyUnsupported(description: "\(c.curve) is not Ed25519 or Ed448")
        }
    }
    #endif
}
