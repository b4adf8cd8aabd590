import LibCrypto

/// A failure tagged with the evp_test step it happened in, named as OpenSSL's `evp_test`
/// names its `Result` values (`KEY_SET_ERROR`, `CIPHERUPDATE_ERROR`, `MAC_INIT_ERROR`,
/// `KDF_DERIVE_ERROR`, …). The KAT engine compares this step with a stanza's `Result`, so an
/// expected failure passes only when it fails where OpenSSL fails, not merely somewhere.
public struct StepFailure: Error, CustomStringConvertible {
    /// evp_test's name for the step (`CIPHERFINAL_ERROR`).
    public let step: String
    /// What the implementation threw.
    public let underlying: any Error

    public init(step: String, underlying: any Error) {
        self.step = step
        self.underlying = underlying
    }

    public var description: String {
        if let c = underlying as? CryptoError, let r = c.openSSL { return "\(step): \(c) [\(r)]" }
        return "\(step): \(underlying)"
    }

    /// Runs `body`, tagging what it throws with `step` (an error already tagged keeps its step).
    static func at<T>(_ step: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as StepFailure { throw e } catch {
            throw StepFailure(step: step, underlying: error)
        }
    }

    /// Setting a cipher up fails where evp_test's `cipher_test_enc` fails: the IV length
    /// (`INVALID_IV_LENGTH`), the round count (`INVALID_ROUNDS`), else the key (`KEY_SET_ERROR`).
    static func cipherInit<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as StepFailure { throw e } catch {
            let reason = (error as? CryptoError)?.openSSL
            let step: String
            switch reason {
            case OpenSSLReason.invalidIVLength?: step = "INVALID_IV_LENGTH"
            case OpenSSLReason.unsupportedNumberOfRounds?: step = "INVALID_ROUNDS"
            default: step = "KEY_SET_ERROR"
            }
            throw StepFailure(step: step, underlying: error)
        }
    }
}
