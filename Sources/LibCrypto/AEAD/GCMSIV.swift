#if SIV
/// AES-GCM-SIV (RFC 8452), nonce-misuse-resistant AEAD, over any 128-bit block cipher, with the
/// EVP behaviour of OpenSSL 3.2's provider: `GCMSIV<AES>` is `aes-128-gcm-siv`,
/// `aes-192-gcm-siv` and `aes-256-gcm-siv` (by key length). OpenSSL 3.0, the reference this
/// project compares with, does not have it; the catalog marks it as added in OpenSSL 3.2.
///
/// - Key: the key-generating key, 16, 24 or 32 bytes. For each nonce, RFC 8452 section 4
///   derives a 16-byte message-authentication key and an encryption key as long as the
///   key-generating key (RFC 8452 defines 16 and 32 bytes; 24 follows OpenSSL 3.2, which takes
///   three eight-byte halves for it).
/// - Nonce (IV): exactly 12 bytes. Tag: exactly 16 bytes (`parameters.tagLength`, and the tag
///   handed to `finalizeDecryption`).
/// - AAD: any number of `updateAAD` calls, concatenated (as OpenSSL's provider appends them),
///   all before the data.
/// - Data: one non-empty `update` per message, as OpenSSL 3.2 processes the message in one
///   update call (a second non-empty one throws; an empty one is ignored). A message with no
///   data is valid (RFC 8452 has such examples): `finalizeEncryption` then returns the tag of
///   the empty plaintext. (OpenSSL 3.2.0's provider returned early from an empty update and
///   then failed at final; later releases encrypt the empty message, as here.)
/// - Limits: at most 2^36 bytes of AAD and of data per message (RFC 8452 section 6), beyond
///   which `updateAAD`/`update` throw `invalidLength`.
///
/// Encryption returns the whole ciphertext from `update` (the tag, which is the CTR IV, needs
/// all of the plaintext first). Decryption keeps the ciphertext until
/// `finalizeDecryption(tag:)`, decrypts it with the counter derived from the tag, recomputes
/// the tag over the plaintext and compares it in constant time; on mismatch the plaintext is
/// wiped and `authenticationFailure` thrown.
///
/// POLYVAL runs on `GHASH` (and so on its PCLMULQDQ or constant-time generic variant) through
/// the relation of RFC 8452 appendix A: POLYVAL(H, X_1 … X_n) =
/// ByteReverse(GHASH(mulX_GHASH(ByteReverse(H)), ByteReverse(X_1) … ByteReverse(X_n))). The
/// block cipher decides the rest; nothing here branches on or indexes by a secret.
public final class GCMSIV<C: BlockCipher>: AEADContext {
    /// True when the context encrypts, false when it decrypts.
    public let encrypting: Bool
    /// The tag length in bytes: always 16.
    public var tagLength: Int { 16 }

    /// RFC 8452 section 6: P_MAX and A_MAX, 2^36 bytes.
    static var maxLength: UInt64 { 1 << 36 }

    private enum Phase { case aad, data, done }

    /// The cipher keyed with the derived message-encryption key.
    private var encCipher: C
    /// POLYVAL over the AAD so far (whole blocks only).
    private var polyval: POLYVAL
    /// AAD bytes waiting for a whole block, zero-padded.
    private var aadPartial: (UInt64, UInt64) = (0, 0)
    private var aadPartialCount = 0
    private var aadLength: UInt64 = 0
    /// The 12-byte nonce followed by four zero bytes, as two words in memory order.
    private var nonce: (UInt64, UInt64) = (0, 0)
    private var phase = Phase.aad
    /// Encryption: the tag once the data has been processed.
    private var tag: [UInt8] = []
    /// Decryption: the ciphertext, kept until the tag is known.
    private var ciphertext: [UInt8] = []

