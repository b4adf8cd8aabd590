/// Galois/Counter Mode (NIST SP 800-38D; McGrew and Viega) over any 128-bit block cipher, with
/// OpenSSL's EVP behaviour: `GCM<AES>` is `aes-128-gcm`, `aes-192-gcm`, `aes-256-gcm` (by key
/// length), and `GMAC` below is OpenSSL's `GMAC` MAC.
///
/// - Nonce (IV): any length of at least one byte. Twelve bytes is the fast path
///   (J0 = IV || 0^31 || 1); any other length is hashed with GHASH as SP 800-38D section 7.1
///   says. (OpenSSL's EVP layer caps the IV at 128 bytes, `GCM_IV_MAX_SIZE`; this type does
///   not.)
/// - Tag: 4...16 bytes (`parameters.tagLength`), SP 800-38D's range (OpenSSL 3.0's provider
///   would also take 1...3 through `OSSL_CIPHER_PARAM_AEAD_TAG`); the tag handed to
///   `finalizeDecryption` must be exactly that long, so a truncated tag fails.
/// - AAD and data may arrive in pieces of any size; AAD must all come before the first data
///   byte (OpenSSL's `CRYPTO_gcm128_aad` refuses AAD once data has been processed).
/// - Limits as OpenSSL's `CRYPTO_gcm128_*`: at most 2^36 - 32 bytes of data and 2^61 bytes of
///   AAD per message; beyond that `update` throws `invalidLength`.
///
/// Encryption streams: `update` returns the ciphertext of its input at once. Decryption hashes
/// and keeps the ciphertext, and only after the tag has verified (in constant time) is the
/// ciphertext run through CTR and the plaintext released, so a forged message never produces
/// plaintext at all.
///
/// Variants (see ``HardwareSupport``): the CTR keystream is the cipher's (``AES`` picks
/// `AESNI` or `AESGeneric` when keyed) through `CTRStream`, and the hash is `GHASH`
/// (`GHASHPCLMUL` or `GHASHGeneric`, picked when the context is created). This file has no
/// hardware code of its own; neither generic variant uses secret-indexed tables.
public final class GCM<C: BlockCipher>: AEADContext {
    /// The block cipher under the mode.
    /// (A `var` only so that `deinit` can wipe it with ``SecretWipe``; never reassigned.)
    @exclusivity(unchecked) public private(set) var cipher: C
    /// True when the context encrypts, false when it decrypts.
    public let encrypting: Bool
    /// The tag length in bytes.
    public let tagLength: Int

    /// Data limit per message: 2^39 - 256 bits (SP 800-38D), as OpenSSL checks it.
    static var maxDataLength: UInt64 { (1 << 36) - 32 }
    /// AAD limit OpenSSL enforces: 2^61 bytes (2^64 bits).
    static var maxAADLength: UInt64 { 1 << 61 }

    private enum Phase { case aad, data, done }

    /// Unchecked like `keystream`: a dynamic exclusivity check per `update` (each is a
    /// `swift_beginAccess` call) was measurable at 16-byte updates.
    @exclusivity(unchecked) private var ghash: GHASH
    /// CTR with inc32 from J0 + 1.
    @exclusivity(unchecked) private var keystream: CTRStream
    private var aadLength: UInt64 = 0
    private var dataLength: UInt64 = 0
    private var phase = Phase.aad
    /// Bytes waiting for a whole GHASH block (AAD, then ciphertext).
    private var partialCount = 0
    /// Decryption: the ciphertext, kept until the tag verifies.
    private var ciphertext: [UInt8] = []

    /// E(K, J0) at 0, the GHASH partial block at 16, the counter block at 32, the keystream
    /// block at 48.
    private let storage: UnsafeMutableRawPointer
    private var ek0: UnsafeMutableRawPointer { storage }
    private var partial: UnsafeMutableRawPointer { storage + 16 }
    private static var storageSize: Int { 64 }

