/// The reason OpenSSL 3.0 records for the same failure (`ERR_GET_LIB`, `ERR_GET_REASON`,
/// `ERR_reason_error_string`), so that a caller moving from OpenSSL, and the harness comparing
/// the two, can match errors by OpenSSL's own names. Codes and texts are transcribed from
/// OpenSSL 3.0's `include/openssl/proverr.h`, `include/openssl/evperr.h` and
/// `crypto/err/openssl.txt`.
public struct OpenSSLReason: Hashable, Sendable, CustomStringConvertible {
    /// OpenSSL's library: `PROV` (the provider implementations) or `EVP`.
    public let library: String
    /// The reason macro without its prefix: `BAD_DECRYPT` for `PROV_R_BAD_DECRYPT`.
    public let name: String
    /// The reason code (`ERR_GET_REASON`).
    public let code: Int
    /// OpenSSL's reason string (`ERR_reason_error_string`), e.g. `bad decrypt`.
    public let text: String

    /// A reason as OpenSSL's headers define it.
    public init(library: String, name: String, code: Int, text: String) {
        self.library = library
        self.name = name
        self.code = code
        self.text = text
    }

    /// `PROV:BAD_DECRYPT (100, bad decrypt)`.
    public var description: String { "\(library):\(name) (\(code), \(text))" }

    private static func prov(_ name: String, _ code: Int, _ text: String) -> OpenSSLReason {
        OpenSSLReason(library: "PROV", name: name, code: code, text: text)
    }

    /// Padding did not verify on decryption (`PROV_R_BAD_DECRYPT`).
    public static let badDecrypt = prov("BAD_DECRYPT", 100, "bad decrypt")
    /// The input is not a whole number of blocks with padding off (`PROV_R_WRONG_FINAL_BLOCK_LENGTH`).
    public static let wrongFinalBlockLength = prov("WRONG_FINAL_BLOCK_LENGTH", 107, "wrong final block length")
    /// The key's length is not one the algorithm takes (`PROV_R_INVALID_KEY_LENGTH`).
    public static let invalidKeyLength = prov("INVALID_KEY_LENGTH", 105, "invalid key length")
    /// The IV's or nonce's length is not one the mode takes (`PROV_R_INVALID_IV_LENGTH`).
    public static let invalidIVLength = prov("INVALID_IV_LENGTH", 109, "invalid iv length")
    /// The tag length is not one the mode takes (`PROV_R_INVALID_TAG_LENGTH`).
    public static let invalidTagLength = prov("INVALID_TAG_LENGTH", 118, "invalid tag length")
    /// The tag is missing or malformed (`PROV_R_INVALID_TAG`).
    public static let invalidTag = prov("INVALID_TAG", 110, "invalid tag")
    /// The input's length is outside what the operation takes (`PROV_R_INVALID_INPUT_LENGTH`).
    public static let invalidInputLength = prov("INVALID_INPUT_LENGTH", 230, "invalid input length")
    /// The two XTS key halves are equal (`PROV_R_XTS_DUPLICATED_KEYS`).
    public static let xtsDuplicatedKeys = prov("XTS_DUPLICATED_KEYS", 149, "xts duplicated keys")
    /// The cipher operation failed: key unwrap's integrity check, among others
    /// (`PROV_R_CIPHER_OPERATION_FAILED`).
    public static let cipherOperationFailed = prov("CIPHER_OPERATION_FAILED", 102, "cipher operation failed")
    /// The requested output length is not allowed (`PROV_R_INVALID_OUTPUT_LENGTH`).
    public static let invalidOutputLength = prov("INVALID_OUTPUT_LENGTH", 217, "invalid output length")
    /// A length is larger than the algorithm allows (`PROV_R_LENGTH_TOO_LARGE`).
    public static let lengthTooLarge = prov("LENGTH_TOO_LARGE", 202, "length too large")
    /// The digest is not one the operation accepts (`PROV_R_INVALID_DIGEST`).
    public static let invalidDigest = prov("INVALID_DIGEST", 122, "invalid digest")
    /// A required key is absent (`PROV_R_MISSING_KEY`).
    public static let missingKey = prov("MISSING_KEY", 128, "missing key")
    /// The iteration count is not allowed (`PROV_R_INVALID_ITERATION_COUNT`).
    public static let invalidIterationCount = prov("INVALID_ITERATION_COUNT", 123, "invalid iteration count")
    /// The salt's length is not allowed (`PROV_R_INVALID_SALT_LENGTH`).
    public static let invalidSaltLength = prov("INVALID_SALT_LENGTH", 112, "invalid salt length")
    /// The mode parameter is not one the algorithm knows (`PROV_R_INVALID_MODE`).
    public static let invalidMode = prov("INVALID_MODE", 125, "invalid mode")
    /// A round count the cipher does not take (`PROV_R_UNSUPPORTED_NUMBER_OF_ROUNDS`).
    public static let unsupportedNumberOfRounds = prov(
        "UNSUPPORTED_NUMBER_OF_ROUNDS", 152, "unsupported number of rounds")
    /// The operation is not supported by this algorithm (`PROV_R_NOT_SUPPORTED`).
    public static let notSupported = prov("NOT_SUPPORTED", 136, "not supported")
    /// The algorithm is not available (`EVP_R_UNSUPPORTED_ALGORITHM`).
    public static let unsupportedAlgorithm = OpenSSLReason(
        library: "EVP", name: "UNSUPPORTED_ALGORITHM", code: 156, text: "unsupported algorithm")
    /// `EVP_R_DIFFERENT_PARAMETERS` (153, "different parameters"): a peer key whose domain
    /// parameters are not the deriving key's (include/openssl/evperr.h, crypto/evp/evp_err.c).
    public static let evpDifferentParameters = OpenSSLReason(
        library: "EVP", name: "DIFFERENT_PARAMETERS", code: 153, text: "different parameters")
}
