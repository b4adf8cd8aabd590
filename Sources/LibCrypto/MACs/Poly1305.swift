#if POLY1305
/// Poly1305 (RFC 8439 section 2.5), OpenSSL's `Poly1305` MAC: a one-time authenticator keyed
/// with 32 bytes, `r || s`, producing a 16-byte tag.
///
/// A key must never authenticate two different messages; ChaCha20-Poly1305 derives a fresh one
/// per nonce. The accumulator is kept in radix 2^64 (two 64-bit limbs and a 2-bit top limb, as
/// in OpenSSL's `poly1305.c`), multiplied with full-width 64×64→128-bit products. Constant
/// time: no branch or memory address depends on the key, the message bytes or the accumulator;
/// carries are propagated arithmetically and the final reduction selects with a mask.
public struct Poly1305: Sendable {
    /// Key length in bytes (`r` then `s`).
    public static let keySize = 32
    /// Tag length in bytes.
    public static let tagSize = 16
    /// The block the polynomial consumes, in bytes.
    public static let blockSize = 16

    /// Clamped `r`, low and high 64 bits.
    private let r0: UInt64, r1: UInt64
    /// `r1 + r1 >> 2` (= 5·r1/4, exact because clamping clears r1's two low bits).
    private let s1: UInt64
    /// `s`, added at the end.
    private let pad0: UInt64, pad1: UInt64
    /// Accumulator h = h0 + h1·2^64 + h2·2^128, partially reduced.
    private var h0: UInt64 = 0, h1: UInt64 = 0, h2: UInt64 = 0
    /// Bytes of a partial block waiting for more input.
    private var buffer: (UInt64, UInt64) = (0, 0)
    private var buffered = 0

