#if SIV
/// Synthetic Initialization Vector mode (RFC 5297) over any 128-bit block cipher, with OpenSSL's
/// EVP behaviour: `SIV<AES>` is `aes-128-siv`, `aes-192-siv`, `aes-256-siv` (keys of 32, 48 and
/// 64 bytes: the first half keys CMAC, the second half keys CTR).
///
/// - S2V: every `updateAAD` call is one associated-data component (an empty call is an empty
///   component, which changes the result), as OpenSSL's `ossl_siv128_aad`; the data is the last
///   component. RFC 5297's nonce, if any, is the last AAD component: the EVP cipher has no IV,
///   so `parameters.nonce` must be empty.
/// - Tag: the 16-byte synthetic IV V (`parameters.tagLength` must be 16).
/// - Data: one non-empty `update` per message (OpenSSL's `ossl_siv128_encrypt`/`_decrypt` run
///   once; an empty update is ignored, a second non-empty one throws). As in OpenSSL 3.0, a
///   message with no data cannot be finalized (`ossl_siv128_finish` returns its "nothing
///   processed" state), although RFC 5297 itself allows an empty plaintext.
///
/// Encryption returns the ciphertext from `update`. Decryption keeps the ciphertext until
/// `finalizeDecryption(tag:)`, then decrypts with CTR under the tag, recomputes S2V over the
/// plaintext and compares it with the tag in constant time; on mismatch the plaintext is wiped
/// and `authenticationFailure` thrown. CTR counts over all 128 bits from Q = V with bits 63 and
/// 31 cleared. No tables and no hardware code here; the block cipher decides both.
public final class SIV<C: BlockCipher>: AEADContext {
    /// True when the context encrypts, false when it decrypts.
    public let encrypting: Bool
    /// The tag length in bytes: always 16.
    public var tagLength: Int { 16 }

    private enum Phase { case aad, data, done }

    /// CMAC keyed with the first key half, before any input (copied per S2V component).
    private var cmac: CMAC<C>
    /// The CTR cipher, keyed with the second key half.
    private var ctrCipher: C
    /// S2V's running value D.
    private var d: (UInt64, UInt64) = (0, 0)
    private var phase = Phase.aad
    /// Encryption: the synthetic IV once the data has been processed.
    private var tag: [UInt8] = []
    /// Decryption: the ciphertext, kept until the tag is known.
    private var ciphertext: [UInt8] = []

    /// The S2V cap OpenSSL does not enforce is not enforced here either (RFC 5297 allows at most
    /// 126 AAD components; more only weaken the bound, not the construction).
    /// - Throws: `invalidParameter` for a cipher without 128-bit blocks, a key of odd length or
    ///   one the cipher does not take, a non-empty nonce or a tag length other than 16.
    public init(key: [UInt8], parameters: AEADParameters, encrypting: Bool) throws {
        try AEADSupport.require128(C.self, "SIV")
        guard key.count % 2 == 0, key.count > 0 else {
            throw CryptoError(
                .invalidParameter, "SIV takes two equal key halves, got \(key.count) bytes", openSSL: .invalidKeyLength)
        }
        guard parameters.nonce.isEmpty else {
            throw CryptoError(
                .invalidParameter, "SIV has no IV (give the nonce as the last AAD item), got \(parameters.nonce.count)",
                openSSL: .invalidIVLength)
        }
        guard parameters.tagLength == 16 else {
            throw CryptoError(
                .invalidParameter, "SIV's tag is 16 bytes, not \(parameters.tagLength)", openSSL: .invalidTagLength)
        }
        let half = key.count / 2
        cmac = try CMAC(cipher: try C(key: Array(key[0..<half])))
        ctrCipher = try C(key: Array(key[half...]))
        self.encrypting = encrypting
        // D = CMAC(K, <zero>)
        var m = cmac
        m.update([UInt8](repeating: 0, count: 16))
        var z = m.finalize()
        d = Self.load(z)
        SecretWipe.wipe(&z)
        SecretWipe.wipe(value: &m)
    }

    deinit {
        SecretWipe.wipe(value: &cmac)
        SecretWipe.wipe(value: &ctrCipher)
        SecretWipe.wipe(value: &d)
        AEADSupport.wipe(&tag)
        AEADSupport.wipe(&ciphertext)
    }

    /// Adds one associated-data component (before the data).
    public func updateAAD(_ aad: UnsafeRawBufferPointer) throws {
        guard phase == .aad else {
            throw CryptoError(
                .invalidParameter,
                phase == .done ? "SIV context already finalized" : "SIV AAD must come before the data")
        }
        // D = dbl(D) xor CMAC(K, S_i)
        var m = cmac
        m.update(aad)
        var t = m.finalize()
        let v = Self.load(t)
        d = Self.double(d)
        d.0 ^= v.0
        d.1 ^= v.1
        SecretWipe.wipe(&t)
        SecretWipe.wipe(value: &m)
    }

    /// Encrypting: the whole ciphertext of `input`. Decrypting: keeps `input` and returns
    /// nothing. Only one non-empty call per message; an empty one is ignored.
    public func update(_ input: UnsafeRawBufferPointer) throws -> [UInt8] {
        guard input.count > 0 else { return [] }
        guard phase == .aad else {
            throw CryptoError(
                .invalidParameter,
                phase == .done ? "SIV context already finalized" : "SIV takes the whole message in one update")
        }
        phase = .data
        guard encrypting else {
            ciphertext = [UInt8](input)
            return []
        }
        var v = s2vFinal(input)
        defer { SecretWipe.wipe(value: &v) }
        tag = withUnsafeBytes(of: &v) { Array($0) }
        return ctr(input, iv: v)
    }

