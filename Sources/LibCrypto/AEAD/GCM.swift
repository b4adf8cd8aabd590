#if ASM && canImport(LibCryptoASM)
import LibCryptoASM
#endif

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
/// Hardware paths (see ``HardwareSupport``): with AES-NI the CTR keystream runs eight blocks
/// at a time in `LibCryptoASM`, and with PCLMULQDQ so does GHASH; each is chosen when the
/// context is created (the cipher's key schedule for CTR, the GCM context for GHASH).
///
/// The generic GHASH is constant time: there are no tables. Products in GF(2^128) are carry-less
/// multiplications built from ordinary 64-bit integer multiplications of operands whose bits
/// are spread out with "holes" (BearSSL's `ghash_ctmul64`), so neither addresses nor branches
/// depend on H or the data.
public final class GCM<C: BlockCipher>: AEADContext {
    public let cipher: C
    public let encrypting: Bool
    public let tagLength: Int

    /// Data limit per message: 2^39 - 256 bits (SP 800-38D), as OpenSSL checks it.
    static var maxDataLength: UInt64 { (1 << 36) - 32 }
    /// AAD limit OpenSSL enforces: 2^61 bytes (2^64 bits).
    static var maxAADLength: UInt64 { 1 << 61 }

    private enum Phase { case aad, data, done }

    private let batch: BlockBatch<C>
    /// The cipher's batch interface (CTR with inc32 in one call), when it has one.
    private let multi: (any MultiBlockCipher)?
    private var ghash: GHASH
    /// J0 bytes 0..<8 and 8..<12: the fixed part of every counter block.
    private let prefixHi: UInt64
    private let prefixLo: UInt32
    /// Low 32 bits of the next counter block (inc32 wraps them mod 2^32).
    private var counter: UInt32
    private var aadLength: UInt64 = 0
    private var dataLength: UInt64 = 0
    private var phase = Phase.aad
    /// Bytes waiting for a whole GHASH block (AAD, then ciphertext).
    private var partialCount = 0
    /// Keystream bytes already produced and not yet used: `ksPosition..<ksAvailable`.
    private var ksPosition = 0
    private var ksAvailable = 0
    /// Decryption: the ciphertext, kept until the tag verifies.
    private var ciphertext: [UInt8] = []

    /// E(K, J0) at 0, the GHASH partial block at 16, the keystream at 32.
    private let storage: UnsafeMutableRawPointer
    private var ek0: UnsafeMutableRawPointer { storage }
    private var partial: UnsafeMutableRawPointer { storage + 16 }
    private var keystream: UnsafeMutableRawPointer { storage + 32 }
    private static var keystreamBlocks: Int { 16 }
    private static var storageSize: Int { 32 + 16 * keystreamBlocks }

