import COpenSSL
import LibCrypto
import Vectors

// Operations: plain ciphers, CFB1 bit lengths and AEADs through EVP_CIPHER.

extension OpenSSLImplementation {
    // MARK: - Ciphers

    /// Feeds `data` to `body` as `LibCryptoImplementation.inPieces` does: sizes cycled, empty
    /// pieces as empty updates, and a list with no positive size (or none) as one piece.
    static func inPieces(_ data: [UInt8], _ pieces: [Int], _ body: (ArraySlice<UInt8>) throws -> Void) rethrows {
        guard pieces.contains(where: { $0 > 0 }) else { return try body(data[...]) }
        var at = 0
        var k = 0
        while at < data.count {
            let n = min(max(pieces[k % pieces.count], 0), data.count - at)
            try body(data[at..<(at + n)])
            at += n
            k += 1
        }
    }

    /// One `EVP_CipherUpdate` of `data` (output returned; `aad` feeds associated data instead).
    private func update(
        _ ctx: OpaquePointer, _ data: ArraySlice<UInt8>, aad: Bool = false, failure: CryptoError.Code? = nil
    ) throws -> [UInt8] {
        guard data.count <= Int(Int32.max) - 64 else {
            throw CryptoError(.invalidParameter, "\(data.count) bytes is more than one update takes")
        }
        var out = [UInt8](repeating: 0, count: aad ? 1 : data.count + 64)
        var outl: Int32 = 0
        let ok = withBytes(data) { p, n in
            out.withUnsafeMutableBufferPointer { o in
                ref_EVP_CipherUpdate(ctx, aad ? nil : o.baseAddress, &outl, p, Int32(n))
            }
        }
        guard ok == 1 else {
            if let failure { throw CryptoError(failure, "EVP_CipherUpdate: \(Self.takeError().text)") }
            throw Self.cipherFailure("EVP_CipherUpdate")
        }
        if aad { return [] }
        guard outl >= 0, Int(outl) <= out.count else {
            throw CryptoError(.invalidParameter, "EVP_CipherUpdate wrote \(outl) bytes")
        }
        return Array(out.prefix(Int(outl)))
    }