    /// Finishes encryption: no more ciphertext, and the 16-byte synthetic IV as the tag.
    /// - Throws: `invalidParameter` if no data was processed (as OpenSSL 3.0's final).
    public func finalizeEncryption() throws -> (ciphertext: [UInt8], tag: [UInt8]) {
        guard encrypting else { throw CryptoError(.invalidParameter, "finalizeEncryption on a decrypting SIV context") }
        guard phase == .data else {
            throw CryptoError(
                .invalidParameter,
                phase == .done ? "SIV context already finalized" : "SIV needs a non-empty message (as OpenSSL 3.0)")
        }
        phase = .done
        let t = tag
        return ([], t)
    }

    /// Decrypts under `tag`, checks it against S2V of the plaintext in constant time, and
    /// returns the plaintext or throws `authenticationFailure`.
    public func finalizeDecryption(tag: [UInt8]) throws -> [UInt8] {
        guard !encrypting else {
            throw CryptoError(.invalidParameter, "finalizeDecryption on an encrypting SIV context")
        }
        guard phase == .data else {
            throw CryptoError(
                .invalidParameter,
                phase == .done ? "SIV context already finalized" : "SIV needs a non-empty message (as OpenSSL 3.0)")
        }
        phase = .done
        guard tag.count == 16 else {
            throw CryptoError(.invalidParameter, "SIV's tag is 16 bytes, not \(tag.count)", openSSL: .invalidTag)
        }
        var v = Self.load(tag)
        var plaintext = ciphertext.withUnsafeBytes { ctr($0, iv: v) }
        AEADSupport.wipe(&ciphertext)
        ciphertext = []
        var t = plaintext.withUnsafeBytes { s2vFinal($0) }
        let ok = withUnsafeBytes(of: &t) { ConstantTime.equals($0, tag) }
        SecretWipe.wipe(value: &t)
        SecretWipe.wipe(value: &v)
        guard ConstantTime.declassify(ok) else {
            AEADSupport.wipe(&plaintext)
            throw CryptoError(.authenticationFailure, "SIV tag mismatch")
        }
        return plaintext
    }

    // MARK: Internals

    /// S2V's last step over the data: CMAC(K, S_n xorend D) for at least 16 bytes, otherwise
    /// CMAC(K, dbl(D) xor pad(S_n)).
    private func s2vFinal(_ data: UnsafeRawBufferPointer) -> (UInt64, UInt64) {
        var m = cmac
        defer { SecretWipe.wipe(value: &m) }
        var last: (UInt64, UInt64) = (0, 0)
        defer { SecretWipe.wipe(value: &last) }
        let n = data.count
        if n >= 16 {
            m.update(UnsafeRawBufferPointer(rebasing: data[0..<(n - 16)]))
            withUnsafeMutableBytes(of: &last) {
                $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: data[(n - 16)...]))
            }
            let dd = d
            last.0 ^= dd.0
            last.1 ^= dd.1
        } else {
            withUnsafeMutableBytes(of: &last) { b in
                if n > 0 { b.baseAddress!.copyMemory(from: data.baseAddress!, byteCount: n) }
                b[n] = 0x80
            }
            let dd = Self.double(d)
            last.0 ^= dd.0
            last.1 ^= dd.1
        }
        withUnsafeBytes(of: &last) { m.update($0) }
        var out = m.finalize()
        defer { SecretWipe.wipe(&out) }
        return out.withUnsafeBytes {
            ($0.loadUnaligned(as: UInt64.self), $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        }
    }

    /// CTR over all 128 bits of the counter, from Q = V with bits 63 and 31 cleared.
    private func ctr(_ input: UnsafeRawBufferPointer, iv v: (UInt64, UInt64)) -> [UInt8] {
        let storage = UnsafeMutableRawPointer.allocate(byteCount: 32, alignment: 16)
        defer {
            SecretWipe.wipe(storage, count: 32)
            storage.deallocate()
        }
        storage.storeBytes(of: v.0, as: UInt64.self)
        storage.storeBytes(of: v.1, toByteOffset: 8, as: UInt64.self)
        storage.storeBytes(of: storage.load(fromByteOffset: 8, as: UInt8.self) & 0x7f, toByteOffset: 8, as: UInt8.self)
        storage.storeBytes(
            of: storage.load(fromByteOffset: 12, as: UInt8.self) & 0x7f, toByteOffset: 12, as: UInt8.self)
        let cipher = ctrCipher
        var stream = CTRStream(cipher: cipher, counterWidth: 16, counter: storage, keystream: storage + 16)
        return AEADSupport.makeBytes(input.count) { out in
            stream.apply(input.baseAddress!, out, input.count) { cipher.encrypt(block: $0, into: $1) }
        }
    }

    /// Sixteen bytes in memory order as two words (memory order kept).
    private static func load(_ b: [UInt8]) -> (UInt64, UInt64) {
        b.withUnsafeBytes { ($0.loadUnaligned(as: UInt64.self), $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) }
    }

    /// Multiplication by x in GF(2^128) (RFC 5297 `dbl`), branch-free, on a block in memory order.
    private static func double(_ v: (UInt64, UInt64)) -> (UInt64, UInt64) {
        let hi = UInt64(bigEndian: v.0)
        let lo = UInt64(bigEndian: v.1)
        let nhi = (hi &<< 1) | (lo &>> 63)
        let nlo = (lo &<< 1) ^ (0x87 & (0 &- (hi &>> 63)))
        return (nhi.bigEndian, nlo.bigEndian)
    }
}
#endif
