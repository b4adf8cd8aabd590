import Foundation
import LibCrypto
import Vectors

/// A key type or operation LibCrypto does not have yet: the stanza is a counted skip with this
/// reason, not a failure.
struct PKeyUnsupported: Error, CustomStringConvertible {
    let description: String
}

/// Loads the keys evp_test stanzas name: PEM blocks and generated keys. A generated key is made
/// once per definition (file and line) and kept, as evp_test keeps the key a `KeyGen` names.
final class PKeyKeys: @unchecked Sendable {
    static let shared = PKeyKeys()
    private let lock = NSLock()
    private var generated: [String: PKeyMaterial] = [:]

    func load(_ definition: KeyDefinition, file: String) throws -> PKeyMaterial {
        switch definition.source {
        case .pem(let text):
            return try PKeyKeys.parsePEM(text, isPrivate: definition.isPrivate)
        case .raw(let algorithm, _):
            throw PKeyUnsupported(description: "\(algorithm) raw keys are not implemented")
        case .generated(let algorithm, let controls):
            let id = "\(file):\(definition.line)"
            if definition.line > 0, let k = lock.withLock({ generated[id] }) { return k }
            let k = try PKeyKeys.generate(algorithm, controls)
            if definition.line > 0 { lock.withLock { generated[id] = k } }
            return k
        }
    }

    /// `EVP_PKEY_keygen` with the stanza's controls: `KEYGEN_INIT_ERROR` for an algorithm
    /// LibCrypto cannot generate, `PKEY_CTRL_ERROR` for a bad control, `KEYGEN_GENERATE_ERROR`.
    static func generate(_ algorithm: String, _ controls: [KDFParameter]) throws -> PKeyMaterial {
        switch algorithm.uppercased() {
        case "RSA", "RSAENCRYPTION", "RSA-PSS", "RSASSA-PSS":
            let isPSS = algorithm.uppercased().contains("PSS")
            var bits = 2048
            var exponent = BigNum(65537)
            var primes = 2
            var pss = RSAPSSRestrictions()
            for c in controls {
                func bad(_ message: String, _ reason: OpenSSLReason? = nil) -> StepFailure {
                    PKeySteps.fail("PKEY_CTRL_ERROR", message, reason)
                }
                switch c.name {
                case "rsa_keygen_bits":
                    guard let n = Int(c.text) else { throw bad("bits \(c.text)") }
                    guard n >= RSAPrivateKey.minGeneratedBits else {
                        throw bad("RSA key of \(n) bits", .provKeySizeTooSmall)
                    }
                    bits = n
                case "rsa_keygen_pubexp":
                    exponent = try StepFailure.at("PKEY_CTRL_ERROR") { try BigNum(decimal: c.text) }
                case "rsa_keygen_primes":
                    guard let n = Int(c.text), n >= 2 else { throw bad("primes \(c.text)") }
                    primes = n
                case "rsa_pss_keygen_md" where isPSS:
                    pss.digest = try StepFailure.at("PKEY_CTRL_ERROR") { try Registry.digest(named: c.text).info.name }
                case "rsa_pss_keygen_mgf1_md" where isPSS:
                    pss.mgf1Digest = try StepFailure.at("PKEY_CTRL_ERROR") {
                        try Registry.digest(named: c.text).info.name
                    }
                case "rsa_pss_keygen_saltlen" where isPSS:
                    guard let n = Int(c.text), n >= 0 else { throw bad("salt length \(c.text)") }
                    pss.minSaltLength = n
                default:
                    throw StepFailure(
                        step: "PKEY_CTRL_INVALID",
                        underlying: CryptoError(.invalidParameter, "unknown control \(c.name)"))
                }
            }
            let key = try StepFailure.at("KEYGEN_GENERATE_ERROR") {
                try RSAPrivateKey.generate(bits: bits, publicExponent: exponent, primes: primes)
            }
            return .rsa(key, key.publicKey, pss: isPSS ? pss : nil)
        default:
            throw PKeyUnsupported(description: "key generation for \(algorithm) is not implemented")
        }
    }

    /// A key from evp_test's PEM text.
    static func parsePEM(_ text: String, isPrivate: Bool) throws -> PKeyMaterial {
        throw PKeyUnsupported(description: "PEM keys are not read yet")
    }
}
