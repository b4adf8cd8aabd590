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
    /// Digests `message`, fed chunk by chunk; `outputLength` for XOFs (bytes); `parameters`
    /// as OpenSSL names them (`pad-type`).
    func digest(_ algorithm: String, message: Message, outputLength: Int?, parameters: [String: String]) throws -> [UInt8]
    /// The full (untruncated) tag.
    func mac(_ input: MACInput) throws -> [UInt8]
    /// The MAC's output and block sizes (evp_test `OutputSize`, `BlockSize`).
    func macSizes(_ input: MACInput) throws -> (output: Int, block: Int)
    /// Encrypts (or decrypts) `input.plaintext` (or `input.ciphertext`), fed in pieces of the
    /// sizes in `pieces` (cycled; empty = one call). Returns the output and the updated IV.
    func cipher(_ input: CipherInput, encrypting: Bool, pieces: [Int]) throws -> (output: [UInt8], nextIV: [UInt8])
}

/// LibCrypto, this package's Swift implementation, reached through its registry by name.
public final class LibCryptoImplementation: Implementation {
    public let name = "LibCrypto"
    public init() {}

    public func availability(of algorithm: String, family: AlgorithmFamily) -> Availability {
        do {
            if family == .cipher {
                _ = try Registry.cipher(named: algorithm)
                return .available
            }
            let info = try Registry.algorithm(named: algorithm)
            if family == .digest || family == .xof {
                return info.family == .digest || info.family == .xof ? .available : .absent("\(algorithm) is not a digest")
            }
            return info.family == family ? .available : .absent("\(algorithm) is a \(info.family.rawValue), not a \(family.rawValue)")
        } catch {
            return .absent("\(error)")
        }
    }

    public func digest(_ algorithm: String, message: Message, outputLength: Int?, parameters: [String: String]) throws -> [UInt8] {
        let d = try Registry.digest(named: algorithm)
        var padType: Int? = nil
        for (name, value) in parameters {
            guard name == "pad-type", let n = Int(value) else {
                throw CryptoError(.invalidParameter, "\(algorithm): unknown parameter \(name)=\(value)")
            }
            padType = n
        }
        let ctx = try d.makeContext(padType: padType)
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

    public func cipher(_ input: CipherInput, encrypting: Bool, pieces: [Int]) throws -> (output: [UInt8], nextIV: [UInt8]) {
        let algorithm = try Registry.cipher(named: input.cipher)
        let params = CipherParameters(padding: input.padding, rc2EffectiveBits: input.rc2EffectiveBits, rc5Rounds: input.rc5Rounds)
        let ctx = try algorithm.makeContext(key: input.key, iv: input.iv, encrypting: encrypting, parameters: params)
        let data = encrypting ? input.plaintext : input.ciphertext
        if input.keystreamOffset > 0 {
            _ = try ctx.update([UInt8](repeating: 0, count: input.keystreamOffset))
        }
        if input.iterations > 1 {
            guard encrypting, input.bitLength == nil, input.keystreamOffset == 0 else {
                throw CryptoError(.invalidParameter, "iterated vectors are encryption of whole bytes only")
            }
            var block = data
            for _ in 0..<input.iterations {
                block = try algorithm.makeContext(key: input.key, iv: input.iv, encrypting: true, parameters: params).process(block)
            }
            return (block, [])
        }
        if let bits = input.bitLength {
            return (try ctx.updateBits(data, bitCount: bits), ctx.updatedIV)
        }
        var out: [UInt8] = []
        out.reserveCapacity(data.count + 32)
        if pieces.isEmpty {
            out = try ctx.update(data)
        } else {
            var at = 0, k = 0
            while at < data.count {
                let n = min(max(pieces[k % pieces.count], 0), data.count - at)
                out += try ctx.update(Array(data[at..<(at + n)]))
                at += n
                k += 1
            }
        }
        out += try ctx.finalize()
        return (out, ctx.updatedIV)
    }
}