    /// Keys a Poly1305 computation with a 32-byte one-time key.
    /// - Throws: `invalidParameter` if the key is not 32 bytes.
    public init(key: [UInt8]) throws {
        guard key.count == Self.keySize else {
            throw CryptoError(
                .invalidParameter, "Poly1305 takes a key of 32 bytes, got \(key.count)", openSSL: .invalidKeyLength)
        }
        let (k0, k1, k2, k3) = key.withUnsafeBytes { k in
            (
                UInt64(littleEndian: k.loadUnaligned(fromByteOffset: 0, as: UInt64.self)),
                UInt64(littleEndian: k.loadUnaligned(fromByteOffset: 8, as: UInt64.self)),
                UInt64(littleEndian: k.loadUnaligned(fromByteOffset: 16, as: UInt64.self)),
                UInt64(littleEndian: k.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
            )
        }
        r0 = k0 & 0x0fff_fffc_0fff_ffff
        r1 = k1 & 0x0fff_fffc_0fff_fffc
        s1 = r1 &+ (r1 &>> 2)
        pad0 = k2
        pad1 = k3
    }

    /// Absorbs `data`; any split of the message gives the same tag.
    public mutating func update(_ data: UnsafeRawBufferPointer) {
        guard var p = data.baseAddress, data.count > 0 else { return }
        var n = data.count
        if buffered > 0 {
            let take = min(16 - buffered, n)
            let start = buffered
            withUnsafeMutableBytes(of: &buffer) { b in
                b.baseAddress!.advanced(by: start).copyMemory(from: p, byteCount: take)
            }
            buffered += take
            p += take
            n -= take
            guard buffered == 16 else { return }
            let (b0, b1) = buffer
            blocks(UInt64(littleEndian: b0), UInt64(littleEndian: b1))
            buffered = 0
            buffer = (0, 0)
        }
        let full = n & ~15
        if full > 0 {
            blocks(p, count: full / 16)
            p += full
            n -= full
        }
        if n > 0 {
            withUnsafeMutableBytes(of: &buffer) { b in b.baseAddress!.copyMemory(from: p, byteCount: n) }
            buffered = n
        }
    }

    /// Absorbs the bytes of an array or slice.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if done == nil {
            let copy = Array(bytes)
            copy.withUnsafeBytes { update($0) }
        }
    }

    /// Zero-pads a pending partial block to 16 bytes and absorbs it (RFC 8439 `pad16`, used
    /// by ChaCha20-Poly1305 between the AAD, the ciphertext and the lengths).
    mutating func padToBlock() {
        guard buffered > 0 else { return }
        let (b0, b1) = buffer
        blocks(UInt64(littleEndian: b0), UInt64(littleEndian: b1))
        buffered = 0
        buffer = (0, 0)
    }

    /// Returns the 16-byte tag. The value is spent afterwards.
    public mutating func finalize() -> [UInt8] {
        if buffered > 0 {
            // The last partial block gets its 0x01 byte right after the message and no 2^128 bit.
            withUnsafeMutableBytes(of: &buffer) { b in b[buffered] = 1 }
            let (b0, b1) = buffer
            block(UInt64(littleEndian: b0), UInt64(littleEndian: b1), hibit: 0)
            buffered = 0
        }
        // h is below 2^130 + a little; h - p = h + 5 - 2^130: take it if that is not negative.
        // Carries go through UInt128 sums, never a Bool: LLVM turned `carry ? 1 : 0` into a
        // branch on the secret accumulator (found by scripts/ctgrind.sh).
        let t0 = UInt128(h0) &+ 5
        var g0 = UInt64(truncatingIfNeeded: t0)
        let t1 = UInt128(h1) &+ (t0 &>> 64)
        var g1 = UInt64(truncatingIfNeeded: t1)
        let g2 = h2 &+ UInt64(truncatingIfNeeded: t1 &>> 64)
        let mask = 0 &- (g2 &>> 2)
        g0 &= mask
        g1 &= mask
        let f0 = (h0 & ~mask) | g0
        let f1 = (h1 & ~mask) | g1
        let s0 = UInt128(f0) &+ UInt128(pad0)
        g0 = UInt64(truncatingIfNeeded: s0)
        g1 = f1 &+ pad1 &+ UInt64(truncatingIfNeeded: s0 &>> 64)
        (h0, h1, h2) = (0, 0, 0)
        var tag = [UInt8](repeating: 0, count: 16)
        tag.withUnsafeMutableBytes { t in
            t.storeBytes(of: g0.littleEndian, toByteOffset: 0, as: UInt64.self)
            t.storeBytes(of: g1.littleEndian, toByteOffset: 8, as: UInt64.self)
        }
        return tag
    }

    /// One-shot tag of `message` under a one-time `key`.
    public static func authenticate(key: [UInt8], message: some Sequence<UInt8>) throws -> [UInt8] {
        var mac = try Poly1305(key: key)
        mac.update(message)
        return mac.finalize()
    }

    /// Checks a 16-byte `tag` against `message` in constant time.
    public static func verify(tag: [UInt8], key: [UInt8], message: some Sequence<UInt8>) throws -> Bool {
        let expected = try authenticate(key: key, message: message)
        return ConstantTime.equals(tag, expected)
    }

    // MARK: Core

    @inline(__always)
    private mutating func blocks(_ m0: UInt64, _ m1: UInt64) {
        block(m0, m1, hibit: 1)
    }

    private mutating func blocks(_ p: UnsafeRawPointer, count: Int) {
        var a0 = h0
        var a1 = h1
        var a2 = h2
        let r0 = r0
        let r1 = r1
        let s1 = s1
        var p = p
        for _ in 0..<count {
            let m0 = UInt64(littleEndian: p.loadUnaligned(as: UInt64.self))
            let m1 = UInt64(littleEndian: p.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            Self.step(&a0, &a1, &a2, m0, m1, 1, r0, r1, s1)
            p += 16
        }
        h0 = a0
        h1 = a1
        h2 = a2
    }

    @inline(__always)
    private mutating func block(_ m0: UInt64, _ m1: UInt64, hibit: UInt64) {
        Self.step(&h0, &h1, &h2, m0, m1, hibit, r0, r1, s1)
    }

    /// h = (h + m + hibit·2^128) · r, partially reduced mod 2^130 - 5 (OpenSSL's 64-bit
    /// `poly1305_blocks`): since r1's low two bits are clear, h1·r1·2^128 folds into
    /// h1·(r1/4)·5 = h1·s1, and the top limb stays small (h2·r0 fits 64 bits).
    @inline(__always)
    private static func step(
        _ h0: inout UInt64, _ h1: inout UInt64, _ h2: inout UInt64,
        _ m0: UInt64, _ m1: UInt64, _ hibit: UInt64,
        _ r0: UInt64, _ r1: UInt64, _ s1: UInt64
    ) {
        let t0 = UInt128(h0) &+ UInt128(m0)
        let a0 = UInt64(truncatingIfNeeded: t0)
        let t1 = UInt128(h1) &+ UInt128(m1) &+ (t0 &>> 64)
        let a1 = UInt64(truncatingIfNeeded: t1)
        let a2 = h2 &+ UInt64(truncatingIfNeeded: t1 &>> 64) &+ hibit

        let d0 = UInt128(a0) &* UInt128(r0) &+ UInt128(a1) &* UInt128(s1)
        var d1 = UInt128(a0) &* UInt128(r1) &+ UInt128(a1) &* UInt128(r0) &+ UInt128(a2 &* s1)
        var b2 = a2 &* r0

        let b0 = UInt64(truncatingIfNeeded: d0)
        d1 &+= d0 &>> 64
        let b1 = UInt64(truncatingIfNeeded: d1)
        b2 &+= UInt64(truncatingIfNeeded: d1 &>> 64)

        // Fold bits 130 and up: (h2 >> 2)·5 = (h2 & ~3) + (h2 >> 2).
        let c = (b2 &>> 2) &+ (b2 & ~3)
        b2 &= 3
        let e0 = UInt128(b0) &+ UInt128(c)
        let e1 = UInt128(b1) &+ (e0 &>> 64)
        h0 = UInt64(truncatingIfNeeded: e0)
        h1 = UInt64(truncatingIfNeeded: e1)
        h2 = b2 &+ UInt64(truncatingIfNeeded: e1 &>> 64)
    }
}
#endif
