import COpenSSL
import LibCrypto

// Error translation: OpenSSL's error queue read into LibCrypto's `CryptoError` codes.

extension OpenSSLImplementation {
    struct ErrorInfo {
        var text: String
        var library: Int32
        var reason: Int32
    }

    /// The oldest error on this thread's OpenSSL error queue; the queue is cleared.
    static func takeError() -> ErrorInfo {
        let e = ref_ERR_get_error()
        defer { ref_ERR_clear_error() }
        guard e != 0 else { return ErrorInfo(text: "no error reported by OpenSSL", library: 0, reason: 0) }
        var buf = [CChar](repeating: 0, count: 256)
        let text = buf.withUnsafeMutableBufferPointer { b -> String in
            guard let base = b.baseAddress else { return "error \(e)" }
            ref_ERR_error_string_n(e, base, b.count)
            return String(cString: base)
        }
        return ErrorInfo(text: text, library: shim_ERR_GET_LIB(e), reason: shim_ERR_GET_REASON(e))
    }

    static func failure(_ code: CryptoError.Code, _ function: String) -> CryptoError {
        CryptoError(code, "\(function): \(takeError().text)")
    }

    /// A failed cipher update or final, classified like LibCrypto's errors: bad padding is
    /// `badDecrypt`, a partial final block `invalidLength`, anything else `invalidParameter`.
    static func cipherFailure(_ function: String) -> CryptoError {
        let e = takeError()
        var code = CryptoError.Code.invalidParameter
        if e.library == ERR_LIB_PROV {
            if e.reason == PROV_R_BAD_DECRYPT { code = .badDecrypt }
            if e.reason == PROV_R_WRONG_FINAL_BLOCK_LENGTH { code = .invalidLength }
        } else if e.library == ERR_LIB_EVP {
            if e.reason == EVP_R_BAD_DECRYPT { code = .badDecrypt }
            if e.reason == EVP_R_WRONG_FINAL_BLOCK_LENGTH || e.reason == EVP_R_DATA_NOT_MULTIPLE_OF_BLOCK_LENGTH {
                code = .invalidLength
            }
        }
        return CryptoError(code, "\(function): \(e.text)")
    }
}
