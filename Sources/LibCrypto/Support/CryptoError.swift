/// The error every LibCrypto operation throws: a small code plus a reason, with the
/// place it was raised (as swift-crypto does).
public struct CryptoError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        /// The name is not an algorithm of this build (unknown, or its trait is off).
        case unknownAlgorithm
        /// A parameter (key, IV, output length, ...) is outside what the algorithm accepts.
        case invalidParameter
        /// The operation exists but does not apply to this algorithm (HMAC over an XOF, ...).
        case unsupportedOperation
        /// Input whose length the mode cannot take (not a whole number of blocks with padding off).
        case invalidLength
        /// Decryption produced bad padding. The error never says where the padding went wrong.
        case badDecrypt
        /// An authentication tag did not verify; no plaintext is released.
        case authenticationFailure
    }

    public let code: Code
    public let reason: String
    public let file: String
    public let line: Int

    public init(_ code: Code, _ reason: String, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.reason = reason
        self.file = file
        self.line = line
    }

    /// `unknownAlgorithm("idea-cbc")`: the name is unknown or disabled in this build.
    public static func unknownAlgorithm(_ name: String, file: String = #fileID, line: Int = #line) -> CryptoError {
        CryptoError(.unknownAlgorithm, name, file: file, line: line)
    }

    public var description: String {
        switch code {
        case .unknownAlgorithm: return "unknownAlgorithm(\"\(reason)\")"
        default: return "\(code.rawValue): \(reason)"
        }
    }

    public static func == (a: CryptoError, b: CryptoError) -> Bool { a.code == b.code && a.reason == b.reason }
    public func hash(into h: inout Hasher) { h.combine(code); h.combine(reason) }
}