    /// - Throws: `invalidParameter` if `C` does not have 128-bit blocks, the nonce is empty, or
    ///   the tag length is outside 4...16.
    public init(cipher: C, parameters: AEADParameters, encrypting: Bool) throws {
        try AEADSupport.require128(C.self, "GCM")
        guard !parameters.nonce.isEmpty else {
            throw CryptoError(.invalidParameter, "GCM needs an IV of at least one byte")
        }
        guard (4...16).contains(parameters.tagLength) else {
            throw CryptoError(.invalidParameter, "GCM tag length must be 4...16 bytes, got \(parameters.tagLength)")
        }
        self.cipher = cipher
        self.encrypting = encrypting
        tagLength = parameters.tagLength
        batch = BlockBatch(cipher)
        multi = cipher as? any MultiBlockCipher
        storage = UnsafeMutableRawPointer.allocate(byteCount: Self.storageSize, alignment: 16)
        storage.initializeMemory(as: UInt8.self, repeating: 0, count: Self.storageSize)

        // H = E(K, 0^128).
        var hBytes = (UInt64(0), UInt64(0))
        withUnsafeMutableBytes(of: &hBytes) { cipher.encrypt(block: UnsafeRawPointer($0.baseAddress!), into: $0.baseAddress!) }
        let gh = withUnsafeBytes(of: &hBytes) { GHASH(h: $0.baseAddress!) }
        ghash = gh
        hBytes = (0, 0)

        // J0 (SP 800-38D section 7.1 step 2).
        let nonce = parameters.nonce
        var j0Hi: UInt64, j0Lo: UInt64
        if nonce.count == 12 {
            j0Hi = nonce.withUnsafeBytes { AEADSupport.loadBE64($0.baseAddress!) }
            j0Lo = UInt64(nonce.withUnsafeBytes { UInt32(bigEndian: $0.loadUnaligned(fromByteOffset: 8, as: UInt32.self)) }) << 32 | 1
        } else {
            var g = gh
            nonce.withUnsafeBytes { n in
                let whole = n.count / 16
                g.absorb(n.baseAddress!, blocks: whole)
                let rest = n.count - 16 * whole
                if rest > 0 {
                    var last = (UInt64(0), UInt64(0))
                    withUnsafeMutableBytes(of: &last) { $0.baseAddress!.copyMemory(from: n.baseAddress! + 16 * whole, byteCount: rest) }
                    withUnsafeBytes(of: &last) { g.absorb($0.baseAddress!, blocks: 1) }
                }
            }
            g.absorb(hi: 0, lo: UInt64(nonce.count) &* 8)
            (j0Hi, j0Lo) = g.state
        }
        prefixHi = j0Hi
        prefixLo = UInt32(truncatingIfNeeded: j0Lo >> 32)
        counter = UInt32(truncatingIfNeeded: j0Lo) &+ 1
        AEADSupport.storeBE64(j0Hi, storage)
        AEADSupport.storeBE64(j0Lo, storage, 8)
        cipher.encrypt(block: UnsafeRawPointer(storage), into: storage)
    }

    deinit {
        storage.initializeMemory(as: UInt8.self, repeating: 0, count: Self.storageSize)
        storage.deallocate()
        ghash.wipe()
    }

    public func updateAAD(_ aad: UnsafeRawBufferPointer) throws {
        guard phase == .aad else {
            throw CryptoError(.invalidParameter, phase == .done ? "GCM context already finalized" : "GCM AAD must come before the data")
        }
        guard aad.count > 0 else { return }
        guard UInt64(aad.count) <= Self.maxAADLength - aadLength else {
            throw CryptoError(.invalidLength, "GCM AAD longer than 2^61 bytes")
        }
        aadLength += UInt64(aad.count)
        absorb(aad.baseAddress!, aad.count)
    }

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

    public func finalizeEncryption() throws -> (ciphertext: [UInt8], tag: [UInt8]) {
        guard encrypting else { throw CryptoError(.invalidParameter, "finalizeEncryption on a decrypting GCM context") }
        guard phase != .done else { throw CryptoError(.invalidParameter, "GCM context already finalized") }
        var full = computeTag()
        defer { AEADSupport.wipe(&full) }
        return ([], Array(full[0..<tagLength]))
    }

