import LibCrypto
import Vectors

/// Reads OpenSSL-style KDF parameters (`digest`, `pass`, `salt`, `iter`, `key`, `info`, `mode`,
/// `n`, `r`, `p`, `maxmem_bytes`, `secret`, `id`) and calls LibCrypto's typed KDFs, the way
/// `EVP_KDF_CTX_set_params` feeds OpenSSL's. An unknown or repeated-but-single parameter is an
/// error, never ignored.
struct LibCryptoKDF {
    let input: KDFInput
    init(_ input: KDFInput) { self.input = input }

    private func values(_ name: String) -> [KDFParameter] {
        input.parameters.filter { $0.name.lowercased() == name }
    }

    private func bytes(_ name: String, default value: [UInt8]? = nil) throws -> [UInt8] {
        guard let p = values(name).last else {
            if let value { return value }
            throw CryptoError(.invalidParameter, "\(input.kdf): missing parameter \(name)")
        }
        return p.bytes
    }

    private func integer(_ name: String, default value: Int? = nil) throws -> Int {
        guard let p = values(name).last else {
            if let value { return value }
            throw CryptoError(.invalidParameter, "\(input.kdf): missing parameter \(name)")
        }
        guard let n = Int(p.text) else {
            throw CryptoError(.invalidParameter, "\(input.kdf): \(name) is not an integer: \(p.text)")
        }
        return n
    }

    private func digest() throws -> any HashFunction.Type {
        guard let p = values("digest").last else {
            throw CryptoError(.invalidParameter, "\(input.kdf): missing parameter digest")
        }
        return try Registry.digest(named: p.text).hashType
    }

    private func checkNames(_ allowed: Set<String>) throws {
        for p in input.parameters where !allowed.contains(p.name.lowercased()) {
            throw CryptoError(.invalidParameter, "\(input.kdf): unknown parameter \(p.name)")
        }
    }

    func derive() throws -> [UInt8] {
        let length = input.outputLength
        switch input.kdf.uppercased() {
        case "PBKDF2":
            try checkNames(["digest", "pass", "salt", "iter", "pkcs5"])
            return try PBKDF2.derive(
                try digest(), password: try bytes("pass"), salt: try bytes("salt"),
                iterations: try integer("iter", default: 2048), length: length)
        case "PBKDF1":
            try checkNames(["digest", "pass", "salt", "iter"])
            return try PBKDF1.derive(
                try digest(), password: try bytes("pass"), salt: try bytes("salt"),
                iterations: try integer("iter", default: 1), length: length)
        case "HKDF":
            try checkNames(["digest", "key", "salt", "info", "mode"])
            var mode = HKDF.Mode.extractAndExpand
            if let m = values("mode").last {
                switch m.text.uppercased() {
                case "EXTRACT_AND_EXPAND", "0": mode = .extractAndExpand
                case "EXTRACT_ONLY", "1": mode = .extractOnly
                case "EXPAND_ONLY", "2": mode = .expandOnly
                default: throw CryptoError(.invalidParameter, "HKDF: unknown mode \(m.text)")
                }
            }
            let info = values("info").flatMap(\.bytes)
            return try HKDF.derive(
                try digest(), mode: mode, key: try bytes("key"), salt: try bytes("salt", default: []),
                info: info, length: length)
        case "SCRYPT", "ID-SCRYPT":
            try checkNames(["pass", "salt", "n", "r", "p", "maxmem_bytes"])
            return try Scrypt.derive(
                password: try bytes("pass"), salt: try bytes("salt"), n: try integer("n", default: 1 << 20),
                r: try integer("r", default: 8), p: try integer("p", default: 1), length: length,
                maxMemory: try integer("maxmem_bytes", default: Scrypt.defaultMaxMemory))
        case "X963KDF", "X942KDF-CONCAT":
            try checkNames(["digest", "key", "secret", "info"])
            let secret = try values("secret").last?.bytes ?? bytes("key")
            return try X963KDF.derive(
                try digest(), sharedSecret: secret, sharedInfo: values("info").flatMap(\.bytes), length: length)
        case "PKCS12KDF":
            try checkNames(["digest", "pass", "salt", "iter", "id"])
            let id = try integer("id")
            guard (1...3).contains(id) else {
                throw CryptoError(.invalidParameter, "PKCS12KDF: id must be 1, 2 or 3, not \(id)")
            }
            return try PKCS12KDF.derive(
                try digest(), password: try bytes("pass"), salt: try bytes("salt"), id: UInt8(id),
                iterations: try integer("iter", default: 2048), length: length)
        default:
            throw CryptoError.unknownAlgorithm(input.kdf)
        }
    }
}
