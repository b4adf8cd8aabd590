import COpenSSL
import LibCrypto
import Vectors

// Operations: digests and MACs through EVP_MD and EVP_MAC.

extension OpenSSLImplementation {

    // MARK: - Digests

    public func digest(_ algorithm: String, message: Message, outputLength: Int?, parameters: [String: String]) throws
        -> [UInt8]
    {
        ref_ERR_clear_error()
        let md = try fetched(.digest, algorithm)
        let params = ParamBuilder()
        for (name, value) in parameters {
            guard name == "pad-type", let n = Int(value) else {
                throw CryptoError(.invalidParameter, "\(algorithm): unknown parameter \(name)=\(value)")
            }
            guard Self.lists(ref_EVP_MD_settable_ctx_params(md), "pad-type") else {
                throw CryptoError(.unsupportedOperation, "\(algorithm) has no pad-type parameter")
            }
            guard n >= 0 else { throw CryptoError(.invalidParameter, "\(algorithm): pad-type must not be negative") }
            params.unsigned("pad-type", UInt64(n))
        }
        guard let ctx = ref_EVP_MD_CTX_new() else { throw Self.failure(.unsupportedOperation, "EVP_MD_CTX_new") }
        defer { ref_EVP_MD_CTX_free(ctx) }
        let initialized = params.withArray { ref_EVP_DigestInit_ex2(ctx, md, params.isEmpty ? nil : $0) }
        guard initialized == 1 else { throw Self.failure(.invalidParameter, "EVP_DigestInit_ex2") }
        for chunk in message.chunks {
            try chunk.bytes.withUnsafeBytes { raw in
                for _ in 0..<chunk.count {
                    guard ref_EVP_DigestUpdate(ctx, raw.baseAddress, raw.count) == 1 else {
                        throw Self.failure(.invalidParameter, "EVP_DigestUpdate")
                    }
                }
            }
        }
        let size = Int(ref_EVP_MD_get_size(md))
        let isXOF = (ref_EVP_MD_get_flags(md) & UInt(EVP_MD_FLAG_XOF)) != 0
        if isXOF {
            let n = outputLength ?? size
            guard n >= 0 else { throw CryptoError(.invalidParameter, "negative output length \(n)") }
            var out = [UInt8](repeating: 0, count: max(n, 1))
            guard ref_EVP_DigestFinalXOF(ctx, &out, n) == 1 else {
                throw Self.failure(.invalidParameter, "EVP_DigestFinalXOF")
            }
            return Array(out.prefix(n))
        }
        if let n = outputLength, n != size {
            throw CryptoError(.invalidParameter, "\(algorithm) has a fixed output of \(size) bytes, \(n) were asked")
        }
        guard size > 0 else { throw CryptoError(.invalidParameter, "\(algorithm): EVP_MD_get_size gave \(size)") }
        var out = [UInt8](repeating: 0, count: max(size, Int(EVP_MAX_MD_SIZE)))
        var written: UInt32 = 0
        guard ref_EVP_DigestFinal_ex(ctx, &out, &written) == 1 else {
            throw Self.failure(.invalidParameter, "EVP_DigestFinal_ex")
        }
        return Array(out.prefix(Int(written)))
    }

    // MARK: - MACs

