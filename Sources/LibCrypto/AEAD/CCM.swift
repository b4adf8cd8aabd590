/// Counter with CBC-MAC (NIST SP 800-38C, RFC 3610) over any 128-bit block cipher, with
/// OpenSSL's EVP behaviour: `aes-128-ccm`, `aes-192-ccm`, `aes-256-ccm`.
///
/// - Nonce: 7...13 bytes, which fixes the length field L = 15 - nonce length (2...8 bytes),
///   as OpenSSL's `OSSL_CIPHER_PARAM_AEAD_IVLEN` does.
/// - Tag: 4, 6, 8, 10, 12, 14 or 16 bytes (OpenSSL rejects odd lengths and anything outside
///   4...16); the tag handed to `finalizeDecryption` must be exactly that long.
/// - `parameters.messageLength` is required: B0 carries the message length, so it must be known
///   before any data (OpenSSL's `EVP_CipherUpdate(ctx, NULL, &len, NULL, total)`). It must fit
///   in L bytes, and the data given to `update` must add up to exactly that length.
/// - AAD may be given in pieces but CCM formats it as a whole (its length comes first), so it
///   is buffered and MACed when the first data arrives (or at finalization).
///
/// Encryption streams: `update` returns the ciphertext at once. Decryption must decrypt to
/// compute the CBC-MAC; the plaintext is kept inside the context and released by
/// `finalizeDecryption` only if the tag verifies (in constant time); otherwise it is wiped.
///
/// The keystream is the shared `CTRStream` (counter width L). No tables and no hardware
/// code here; the block cipher decides both (``AES`` picks `AESNI` or `AESGeneric`).
public final class CCM<C: BlockCipher>: AEADContext {
    /// The block cipher under the mode.
    /// (A `var` only so that `deinit` can wipe it with ``SecretWipe``; never reassigned.)
    @exclusivity(unchecked) public private(set) var cipher: C
    /// True when the context encrypts, false when it decrypts.
    public let encrypting: Bool
    /// The tag length in bytes.
    public let tagLength: Int
    /// The message length announced in the parameters.
    public let messageLength: Int

    private enum Phase { case aad, data, done }

    private let batch: BlockBatch<C>
    private let nonce: [UInt8]
    /// L: bytes of the length/counter field.
    private let lengthFieldSize: Int
    private var aad: [UInt8] = []
    private var phase = Phase.aad
    private var processed = 0
    private var macPartialCount = 0
    /// CTR over the counter blocks A_i (A_0 masks the tag; the data starts at A_1).
    @exclusivity(unchecked) private var keystream: CTRStream
    /// Decryption: the plaintext, held until the tag verifies.
    private var plaintext: [UInt8] = []

    /// The CBC-MAC chaining value X at 0, S_0 = E(A_0) at 16, the MAC partial block at 32,
    /// the next counter block at 48, a two-block work area at 64, the keystream block at 96.
    private let storage: UnsafeMutableRawPointer
    private var mac: UnsafeMutableRawPointer { storage }
    private var s0: UnsafeMutableRawPointer { storage + 16 }
    private var macPartial: UnsafeMutableRawPointer { storage + 32 }
    private var pair: UnsafeMutableRawPointer { storage + 64 }
    private static var storageSize: Int { 112 }

