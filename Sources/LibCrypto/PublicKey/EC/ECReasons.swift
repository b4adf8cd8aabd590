// OpenSSL 3.0's EC library reasons (`ERR_LIB_EC`), as LibCrypto's elliptic-curve code throws them.
// Source: codes from include/openssl/ecerr.h and texts from crypto/ec/ec_err.c of OpenSSL 3.0.22
// (transcribed: macro names, numbers and the reason strings only). Not constant-time relevant:
// these are constants.

#if EC
extension OpenSSLReason {
    private static func ec(_ name: String, _ code: Int, _ text: String) -> OpenSSLReason {
        OpenSSLReason(library: "EC", name: name, code: code, text: text)
    }

    /// `EC_R_BAD_SIGNATURE` (156, "bad signature").
    public static let ecBadSignature = ec("BAD_SIGNATURE", 156, "bad signature")
    /// `EC_R_BUFFER_TOO_SMALL` (100, "buffer too small").
    public static let ecBufferTooSmall = ec("BUFFER_TOO_SMALL", 100, "buffer too small")
    /// `EC_R_COORDINATES_OUT_OF_RANGE` (146, "coordinates out of range").
    public static let ecCoordinatesOutOfRange = ec("COORDINATES_OUT_OF_RANGE", 146, "coordinates out of range")
    /// `EC_R_INCOMPATIBLE_OBJECTS` (101, "incompatible objects").
    public static let ecIncompatibleObjects = ec("INCOMPATIBLE_OBJECTS", 101, "incompatible objects")
    /// `EC_R_INVALID_COMPRESSED_POINT` (110, "invalid compressed point").
    public static let ecInvalidCompressedPoint = ec("INVALID_COMPRESSED_POINT", 110, "invalid compressed point")
    /// `EC_R_INVALID_COMPRESSION_BIT` (109, "invalid compression bit").
    public static let ecInvalidCompressionBit = ec("INVALID_COMPRESSION_BIT", 109, "invalid compression bit")
    /// `EC_R_INVALID_ENCODING` (102, "invalid encoding").
    public static let ecInvalidEncoding = ec("INVALID_ENCODING", 102, "invalid encoding")
    /// `EC_R_INVALID_PRIVATE_KEY` (123, "invalid private key").
    public static let ecInvalidPrivateKey = ec("INVALID_PRIVATE_KEY", 123, "invalid private key")
    /// `EC_R_POINT_AT_INFINITY` (106, "point at infinity").
    public static let ecPointAtInfinity = ec("POINT_AT_INFINITY", 106, "point at infinity")
    /// `EC_R_POINT_IS_NOT_ON_CURVE` (107, "point is not on curve").
    public static let ecPointIsNotOnCurve = ec("POINT_IS_NOT_ON_CURVE", 107, "point is not on curve")
    /// `EC_R_RANDOM_NUMBER_GENERATION_FAILED` (158, "random number generation failed").
    public static let ecRandomNumberGenerationFailed = ec(
        "RANDOM_NUMBER_GENERATION_FAILED", 158, "random number generation failed")
    /// `EC_R_TOO_MANY_RETRIES` (176, "too many retries").
    public static let ecTooManyRetries = ec("TOO_MANY_RETRIES", 176, "too many retries")
    /// `EC_R_WRONG_ORDER` (130, "wrong order").
    public static let ecWrongOrder = ec("WRONG_ORDER", 130, "wrong order")
}
#endif
