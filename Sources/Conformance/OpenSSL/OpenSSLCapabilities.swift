import COpenSSL
import LibCrypto
import Vectors

// Capability discovery: what the reference can fetch, and "reference lacks X" when it cannot.

extension OpenSSLImplementation {
    /// The six kinds of algorithm the reference is asked for, by the EVP fetch that gets one.
    enum FetchKind: String {
        case digest = "EVP_MD_fetch"
        case cipher = "EVP_CIPHER_fetch"
        case mac = "EVP_MAC_fetch"
        case kdf = "EVP_KDF_fetch"
        case rand = "EVP_RAND_fetch"
        case keyManagement = "EVP_KEYMGMT_fetch"
    }

    /// Fetches (once) and caches `name` of `kind`; nil with OpenSSL's reason when it is not there.
    func fetch(_ kind: FetchKind, _ name: String) -> Result<OpaquePointer, CryptoError> {
        let key = kind.rawValue + "|" + name.lowercased()
        lock.lock()
        defer { lock.unlock() }
        if let (_, p) = fetchedObjects[key] { return .success(p) }
        if let why = missing[key] { return .failure(CryptoError(.unknownAlgorithm, why)) }
        ref_ERR_clear_error()
        let p: OpaquePointer?
        switch kind {
        case .digest: p = ref_EVP_MD_fetch(libctx, name, nil)
        case .cipher: p = ref_EVP_CIPHER_fetch(libctx, name, nil)
        case .mac: p = ref_EVP_MAC_fetch(libctx, name, nil)
        case .kdf: p = ref_EVP_KDF_fetch(libctx, name, nil)
        case .rand: p = ref_EVP_RAND_fetch(libctx, name, nil)
        case .keyManagement: p = ref_EVP_KEYMGMT_fetch(libctx, name, nil)
        }
        if let p {
            ref_ERR_clear_error()
            fetchedObjects[key] = (kind, p)
            return .success(p)
        }
        var why = "reference lacks \(name) (\(kind.rawValue): \(Self.takeError().text))"
        if let l = legacyProblem { why += "; the legacy provider is not loaded (\(l))" }
        missing[key] = why
        return .failure(CryptoError(.unknownAlgorithm, why))
    }

    func fetched(_ kind: FetchKind, _ name: String) throws -> OpaquePointer {
        try fetch(kind, name).get()
    }

    public func availability(of algorithm: String, family: AlgorithmFamily) -> Availability {
        let kind: FetchKind
        switch family {
        case .digest, .xof: kind = .digest
        case .cipher: kind = .cipher
        case .mac: kind = .mac
        case .kdf: kind = .kdf
        case .rand: kind = .rand
        case .publicKey: kind = .keyManagement
        }
        switch fetch(kind, algorithm) {
        case .success: return .available
        case .failure(let e): return .absent(e.reason)
        }
    }
}