    /// - Throws: `invalidParameter` for a cipher without 128-bit blocks, a nonce outside
    ///   7...13 bytes, a tag length not in {4, 6, ..., 16}, a missing or negative
    ///   `messageLength`, or one too large for the length field.
    public init(cipher: C, parameters: AEADParameters, encrypting: Bool) throws {
        try AEADSupport.require128(C.self, "CCM")
        let n = parameters.nonce.count
        guard (7...13).contains(n) else {
            throw CryptoError(.invalidParameter, "CCM nonce must be 7...13 bytes, got \(n)", openSSL: .invalidIVLength)
        }
        let t = parameters.tagLength
        guard t >= 4 && t <= 16 && t % 2 == 0 else {
            throw CryptoError(
                .invalidParameter, "CCM tag length must be 4, 6, 8, 10, 12, 14 or 16 bytes, got \(t)",
                openSSL: .invalidTagLength)
        }
        guard let total = parameters.messageLength else {
            throw CryptoError(
                .invalidParameter, "CCM needs the message length before the data (AEADParameters.messageLength)")
        }
        let l = 15 - n
        guard total >= 0, l >= 8 || UInt64(total) >> UInt64(8 * l) == 0 else {
            throw CryptoError(
                .invalidParameter,
                "CCM message length \(total) does not fit a \(l)-byte length field (nonce of \(n) bytes)")
        }
        self.cipher = cipher
        self.encrypting = encrypting
        tagLength = t
        messageLength = total
        nonce = parameters.nonce
        lengthFieldSize = l
        batch = BlockBatch(cipher)
        storage = UnsafeMutableRawPointer.allocate(byteCount: Self.storageSize, alignment: 16)
        storage.initializeMemory(as: UInt8.self, repeating: 0, count: Self.storageSize)
        // Counter blocks A_i = [L - 1] || N || [i]_L, i counting in the last L bytes (it never
        // exceeds ceil(messageLength / 16) < 2^(8L), so it never wraps).
        keystream = CTRStream(cipher: cipher, counterWidth: l, counter: storage + 48, keystream: storage + 96)

        // S_0 = E(A_0); the counter then stands at A_1.
        let a0 = keystream.counter
        a0.storeBytes(of: UInt8(l - 1), as: UInt8.self)
        nonce.withUnsafeBytes { (a0 + 1).copyMemory(from: $0.baseAddress!, byteCount: n) }
        keystream.takeCounterBlock(into: s0)
        cipher.encrypt(block: UnsafeRawPointer(s0), into: s0)
        // Sized once so the plaintext is never copied (and left behind) by a reallocation.
        if !encrypting && total <= 1 << 26 { plaintext.reserveCapacity(total) }
    }

    deinit {
        SecretWipe.wipe(storage, count: Self.storageSize)
        SecretWipe.wipe(value: &cipher)
        storage.deallocate()
        AEADSupport.wipe(&aad)
        AEADSupport.wipe(&plaintext)
    }

    /// Adds associated data (before any message data).
    public func updateAAD(_ aad: UnsafeRawBufferPointer) throws {
        guard phase == .aad else {
            throw CryptoError(
                .invalidParameter,
                phase == .done ? "CCM context already finalized" : "CCM AAD must come before the data")
        }
        self.aad.append(contentsOf: aad)
    }

    /// Adds `data` to the message (or, for a cipher or AEAD context, processes it).
    public func update(_ input: UnsafeRawBufferPointer) throws -> [UInt8] {
        guard phase != .done else { throw CryptoError(.invalidParameter, "CCM context already finalized") }
        let n = input.count
        guard n <= messageLength - processed else {
            throw CryptoError(.invalidLength, "CCM data exceeds the announced message length \(messageLength)")
        }
        guard n > 0 else { return [] }
        start()
        let before = processed
        processed += n
        let src = input.baseAddress!
        if encrypting {
            return AEADSupport.makeBytes(n) { out in crypt(src, out, n, at: before) }
        }
        let at = plaintext.count
        plaintext.append(contentsOf: repeatElement(0, count: n))
        plaintext.withUnsafeMutableBytes { p in crypt(src, p.baseAddress! + at, n, at: before) }
        return []
    }

    /// Finishes encryption: the rest of the ciphertext and the tag.
    public func finalizeEncryption() throws -> (ciphertext: [UInt8], tag: [UInt8]) {
        guard encrypting else { throw CryptoError(.invalidParameter, "finalizeEncryption on a decrypting CCM context") }
        guard phase != .done else { throw CryptoError(.invalidParameter, "CCM context already finalized") }
        try checkComplete()
        var full = computeTag()
        defer { AEADSupport.wipe(&full) }
        return ([], Array(full[0..<tagLength]))
    }

