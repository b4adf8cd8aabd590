import Foundation
import LibCrypto
import Vectors

/// Runs one `ECCheck` (NIST CAVP ECDSA and KAS ECC records, pyca's EC files) on LibCrypto.
struct ECSteps {
    let check: ECCheck

    func run() throws {
        throw PKeyUnsupported(description: "\(check.curve) \(check.kind.rawValue): elliptic curves are not implemented")
    }
}
