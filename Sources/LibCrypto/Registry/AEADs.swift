/// An AEAD as the registry knows it (`aes-128-gcm`, `chacha20-poly1305`, ...).
public struct AEADAlgorithm: Sendable {
    /// The catalog's descriptor.
    public let info: AlgorithmDescriptor
    /// The key length in bytes.
    public let keyLength: Int
    /// The nonce length OpenSSL uses unless told otherwise.
    public let defaultNonceLength: Int
    /// The tag length OpenSSL uses unless told otherwise.
    public let defaultTagLength: Int
    let factory: @Sendable ([UInt8], AEADParameters, Bool) throws -> any AEADContext

    /// A context ready to encrypt or decrypt.
    /// - Throws: `invalidParameter` for a key, nonce or tag length the mode does not take.
    public func makeContext(key: [UInt8], parameters: AEADParameters, encrypting: Bool) throws -> any AEADContext {
        guard key.count == keyLength else {
            throw CryptoError(
                .invalidParameter, "\(info.name) takes a \(keyLength)-byte key, got \(key.count)",
                openSSL: .invalidKeyLength)
        }
        return try factory(key, parameters, encrypting)
    }
}

/// A cipher whose EVP form takes the whole message in one update (XTS data units, key wrap).
final class OneShotContext: CipherContext {
    let body: ([UInt8]) throws -> [UInt8]
    init(_ body: @escaping ([UInt8]) throws -> [UInt8]) { self.body = body }
    func update(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawPointer) throws -> Int {
        let out = try body([UInt8](input))
        out.withUnsafeBytes { if let b = $0.baseAddress { output.copyMemory(from: b, byteCount: out.count) } }
        return out.count
    }
    func finalize(into output: UnsafeMutableRawPointer) throws -> Int { 0 }
    var updatedIV: [UInt8] { [] }
    func updateBits(_ bits: [UInt8], bitCount: Int) throws -> [UInt8] {
        throw CryptoError(.unsupportedOperation, "bit-length input needs CFB1")
    }
}

extension Registry {
    /// The AEADs of this build (GCM, CCM, OCB, SIV and GCM-SIV over AES, ChaCha20-Poly1305).
    public static let aeads: [AEADAlgorithm] = {
        var list: [AEADAlgorithm] = []
        for bits in [128, 192, 256] {
            let n = bits / 8
            list.append(
                AEADAlgorithm(
                    info: Descriptors.named("AES-\(bits)-GCM"),
                    keyLength: n, defaultNonceLength: 12, defaultTagLength: 16
                ) { key, p, enc in
                    try GCM(cipher: try AES(key: key), parameters: p, encrypting: enc)
                })
            list.append(
                AEADAlgorithm(
                    info: Descriptors.named("AES-\(bits)-CCM"),
                    keyLength: n, defaultNonceLength: 7, defaultTagLength: 12
                ) { key, p, enc in
                    try CCM(cipher: try AES(key: key), parameters: p, encrypting: enc)
                })
            #if OCB
            list.append(
                AEADAlgorithm(
                    info: Descriptors.named("AES-\(bits)-OCB"),
                    keyLength: n, defaultNonceLength: 12, defaultTagLength: 16
                ) { key, p, enc in
                    try OCB(cipher: try AES(key: key), parameters: p, encrypting: enc)
                })
            #endif
            #if SIV
            list.append(
                AEADAlgorithm(
                    info: Descriptors.named("AES-\(bits)-SIV"),
                    keyLength: 2 * n, defaultNonceLength: 0, defaultTagLength: 16
                ) { key, p, enc in
                    try SIV<AES>(key: key, parameters: p, encrypting: enc)
                })
            #endif
        }
        // AES-GCM-SIV (RFC 8452; OpenSSL 3.2's names, key lengths, 12-byte nonce, 16-byte tag).
        #if SIV
        for bits in [128, 192, 256] {
            list.append(
                AEADAlgorithm(
                    info: Descriptors.named("AES-\(bits)-GCM-SIV"),
                    keyLength: bits / 8, defaultNonceLength: 12, defaultTagLength: 16
                ) { key, p, enc in
                    try GCMSIV<AES>(key: key, parameters: p, encrypting: enc)
                })
        }
        #endif
        #if ARIA
        for bits in [128, 192, 256] {
            list.append(
                AEADAlgorithm(
                    info: Descriptors.named("ARIA-\(bits)-GCM"), keyLength: bits / 8, defaultNonceLength: 12,
                    defaultTagLength: 16
                ) { key, p, enc in try GCM(cipher: try ARIA(key: key), parameters: p, encrypting: enc) })
            list.append(
                AEADAlgorithm(
                    info: Descriptors.named("ARIA-\(bits)-CCM"), keyLength: bits / 8, defaultNonceLength: 7,
                    defaultTagLength: 12
                ) { key, p, enc in try CCM(cipher: try ARIA(key: key), parameters: p, encrypting: enc) })
        }
        #endif
        #if CHACHA && POLY1305
        list.append(
            AEADAlgorithm(
                info: Descriptors.named("ChaCha20-Poly1305"),
                keyLength: 32, defaultNonceLength: 12, defaultTagLength: 16
            ) { key, p, enc in
                try ChaCha20Poly1305(key: key, parameters: p, encrypting: enc)
            })
        #endif
        return list
    }()

