// OpenSSL 3.0's DH library reasons (`ERR_LIB_DH`), as LibCrypto's DH code throws them.
// Source: codes from include/openssl/dherr.h and texts from crypto/dh/dh_err.c of OpenSSL
// 3.0.22 (transcribed: macro names, numbers and the reason strings only). Not constant-time
// relevant: these are constants.

#if DH
extension OpenSSLReason {
    private static func dh(_ name: String, _ code: Int, _ text: String) -> OpenSSLReason {
        OpenSSLReason(library: "DH", name: name, code: code, text: text)
    }

    /// `DH_R_BAD_FFC_PARAMETERS` (127, "bad ffc parameters").
    public static let dhBadFFCParameters = dh("BAD_FFC_PARAMETERS", 127, "bad ffc parameters")
    /// `DH_R_BAD_GENERATOR` (101, "bad generator").
    public static let dhBadGenerator = dh("BAD_GENERATOR", 101, "bad generator")
    /// `DH_R_BN_DECODE_ERROR` (109, "bn decode error").
    public static let dhBNDecodeError = dh("BN_DECODE_ERROR", 109, "bn decode error")
    /// `DH_R_BN_ERROR` (106, "bn error").
    public static let dhBNError = dh("BN_ERROR", 106, "bn error")
    /// `DH_R_CHECK_INVALID_J_VALUE` (115, "check invalid j value").
    public static let dhCheckInvalidJValue = dh("CHECK_INVALID_J_VALUE", 115, "check invalid j value")
    /// `DH_R_CHECK_INVALID_Q_VALUE` (116, "check invalid q value").
    public static let dhCheckInvalidQValue = dh("CHECK_INVALID_Q_VALUE", 116, "check invalid q value")
    /// `DH_R_CHECK_PUBKEY_INVALID` (122, "check pubkey invalid").
    public static let dhCheckPubkeyInvalid = dh("CHECK_PUBKEY_INVALID", 122, "check pubkey invalid")
    /// `DH_R_CHECK_PUBKEY_TOO_LARGE` (123, "check pubkey too large").
    public static let dhCheckPubkeyTooLarge = dh("CHECK_PUBKEY_TOO_LARGE", 123, "check pubkey too large")
    /// `DH_R_CHECK_PUBKEY_TOO_SMALL` (124, "check pubkey too small").
    public static let dhCheckPubkeyTooSmall = dh("CHECK_PUBKEY_TOO_SMALL", 124, "check pubkey too small")
    /// `DH_R_CHECK_P_NOT_PRIME` (117, "check p not prime").
    public static let dhCheckPNotPrime = dh("CHECK_P_NOT_PRIME", 117, "check p not prime")
    /// `DH_R_CHECK_P_NOT_SAFE_PRIME` (118, "check p not safe prime").
    public static let dhCheckPNotSafePrime = dh("CHECK_P_NOT_SAFE_PRIME", 118, "check p not safe prime")
    /// `DH_R_CHECK_Q_NOT_PRIME` (119, "check q not prime").
    public static let dhCheckQNotPrime = dh("CHECK_Q_NOT_PRIME", 119, "check q not prime")
    /// `DH_R_DECODE_ERROR` (104, "decode error").
    public static let dhDecodeError = dh("DECODE_ERROR", 104, "decode error")
    /// `DH_R_INVALID_PARAMETER_NAME` (110, "invalid parameter name").
    public static let dhInvalidParameterName = dh("INVALID_PARAMETER_NAME", 110, "invalid parameter name")
    /// `DH_R_INVALID_PUBKEY` (102, "invalid public key").
    public static let dhInvalidPubkey = dh("INVALID_PUBKEY", 102, "invalid public key")
    /// `DH_R_INVALID_SECRET` (128, "invalid secret").
    public static let dhInvalidSecret = dh("INVALID_SECRET", 128, "invalid secret")
    /// `DH_R_KEYS_NOT_SET` (108, "keys not set").
    public static let dhKeysNotSet = dh("KEYS_NOT_SET", 108, "keys not set")
    /// `DH_R_MISSING_PUBKEY` (125, "missing pubkey").
    public static let dhMissingPubkey = dh("MISSING_PUBKEY", 125, "missing pubkey")
    /// `DH_R_MODULUS_TOO_LARGE` (103, "modulus too large").
    public static let dhModulusTooLarge = dh("MODULUS_TOO_LARGE", 103, "modulus too large")
    /// `DH_R_MODULUS_TOO_SMALL` (126, "modulus too small").
    public static let dhModulusTooSmall = dh("MODULUS_TOO_SMALL", 126, "modulus too small")
    /// `DH_R_NOT_SUITABLE_GENERATOR` (120, "not suitable generator").
    public static let dhNotSuitableGenerator = dh("NOT_SUITABLE_GENERATOR", 120, "not suitable generator")
    /// `DH_R_NO_PARAMETERS_SET` (107, "no parameters set").
    public static let dhNoParametersSet = dh("NO_PARAMETERS_SET", 107, "no parameters set")
    /// `DH_R_NO_PRIVATE_VALUE` (100, "no private value").
    public static let dhNoPrivateValue = dh("NO_PRIVATE_VALUE", 100, "no private value")
    /// `DH_R_PEER_KEY_ERROR` (111, "peer key error").
    public static let dhPeerKeyError = dh("PEER_KEY_ERROR", 111, "peer key error")
    /// `DH_R_Q_TOO_LARGE` (130, "q too large").
    public static let dhQTooLarge = dh("Q_TOO_LARGE", 130, "q too large")
    /// `DH_R_UNABLE_TO_CHECK_GENERATOR` (121, "unable to check generator").
    public static let dhUnableToCheckGenerator = dh("UNABLE_TO_CHECK_GENERATOR", 121, "unable to check generator")
}
#endif