    /// Derives the per-nonce keys from `key` (RFC 8452 section 4).
    /// - Parameters:
    ///   - key: the key-generating key, 16, 24 or 32 bytes (and one `C` accepts).
    ///   - parameters: the 12-byte nonce and the tag length, which must be 16.
    ///   - encrypting: true to encrypt, false to decrypt.
    /// - Throws: `invalidParameter` for a cipher without 128-bit blocks, a key of another length,
    ///   a nonce that is not 12 bytes or a tag length other than 16.
    public init(key: [UInt8], parameters: AEADParameters, encrypting: Bool) throws {
        try AEADSupport.require128(C.self, "GCM-SIV")
        guard key.count == 16 || key.count == 24 || key.count == 32 else {
            throw CryptoError(
                .invalidParameter, "GCM-SIV takes a 16-, 24- or 32-byte key, got \(key.count)",
                openSSL: .invalidKeyLength)
        }
        guard parameters.nonce.count == 12 else {
            throw CryptoError(
                .invalidParameter, "GCM-SIV's nonce is 12 bytes, not \(parameters.nonce.count)",
                openSSL: .invalidIVLength)
        }
        guard parameters.tagLength == 16 else {
            throw CryptoError(
                .invalidParameter, "GCM-SIV's tag is 16 bytes, not \(parameters.tagLength)",
                openSSL: .invalidTagLength)
        }
        var n: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &n) { $0.copyBytes(from: parameters.nonce) }
        var keyGen = try C(key: key)
        defer { SecretWipe.wipe(value: &keyGen) }
        // Block i is LE32(i) || nonce; the first eight bytes of each encryption, in order, make the
        // authentication key (blocks 0, 1) and the encryption key (blocks 2 ...).
        let halves = 2 + key.count / 8
        var derived = [UInt8](repeating: 0, count: 8 * halves)
        defer { SecretWipe.wipe(&derived) }
        var block: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &block) { ($0.baseAddress! + 4).copyMemory(from: parameters.nonce, byteCount: 12) }
        var out: (UInt64, UInt64) = (0, 0)
        for i in 0..<halves {
            withUnsafeMutableBytes(of: &block) { $0.storeBytes(of: UInt32(i).littleEndian, as: UInt32.self) }
            withUnsafeBytes(of: &block) { b in
                withUnsafeMutableBytes(of: &out) { keyGen.encrypt(block: b.baseAddress!, into: $0.baseAddress!) }
            }
            derived.withUnsafeMutableBytes { $0.storeBytes(of: out.0, toByteOffset: 8 * i, as: UInt64.self) }
        }
        SecretWipe.wipe(value: &out)
        var encKey = Array(derived[16...])
        defer { SecretWipe.wipe(&encKey) }
        encCipher = try C(key: encKey)
        polyval = derived.withUnsafeBytes { POLYVAL(key: $0.baseAddress!) }
        nonce = n
        self.encrypting = encrypting
    }

    deinit {
        SecretWipe.wipe(value: &encCipher)
        polyval.wipe()
        SecretWipe.wipe(value: &aadPartial)
        AEADSupport.wipe(&tag)
        AEADSupport.wipe(&ciphertext)
    }

    /// Appends associated data (before the data).
    /// - Parameter aad: the bytes to append.
    /// - Throws: `invalidParameter` after the data or after finalizing, `invalidLength` past
    ///   2^36 bytes of AAD.
    public func updateAAD(_ aad: UnsafeRawBufferPointer) throws {
        guard phase == .aad else {
            throw CryptoError(
                .invalidParameter,
                phase == .done ? "GCM-SIV context already finalized" : "GCM-SIV AAD must come before the data")
        }
        guard UInt64(aad.count) <= Self.maxLength - aadLength else {
            throw CryptoError(.invalidLength, "GCM-SIV AAD longer than 2^36 bytes")
        }
        guard aad.count > 0 else { return }
        aadLength += UInt64(aad.count)
        var p = aad.baseAddress!
        var left = aad.count
        if aadPartialCount > 0 {
            let take = min(16 - aadPartialCount, left)
            let at = aadPartialCount
            withUnsafeMutableBytes(of: &aadPartial) { ($0.baseAddress! + at).copyMemory(from: p, byteCount: take) }
            aadPartialCount += take
            p += take
            left -= take
            guard aadPartialCount == 16 else { return }
            withUnsafeBytes(of: &aadPartial) { polyval.absorb($0.baseAddress!, blocks: 1) }
            aadPartial = (0, 0)
            aadPartialCount = 0
        }
        let whole = left / 16
        polyval.absorb(p, blocks: whole)
        let rest = left - 16 * whole
        if rest > 0 {
            withUnsafeMutableBytes(of: &aadPartial) {
                $0.baseAddress!.copyMemory(from: p + 16 * whole, byteCount: rest)
            }
            aadPartialCount = rest
        }
    }

    /// Encrypting: the whole ciphertext of `input`. Decrypting: keeps `input` and returns
    /// nothing. Only one non-empty call per message; an empty one is ignored.
    /// - Parameter input: the whole plaintext (encrypting) or ciphertext (decrypting).
    /// - Throws: `invalidParameter` for a second non-empty call or after finalizing,
    ///   `invalidLength` past 2^36 bytes.
    public func update(_ input: UnsafeRawBufferPointer) throws -> [UInt8] {
        guard input.count > 0 else { return [] }
        guard phase == .aad else {
            throw CryptoError(
                .invalidParameter,
                phase == .done ? "GCM-SIV context already finalized" : "GCM-SIV takes the whole message in one update")
        }
        guard UInt64(input.count) <= Self.maxLength else {
            throw CryptoError(.invalidLength, "GCM-SIV message longer than 2^36 bytes")
        }
        phase = .data
        guard encrypting else {
            ciphertext = [UInt8](input)
            return []
        }
        var t = computeTag(input)
        defer { SecretWipe.wipe(value: &t) }
        tag = withUnsafeBytes(of: &t) { Array($0) }
        return ctr(input, tag: t)
    }

    /// Finishes encryption: no more ciphertext, and the 16-byte tag (of the empty plaintext if
    /// `update` never had data).
    /// - Throws: `invalidParameter` on a decrypting or already finalized context.
    public func finalizeEncryption() throws -> (ciphertext: [UInt8], tag: [UInt8]) {
        guard encrypting else {
            throw CryptoError(.invalidParameter, "finalizeEncryption on a decrypting GCM-SIV context")
        }
        guard phase != .done else { throw CryptoError(.invalidParameter, "GCM-SIV context already finalized") }
        if phase == .aad {
            var t = computeTag(UnsafeRawBufferPointer(start: nil, count: 0))
            tag = withUnsafeBytes(of: &t) { Array($0) }
            SecretWipe.wipe(value: &t)
        }
        phase = .done
        return ([], tag)
    }

    /// Decrypts with the counter derived from `tag`, recomputes the tag over the plaintext,
    /// compares the two in constant time, and returns the plaintext.
    /// - Parameter tag: the 16-byte tag received with the ciphertext.
    /// - Throws: `authenticationFailure` if the tag does not verify (nothing is released),
    ///   `invalidParameter` for a tag that is not 16 bytes or a context in the wrong state.
    public func finalizeDecryption(tag: [UInt8]) throws -> [UInt8] {
        guard !encrypting else {
            throw CryptoError(.invalidParameter, "finalizeDecryption on an encrypting GCM-SIV context")
        }
        guard phase != .done else { throw CryptoError(.invalidParameter, "GCM-SIV context already finalized") }
        phase = .done
        guard tag.count == 16 else {
            throw CryptoError(.invalidParameter, "GCM-SIV's tag is 16 bytes, not \(tag.count)", openSSL: .invalidTag)
        }
        var received = tag.withUnsafeBytes {
            ($0.loadUnaligned(as: UInt64.self), $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        }
        var plaintext = ciphertext.withUnsafeBytes { ctr($0, tag: received) }
        AEADSupport.wipe(&ciphertext)
        ciphertext = []
        var expected = plaintext.withUnsafeBytes { computeTag($0) }
        let ok = withUnsafeBytes(of: &expected) { ConstantTime.equals($0, tag) }
        SecretWipe.wipe(value: &expected)
        SecretWipe.wipe(value: &received)
        guard ConstantTime.declassify(ok) else {
            AEADSupport.wipe(&plaintext)
            throw CryptoError(.authenticationFailure, "GCM-SIV tag mismatch")
        }
        return plaintext
    }

    // MARK: Internals

    /// The tag over the AAD absorbed so far and `plaintext` (RFC 8452 section 4): S_s =
    /// POLYVAL(pad(AAD) || pad(plaintext) || length block), its first 12 bytes XORed with the
    /// nonce, the top bit of its last byte cleared, encrypted with the message-encryption key.
    private func computeTag(_ plaintext: UnsafeRawBufferPointer) -> (UInt64, UInt64) {
        var p = polyval
        defer { p.wipe() }
        if aadPartialCount > 0 { withUnsafeBytes(of: &aadPartial) { p.absorb($0.baseAddress!, blocks: 1) } }
        let n = plaintext.count
        let whole = n / 16
        if whole > 0 { p.absorb(plaintext.baseAddress!, blocks: whole) }
        let rest = n - 16 * whole
        if rest > 0 {
            var last: (UInt64, UInt64) = (0, 0)
            withUnsafeMutableBytes(of: &last) {
                $0.baseAddress!.copyMemory(from: plaintext.baseAddress! + 16 * whole, byteCount: rest)
            }
            withUnsafeBytes(of: &last) { p.absorb($0.baseAddress!, blocks: 1) }
            SecretWipe.wipe(value: &last)
        }
        var lengths = ((aadLength &* 8).littleEndian, (UInt64(n) &* 8).littleEndian)
        withUnsafeBytes(of: &lengths) { p.absorb($0.baseAddress!, blocks: 1) }
        var s = p.result
        defer { SecretWipe.wipe(value: &s) }
        // s is (bytes 0..<8, bytes 8..<16) in memory order.
        s.0 ^= nonce.0
        s.1 ^= nonce.1
        withUnsafeMutableBytes(of: &s) { $0[15] &= 0x7f }
        var t: (UInt64, UInt64) = (0, 0)
        withUnsafeBytes(of: &s) { sb in
            withUnsafeMutableBytes(of: &t) { encCipher.encrypt(block: sb.baseAddress!, into: $0.baseAddress!) }
        }
        return t
    }

    /// AES-CTR as RFC 8452 uses it: the counter block is the tag with the top bit of its last
    /// byte set, and its first four bytes count as a little-endian 32-bit integer, wrapping.
    private func ctr(_ input: UnsafeRawBufferPointer, tag t: (UInt64, UInt64)) -> [UInt8] {
        let batch = 16
        let storage = UnsafeMutableRawPointer.allocate(byteCount: 32 * batch, alignment: 16)
        defer {
            SecretWipe.wipe(storage, count: 32 * batch)
            storage.deallocate()
        }
        let counters = storage
        let stream = storage + 16 * batch
        var first = t
        withUnsafeMutableBytes(of: &first) { $0[15] |= 0x80 }
        let start = withUnsafeBytes(of: &first) { UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self)) }
        for i in 0..<batch {
            counters.storeBytes(of: first.0, toByteOffset: 16 * i, as: UInt64.self)
            counters.storeBytes(of: first.1, toByteOffset: 16 * i + 8, as: UInt64.self)
        }
        SecretWipe.wipe(value: &first)
        let ecb = BlockBatch(encCipher)
        var counter = start
        return AEADSupport.makeBytes(input.count) { out in
            var done = 0
            while done < input.count {
                let n = min(input.count - done, 16 * batch)
                let blocks = (n + 15) / 16
                for i in 0..<blocks {
                    counters.storeBytes(of: (counter &+ UInt32(i)).littleEndian, toByteOffset: 16 * i, as: UInt32.self)
                }
                counter &+= UInt32(blocks)
                ecb.encrypt(counters, stream, count: blocks)
                var j = 0
                while j + 8 <= n {
                    let k = stream.loadUnaligned(fromByteOffset: j, as: UInt64.self)
                    let x = input.baseAddress!.loadUnaligned(fromByteOffset: done + j, as: UInt64.self)
                    (out + done + j).storeBytes(of: x ^ k, as: UInt64.self)
                    j += 8
                }
                while j < n {
                    let k = stream.load(fromByteOffset: j, as: UInt8.self)
                    let x = input.load(fromByteOffset: done + j, as: UInt8.self)
                    (out + done + j).storeBytes(of: x ^ k, as: UInt8.self)
                    j += 1
                }
                done += n
            }
        }
    }
}