    /// A MAC context initialised with the key, the underlying digest or cipher and the IV.
    private func macContext(_ input: MACInput) throws -> OpaquePointer {
        ref_ERR_clear_error()
        let mac = try fetched(.mac, input.mac)
        let settable = ref_EVP_MAC_settable_ctx_params(mac)
        let params = ParamBuilder()
        if let u = input.underlying {
            if Self.lists(settable, "digest") && !Self.lists(settable, "cipher") {
                params.utf8("digest", u)
            } else if Self.lists(settable, "cipher") {
                params.utf8("cipher", u)
            } else {
                throw CryptoError(.invalidParameter, "\(input.mac) takes no digest or cipher, yet \(u) was given")
            }
        } else if input.mac.uppercased() == "HMAC" {
            throw CryptoError(.invalidParameter, "HMAC needs a digest")
        } else if input.mac.uppercased() == "CMAC" || input.mac.uppercased() == "GMAC" {
            throw CryptoError(.invalidParameter, "\(input.mac) needs a cipher")
        }
        if let iv = input.iv {
            guard Self.lists(settable, "iv") else { throw CryptoError(.invalidParameter, "\(input.mac) takes no IV") }
            params.octets("iv", iv)
        } else if input.mac.uppercased() == "GMAC" {
            throw CryptoError(.invalidParameter, "GMAC needs an IV")
        }
        try Self.addMACParameters(input, settable: settable, to: params)
        guard let ctx = ref_EVP_MAC_CTX_new(mac) else { throw Self.failure(.unsupportedOperation, "EVP_MAC_CTX_new") }
        // A non-NULL key pointer even for an empty key: NULL means "no key" to EVP_MAC_init.
        let ok = withBytes(input.key) { k, n in
            params.withArray { ref_EVP_MAC_init(ctx, k, n, params.isEmpty ? nil : $0) }
        }
        guard ok == 1 else {
            let e = Self.failure(.invalidParameter, "EVP_MAC_init")
            ref_EVP_MAC_CTX_free(ctx)
            throw e
        }
        return ctx
    }

    /// The vector's further parameters (`custom`, `salt`, `size`, `xof`, `c-rounds`, …), typed as
    /// the MAC's settable list has them, as `OSSL_PARAM_allocate_from_text` does for evp_test.
    private static func addMACParameters(
        _ input: MACInput, settable: UnsafePointer<OSSL_PARAM>?, to params: ParamBuilder
    ) throws {
        let defs = definitions(settable)
        for p in input.parameters {
            guard let def = defs.first(where: { $0.name == p.name.lowercased() }) else {
                throw CryptoError(.invalidParameter, "\(input.mac): unknown parameter \(p.name)")
            }
            switch def.type {
            case UInt32(OSSL_PARAM_UTF8_STRING):
                params.utf8(def.name, p.text)
            case UInt32(OSSL_PARAM_OCTET_STRING):
                params.octets(def.name, p.bytes)
            case UInt32(OSSL_PARAM_INTEGER):
                guard let v = Int64(p.text) else {
                    throw CryptoError(.invalidParameter, "\(input.mac): \(p.name) is not an integer: \(p.text)")
                }
                params.signed(def.name, v)
            case UInt32(OSSL_PARAM_UNSIGNED_INTEGER):
                guard let v = UInt64(p.text) else {
                    throw CryptoError(.invalidParameter, "\(input.mac): \(p.name) is not a non-negative integer")
                }
                params.unsigned(def.name, v)
            default:
                throw CryptoError(.unsupportedOperation, "\(input.mac): parameter \(p.name) has type \(def.type)")
            }
        }
    }

    public func mac(_ input: MACInput) throws -> [UInt8] {
        let ctx = try macContext(input)
        defer { ref_EVP_MAC_CTX_free(ctx) }
        for chunk in input.message.chunks {
            try chunk.bytes.withUnsafeBufferPointer { b in
                for _ in 0..<chunk.count where b.count > 0 {
                    guard ref_EVP_MAC_update(ctx, b.baseAddress, b.count) == 1 else {
                        throw Self.failure(.invalidParameter, "EVP_MAC_update")
                    }
                }
            }
        }
        let size = ref_EVP_MAC_CTX_get_mac_size(ctx)
        var out = [UInt8](repeating: 0, count: max(size, 64))
        var written = 0
        guard ref_EVP_MAC_final(ctx, &out, &written, out.count) == 1 else {
            throw Self.failure(.invalidParameter, "EVP_MAC_final")
        }
        return Array(out.prefix(written))
    }

    public func macSizes(_ input: MACInput) throws -> (output: Int, block: Int) {
        let ctx = try macContext(input)
        defer { ref_EVP_MAC_CTX_free(ctx) }
        let sizes = (ref_EVP_MAC_CTX_get_mac_size(ctx), ref_EVP_MAC_CTX_get_block_size(ctx))
        ref_ERR_clear_error()
        return sizes
    }
}
