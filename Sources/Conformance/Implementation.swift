import LibCrypto
import Vectors

/// Whether an implementation can run an algorithm, as it says when asked (never assumed).
public enum Availability: Sendable, Equatable {
    case available
    /// Not there, with the implementation's own reason.
    case absent(String)
}

/// An implementation under test. The engine compares any implementation with the vectors,
/// and (later) any two implementations with each other.
public protocol Implementation: AnyObject {
    var name: String { get }
    /// Asks the implementation whether it has `algorithm` of `family`.
    func availability(of algorithm: String, family: AlgorithmFamily) -> Availability
    /// Digests `message`, fed chunk by chunk; `outputLength` for XOFs (bytes).
    func digest(_ algorithm: String, message: Message, outputLength: Int?) throws -> [UInt8]
    /// The full (untruncated) tag.
    func mac(_ input: MACInput) throws -> [UInt8]
    /// The MAC's output and block sizes (evp_test `OutputSize`, `BlockSize`).
    func macSizes(_ input: MACInput) throws -> (output: Int, block: Int)
}

/// LibCrypto, this package's Swift implementation, reached through its registry by name.
public final class LibCryptoImplementation: Implementation {
    public let name = "LibCrypto"
    public init() {}

    public func availability(of algorithm: String, family: AlgorithmFamily) -> Availability {
        do {
            let info = try Registry.algorithm(named: algorithm)
            if family == .digest || family == .xof {
                return info.family == .digest || info.family == .xof ? .available : .absent("\(algorithm) is not a digest")
            }
            return info.family == family ? .available : .absent("\(algorithm) is a \(info.family.rawValue), not a \(family.rawValue)")
        } catch {
            return .absent("\(error)")
        }
    }

    public func digest(_ algorithm: String, message: Message, outputLength: Int?) throws -> [UInt8] {
        let d = try Registry.digest(named: algorithm)
        let ctx = d.makeContext()
        for chunk in message.chunks {
            chunk.bytes.withUnsafeBytes { raw in
                for _ in 0..<chunk.count { ctx.update(raw) }
            }
        }
        return try ctx.finalize(outputLength: outputLength)
    }

    private func hmacDigest(_ input: MACInput) throws -> DigestAlgorithm {
        guard input.mac.uppercased() == "HMAC" else { throw CryptoError.unknownAlgorithm(input.mac) }
        guard let u = input.underlying else { throw CryptoError(.invalidParameter, "HMAC needs a digest") }
        return try Registry.digest(named: u)
    }

    public func mac(_ input: MACInput) throws -> [UInt8] {
        let ctx = try hmacDigest(input).makeHMAC(key: input.key)
        for chunk in input.message.chunks {
            chunk.bytes.withUnsafeBytes { raw in
                for _ in 0..<chunk.count { ctx.update(raw) }
            }
        }
        return ctx.finalize()
    }

    public func macSizes(_ input: MACInput) throws -> (output: Int, block: Int) {
        let d = try hmacDigest(input)
        return (d.digestSize, d.blockSize)
    }
}
