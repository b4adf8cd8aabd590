import COpenSSL
import Foundation
import LibCrypto
import Vectors

// Operations: KDFs through EVP_KDF, parameters typed as the provider lists them.

extension OpenSSLImplementation {
    // MARK: - KDFs

    public func kdf(_ input: KDFInput) throws -> [UInt8] {
        ref_ERR_clear_error()
        let kdf = try fetched(.kdf, input.kdf)
        let defs = Self.definitions(ref_EVP_KDF_settable_ctx_params(kdf))
        // Names in first-seen order; a repeated name takes its last value, except `info`, whose
        // pieces concatenate (HKDF, X963KDF), as LibCryptoKDF reads them.
        var order: [String] = []
        var values: [String: [KDFParameter]] = [:]
        for p in input.parameters {
            let n = p.name.lowercased()
            if values[n] == nil { order.append(n) }
            values[n, default: []].append(p)
        }
        let params = ParamBuilder()
        for n in order {
            let given = values[n] ?? []
            guard let last = given.last else { continue }
            let candidates = defs.filter { $0.name == n }
            guard !candidates.isEmpty else {
                throw CryptoError(.invalidParameter, "\(input.kdf): unknown parameter \(n)")
            }
            let value: KDFParameter.Value = n == "info" ? .bytes(given.flatMap(\.bytes)) : last.value
            let text = KDFParameter(n, value).text
            let isInteger = { (t: UInt32) in t == UInt32(OSSL_PARAM_INTEGER) || t == UInt32(OSSL_PARAM_UNSIGNED_INTEGER)
            }
            // A parameter may be offered as text and as an integer (HKDF `mode`): a number picks the integer.
            let def: ParamDefinition
            if Int(text) != nil, let d = candidates.first(where: { isInteger($0.type) }) {
                def = d
            } else {
                def = candidates.first(where: { !isInteger($0.type) }) ?? candidates[0]
            }
            switch def.type {
            case UInt32(OSSL_PARAM_UTF8_STRING):
                params.utf8(n, text)
            case UInt32(OSSL_PARAM_OCTET_STRING):
                params.octets(n, KDFParameter(n, value).bytes)
            case UInt32(OSSL_PARAM_INTEGER):
                guard let v = Int64(text) else {
                    throw CryptoError(.invalidParameter, "\(input.kdf): \(n) is not an integer: \(text)")
                }
                params.signed(n, v)
            case UInt32(OSSL_PARAM_UNSIGNED_INTEGER):
                guard let v = UInt64(text) else {
                    throw CryptoError(.invalidParameter, "\(input.kdf): \(n) is not a non-negative integer: \(text)")
                }
                params.unsigned(n, v)
            default:
                throw CryptoError(.unsupportedOperation, "\(input.kdf): parameter \(n) has OSSL_PARAM type \(def.type)")
            }
        }
        guard input.outputLength >= 0 else { throw CryptoError(.invalidParameter, "negative output length") }
        guard let ctx = ref_EVP_KDF_CTX_new(kdf) else { throw Self.failure(.unsupportedOperation, "EVP_KDF_CTX_new") }
        defer { ref_EVP_KDF_CTX_free(ctx) }
        if !params.isEmpty {
            guard params.withArray({ ref_EVP_KDF_CTX_set_params(ctx, $0) }) == 1 else {
                throw Self.failure(.invalidParameter, "EVP_KDF_CTX_set_params")
            }
        }
        var out = [UInt8](repeating: 0, count: max(input.outputLength, 1))
        guard ref_EVP_KDF_derive(ctx, &out, input.outputLength, nil) == 1 else {
            out.withUnsafeMutableBytes { if let b = $0.baseAddress { memset(b, 0, $0.count) } }
            throw Self.failure(.invalidParameter, "EVP_KDF_derive")
        }
        return Array(out.prefix(input.outputLength))
    }
}