    private static let aeadIndex: [String: Int] = {
        var index: [String: Int] = [:]
        for (i, a) in aeads.enumerated() { for n in a.info.allNames { index[n.lowercased()] = i } }
        return index
    }()

    /// Looks an AEAD up by any of its OpenSSL names, case-insensitively.
    public static func aead(named name: String) throws -> AEADAlgorithm {
        guard let i = aeadIndex[name.lowercased()] else { throw CryptoError.unknownAlgorithm(name) }
        return aeads[i]
    }

    /// XTS and key wrap (AES's and DES3-WRAP): ciphers whose EVP form takes the whole message in one update.
    static let oneShotCiphers: [CipherAlgorithm] = {
        var list: [CipherAlgorithm] = []
        for bits in [128, 256] {
            list.append(
                CipherAlgorithm(name: "AES-\(bits)-XTS", keyLength: bits / 4, ivLength: 16, blockSize: 1) {
                    key, iv, enc, _ in
                    // As OpenSSL's default provider: equal key halves are refused for encryption only
                    // (its FIPS provider refuses them for decryption too).
                    let xts = try XTS<AES>(key: key, tweak: iv, encrypting: enc)
                    return OneShotContext { try xts.process($0) }
                })
        }
        for bits in [128, 192, 256] {
            let n = bits / 8
            for (suffix, pad, inverse) in [
                ("WRAP", false, false), ("WRAP-PAD", true, false), ("WRAP-INV", false, true),
                ("WRAP-PAD-INV", true, true),
            ] {
                list.append(
                    CipherAlgorithm(
                        name: "AES-\(bits)-\(suffix)", keyLength: n, ivLength: pad ? 4 : 8, ivOptional: true,
                        blockSize: 8
                    ) { key, iv, enc, _ in
                        // As OpenSSL: encrypt wraps and decrypt unwraps; the -INV ciphers use the AES
                        // inverse cipher as the wrap's block function (SP 800-38F KW-AE/KW-AD with CIPH⁻¹).
                        let wrapping = enc
                        return OneShotContext { data in
                            switch (pad, wrapping) {
                            case (false, true):
                                return try AESKeyWrap.wrap(key: key, data, iv: iv.isEmpty ? nil : iv, inverse: inverse)
                            case (false, false):
                                return try AESKeyWrap.unwrap(
                                    key: key, data, iv: iv.isEmpty ? nil : iv, inverse: inverse)
                            case (true, true):
                                return try AESKeyWrap.wrapPad(
                                    key: key, data, iv: iv.isEmpty ? nil : iv, inverse: inverse)
                            case (true, false):
                                return try AESKeyWrap.unwrapPad(
                                    key: key, data, iv: iv.isEmpty ? nil : iv, inverse: inverse)
                            }
                        }
                    })
            }
        }
        #if DES
        list.append(
            CipherAlgorithm(name: "DES3-WRAP", keyLength: 24, ivLength: 0, blockSize: 8) { key, _, enc, _ in
                _ = try DESEDE3(key: key)
                // As OpenSSL: an empty update writes nothing; encrypt wraps (random IV), decrypt unwraps.
                return OneShotContext { data in
                    if data.isEmpty { return [] }
                    return enc ? try TripleDESKeyWrap.wrap(key: key, data) : try TripleDESKeyWrap.unwrap(key: key, data)
                }
            })
        #endif
        return list
    }()
}