/// POLYVAL (RFC 8452 section 3) computed with `GHASH` through the relation of RFC 8452
/// appendix A, so it has GHASH's variants (PCLMULQDQ, constant-time generic) and their
/// constant-time properties: the key becomes mulX_GHASH(ByteReverse(H)), each block is
/// byte-reversed on the way in and the result on the way out.
struct POLYVAL {
    private var ghash: GHASH

    /// `key` points at the 16 bytes of the POLYVAL key H.
    init(key: UnsafeRawPointer) {
        // ByteReverse(H) as GHASH's big-endian words, then multiplied by x in GHASH's bit order
        // (a right shift, reducing by 0xE1 || 0^120 when a one falls off), branch-free.
        var hi = UInt64(littleEndian: key.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        var lo = UInt64(littleEndian: key.loadUnaligned(as: UInt64.self))
        let carry = lo & 1
        lo = (lo &>> 1) | (hi &<< 63)
        hi = (hi &>> 1) ^ (0xE100_0000_0000_0000 & (0 &- carry))
        var h = (hi.bigEndian, lo.bigEndian)
        ghash = withUnsafeBytes(of: &h) { GHASH(h: $0.baseAddress!) }
        SecretWipe.wipe(value: &h)
        hi = 0
        lo = 0
    }

    mutating func wipe() { ghash.wipe() }

    /// Absorbs `blocks` 16-byte blocks at `p`, byte-reversing each (in batches on the stack).
    mutating func absorb(_ p: UnsafeRawPointer, blocks: Int) {
        guard blocks > 0 else { return }
        let batch = 32
        withUnsafeTemporaryAllocation(byteCount: 16 * batch, alignment: 16) { buf in
            let r = buf.baseAddress!
            var q = p
            var left = blocks
            while left > 0 {
                let n = min(left, batch)
                for i in 0..<n {
                    let a = UInt64(littleEndian: q.loadUnaligned(fromByteOffset: 16 * i, as: UInt64.self))
                    let b = UInt64(littleEndian: q.loadUnaligned(fromByteOffset: 16 * i + 8, as: UInt64.self))
                    r.storeBytes(of: b.bigEndian, toByteOffset: 16 * i, as: UInt64.self)
                    r.storeBytes(of: a.bigEndian, toByteOffset: 16 * i + 8, as: UInt64.self)
                }
                ghash.absorb(UnsafeRawPointer(r), blocks: n)
                q += 16 * n
                left -= n
            }
            SecretWipe.wipe(buf)
        }
    }

    /// The POLYVAL value as 16 bytes in memory order (first eight, last eight).
    var result: (UInt64, UInt64) {
        let (y1, y0) = ghash.state
        return (y0.littleEndian, y1.littleEndian)
    }
}
#endif