    public func finalizeDecryption(tag: [UInt8]) throws -> [UInt8] {
        guard !encrypting else { throw CryptoError(.invalidParameter, "finalizeDecryption on an encrypting GCM context") }
        guard phase != .done else { throw CryptoError(.invalidParameter, "GCM context already finalized") }
        var full = computeTag()
        defer { AEADSupport.wipe(&full) }
        let ok = ConstantTime.equals(full[0..<tagLength], tag)
        guard ok else {
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
        var p = p, n = count
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
        var done = 0
        if ksPosition < ksAvailable {
            let t = min(count, ksAvailable - ksPosition)
            BlockXOR.xor(src, keystream + ksPosition, into: dst, count: t)
            ksPosition += t
            done = t
        }
        let ks = keystream
        let hi = prefixHi.bigEndian, lo = prefixLo.bigEndian
        if let m = multi, count - done >= 16 {
            // Whole blocks straight from input to output, the counter block on the stack.
            let whole = (count - done) / 16
            var block = (hi, lo, counter.bigEndian)
            withUnsafeMutableBytes(of: &block) { b in
                m.ctr(blocks: src + done, into: dst + done, count: whole, counter: b.baseAddress!, counterWidth: 4)
            }
            counter &+= UInt32(truncatingIfNeeded: whole)
            done += 16 * whole
        }
        while done < count {
            let remaining = count - done
            let blocks = min(Self.keystreamBlocks, (remaining + 15) / 16)
            var c = counter
            for i in 0..<blocks {
                ks.storeBytes(of: hi, toByteOffset: 16 * i, as: UInt64.self)
                ks.storeBytes(of: lo, toByteOffset: 16 * i + 8, as: UInt32.self)
                ks.storeBytes(of: c.bigEndian, toByteOffset: 16 * i + 12, as: UInt32.self)
                c &+= 1
            }
            counter = c
            batch.encrypt(UnsafeRawPointer(ks), ks, count: blocks)
            ksAvailable = 16 * blocks
            let t = min(remaining, ksAvailable)
            BlockXOR.xor(src + done, UnsafeRawPointer(ks), into: dst + done, count: t)
            ksPosition = t
            done += t
        }
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

/// GHASH in constant time, after BearSSL's `ghash_ctmul64` (Thomas Pornin).
///
/// A 128-bit value is held as two 64-bit words taken big-endian from its bytes: `y1` the first
/// eight bytes, `y0` the last eight. GCM numbers bits from the most significant bit of byte 0,
/// so as integers the words are bit-reversed polynomials; multiplying reversed polynomials
/// gives the reversed product shifted by one, which the reduction accounts for.
///
/// `bmul64` returns the low 64 bits of a carry-less product using integer multiplies: each
/// operand is split into four words keeping every fourth bit, so in each of the sixteen
/// partial products the sum landing on a result bit below bit 60 is at most 15 and its carries
/// fall into the three "holes" that the final masks throw away (the one sum of 16, at bit 60,
/// carries out past bit 63). The high half of a product is the bit reversal of the low half of
/// the product of the reversed operands. Karatsuba brings a 128x128 product to three 64x64
/// products (six `bmul64`).
///
/// Speed-ups over the reference: the H operands are stored already split into their masked
/// slices, and four blocks are hashed at once against H^4, H^3, H^2, H, summing the unreduced
/// products (reversal, shift and reduction are linear) so that they are reduced once.
/// Nothing here is indexed or branched on by secret data.
///
/// With PCLMULQDQ (chosen at creation, see ``HardwareSupport``) `keys` holds instead the
/// table of `lc_ghash_init` (H^1...H^8) and the blocks go to `lc_ghash_blocks`.
struct GHASH {
    /// For power p (H^(p+1)), at 24p: h0, h1, h0^h1, rev(h0), rev(h1), rev(h0^h1), each as four
    /// masked slices. PCLMULQDQ: the hardware table in the first 256 bytes.
    private var keys: InlineArray<96, UInt64>
    private var y0: UInt64 = 0, y1: UInt64 = 0
    /// True when `keys` is the PCLMULQDQ table.
    private let hardware: Bool

    private typealias Accumulator = (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

    /// `h` points at the 16 bytes of the hash key H = E(K, 0^128).
    init(h: UnsafeRawPointer) {
        #if ASM && canImport(LibCryptoASM)
        if HardwareSupport.selected.contains(.pclmulqdq) {
            var table = InlineArray<96, UInt64>(repeating: 0)
            withUnsafeMutableBytes(of: &table) {
                lc_ghash_init(h.assumingMemoryBound(to: UInt8.self), $0.baseAddress!.assumingMemoryBound(to: UInt8.self))
            }
            keys = table
            hardware = true
            return
        }
        #endif
        hardware = false
        keys = InlineArray(repeating: 0)
        var p1 = AEADSupport.loadBE64(h), p0 = AEADSupport.loadBE64(h, 8)
        for power in 0..<4 {
            if power > 0 {
                // H^(power+1) = H^power * H, with the H slices already in place.
                var acc: Accumulator = (0, 0, 0, 0, 0, 0)
                keys.span.withUnsafeBufferPointer { Self.accumulate(p1, p0, $0.baseAddress!, &acc) }
                (p1, p0) = Self.reduce(acc)
            }
            let r0 = Self.rev64(p0), r1 = Self.rev64(p1)
            for (j, v) in [(0, p0), (1, p1), (2, p0 ^ p1), (3, r0), (4, r1), (5, r0 ^ r1)] {
                keys[24 * power + 4 * j] = v & Self.m0
                keys[24 * power + 4 * j + 1] = v & Self.m1
                keys[24 * power + 4 * j + 2] = v & Self.m2
                keys[24 * power + 4 * j + 3] = v & Self.m3
            }
        }
        p0 = 0
        p1 = 0
    }

    /// The current value Y as (first eight bytes, last eight bytes), big-endian.
    var state: (UInt64, UInt64) { (y1, y0) }

    mutating func wipe() {
        for i in 0..<96 { keys[i] = 0 }
        y0 = 0
        y1 = 0
    }

    /// Y = (Y ^ X) * H for one block given as big-endian words.
    mutating func absorb(hi: UInt64, lo: UInt64) {
        #if ASM && canImport(LibCryptoASM)
        if hardware {
            var block = (hi.bigEndian, lo.bigEndian)
            withUnsafeBytes(of: &block) { absorbHardware($0.baseAddress!, 1) }
            return
        }
        #endif
        let a1 = y1 ^ hi, a0 = y0 ^ lo
        var acc: Accumulator = (0, 0, 0, 0, 0, 0)
        keys.span.withUnsafeBufferPointer { Self.accumulate(a1, a0, $0.baseAddress!, &acc) }
        (y1, y0) = Self.reduce(acc)
    }

    /// Hashes `blocks` whole 16-byte blocks at `p`.
    mutating func absorb(_ p: UnsafeRawPointer, blocks: Int) {
        guard blocks > 0 else { return }
        #if ASM && canImport(LibCryptoASM)
        if hardware {
            absorbHardware(p, blocks)
            return
        }
        #endif
        var a1 = y1, a0 = y0
        keys.span.withUnsafeBufferPointer { kb in
            let k = kb.baseAddress!
            var q = p, n = blocks
            while n >= 4 {
                // ((((Y ^ X1) H ^ X2) H ^ X3) H ^ X4) H = (Y ^ X1) H^4 ^ X2 H^3 ^ X3 H^2 ^ X4 H.
                var acc: Accumulator = (0, 0, 0, 0, 0, 0)
                Self.accumulate(a1 ^ AEADSupport.loadBE64(q), a0 ^ AEADSupport.loadBE64(q, 8), k + 72, &acc)
                Self.accumulate(AEADSupport.loadBE64(q, 16), AEADSupport.loadBE64(q, 24), k + 48, &acc)
                Self.accumulate(AEADSupport.loadBE64(q, 32), AEADSupport.loadBE64(q, 40), k + 24, &acc)
                Self.accumulate(AEADSupport.loadBE64(q, 48), AEADSupport.loadBE64(q, 56), k, &acc)
                (a1, a0) = Self.reduce(acc)
                q += 64
                n -= 4
            }
            while n > 0 {
                var acc: Accumulator = (0, 0, 0, 0, 0, 0)
                Self.accumulate(a1 ^ AEADSupport.loadBE64(q), a0 ^ AEADSupport.loadBE64(q, 8), k, &acc)
                (a1, a0) = Self.reduce(acc)
                q += 16
                n -= 1
            }
        }
        y1 = a1
        y0 = a0
    }

    #if ASM && canImport(LibCryptoASM)
    private mutating func absorbHardware(_ p: UnsafeRawPointer, _ blocks: Int) {
        var y = (y0, y1)
        keys.span.withUnsafeBytes { k in
            withUnsafeMutableBytes(of: &y) { yb in
                lc_ghash_blocks(k.baseAddress!.assumingMemoryBound(to: UInt8.self), yb.baseAddress!.assumingMemoryBound(to: UInt64.self),
                                p.assumingMemoryBound(to: UInt8.self), blocks)
            }
        }
        (y0, y1) = y
    }
    #endif

    private static var m0: UInt64 { 0x1111_1111_1111_1111 }
    private static var m1: UInt64 { 0x2222_2222_2222_2222 }
    private static var m2: UInt64 { 0x4444_4444_4444_4444 }
    private static var m3: UInt64 { 0x8888_8888_8888_8888 }

    /// Adds the six unreduced Karatsuba products of (y1:y0) and the power at `k` into `acc`.
    @inline(__always)
    private static func accumulate(_ y1: UInt64, _ y0: UInt64, _ k: UnsafePointer<UInt64>, _ acc: inout Accumulator) {
        let y0r = rev64(y0), y1r = rev64(y1)
        acc.0 ^= bmul64(y0, k)
        acc.1 ^= bmul64(y1, k + 4)
        acc.2 ^= bmul64(y0 ^ y1, k + 8)
        acc.3 ^= bmul64(y0r, k + 12)
        acc.4 ^= bmul64(y1r, k + 16)
        acc.5 ^= bmul64(y0r ^ y1r, k + 20)
    }

    /// Karatsuba recombination and reduction modulo x^128 + x^7 + x^2 + x + 1 (reflected).
    @inline(__always)
    private static func reduce(_ acc: Accumulator) -> (UInt64, UInt64) {
        let z0 = acc.0, z1 = acc.1
        let z2 = acc.2 ^ z0 ^ z1
        var z0h = acc.3, z1h = acc.4
        var z2h = acc.5 ^ z0h ^ z1h
        z0h = rev64(z0h) &>> 1
        z1h = rev64(z1h) &>> 1
        z2h = rev64(z2h) &>> 1

        var v0 = z0
        var v1 = z0h ^ z2
        var v2 = z1 ^ z2h
        var v3 = z1h

        v3 = (v3 &<< 1) | (v2 &>> 63)
        v2 = (v2 &<< 1) | (v1 &>> 63)
        v1 = (v1 &<< 1) | (v0 &>> 63)
        v0 = v0 &<< 1

        v2 ^= v0 ^ (v0 &>> 1) ^ (v0 &>> 2) ^ (v0 &>> 7)
        v1 ^= (v0 &<< 63) ^ (v0 &<< 62) ^ (v0 &<< 57)
        v3 ^= v1 ^ (v1 &>> 1) ^ (v1 &>> 2) ^ (v1 &>> 7)
        v2 ^= (v1 &<< 63) ^ (v1 &<< 62) ^ (v1 &<< 57)
        return (v3, v2)
    }

    /// Low 64 bits of the carry-less product x * y, `y` given as its four masked slices.
    @inline(__always)
    private static func bmul64(_ x: UInt64, _ y: UnsafePointer<UInt64>) -> UInt64 {
        let x0 = x & m0, x1 = x & m1, x2 = x & m2, x3 = x & m3
        let y0 = y[0], y1 = y[1], y2 = y[2], y3 = y[3]
        let z0 = (x0 &* y0) ^ (x1 &* y3) ^ (x2 &* y2) ^ (x3 &* y1)
        let z1 = (x0 &* y1) ^ (x1 &* y0) ^ (x2 &* y3) ^ (x3 &* y2)
        let z2 = (x0 &* y2) ^ (x1 &* y1) ^ (x2 &* y0) ^ (x3 &* y3)
        let z3 = (x0 &* y3) ^ (x1 &* y2) ^ (x2 &* y1) ^ (x3 &* y0)
        return (z0 & m0) | (z1 & m1) | (z2 & m2) | (z3 & m3)
    }

    /// Bit reversal of a 64-bit word.
    @inline(__always)
    static func rev64(_ v: UInt64) -> UInt64 {
        var x = v
        x = ((x & 0x5555_5555_5555_5555) &<< 1) | ((x &>> 1) & 0x5555_5555_5555_5555)
        x = ((x & 0x3333_3333_3333_3333) &<< 2) | ((x &>> 2) & 0x3333_3333_3333_3333)
        x = ((x & 0x0F0F_0F0F_0F0F_0F0F) &<< 4) | ((x &>> 4) & 0x0F0F_0F0F_0F0F_0F0F)
        return x.byteSwapped
    }
}