    /// Checks `tag` and returns the plaintext, or throws `authenticationFailure`.
    public func finalizeDecryption(tag: [UInt8]) throws -> [UInt8] {
        guard !encrypting else {
            throw CryptoError(.invalidParameter, "finalizeDecryption on an encrypting CCM context")
        }
        guard phase != .done else { throw CryptoError(.invalidParameter, "CCM context already finalized") }
        do {
            try checkComplete()
        } catch {
            AEADSupport.wipe(&plaintext)
            plaintext = []
            phase = .done
            throw error
        }
        var full = computeTag()
        defer { AEADSupport.wipe(&full) }
        guard ConstantTime.declassify(ConstantTime.equals(full[0..<tagLength], tag)) else {
            AEADSupport.wipe(&plaintext)
            plaintext = []
            throw CryptoError(.authenticationFailure, "CCM tag mismatch")
        }
        let out = plaintext
        plaintext = []
        return out
    }

    // MARK: Internals

    private func checkComplete() throws {
        guard processed == messageLength else {
            throw CryptoError(.invalidLength, "CCM got \(processed) bytes of data, \(messageLength) were announced")
        }
    }

    /// B_0 and the formatted AAD into the CBC-MAC, once, when the data starts.
    private func start() {
        guard phase == .aad else { return }
        phase = .data
        let l = lengthFieldSize
        // B_0 = flags || N || Q  (SP 800-38C A.2.1): flags = 64·Adata + 8·((t-2)/2) + (q-1).
        let flags = (aad.isEmpty ? 0 : 0x40) | ((tagLength - 2) / 2) << 3 | (l - 1)
        mac.storeBytes(of: UInt8(flags), as: UInt8.self)
        nonce.withUnsafeBytes { (mac + 1).copyMemory(from: $0.baseAddress!, byteCount: nonce.count) }
        var q = UInt64(messageLength)
        for i in stride(from: 15, to: 15 - l, by: -1) {
            mac.storeBytes(of: UInt8(truncatingIfNeeded: q), toByteOffset: i, as: UInt8.self)
            q >>= 8
        }
        cipher.encrypt(block: UnsafeRawPointer(mac), into: mac)
        guard !aad.isEmpty else { return }
        // The AAD length encoding (A.2.2), then the AAD, zero-padded to a block.
        let a = UInt64(aad.count)
        var header: [UInt8]
        if a < 0xFF00 {
            header = [UInt8(a >> 8), UInt8(a & 0xff)]
        } else if a <= 0xFFFF_FFFF {
            header = [0xFF, 0xFE] + (0..<4).map { UInt8(truncatingIfNeeded: a >> (24 - 8 * UInt64($0))) }
        } else {
            header = [0xFF, 0xFF] + (0..<8).map { UInt8(truncatingIfNeeded: a >> (56 - 8 * UInt64($0))) }
        }
        header.withUnsafeBytes { macAbsorb($0.baseAddress!, $0.count) }
        aad.withUnsafeBytes { macAbsorb($0.baseAddress!, $0.count) }
        macFlush()
        AEADSupport.wipe(&aad)
        aad = []
    }

    /// `n` data bytes starting at message offset `at`: bytes up to a block boundary and a
    /// trailing partial block go through the streaming MAC and CTR; whole blocks in between
    /// take the paired path.
    private func crypt(_ src: UnsafeRawPointer, _ dst: UnsafeMutableRawPointer, _ n: Int, at: Int) {
        let lead = min(n, (16 - at % 16) % 16)
        if lead > 0 { stream(src, dst, lead) }
        let whole = (n - lead) / 16
        if whole > 0 {
            if encrypting {
                pairedEncrypt(src + lead, dst + lead, whole)
            } else {
                pairedDecrypt(src + lead, dst + lead, whole)
            }
        }
        let tail = lead + 16 * whole
        if tail < n { stream(src + tail, dst + tail, n - tail) }
    }

    private func stream(_ src: UnsafeRawPointer, _ dst: UnsafeMutableRawPointer, _ n: Int) {
        if encrypting {
            macAbsorb(src, n)
            ctr(src, dst, n)
        } else {
            ctr(src, dst, n)
            macAbsorb(UnsafeRawPointer(dst), n)
        }
    }

