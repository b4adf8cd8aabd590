/// The error every LibCrypto operation throws: a small code plus a reason, with the
/// place it was raised (as swift-crypto does).
public struct CryptoError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure this is; `reason` says which name or value caused it.
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

    /// The kind of failure.
    public let code: Code
    /// A sentence for people, or the algorithm name for ``Code/unknownAlgorithm``.
    public let reason: String
    /// The source file that raised the error (`#fileID`).
    public let file: String
    /// The source line that raised the error.
    public let line: Int
    /// The reason OpenSSL 3.0 records for the same failure, where it records one; nil where
    /// OpenSSL fails without a reason (an AEAD tag that does not verify) or has no such error.
    public let openSSL: OpenSSLReason?

    /// Makes an error with the caller's place; `file` and `line` default to the call site.
    /// `openSSL` defaults to the reason OpenSSL gives for `code` where that is one reason
    /// (``Code/badDecrypt`` is `BAD_DECRYPT`); pass it where the code alone does not say
    /// (a key length and an IV length are both ``Code/invalidParameter``).
    public init(
        _ code: Code, _ reason: String, openSSL: OpenSSLReason? = nil, file: String = #fileID, line: Int = #line
    ) {
        self.code = code
        self.reason = reason
        self.file = file
        self.line = line
        switch (openSSL, code) {
        case (.some(let r), _): self.openSSL = r
        case (nil, .badDecrypt): self.openSSL = .badDecrypt
        case (nil, .unknownAlgorithm): self.openSSL = .unsupportedAlgorithm
        default: self.openSSL = nil
        }
    }

    /// `unknownAlgorithm("idea-cbc")`: the name is unknown or disabled in this build.
    public static func unknownAlgorithm(_ name: String, file: String = #fileID, line: Int = #line) -> CryptoError {
        CryptoError(.unknownAlgorithm, name, file: file, line: line)
    }

    /// For an unknown name a sentence that says why it is not here (disabled in this build,
    /// not implemented, or unknown with the nearest names): `unknown algorithm 'nosuch': no
    /// algorithm is named 'nosuch'; nearest names: …`. Otherwise `code: reason`.
    public var description: String {
        switch code {
        case .unknownAlgorithm: return "unknown algorithm '\(reason)': \(Catalog.explainAbsence(of: reason))"
        default: return "\(code.rawValue): \(reason)"
        }
    }

    /// Errors are equal when code and reason are; the place they were raised is ignored.
    public static func == (a: CryptoError, b: CryptoError) -> Bool { a.code == b.code && a.reason == b.reason }
    /// Hashes code and reason, consistent with `==`.
    public func hash(into h: inout Hasher) {
        h.combine(code)
        h.combine(reason)
    }
}
