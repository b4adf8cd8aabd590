import LibCrypto
import Vectors

// The SM2 share of the public-key differential (trait SM2): SM2 keys (the EC key exchange of
// PKeyDifferentialEC.swift on the SM2 curve, generated on either side; OpenSSL 3.0 types them
// SM2) signing on one side and verifying on the other through EVP_DigestSign/EVP_DigestVerify
// with SM3 and the `distid` parameter (empty, GM/T 0009's default ID, or random bytes), and
// encrypting on one side and decrypting on the other (SM3 or SHA-256 as the KDF/C3 digest).
// Signatures and ciphertexts are random: they are verified/decrypted, never compared.

#if SM2
extension PKeyDifferential {
    func sm2Key(_ pool: Pool, _ rng: inout SeededRandom) throws -> (PKeyPair, ECPrivateKey) {
        guard let keys = pool.ec["SM2"], !keys.isEmpty else {
            throw PKeySkip(reason: "no SM2 keys could be set up (see key DER exchange)")
        }
        let key = keys[rng.below(keys.count)]
        guard let ours = key.ec else { throw PKeySkip(reason: "not an SM2 key") }
        return (key, ours)
    }

    func sm2SignCase(_ pool: Pool, _ rng: inout SeededRandom, _ d: inout String) throws {
        let (key, ours) = try sm2Key(pool, &rng)
        let message = rng.bytes(rng.below(300))
        let id: [UInt8]
        switch rng.below(3) {
        case 0: id = []
        case 1: id = Array("1234567812345678".utf8)
        default: id = rng.bytes(1 + rng.below(40))
        }
        let signHere = rng.chance(50)
        d =
            "\(signHere ? "sign here, verify in OpenSSL" : "sign in OpenSSL, verify here"); distid \(Hex.encode(id)); message \(Hex.encode(message)); key \(key.report)"
        try signatureExchange(
            signHere: signHere, corrupt: rng.chance(20),
            signOurs: { try SM2.sign(message: message, privateKey: ours, id: id) },
            verifyOurs: { try SM2.verify(signature: $0, message: message, publicKey: ours.publicKey, id: id) },
            signTheirs: { try key.theirs.digestSign(message, digest: "SM3", distid: id) },
            verifyTheirs: { try key.theirs.digestVerify(signature: $0, message, digest: "SM3", distid: id) })
    }

    func sm2EncryptCase(_ pool: Pool, _ rng: inout SeededRandom, _ d: inout String) throws {
        let (key, ours) = try sm2Key(pool, &rng)
        let message = rng.bytes(1 + rng.below(300))
        let digest = rng.chance(75) ? "SM3" : "SHA256"
        let options = OpenSSLPKey.Options([("digest", digest)])
        let encryptHere = rng.chance(50)
        d =
            "\(encryptHere ? "encrypt here, decrypt in OpenSSL" : "encrypt in OpenSSL, decrypt here"); digest \(digest); message \(Hex.encode(message)); key \(key.report)"
        var ciphertext: [UInt8]
        do {
            ciphertext =
                encryptHere
                ? try SM2.encrypt(message, publicKey: ours.publicKey, digestName: digest)
                : try key.theirs.encrypt(message, options)
        } catch {
            throw PKeyMismatch(cause: "\(encryptHere ? "LibCrypto" : "OpenSSL") cannot encrypt", detail: "\(error)")
        }
        if encryptHere { tamper?(&ciphertext) }
        let plain: [UInt8]
        do {
            plain =
                encryptHere
                ? try key.theirs.decrypt(ciphertext, options)
                : try SM2.decrypt(ciphertext, privateKey: ours, digestName: digest)
        } catch {
            throw PKeyMismatch(
                cause: "\(encryptHere ? "OpenSSL" : "LibCrypto") cannot decrypt the other's ciphertext",
                detail: "\(error); ciphertext \(Hex.encode(ciphertext))")
        }
        guard plain == message else {
            throw PKeyMismatch(
                cause: "the decryption is not the message",
                detail: "got \(Hex.encode(plain)); ciphertext \(Hex.encode(ciphertext))")
        }
        // A changed C2 byte (the ciphertext's last) must fail on both sides.
        var bad = ciphertext
        bad[bad.count - 1] ^= 1
        let oursAccepts = (try? SM2.decrypt(bad, privateKey: ours, digestName: digest)) != nil
        let theirsAccepts = (try? key.theirs.decrypt(bad, options)) != nil
        if oursAccepts || theirsAccepts {
            throw PKeyMismatch(
                cause: "a corrupted ciphertext decrypts",
                detail:
                    "LibCrypto \(oursAccepts ? "accepts" : "rejects"), OpenSSL \(theirsAccepts ? "accepts" : "rejects")"
            )
        }
    }
}
#endif