    private func final(_ ctx: OpaquePointer, failure: CryptoError.Code? = nil) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 64)
        var outl: Int32 = 0
        guard ref_EVP_CipherFinal_ex(ctx, &out, &outl) == 1 else {
            if let failure { throw CryptoError(failure, "EVP_CipherFinal_ex: \(Self.takeError().text)") }
            throw Self.cipherFailure("EVP_CipherFinal_ex")
        }
        guard outl >= 0, Int(outl) <= out.count else {
            throw CryptoError(.invalidParameter, "EVP_CipherFinal_ex wrote \(outl) bytes")
        }
        return Array(out.prefix(Int(outl)))
    }

    private func ctrl(_ ctx: OpaquePointer, _ type: Int32, _ arg: Int, _ ptr: UnsafeMutableRawPointer?, _ what: String)
        throws
    {
        guard arg >= 0, arg <= Int(Int32.max) else {
            throw CryptoError(.invalidParameter, "\(what): \(arg) is out of range")
        }
        guard ref_EVP_CIPHER_CTX_ctrl(ctx, type, Int32(arg), ptr) > 0 else {
            throw Self.failure(.invalidParameter, "EVP_CIPHER_CTX_ctrl(\(what))")
        }
    }

    /// A plain (non-AEAD) cipher context, keyed, with every setting the input asks for.
    private func cipherContext(_ cipher: OpaquePointer, _ input: CipherInput, encrypting: Bool) throws -> OpaquePointer
    {
        let mode = shim_EVP_CIPHER_get_mode(cipher)
        guard let ctx = ref_EVP_CIPHER_CTX_new() else {
            throw Self.failure(.unsupportedOperation, "EVP_CIPHER_CTX_new")
        }
        var ready = false
        defer { if !ready { ref_EVP_CIPHER_CTX_free(ctx) } }
        if mode == EVP_CIPH_WRAP_MODE { ref_EVP_CIPHER_CTX_set_flags(ctx, EVP_CIPHER_CTX_FLAG_WRAP_ALLOW) }
        guard ref_EVP_CipherInit_ex2(ctx, cipher, nil, nil, encrypting ? 1 : 0, nil) == 1 else {
            throw Self.failure(.invalidParameter, "EVP_CipherInit_ex2")
        }
        if let r = input.rc5Rounds { try ctrl(ctx, EVP_CTRL_SET_RC5_ROUNDS, r, nil, "EVP_CTRL_SET_RC5_ROUNDS") }
        if input.key.count != Int(ref_EVP_CIPHER_CTX_get_key_length(ctx)) {
            guard input.key.count <= Int(Int32.max), ref_EVP_CIPHER_CTX_set_key_length(ctx, Int32(input.key.count)) == 1
            else {
                throw Self.failure(.invalidParameter, "EVP_CIPHER_CTX_set_key_length(\(input.key.count))")
            }
        }
        if let b = input.rc2EffectiveBits {
            try ctrl(ctx, EVP_CTRL_SET_RC2_KEY_BITS, b, nil, "EVP_CTRL_SET_RC2_KEY_BITS")
        }
        let ivLength = Int(ref_EVP_CIPHER_CTX_get_iv_length(ctx))
        if input.iv.isEmpty {
            guard ivLength == 0 || mode == EVP_CIPH_WRAP_MODE else {
                throw CryptoError(.invalidParameter, "\(input.cipher) takes a \(ivLength)-byte IV, got none")
            }
        } else if input.iv.count != ivLength {
            throw CryptoError(.invalidParameter, "\(input.cipher) takes a \(ivLength)-byte IV, got \(input.iv.count)")
        }
        // CBC-CTS's variant is the `cts_mode` parameter ("CS1", "CS2", "CS3"), set with the key.
        let params = ParamBuilder()
        if let m = input.ctsMode { params.utf8("cts_mode", m) }
        // Stitched TLS ciphers: the MAC key with the key, then (below, in a second call, as
        // evp_test sets them apart: RC4-HMAC-MD5 would apply a header given in the same call
        // before the key) the record header and the version.
        if let k = input.macKey { params.octets("mackey", k) }
        let keyed = withBytes(input.key) { k, _ in
            input.iv.withUnsafeBufferPointer { iv in
                params.withArray { p in
                    ref_EVP_CipherInit_ex2(
                        ctx, nil, k, input.iv.isEmpty ? nil : iv.baseAddress, -1, params.isEmpty ? nil : p)
                }
            }
        }
        guard keyed == 1 else { throw Self.failure(.invalidParameter, "EVP_CipherInit_ex2 (key)") }
        if input.tlsAAD != nil || input.tlsVersion != nil {
            let tls = ParamBuilder()
            if let a = input.tlsAAD { tls.octets("tlsaad", a) }
            if let v = input.tlsVersion { tls.unsigned("tls-version", UInt64(max(v, 0))) }
            guard tls.withArray({ ref_EVP_CipherInit_ex2(ctx, nil, nil, nil, -1, $0) }) == 1 else {
                throw Self.failure(.invalidParameter, "EVP_CipherInit_ex2 (TLS AAD, version)")
            }
        }
        // Padding applies to ECB and CBC; other modes ignore (or refuse) the setting.
        _ = ref_EVP_CIPHER_CTX_set_padding(ctx, input.padding ? 1 : 0)
        ref_ERR_clear_error()
        ready = true
        return ctx
    }

    /// The IV the mode left behind; empty where LibCrypto keeps none (ECB, stream, XTS, wrap).
    private func updatedIV(_ ctx: OpaquePointer, mode: Int32) -> [UInt8] {
        if mode == EVP_CIPH_ECB_MODE || mode == EVP_CIPH_STREAM_CIPHER || mode == EVP_CIPH_XTS_MODE
            || mode == EVP_CIPH_WRAP_MODE
        {
            return []
        }
        let n = Int(ref_EVP_CIPHER_CTX_get_iv_length(ctx))
        guard n > 0 else { return [] }
        var iv = [UInt8](repeating: 0, count: n)
        let ok = ref_EVP_CIPHER_CTX_get_updated_iv(ctx, &iv, n)
        ref_ERR_clear_error()
        return ok == 1 ? iv : []
    }

    public func cipherSizes(_ name: String) throws -> (key: Int, iv: Int, block: Int) {
        let cipher = try fetched(.cipher, name)
        // The IV length of a fresh context (EVP_CIPHER_CTX_get_iv_length), not the cipher's
        // table entry: for CCM the table says 12 while a context takes 15 - L = 7 bytes by
        // default, which is what LibCrypto's default nonce length means.
        var iv = Int(ref_EVP_CIPHER_get_iv_length(cipher))
        if let ctx = ref_EVP_CIPHER_CTX_new() {
            defer { ref_EVP_CIPHER_CTX_free(ctx) }
            if ref_EVP_CipherInit_ex2(ctx, cipher, nil, nil, 1, nil) == 1 {
                iv = Int(ref_EVP_CIPHER_CTX_get_iv_length(ctx))
            }
        }
        ref_ERR_clear_error()
        return (Int(ref_EVP_CIPHER_get_key_length(cipher)), iv, Int(ref_EVP_CIPHER_get_block_size(cipher)))
    }

    public func cipher(_ input: CipherInput, encrypting: Bool, pieces: [Int]) throws -> CipherOutput {
        ref_ERR_clear_error()
        let cipher = try fetched(.cipher, input.cipher)
        let flags = ref_EVP_CIPHER_get_flags(cipher)
        let mode = shim_EVP_CIPHER_get_mode(cipher)
        // The stitched TLS ciphers are flagged AEAD but run as plain ciphers with TLS parameters.
        let stitched = input.cipher.uppercased().contains("-HMAC-")
        if flags & UInt(EVP_CIPH_FLAG_AEAD_CIPHER) != 0 && !stitched {
            return try aead(cipher, mode: mode, input, encrypting: encrypting, pieces: pieces)
        }
        let ctx = try cipherContext(cipher, input, encrypting: encrypting)
        defer { ref_EVP_CIPHER_CTX_free(ctx) }
        let data = encrypting ? input.plaintext : input.ciphertext
        if input.keystreamOffset > 0 {
            _ = try update(ctx, [UInt8](repeating: 0, count: input.keystreamOffset)[...])
        }
        if input.iterations > 1 {
            guard encrypting, input.bitLength == nil, input.keystreamOffset == 0 else {
                throw CryptoError(.invalidParameter, "iterated vectors are encryption of whole bytes only")
            }
            var block = data
            for _ in 0..<input.iterations {
                let c = try cipherContext(cipher, input, encrypting: true)
                defer { ref_EVP_CIPHER_CTX_free(c) }
                block = try update(c, block[...]) + final(c)
            }
            return CipherOutput(output: block)
        }
        if let bits = input.bitLength {
            let (out, iv) = try updateBits(ctx, cipher, data, bits)
            return CipherOutput(output: out, nextIV: iv)
        }
        var out: [UInt8] = []
        out.reserveCapacity(data.count + 32)
        // XTS, key wrap and CTS take the whole message in one update, as in LibCrypto.
        let oneShot =
            mode == EVP_CIPH_XTS_MODE || mode == EVP_CIPH_WRAP_MODE || flags & UInt(EVP_CIPH_FLAG_CTS) != 0 || stitched
        // A stitched cipher's failed TLS-mode decryption is its MAC (or padding) check.
        let failure: CryptoError.Code? = stitched && input.tlsAAD != nil && !encrypting ? .authenticationFailure : nil
        try Self.inPieces(data, oneShot ? [] : pieces) { out += try update(ctx, $0, failure: failure) }
        out += try final(ctx)
        return CipherOutput(output: out, nextIV: updatedIV(ctx, mode: mode))
    }

    /// CFB1 with its length counted in bits (`EVP_CIPH_FLAG_LENGTH_BITS`): `bitCount` bits of
    /// `data`, most significant first; the output is the bytes they fill, bits past the count
    /// zero (as LibCrypto leaves them), and the IV the mode left behind.
    ///
    /// OpenSSL 3.0's DES-CFB1 ignores the flag (its `cipher_hw_des_cfb1_cipher` never looks at
    /// `use_bits`, unlike the 3DES and generic AES/Camellia/ARIA CFB1 code) and reads the count as
    /// bytes: 8 × too many bits. The buffers are sized for that, so it stays in bounds; CFB1 being
    /// causal, its first `bitCount` output bits are still right, but its IV is the state after
    /// 8 × `bitCount` bits, so nextIV is then empty (`readsLengthInBits` finds such ciphers).
    private func updateBits(_ ctx: OpaquePointer, _ cipher: OpaquePointer, _ data: [UInt8], _ bitCount: Int) throws -> (
        [UInt8], [UInt8]
    ) {
        let canonical = ref_EVP_CIPHER_get0_name(cipher).map { String(cString: $0) } ?? ""
        guard shim_EVP_CIPHER_get_mode(cipher) == EVP_CIPH_CFB_MODE, canonical.uppercased().hasSuffix("CFB1") else {
            throw CryptoError(.unsupportedOperation, "bit-length input needs CFB1")
        }
        guard bitCount >= 0, data.count * 8 >= bitCount, bitCount <= Int(Int32.max) - 64 else {
            throw CryptoError(.invalidParameter, "\(bitCount) bits asked of \(data.count) bytes")
        }
        ref_EVP_CIPHER_CTX_set_flags(ctx, EVP_CIPH_FLAG_LENGTH_BITS)
        let n = (bitCount + 7) / 8
        let room = max(bitCount, n) + 64
        var padded = data
        if padded.count < room { padded += [UInt8](repeating: 0, count: room - padded.count) }
        var out = [UInt8](repeating: 0, count: room)
        var outl: Int32 = 0
        let ok = padded.withUnsafeBufferPointer { p in
            out.withUnsafeMutableBufferPointer { o in
                ref_EVP_CipherUpdate(ctx, o.baseAddress, &outl, p.baseAddress, Int32(bitCount))
            }
        }
        guard ok == 1 else { throw Self.cipherFailure("EVP_CipherUpdate (bits)") }
        var result = Array(out.prefix(n))
        if bitCount % 8 != 0, !result.isEmpty { result[n - 1] &= UInt8(truncatingIfNeeded: 0xFF00 >> (bitCount % 8)) }
        let mode = shim_EVP_CIPHER_get_mode(cipher)
        let ivMeaningful = try bitCount == 0 || readsLengthInBits(cipher)
        return (result, ivMeaningful ? updatedIV(ctx, mode: mode) : [])
    }

    /// Whether `cipher` takes an update's length in bits once `EVP_CIPH_FLAG_LENGTH_BITS` is set,
    /// asked of OpenSSL itself: from one key and IV, an update of "8" with the flag and one of 1
    /// byte without it must leave the same IV. A cipher reading the count as bytes (3.0's
    /// DES-CFB1) has run 64 bits instead of 8 and left the IV after 64 bits.
    private func readsLengthInBits(_ cipher: OpaquePointer) throws -> Bool {
        let keyLength = Int(ref_EVP_CIPHER_get_key_length(cipher))
        let ivLength = Int(ref_EVP_CIPHER_get_iv_length(cipher))
        guard keyLength > 0, ivLength > 0 else { return false }
        let key = (0..<keyLength).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        let iv = (0..<ivLength).map { UInt8(truncatingIfNeeded: $0 &* 73 &+ 5) }
        func ivAfter(flag: Bool, count: Int32) throws -> [UInt8] {
            guard let ctx = ref_EVP_CIPHER_CTX_new() else {
                throw Self.failure(.unsupportedOperation, "EVP_CIPHER_CTX_new")
            }
            defer { ref_EVP_CIPHER_CTX_free(ctx) }
            guard ref_EVP_CipherInit_ex2(ctx, cipher, key, iv, 1, nil) == 1 else {
                throw Self.failure(.invalidParameter, "EVP_CipherInit_ex2 (bit-length probe)")
            }
            if flag { ref_EVP_CIPHER_CTX_set_flags(ctx, EVP_CIPH_FLAG_LENGTH_BITS) }
            let input = [UInt8](repeating: 0x5A, count: 16)
            var out = [UInt8](repeating: 0, count: 16 + 64)
            var outl: Int32 = 0
            guard ref_EVP_CipherUpdate(ctx, &out, &outl, input, count) == 1 else {
                throw Self.cipherFailure("EVP_CipherUpdate (bit-length probe)")
            }
            var next = [UInt8](repeating: 0, count: ivLength)
            let ok = ref_EVP_CIPHER_CTX_get_updated_iv(ctx, &next, ivLength)
            ref_ERR_clear_error()
            return ok == 1 ? next : []
        }
        let bits = try ivAfter(flag: true, count: 8)
        return try !bits.isEmpty && bits == ivAfter(flag: false, count: 1)
    }

    /// GCM, CCM, OCB, ChaCha20-Poly1305 (and any other cipher OpenSSL flags as AEAD).
    private func aead(_ cipher: OpaquePointer, mode: Int32, _ input: CipherInput, encrypting: Bool, pieces: [Int])
        throws -> CipherOutput
    {
        let data = encrypting ? input.plaintext : input.ciphertext
        if !encrypting && input.tag == nil { throw CryptoError(.invalidParameter, "AEAD decryption needs a tag") }
        guard let ctx = ref_EVP_CIPHER_CTX_new() else {
            throw Self.failure(.unsupportedOperation, "EVP_CIPHER_CTX_new")
        }
        defer { ref_EVP_CIPHER_CTX_free(ctx) }
        guard ref_EVP_CipherInit_ex2(ctx, cipher, nil, nil, encrypting ? 1 : 0, nil) == 1 else {
            throw Self.failure(.invalidParameter, "EVP_CipherInit_ex2")
        }
        if input.iv.count != Int(ref_EVP_CIPHER_CTX_get_iv_length(ctx)) {
            try ctrl(ctx, EVP_CTRL_AEAD_SET_IVLEN, input.iv.count, nil, "EVP_CTRL_AEAD_SET_IVLEN")
        }
        let defaultTag = Int(ref_EVP_CIPHER_CTX_get_tag_length(ctx))
        ref_ERR_clear_error()
        let tagLength = input.tagLength ?? input.tag?.count ?? (defaultTag > 0 ? defaultTag : 16)
        var tag = input.tag ?? []
        if !encrypting && tag.count != tagLength {
            throw CryptoError(
                .authenticationFailure, "a \(tag.count)-byte tag cannot verify at tag length \(tagLength)")
        }
        // As evp_test: CCM (and ChaCha20-Poly1305) take the tag length, and on decryption the
        // tag, before the key; OCB takes the length only; GCM needs neither yet.
        if mode == EVP_CIPH_OCB_MODE {
            try ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, tagLength, nil, "EVP_CTRL_AEAD_SET_TAG (length)")
        } else if mode != EVP_CIPH_GCM_MODE {
            if encrypting {
                try ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, tagLength, nil, "EVP_CTRL_AEAD_SET_TAG (length)")
            } else {
                try tag.withUnsafeMutableBytes {
                    try ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, tagLength, $0.baseAddress, "EVP_CTRL_AEAD_SET_TAG")
                }
            }
        }
        if input.key.count != Int(ref_EVP_CIPHER_CTX_get_key_length(ctx)) {
            guard input.key.count <= Int(Int32.max), ref_EVP_CIPHER_CTX_set_key_length(ctx, Int32(input.key.count)) == 1
            else {
                throw Self.failure(.invalidParameter, "EVP_CIPHER_CTX_set_key_length(\(input.key.count))")
            }
        }
        let keyed = withBytes(input.key) { k, _ in
            withBytes(input.iv) { iv, _ in ref_EVP_CipherInit_ex2(ctx, nil, k, iv, -1, nil) }
        }
        guard keyed == 1 else { throw Self.failure(.invalidParameter, "EVP_CipherInit_ex2 (key)") }

        // CCM (and SIV) cannot stream: the AAD goes in one call, the data in another, after the
        // total length is announced. Fed whole, the result is the same as LibCrypto's buffered run.
        let whole = mode == EVP_CIPH_CCM_MODE || mode == EVP_CIPH_SIV_MODE
        if mode == EVP_CIPH_CCM_MODE {
            guard data.count <= Int(Int32.max) else { throw CryptoError(.invalidParameter, "message too long") }
            var outl: Int32 = 0
            guard ref_EVP_CipherUpdate(ctx, nil, &outl, nil, Int32(data.count)) == 1 else {
                throw Self.failure(.invalidParameter, "EVP_CipherUpdate (CCM length)")
            }
        }
        if mode == EVP_CIPH_SIV_MODE {
            // Each update of AAD is one S2V component (an empty one included).
            for a in input.aad { _ = try update(ctx, a[...], aad: true) }
        } else if whole {
            let all = input.aad.flatMap { $0 }
            if !all.isEmpty { _ = try update(ctx, all[...], aad: true) }
        } else {
            for a in input.aad { try Self.inPieces(a, pieces) { _ = try update(ctx, $0, aad: true) } }
        }
        var out: [UInt8] = []
        if whole {
            // CCM decryption checks the tag in this call.
            out = try update(ctx, data[...], failure: encrypting ? nil : .authenticationFailure)
        } else {
            try Self.inPieces(data, pieces) { out += try update(ctx, $0) }
        }
        if !encrypting && (mode == EVP_CIPH_GCM_MODE || mode == EVP_CIPH_OCB_MODE) {
            try tag.withUnsafeMutableBytes {
                try ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, tagLength, $0.baseAddress, "EVP_CTRL_AEAD_SET_TAG")
            }
        }
        out += try final(ctx, failure: encrypting ? nil : .authenticationFailure)
        guard encrypting else { return CipherOutput(output: out, nextIV: nil) }
        var produced = [UInt8](repeating: 0, count: max(tagLength, 1))
        try produced.withUnsafeMutableBytes {
            try ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, tagLength, $0.baseAddress, "EVP_CTRL_AEAD_GET_TAG")
        }
        return CipherOutput(output: out, nextIV: nil, tag: Array(produced.prefix(tagLength)))
    }
}
