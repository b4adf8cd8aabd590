/// An AEAD as the registry knows it (`aes-128-gcm`, `chacha20-poly1305`, ...).
public struct AEADAlgorithm: Sendable {
    public let info: AlgorithmInfo
    public let keyLength: Int
    /// The nonce length OpenSSL uses unless told otherwise.
    public let defaultNonceLength: Int
    public let defaultTagLength: Int
    let factory: @Sendable ([UInt8], AEADParameters, Bool) throws -> any AEADContext

    /// A context ready to encrypt or decrypt.
    /// - Throws: `invalidParameter` for a key, nonce or tag length the mode does not take.
    public func makeContext(key: [UInt8], parameters: AEADParameters, encrypting: Bool) throws -> any AEADContext {
        guard key.count == keyLength else {
            throw CryptoError(.invalidParameter, "\(info.name) takes a \(keyLength)-byte key, got \(key.count)")
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
    /// AEADs of this build (filled in as the AEAD modes land).
    public static let aeads: [AEADAlgorithm] = []

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
}
