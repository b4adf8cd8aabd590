// OpenSSL 3.0's RSA library reasons (`ERR_LIB_RSA`), as LibCrypto's RSA code throws them.
// Source: codes from include/openssl/rsaerr.h and texts from crypto/rsa/rsa_err.c of OpenSSL
// 3.0.22 (transcribed: macro names, numbers and the reason strings only). Not constant-time
// relevant: these are constants.

extension OpenSSLReason {
    private static func rsa(_ name: String, _ code: Int, _ text: String) -> OpenSSLReason {
        OpenSSLReason(library: "RSA", name: name, code: code, text: text)
    }

    /// `RSA_R_BAD_E_VALUE` (101, "bad e value").
    public static let rsaBadEValue = rsa("BAD_E_VALUE", 101, "bad e value")
    /// `RSA_R_BAD_SIGNATURE` (104, "bad signature").
    public static let rsaBadSignature = rsa("BAD_SIGNATURE", 104, "bad signature")
    /// `RSA_R_DATA_GREATER_THAN_MOD_LEN` (108, "data greater than mod len").
    public static let rsaDataGreaterThanModLen = rsa("DATA_GREATER_THAN_MOD_LEN", 108, "data greater than mod len")
    /// `RSA_R_DATA_TOO_LARGE` (109, "data too large").
    public static let rsaDataTooLarge = rsa("DATA_TOO_LARGE", 109, "data too large")
    /// `RSA_R_DATA_TOO_LARGE_FOR_KEY_SIZE` (110, "data too large for key size").
    public static let rsaDataTooLargeForKeySize = rsa("DATA_TOO_LARGE_FOR_KEY_SIZE", 110, "data too large for key size")
    /// `RSA_R_DATA_TOO_LARGE_FOR_MODULUS` (132, "data too large for modulus").
    public static let rsaDataTooLargeForModulus = rsa("DATA_TOO_LARGE_FOR_MODULUS", 132, "data too large for modulus")
    /// `RSA_R_DATA_TOO_SMALL_FOR_KEY_SIZE` (122, "data too small for key size").
    public static let rsaDataTooSmallForKeySize = rsa("DATA_TOO_SMALL_FOR_KEY_SIZE", 122, "data too small for key size")
    /// `RSA_R_DIGEST_TOO_BIG_FOR_RSA_KEY` (112, "digest too big for rsa key").
    public static let rsaDigestTooBigForKey = rsa("DIGEST_TOO_BIG_FOR_RSA_KEY", 112, "digest too big for rsa key")
    /// `RSA_R_D_E_NOT_CONGRUENT_TO_1` (123, "d e not congruent to 1").
    public static let rsaDENotCongruentTo1 = rsa("D_E_NOT_CONGRUENT_TO_1", 123, "d e not congruent to 1")
    /// `RSA_R_DMP1_NOT_CONGRUENT_TO_D` (124, "dmp1 not congruent to d").
    public static let rsaDmp1NotCongruentToD = rsa("DMP1_NOT_CONGRUENT_TO_D", 124, "dmp1 not congruent to d")
    /// `RSA_R_DMQ1_NOT_CONGRUENT_TO_D` (125, "dmq1 not congruent to d").
    public static let rsaDmq1NotCongruentToD = rsa("DMQ1_NOT_CONGRUENT_TO_D", 125, "dmq1 not congruent to d")
    /// `RSA_R_FIRST_OCTET_INVALID` (133, "first octet invalid").
    public static let rsaFirstOctetInvalid = rsa("FIRST_OCTET_INVALID", 133, "first octet invalid")
    /// `RSA_R_INVALID_HEADER` (137, "invalid header").
    public static let rsaInvalidHeader = rsa("INVALID_HEADER", 137, "invalid header")
    /// `RSA_R_INVALID_PADDING` (138, "invalid padding").
    public static let rsaInvalidPadding = rsa("INVALID_PADDING", 138, "invalid padding")
    /// `RSA_R_INVALID_TRAILER` (139, "invalid trailer").
    public static let rsaInvalidTrailer = rsa("INVALID_TRAILER", 139, "invalid trailer")
    /// `RSA_R_INVALID_PADDING_MODE` (141, "invalid padding mode").
    public static let rsaInvalidPaddingMode = rsa("INVALID_PADDING_MODE", 141, "invalid padding mode")
    /// `RSA_R_INVALID_MODULUS` (174, "invalid modulus").
    public static let rsaInvalidModulus = rsa("INVALID_MODULUS", 174, "invalid modulus")
    /// `RSA_R_INVALID_MULTI_PRIME_KEY` (167, "invalid multi prime key").
    public static let rsaInvalidMultiPrimeKey = rsa("INVALID_MULTI_PRIME_KEY", 167, "invalid multi prime key")
    /// `RSA_R_INVALID_MESSAGE_LENGTH` (131, "invalid message length").
    public static let rsaInvalidMessageLength = rsa("INVALID_MESSAGE_LENGTH", 131, "invalid message length")
    /// `RSA_R_INVALID_DIGEST_LENGTH` (143, "invalid digest length").
    public static let rsaInvalidDigestLength = rsa("INVALID_DIGEST_LENGTH", 143, "invalid digest length")
    /// `RSA_R_INVALID_X931_DIGEST` (142, "invalid x931 digest").
    public static let rsaInvalidX931Digest = rsa("INVALID_X931_DIGEST", 142, "invalid x931 digest")
    /// `RSA_R_IQMP_NOT_INVERSE_OF_Q` (126, "iqmp not inverse of q").
    public static let rsaIqmpNotInverseOfQ = rsa("IQMP_NOT_INVERSE_OF_Q", 126, "iqmp not inverse of q")
    /// `RSA_R_KEY_PRIME_NUM_INVALID` (165, "key prime num invalid").
    public static let rsaKeyPrimeNumInvalid = rsa("KEY_PRIME_NUM_INVALID", 165, "key prime num invalid")
    /// `RSA_R_KEY_SIZE_TOO_SMALL` (120, "key size too small").
    public static let rsaKeySizeTooSmall = rsa("KEY_SIZE_TOO_SMALL", 120, "key size too small")
    /// `RSA_R_LAST_OCTET_INVALID` (134, "last octet invalid").
    public static let rsaLastOctetInvalid = rsa("LAST_OCTET_INVALID", 134, "last octet invalid")
    /// `RSA_R_MODULUS_TOO_LARGE` (105, "modulus too large").
    public static let rsaModulusTooLarge = rsa("MODULUS_TOO_LARGE", 105, "modulus too large")
    /// `RSA_R_MP_COEFFICIENT_NOT_INVERSE_OF_R` (168, "mp coefficient not inverse of r").
    public static let rsaMPCoefficientNotInverse = rsa(
        "MP_COEFFICIENT_NOT_INVERSE_OF_R", 168, "mp coefficient not inverse of r")
    /// `RSA_R_MP_EXPONENT_NOT_CONGRUENT_TO_D` (169, "mp exponent not congruent to d").
    public static let rsaMPExponentNotCongruent = rsa(
        "MP_EXPONENT_NOT_CONGRUENT_TO_D", 169, "mp exponent not congruent to d")
    /// `RSA_R_MP_R_NOT_PRIME` (170, "mp r not prime").
    public static let rsaMPRNotPrime = rsa("MP_R_NOT_PRIME", 170, "mp r not prime")
    /// `RSA_R_N_DOES_NOT_EQUAL_P_Q` (127, "n does not equal p q").
    public static let rsaNDoesNotEqualPQ = rsa("N_DOES_NOT_EQUAL_P_Q", 127, "n does not equal p q")
    /// `RSA_R_N_DOES_NOT_EQUAL_PRODUCT_OF_PRIMES` (172, "n does not equal product of primes").
    public static let rsaNNotProductOfPrimes = rsa(
        "N_DOES_NOT_EQUAL_PRODUCT_OF_PRIMES", 172, "n does not equal product of primes")
    /// `RSA_R_OAEP_DECODING_ERROR` (121, "oaep decoding error").
    public static let rsaOaepDecodingError = rsa("OAEP_DECODING_ERROR", 121, "oaep decoding error")
    /// `RSA_R_PADDING_CHECK_FAILED` (114, "padding check failed").
    public static let rsaPaddingCheckFailed = rsa("PADDING_CHECK_FAILED", 114, "padding check failed")
    /// `RSA_R_PKCS_DECODING_ERROR` (159, "pkcs decoding error").
    public static let rsaPkcsDecodingError = rsa("PKCS_DECODING_ERROR", 159, "pkcs decoding error")
    /// `RSA_R_PUB_EXPONENT_OUT_OF_RANGE` (178, "pub exponent out of range").
    public static let rsaPubExponentOutOfRange = rsa("PUB_EXPONENT_OUT_OF_RANGE", 178, "pub exponent out of range")
    /// `RSA_R_P_NOT_PRIME` (128, "p not prime").
    public static let rsaPNotPrime = rsa("P_NOT_PRIME", 128, "p not prime")
    /// `RSA_R_Q_NOT_PRIME` (129, "q not prime").
    public static let rsaQNotPrime = rsa("Q_NOT_PRIME", 129, "q not prime")
    /// `RSA_R_SLEN_CHECK_FAILED` (136, "salt length check failed").
    public static let rsaSlenCheckFailed = rsa("SLEN_CHECK_FAILED", 136, "salt length check failed")
    /// `RSA_R_SLEN_RECOVERY_FAILED` (135, "salt length recovery failed").
    public static let rsaSlenRecoveryFailed = rsa("SLEN_RECOVERY_FAILED", 135, "salt length recovery failed")
    /// `RSA_R_THE_ASN1_OBJECT_IDENTIFIER_IS_NOT_KNOWN_FOR_THIS_MD` (116, "the asn1 object identifier is not known for this md").
    public static let rsaUnknownDigestInfo = rsa(
        "THE_ASN1_OBJECT_IDENTIFIER_IS_NOT_KNOWN_FOR_THIS_MD", 116,
        "the asn1 object identifier is not known for this md")
    /// `RSA_R_WRONG_SIGNATURE_LENGTH` (119, "wrong signature length").
    public static let rsaWrongSignatureLength = rsa("WRONG_SIGNATURE_LENGTH", 119, "wrong signature length")
    /// `RSA_R_BLOCK_TYPE_IS_NOT_01` (106, "block type is not 01").
    public static let rsaBlockTypeIsNot01 = rsa("BLOCK_TYPE_IS_NOT_01", 106, "block type is not 01")
    /// `RSA_R_NULL_BEFORE_BLOCK_MISSING` (113, "null before block missing").
    public static let rsaNullBeforeBlockMissing = rsa("NULL_BEFORE_BLOCK_MISSING", 113, "null before block missing")
    /// `RSA_R_BAD_FIXED_HEADER_DECRYPT` (102, "bad fixed header decrypt").
    public static let rsaBadFixedHeaderDecrypt = rsa("BAD_FIXED_HEADER_DECRYPT", 102, "bad fixed header decrypt")
    /// `RSA_R_BAD_PAD_BYTE_COUNT` (103, "bad pad byte count").
    public static let rsaBadPadByteCount = rsa("BAD_PAD_BYTE_COUNT", 103, "bad pad byte count")
    /// `RSA_R_VALUE_MISSING` (147, "value missing").
    public static let rsaValueMissing = rsa("VALUE_MISSING", 147, "value missing")
    /// `RSA_R_MISSING_PRIVATE_KEY` (179, "missing private key").
    public static let rsaMissingPrivateKey = rsa("MISSING_PRIVATE_KEY", 179, "missing private key")
    /// `RSA_R_INVALID_SALT_LENGTH` (150, "invalid salt length").
    public static let rsaInvalidSaltLength = rsa("INVALID_SALT_LENGTH", 150, "invalid salt length")
    /// `RSA_R_UNKNOWN_PADDING_TYPE` (118, "unknown padding type").
    public static let rsaUnknownPaddingType = rsa("UNKNOWN_PADDING_TYPE", 118, "unknown padding type")
    /// `RSA_R_INVALID_LENGTH` (181, "invalid length").
    public static let rsaInvalidLength = rsa("INVALID_LENGTH", 181, "invalid length")
    /// `RSA_R_PAIRWISE_TEST_FAILURE` (177, "pairwise test failure").
    public static let rsaPairwiseTestFailure = rsa("PAIRWISE_TEST_FAILURE", 177, "pairwise test failure")
    /// `RSA_R_INVALID_DIGEST` (157, "invalid digest").
    public static let rsaInvalidDigest = rsa("INVALID_DIGEST", 157, "invalid digest")
    /// `RSA_R_UNKNOWN_DIGEST` (166, "unknown digest").
    public static let rsaUnknownDigest = rsa("UNKNOWN_DIGEST", 166, "unknown digest")