    /// - Throws: `invalidParameter` if `C` does not have 128-bit blocks, the nonce is empty, or
    ///   the tag length is outside 4...16.
    public init(cipher: C, parameters: AEADParameters, encrypting: Bool) throws {
        try AEADSupport.require128(C.self, "GCM")
        guard !parameters.nonce.isEmpty else {
            throw CryptoError(.invalidParameter, "GCM needs an IV of at least one byte", openSSL: .invalidIVLength)
        }
        guard (4...16).contains(parameters.tagLength) else {
            throw CryptoError(
                .invalidParameter, "GCM tag length must be 4...16 bytes, got \(parameters.tagLength)",
                openSSL: .invalidTagLength)
        }
        self.cipher = cipher
        self.encrypting = encrypting
        tagLength = parameters.tagLength
        storage = UnsafeMutableRawPointer.allocate(byteCount: Self.storageSize, alignment: 16)
        storage.initializeMemory(as: UInt8.self, repeating: 0, count: Self.storageSize)
        keystream = CTRStream(cipher: cipher, counterWidth: 4, counter: storage + 32, keystream: storage + 48)

        // H = E(K, 0^128).
        var hBytes = (UInt64(0), UInt64(0))
        withUnsafeMutableBytes(of: &hBytes) {
            cipher.encrypt(block: UnsafeRawPointer($0.baseAddress!), into: $0.baseAddress!)
        }
        let gh = withUnsafeBytes(of: &hBytes) { GHASH(h: $0.baseAddress!) }
        ghash = gh
        hBytes = (0, 0)

        // J0 (SP 800-38D section 7.1 step 2).
        let nonce = parameters.nonce
        var j0Hi: UInt64
        var j0Lo: UInt64
        if nonce.count == 12 {
            j0Hi = nonce.withUnsafeBytes { AEADSupport.loadBE64($0.baseAddress!) }
            j0Lo =
                UInt64(
                    nonce.withUnsafeBytes { UInt32(bigEndian: $0.loadUnaligned(fromByteOffset: 8, as: UInt32.self)) })
                << 32 | 1
        } else {
            var g = gh
            nonce.withUnsafeBytes { n in
                let whole = n.count / 16
                g.absorb(n.baseAddress!, blocks: whole)
                let rest = n.count - 16 * whole
                if rest > 0 {
                    var last = (UInt64(0), UInt64(0))
                    withUnsafeMutableBytes(of: &last) {
                        $0.baseAddress!.copyMemory(from: n.baseAddress! + 16 * whole, byteCount: rest)
                    }
                    withUnsafeBytes(of: &last) { g.absorb($0.baseAddress!, blocks: 1) }
                }
            }
            g.absorb(hi: 0, lo: UInt64(nonce.count) &* 8)
            (j0Hi, j0Lo) = g.state
        }
        // E(K, J0) masks the tag; the data starts at inc32(J0).
        let j0 = keystream.counter
        AEADSupport.storeBE64(j0Hi, j0)
        AEADSupport.storeBE64(j0Lo, j0, 8)
        keystream.takeCounterBlock(into: ek0)
        cipher.encrypt(block: UnsafeRawPointer(ek0), into: ek0)
    }

    deinit {
        SecretWipe.wipe(storage, count: Self.storageSize)
        storage.deallocate()
        SecretWipe.wipe(value: &ghash)
        SecretWipe.wipe(value: &cipher)
        SecretWipe.wipe(&ciphertext)
    }

    /// Adds associated data (before any message data).
    public func updateAAD(_ aad: UnsafeRawBufferPointer) throws {
        guard phase == .aad else {
            throw CryptoError(
                .invalidParameter,
                phase == .done ? "GCM context already finalized" : "GCM AAD must come before the data")
        }
        guard aad.count > 0 else { return }
        guard UInt64(aad.count) <= Self.maxAADLength - aadLength else {
            throw CryptoError(.invalidLength, "GCM AAD longer than 2^61 bytes")
        }
        aadLength += UInt64(aad.count)
        absorb(aad.baseAddress!, aad.count)
    }

    /// Adds `data` to the message (or, for a cipher or AEAD context, processes it).
    public func update(_ input: UnsafeRawBufferPointer) throws -> [UInt8] {
        guard phase != .done else { throw CryptoError(.invalidParameter, "GCM context already finalized") }
        guard input.count > 0 else { return [] }
        let n = input.count
        guard UInt64(n) <= Self.maxDataLength - dataLength else {
            throw CryptoError(.invalidLength, "GCM data longer than 2^36 - 32 bytes")
        }
        startData()
        dataLength += UInt64(n)
        let src = input.baseAddress!
        if encrypting {
            return AEADSupport.makeBytes(n) { out in
                ctr(src, out, n)
                absorb(UnsafeRawPointer(out), n)
            }
        }
        absorb(src, n)
        ciphertext.append(contentsOf: input)
        return []
    }

