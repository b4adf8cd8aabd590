import LibCrypto
import Vectors

/// LibCrypto's implementation variants (generic Swift, hardware paths), enumerated the way Go's
/// crypto tests run every implementation: each vector of an algorithm with a hardware path runs
/// again on every other variant that changes what runs.
public enum Variants {
    /// The variants besides the default selection (`"hardware"`) that run `names` differently:
    /// `generic`, plus each single hardware path when the algorithm has more than one (AES-GCM:
    /// `aesni` alone, `pclmulqdq` alone). Empty without hardware paths (no-asm, an old CPU, or
    /// `LIBCRYPTO_HWCAP=0`).
    public static func extra(for names: [String]) -> [String] {
        guard HardwareSupport.variants.count > 1 else { return [] }
        let hardware = names.reduce(into: HardwarePaths()) { $0.formUnion(Catalog.resolve($1)?.hardware ?? []) }
        guard !hardware.isDisjoint(with: HardwareSupport.selection) else { return [] }
        let relevant = HardwareSupport.paths.filter { p in
            (try? HardwareSupport.withVariant(p) { !hardware.isDisjoint(with: HardwareSupport.selection) }) ?? false
        }
        return ["generic"] + (relevant.count > 1 ? relevant : [])
    }

    /// True if `name` (any catalog name, composites such as `HMAC-SHA256` included) runs on a
    /// hardware path under the current selection (``HardwareSupport/selection``): the catalog
    /// says which paths each algorithm can use.
    public static func usesHardware(_ name: String) -> Bool {
        guard let paths = Catalog.resolve(name)?.hardware else { return false }
        return !paths.isDisjoint(with: HardwareSupport.selection)
    }

    /// The algorithm names a vector involves (its own, the cipher, the MAC's underlying
    /// algorithm, a KDF's digest).
    public static func names(of v: Vector) -> [String] {
        var names = [v.displayName, v.algorithm]
        switch v.operation {
        case .cipher(let c): names.append(c.cipher)
        case .mac(let m): if let u = m.underlying { names.append(u) }
        case .kdf(let k):
            names.append(k.kdf)
            for p in k.parameters where p.name.lowercased() == "digest" {
                if case .text(let t) = p.value { names.append(t) }
            }
        default: break
        }
        return names
    }
}

/// LibCrypto pinned to one variant: every call runs inside `HardwareSupport.withVariant`.
/// Two of these (hardware, generic) make the differential of LibCrypto against itself.
public final class VariantImplementation: Implementation {
    public let variant: String
    public let name: String
    let base = LibCryptoImplementation()

    public init(variant: String) {
        self.variant = variant
        name = "LibCrypto (\(variant))"
    }

    public func availability(of algorithm: String, family: AlgorithmFamily) -> Availability {
        base.availability(of: algorithm, family: family)
    }
    public func digest(_ algorithm: String, message: Message, outputLength: Int?, parameters: [String: String]) throws
        -> [UInt8]
    {
        try HardwareSupport.withVariant(variant) {
            try base.digest(algorithm, message: message, outputLength: outputLength, parameters: parameters)
        }
    }
    public func mac(_ input: MACInput) throws -> [UInt8] {
        try HardwareSupport.withVariant(variant) { try base.mac(input) }
    }
    public func macSizes(_ input: MACInput) throws -> (output: Int, block: Int) {
        try HardwareSupport.withVariant(variant) { try base.macSizes(input) }
    }
    public func cipher(_ input: CipherInput, encrypting: Bool, pieces: [Int]) throws -> CipherOutput {
        try HardwareSupport.withVariant(variant) { try base.cipher(input, encrypting: encrypting, pieces: pieces) }
    }
    public func kdf(_ input: KDFInput) throws -> [UInt8] {
        try HardwareSupport.withVariant(variant) { try base.kdf(input) }
    }
    public func cipherSizes(_ name: String) throws -> (key: Int, iv: Int, block: Int) {
        try base.cipherSizes(name)
    }
    public func macFailureStep(_ error: any Error, viaPKey: Bool) -> String? {
        base.macFailureStep(error, viaPKey: viaPKey)
    }
    public func rand(_ input: RandInput) throws -> [[UInt8]] {
        try HardwareSupport.withVariant(variant) { try base.rand(input) }
    }
    public var supportsBase64: Bool { base.supportsBase64 }
    public func base64Encode(_ bytes: [UInt8]) throws -> [UInt8] { try base.base64Encode(bytes) }
    public func base64Decode(_ text: [UInt8]) throws -> [UInt8] { try base.base64Decode(text) }
}