    // The provider-level reasons OpenSSL 3.0's RSA signature and cipher implementations raise
    // (include/openssl/proverr.h, providers/common/provider_err.c).

    /// `PROV_R_ALGORITHM_MISMATCH` (173, "algorithm mismatch").
    public static let provAlgorithmMismatch = OpenSSLReason(
        library: "PROV", name: "ALGORITHM_MISMATCH", code: 173, text: "algorithm mismatch")
    /// `PROV_R_INVALID_DIGEST_LENGTH` (166, "invalid digest length").
    public static let provInvalidDigestLength = OpenSSLReason(
        library: "PROV", name: "INVALID_DIGEST_LENGTH", code: 166, text: "invalid digest length")
    /// `PROV_R_INVALID_PADDING_MODE` (168, "invalid padding mode").
    public static let provInvalidPaddingMode = OpenSSLReason(
        library: "PROV", name: "INVALID_PADDING_MODE", code: 168, text: "invalid padding mode")
    /// `PROV_R_INVALID_X931_DIGEST` (170, "invalid x931 digest").
    public static let provInvalidX931Digest = OpenSSLReason(
        library: "PROV", name: "INVALID_X931_DIGEST", code: 170, text: "invalid x931 digest")
    /// `PROV_R_KEY_SIZE_TOO_SMALL` (171, "key size too small").
    public static let provKeySizeTooSmall = OpenSSLReason(
        library: "PROV", name: "KEY_SIZE_TOO_SMALL", code: 171, text: "key size too small")
    /// `PROV_R_BAD_LENGTH` (142, "bad length"): an RSASVE ciphertext that is not the modulus'
    /// length (rsa_kem.c).
    public static let provBadLength = OpenSSLReason(
        library: "PROV", name: "BAD_LENGTH", code: 142, text: "bad length")
    /// `PROV_R_INVALID_KEY` (158, "invalid key"): a key RSASVE cannot use (rsa_kem.c).
    public static let provInvalidKey = OpenSSLReason(
        library: "PROV", name: "INVALID_KEY", code: 158, text: "invalid key")
}