    /// Finishes encryption: the rest of the ciphertext and the tag.
    public func finalizeEncryption() throws -> (ciphertext: [UInt8], tag: [UInt8]) {
        guard encrypting else { throw CryptoError(.invalidParameter, "finalizeEncryption on a decrypting GCM context") }
        guard phase != .done else { throw CryptoError(.invalidParameter, "GCM context already finalized") }
        var full = computeTag()
        defer { AEADSupport.wipe(&full) }
        return ([], Array(full[0..<tagLength]))
    }

    /// Checks `tag` and returns the plaintext, or throws `authenticationFailure`.
    public func finalizeDecryption(tag: [UInt8]) throws -> [UInt8] {
        guard !encrypting else {
            throw CryptoError(.invalidParameter, "finalizeDecryption on an encrypting GCM context")
        }
        guard phase != .done else { throw CryptoError(.invalidParameter, "GCM context already finalized") }
        var full = computeTag()
        defer { AEADSupport.wipe(&full) }
        let ok = ConstantTime.equals(full[0..<tagLength], tag)
        guard ConstantTime.declassify(ok) else {
            AEADSupport.wipe(&ciphertext)
            ciphertext = []
            throw CryptoError(.authenticationFailure, "GCM tag mismatch")
        }
        let n = ciphertext.count
        let plaintext = ciphertext.withUnsafeBytes { c in
            AEADSupport.makeBytes(n) { out in ctr(c.baseAddress!, out, n) }
        }
        ciphertext = []
        return plaintext
    }

    // MARK: Internals

    /// Pads and hashes a trailing partial AAD block when the data starts.
    private func startData() {
        guard phase == .aad else { return }
        flushPartial()
        phase = .data
    }

    private func flushPartial() {
        if partialCount > 0 {
            (partial + partialCount).initializeMemory(as: UInt8.self, repeating: 0, count: 16 - partialCount)
            ghash.absorb(UnsafeRawPointer(partial), blocks: 1)
            partialCount = 0
        }
    }

    /// Feeds bytes to GHASH, keeping a partial block between calls.
    private func absorb(_ p: UnsafeRawPointer, _ count: Int) {
        var p = p
        var n = count
        if partialCount > 0 {
            let t = min(16 - partialCount, n)
            (partial + partialCount).copyMemory(from: p, byteCount: t)
            partialCount += t
            p += t
            n -= t
            if partialCount < 16 { return }
            ghash.absorb(UnsafeRawPointer(partial), blocks: 1)
            partialCount = 0
        }
        let blocks = n / 16
        ghash.absorb(p, blocks: blocks)
        p += 16 * blocks
        n -= 16 * blocks
        if n > 0 {
            partial.copyMemory(from: p, byteCount: n)
            partialCount = n
        }
    }

    /// CTR with inc32 from J0 + 1, continuing from where the previous call stopped.
    private func ctr(_ src: UnsafeRawPointer, _ dst: UnsafeMutableRawPointer, _ count: Int) {
        keystream.apply(src, dst, count) { self.cipher.encrypt(block: $0, into: $1) }
    }

    /// GHASH over the lengths block, XORed with E(K, J0): the full 16-byte tag.
    private func computeTag() -> [UInt8] {
        flushPartial()
        phase = .done
        ghash.absorb(hi: aadLength &* 8, lo: dataLength &* 8)
        let (s0, s1) = ghash.state
        return AEADSupport.makeBytes(16) { out in
            AEADSupport.storeBE64(s0, out)
            AEADSupport.storeBE64(s1, out, 8)
            AEADSupport.xor16(UnsafeRawPointer(out), UnsafeRawPointer(ek0), into: out)
        }
    }
}

/// GMAC (SP 800-38D): GCM with the whole message as AAD and no data, as OpenSSL computes it
/// through `EVP_MAC` "GMAC" or an `aes-*-gcm` context fed only AAD.
public enum GMAC {
    /// The 16-byte GMAC tag of `message` under `cipher` (a 128-bit block cipher) and `iv`
    /// (any length of at least one byte).
    public static func authenticate<C: BlockCipher>(cipher: C, iv: [UInt8], message: [UInt8]) throws -> [UInt8] {
        let gcm = try GCM(cipher: cipher, parameters: AEADParameters(nonce: iv, tagLength: 16), encrypting: true)
        try gcm.updateAAD(message)
        return try gcm.finalizeEncryption().tag
    }
}