    /// Whole blocks when MAC and keystream are block-aligned: the CBC-MAC step of block i
    /// and its counter block A_i go through the cipher together (a bitsliced AES does up to
    /// four blocks for the price of one, and the MAC chain allows only one at a time).
    private func pairedEncrypt(_ src: UnsafeRawPointer, _ dst: UnsafeMutableRawPointer, _ blocks: Int) {
        let w = pair
        for i in 0..<blocks {
            AEADSupport.xor16(UnsafeRawPointer(mac), src + 16 * i, into: w)
            keystream.takeCounterBlock(into: w + 16)
            batch.encrypt(UnsafeRawPointer(w), w, count: 2)
            mac.copyMemory(from: UnsafeRawPointer(w), byteCount: 16)
            AEADSupport.xor16(src + 16 * i, UnsafeRawPointer(w + 16), into: dst + 16 * i)
        }
        w.initializeMemory(as: UInt8.self, repeating: 0, count: 32)
    }

    /// Decrypting, the MAC of block i needs P_i = C_i ^ E(A_i), so the calls are staggered:
    /// each one does the MAC step of block i - 1 and the counter block of block i.
    private func pairedDecrypt(_ src: UnsafeRawPointer, _ dst: UnsafeMutableRawPointer, _ blocks: Int) {
        let w = pair
        keystream.takeCounterBlock(into: w + 16)
        batch.encrypt(UnsafeRawPointer(w + 16), w + 16, count: 1)
        AEADSupport.xor16(src, UnsafeRawPointer(w + 16), into: dst)
        for i in 1..<(blocks + 1) {
            AEADSupport.xor16(UnsafeRawPointer(mac), UnsafeRawPointer(dst + 16 * (i - 1)), into: w)
            if i < blocks {
                keystream.takeCounterBlock(into: w + 16)
                batch.encrypt(UnsafeRawPointer(w), w, count: 2)
                AEADSupport.xor16(src + 16 * i, UnsafeRawPointer(w + 16), into: dst + 16 * i)
            } else {
                batch.encrypt(UnsafeRawPointer(w), w, count: 1)
            }
            mac.copyMemory(from: UnsafeRawPointer(w), byteCount: 16)
        }
        w.initializeMemory(as: UInt8.self, repeating: 0, count: 32)
    }

    /// CBC-MAC over a byte stream, keeping a partial block between calls.
    private func macAbsorb(_ p: UnsafeRawPointer, _ count: Int) {
        var p = p
        var n = count
        if macPartialCount > 0 {
            let t = min(16 - macPartialCount, n)
            BlockXOR.xor(p, macPartial + macPartialCount, into: macPartial + macPartialCount, count: t)
            macPartialCount += t
            p += t
            n -= t
            if macPartialCount < 16 { return }
            AEADSupport.xor16(UnsafeRawPointer(mac), UnsafeRawPointer(macPartial), into: mac)
            cipher.encrypt(block: UnsafeRawPointer(mac), into: mac)
            macPartialCount = 0
            macPartial.initializeMemory(as: UInt8.self, repeating: 0, count: 16)
        }
        while n >= 16 {
            AEADSupport.xor16(UnsafeRawPointer(mac), p, into: mac)
            cipher.encrypt(block: UnsafeRawPointer(mac), into: mac)
            p += 16
            n -= 16
        }
        if n > 0 {
            BlockXOR.xor(p, macPartial, into: macPartial, count: n)
            macPartialCount = n
        }
    }

    /// MACs a trailing partial block, zero-padded.
    private func macFlush() {
        guard macPartialCount > 0 else { return }
        AEADSupport.xor16(UnsafeRawPointer(mac), UnsafeRawPointer(macPartial), into: mac)
        cipher.encrypt(block: UnsafeRawPointer(mac), into: mac)
        macPartialCount = 0
        macPartial.initializeMemory(as: UInt8.self, repeating: 0, count: 16)
    }

    /// CTR from A_1 on, continuing where the previous call stopped.
    private func ctr(_ src: UnsafeRawPointer, _ dst: UnsafeMutableRawPointer, _ count: Int) {
        keystream.apply(src, dst, count) { self.cipher.encrypt(block: $0, into: $1) }
    }

    /// T = MSB_t(X_final) ^ S_0, full 16 bytes.
    private func computeTag() -> [UInt8] {
        start()
        macFlush()
        phase = .done
        return AEADSupport.makeBytes(16) { out in
            AEADSupport.xor16(UnsafeRawPointer(mac), UnsafeRawPointer(s0), into: out)
        }
    }
}
