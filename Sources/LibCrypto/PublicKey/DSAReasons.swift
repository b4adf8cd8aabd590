// OpenSSL 3.0's DSA library reasons (`ERR_LIB_DSA`), as LibCrypto's DSA code throws them.
// Source: codes from include/openssl/dsaerr.h and texts from crypto/dsa/dsa_err.c of OpenSSL
// 3.0.22 (transcribed: macro names, numbers and the reason strings only). Not constant-time
// relevant: these are constants.

#if DSA
extension OpenSSLReason {
    private static func dsa(_ name: String, _ code: Int, _ text: String) -> OpenSSLReason {
        OpenSSLReason(library: "DSA", name: name, code: code, text: text)
    }

    /// `DSA_R_BAD_FFC_PARAMETERS` (114, "bad ffc parameters").
    public static let dsaBadFFCParameters = dsa("BAD_FFC_PARAMETERS", 114, "bad ffc parameters")
    /// `DSA_R_BAD_Q_VALUE` (102, "bad q value").
    public static let dsaBadQValue = dsa("BAD_Q_VALUE", 102, "bad q value")
    /// `DSA_R_BN_DECODE_ERROR` (108, "bn decode error").
    public static let dsaBNDecodeError = dsa("BN_DECODE_ERROR", 108, "bn decode error")
    /// `DSA_R_BN_ERROR` (109, "bn error").
    public static let dsaBNError = dsa("BN_ERROR", 109, "bn error")
    /// `DSA_R_DECODE_ERROR` (104, "decode error").
    public static let dsaDecodeError = dsa("DECODE_ERROR", 104, "decode error")
    /// `DSA_R_INVALID_DIGEST_TYPE` (106, "invalid digest type").
    public static let dsaInvalidDigestType = dsa("INVALID_DIGEST_TYPE", 106, "invalid digest type")
    /// `DSA_R_INVALID_PARAMETERS` (112, "invalid parameters").
    public static let dsaInvalidParameters = dsa("INVALID_PARAMETERS", 112, "invalid parameters")
    /// `DSA_R_MISSING_PARAMETERS` (101, "missing parameters").
    public static let dsaMissingParameters = dsa("MISSING_PARAMETERS", 101, "missing parameters")
    /// `DSA_R_MISSING_PRIVATE_KEY` (111, "missing private key").
    public static let dsaMissingPrivateKey = dsa("MISSING_PRIVATE_KEY", 111, "missing private key")
    /// `DSA_R_MODULUS_TOO_LARGE` (103, "modulus too large").
    public static let dsaModulusTooLarge = dsa("MODULUS_TOO_LARGE", 103, "modulus too large")
    /// `DSA_R_NO_PARAMETERS_SET` (107, "no parameters set").
    public static let dsaNoParametersSet = dsa("NO_PARAMETERS_SET", 107, "no parameters set")
    /// `DSA_R_PARAMETER_ENCODING_ERROR` (105, "parameter encoding error").
    public static let dsaParameterEncodingError = dsa("PARAMETER_ENCODING_ERROR", 105, "parameter encoding error")
    /// `DSA_R_P_NOT_PRIME` (115, "p not prime").
    public static let dsaPNotPrime = dsa("P_NOT_PRIME", 115, "p not prime")
    /// `DSA_R_Q_NOT_PRIME` (113, "q not prime").
    public static let dsaQNotPrime = dsa("Q_NOT_PRIME", 113, "q not prime")
    /// `DSA_R_SEED_LEN_SMALL` (110, "seed_len is less than the length of q").
    public static let dsaSeedLenSmall = dsa("SEED_LEN_SMALL", 110, "seed_len is less than the length of q")
    /// `DSA_R_TOO_MANY_RETRIES` (116, "too many retries").
    public static let dsaTooManyRetries = dsa("TOO_MANY_RETRIES", 116, "too many retries")
}
#endif
