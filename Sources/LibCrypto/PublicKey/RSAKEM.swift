// RSASVE, OpenSSL 3.0's RSA KEM (`EVP_PKEY_encapsulate` / `EVP_PKEY_decapsulate` with the
// operation "RSASVE"): NIST SP 800-56B Rev. 2 §7.2.1.2 (RSASVE.GENERATE) and §7.2.1.3
// (RSASVE.RECOVER), as providers/implementations/kem/rsa_kem.c of OpenSSL 3.0 does them:
//   - generate: z uniform in 1 < z < n − 1 (2 + a random number below n − 3), the secret is z as
//     `byteCount` bytes, the ciphertext RSAEP(z);
//   - recover: the ciphertext must be exactly `byteCount` bytes (PROV_R_BAD_LENGTH), the secret
//     is RSADP(c) as `byteCount` bytes; OpenSSL 3.0 does not check 1 < z < n − 1 on this side,
//     and neither does LibCrypto (the result is the same bytes).
//
// Timing. Generation: the random z is secret; the public operation on it is the variable-time
// square-and-multiply of RSAEP, whose branches follow the public e only, and BigNum's random
// below a bound (rejection sampling: the number of draws is public). Recovery: the private
// operation, CONSTANT TIME (RSAPrimitives.swift).

extension RSAPublicKey {
    /// RSASVE.GENERATE (`EVP_PKEY_encapsulate`, operation "RSASVE"): a fresh secret and its
    /// encapsulation under this key.
    /// - Returns: `ciphertext`, ``byteCount`` bytes to send to the private key's holder, and
    ///   `secret`, ``byteCount`` bytes (the number z, 1 < z < n − 1, big-endian, left-padded).
    /// - Throws: `invalidParameter` (`PROV_R_INVALID_KEY`) for a modulus below 5; whatever the
    ///   random source throws.
    public func encapsulate() throws -> (ciphertext: [UInt8], secret: [UInt8]) {
        try encapsulate(using: { try Random.bytes(count: $0) })
    }

    func encapsulate(using generator: BigNum.RandomBytes) throws -> (ciphertext: [UInt8], secret: [UInt8]) {
        guard modulus > BigNum(4) else {
            throw CryptoError(.invalidParameter, "RSASVE needs n > 4", openSSL: .provInvalidKey)
        }
        // rsasve_gen_rand_bytes: z = 2 + (0 ≤ r < n − 3).
        let z = try BigNum.random(below: modulus - BigNum(3), using: generator) + BigNum(2)
        var secret = try z.bytes(paddedTo: byteCount)
        do {
            let ciphertext = try rawPublicOperation(secret)
            return (ciphertext, secret)
        } catch {
            SecretWipe.wipe(&secret)
            throw error
        }
    }
}

extension RSAPrivateKey {
    /// RSASVE.RECOVER (`EVP_PKEY_decapsulate`, operation "RSASVE"): the secret a peer
    /// encapsulated with ``RSAPublicKey/encapsulate()``. CONSTANT TIME (the private operation).
    /// - Parameter ciphertext: exactly ``RSAPublicKey/byteCount`` bytes.
    /// - Returns: the secret, ``RSAPublicKey/byteCount`` bytes.
    /// - Throws: `invalidLength` (`PROV_R_BAD_LENGTH`) for a ciphertext of another length;
    ///   `invalidParameter` (`DATA_TOO_LARGE_FOR_MODULUS`) for a number not below `n`; what
    ///   ``rawPrivateOperation(_:)`` throws.
    public func decapsulate(_ ciphertext: [UInt8]) throws -> [UInt8] {
        guard ciphertext.count == publicKey.byteCount else {
            throw CryptoError(
                .invalidLength, "RSASVE ciphertext of \(ciphertext.count) bytes for \(publicKey.byteCount)",
                openSSL: .provBadLength)
        }
        return try rawPrivateOperation(ciphertext)
    }
}
