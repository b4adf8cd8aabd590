#if CHACHA
/// ChaCha20 (RFC 8439 section 2.3/2.4) with OpenSSL's `EVP_chacha20` parameters: a 32-byte key
/// and a 16-byte IV whose first four bytes are the little-endian block counter and whose last
/// twelve are the nonce.
///
/// As in OpenSSL (`cipher_chacha20_hw.c`), when the 32-bit block counter wraps it carries into
/// the first nonce word, so state words 12 and 13 act as one 64-bit counter. The keystream
/// position carries across `apply` calls of any length. Constant time: additions, rotations
/// and XORs only.
public struct ChaCha20: StreamCipher {
    /// The key length in bytes (256-bit keys only).
    public static let keySize = 32
    /// The `EVP_chacha20` IV length: a 4-byte block counter and a 12-byte nonce.
    public static let ivSize = 16
    /// Keystream bytes per block.
    public static let blockSize = 64

    /// State words 4...11.
    var key: Key
    /// State words 12 (low half) and 13 (high half): the next block to generate.
    var counter: UInt64
    /// State words 14 and 15.
    var nonce1: UInt32, nonce2: UInt32
    /// Keystream of the last, partially used block.
    var buffer: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    /// Bytes of `buffer` already used; 64 when it is empty.
    var used = 64

    struct Key {
        var k0, k1, k2, k3, k4, k5, k6, k7: UInt32
    }

    /// `EVP_chacha20`: `iv` = 32-bit little-endian block counter || 96-bit nonce.
    public init(key: [UInt8], iv: [UInt8]) throws {
        guard key.count == Self.keySize else {
            throw CryptoError(
                .invalidParameter, "ChaCha20 takes a key of 32 bytes, got \(key.count)", openSSL: .invalidKeyLength)
        }
        guard iv.count == Self.ivSize else {
            throw CryptoError(
                .invalidParameter, "ChaCha20 takes an IV of 16 bytes (counter || nonce), got \(iv.count)",
                openSSL: .invalidIVLength)
        }
        self.key = Self.loadKey(key)
        let w = (0..<4).map { Self.le32(iv, 4 * $0) }
        counter = UInt64(w[0]) | UInt64(w[1]) << 32
        nonce1 = w[2]
        nonce2 = w[3]
    }

    /// RFC 8439 parameters: a 12-byte nonce and the 32-bit initial block counter.
    public init(key: [UInt8], nonce: [UInt8], counter: UInt32 = 0) throws {
        guard nonce.count == 12 else {
            throw CryptoError(
                .invalidParameter, "ChaCha20 takes a nonce of 12 bytes, got \(nonce.count)", openSSL: .invalidIVLength)
        }
        let c = [
            UInt8(truncatingIfNeeded: counter), UInt8(truncatingIfNeeded: counter >> 8),
            UInt8(truncatingIfNeeded: counter >> 16), UInt8(truncatingIfNeeded: counter >> 24),
        ]
        try self.init(key: key, iv: c + nonce)
    }

    /// XORs the next `count` keystream bytes into `input`, writing `output` (the same address
    /// is allowed); the keystream position carries over to the next call.
    public mutating func apply(_ input: UnsafeRawPointer, into output: UnsafeMutableRawPointer, count: Int) {
        guard count > 0 else { return }
        var i = 0
        if used < 64 {
            let take = min(64 - used, count)
            let offset = used
            withUnsafeBytes(of: &buffer) { b in
                for j in 0..<take {
                    output.storeBytes(
                        of: input.load(fromByteOffset: j, as: UInt8.self) ^ b[offset + j], toByteOffset: j,
                        as: UInt8.self)
                }
            }
            used += take
            i = take
        }
        let groups = (count - i) / 256
        if groups > 0 {
            Self.xorBlocks4(key, counter, nonce1, nonce2, input + i, output + i, groups)
            counter &+= UInt64(4 * groups)
            i += 256 * groups
        }
        let blocks = (count - i) / 64
        if blocks > 0 {
            Self.xorBlocks(key, counter, nonce1, nonce2, input + i, output + i, blocks)
            counter &+= UInt64(blocks)
            i += 64 * blocks
        }
        let rem = count - i
        if rem > 0 {
            buffer = (0, 0, 0, 0, 0, 0, 0, 0)
            withUnsafeMutableBytes(of: &buffer) { b in
                Self.xorBlocks(key, counter, nonce1, nonce2, UnsafeRawPointer(b.baseAddress!), b.baseAddress!, 1)
                for j in 0..<rem {
                    output.storeBytes(
                        of: input.load(fromByteOffset: i + j, as: UInt8.self) ^ b[j], toByteOffset: i + j,
                        as: UInt8.self)
                }
            }
            counter &+= 1
            used = rem
        }
    }

    /// The RFC 8439 block function (section 2.3): 64 bytes of keystream for `counter` and a
    /// 12-byte `nonce`.
    /// - Throws: `invalidParameter` if the key is not 32 bytes or the nonce not 12.
    public static func block(key: [UInt8], counter: UInt32, nonce: [UInt8]) throws -> [UInt8] {
        guard key.count == keySize, nonce.count == 12 else {
            throw CryptoError(
                .invalidParameter,
                "ChaCha20 block function takes a 32-byte key and a 12-byte nonce, "
                    + "got \(key.count) and \(nonce.count)")
        }
        var out = [UInt8](repeating: 0, count: 64)
        out.withUnsafeMutableBytes { o in
            xorBlocks(
                loadKey(key), UInt64(counter) | UInt64(le32(nonce, 0)) << 32, le32(nonce, 4), le32(nonce, 8),
                UnsafeRawPointer(o.baseAddress!), o.baseAddress!, 1)
        }
        return out
    }

    static func loadKey(_ key: [UInt8]) -> Key {
        Key(
            k0: le32(key, 0), k1: le32(key, 4), k2: le32(key, 8), k3: le32(key, 12),
            k4: le32(key, 16), k5: le32(key, 20), k6: le32(key, 24), k7: le32(key, 28))
    }

    @inline(__always)
    static func le32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }

    @inline(__always)
    static func rotl(_ x: UInt32, _ n: UInt32) -> UInt32 {
        (x &<< n) | (x &>> (32 &- n))
    }

    @inline(__always)
    static func quarterRound(_ a: inout UInt32, _ b: inout UInt32, _ c: inout UInt32, _ d: inout UInt32) {
        a &+= b
        d = rotl(d ^ a, 16)
        c &+= d
        b = rotl(b ^ c, 12)
        a &+= b
        d = rotl(d ^ a, 8)
        c &+= d
        b = rotl(b ^ c, 7)
    }

    /// Rotation written with `&+` (the two halves are disjoint) so LLVM keeps it as two vector
    /// shifts; recognised as a rotate, it is scalarised on SSE2 and runs at half the speed.
    @inline(__always)
    static func rotl(_ x: SIMD4<UInt32>, _ n: UInt32) -> SIMD4<UInt32> {
        (x &<< SIMD4(repeating: n)) &+ (x &>> SIMD4(repeating: 32 &- n))
    }

    @inline(__always)
    static func quarterRound(
        _ a: inout SIMD4<UInt32>, _ b: inout SIMD4<UInt32>,
        _ c: inout SIMD4<UInt32>, _ d: inout SIMD4<UInt32>
    ) {
        a &+= b
        d = rotl(d ^ a, 16)
        c &+= d
        b = rotl(b ^ c, 12)
        a &+= b
        d = rotl(d ^ a, 8)
        c &+= d
        b = rotl(b ^ c, 7)
    }

    /// Like `xorBlocks`, four blocks at a time (`groups` x 256 bytes): lane j of every state
    /// vector belongs to block counter + j.
    static func xorBlocks4(
        _ key: Key, _ counter: UInt64, _ n1: UInt32, _ n2: UInt32,
        _ input: UnsafeRawPointer, _ output: UnsafeMutableRawPointer, _ groups: Int
    ) {
        typealias V = SIMD4<UInt32>
        let k0 = V(repeating: key.k0)
        let k1 = V(repeating: key.k1)
        let k2 = V(repeating: key.k2)
        let k3 = V(repeating: key.k3)
        let k4 = V(repeating: key.k4)
        let k5 = V(repeating: key.k5)
        let k6 = V(repeating: key.k6)
        let k7 = V(repeating: key.k7)
        let c0 = V(repeating: 0x6170_7865)
        let c1 = V(repeating: 0x3320_646e)
        let c2 = V(repeating: 0x7962_2d32)
        let c3 = V(repeating: 0x6b20_6574)
        let m1 = V(repeating: n1)
        let m2 = V(repeating: n2)
        var ctr = counter
        var inp = input
        var out = output
        for _ in 0..<groups {
            let b1 = ctr &+ 1
            let b2 = ctr &+ 2
            let b3 = ctr &+ 3
            let lo = V(
                UInt32(truncatingIfNeeded: ctr), UInt32(truncatingIfNeeded: b1),
                UInt32(truncatingIfNeeded: b2), UInt32(truncatingIfNeeded: b3))
            let hi = V(
                UInt32(truncatingIfNeeded: ctr &>> 32), UInt32(truncatingIfNeeded: b1 &>> 32),
                UInt32(truncatingIfNeeded: b2 &>> 32), UInt32(truncatingIfNeeded: b3 &>> 32))
            var x0 = c0
            var x1 = c1
            var x2 = c2
            var x3 = c3
            var x4 = k0
            var x5 = k1
            var x6 = k2
            var x7 = k3
            var x8 = k4
            var x9 = k5
            var x10 = k6
            var x11 = k7
            var x12 = lo
            var x13 = hi
            var x14 = m1
            var x15 = m2
            for _ in 0..<10 {
                quarterRound(&x0, &x4, &x8, &x12)
                quarterRound(&x1, &x5, &x9, &x13)
                quarterRound(&x2, &x6, &x10, &x14)
                quarterRound(&x3, &x7, &x11, &x15)
                quarterRound(&x0, &x5, &x10, &x15)
                quarterRound(&x1, &x6, &x11, &x12)
                quarterRound(&x2, &x7, &x8, &x13)
                quarterRound(&x3, &x4, &x9, &x14)
            }
            @inline(__always) func put(_ x: V, _ w: Int) {
                for b in 0..<4 {
                    let v = UInt32(littleEndian: inp.loadUnaligned(fromByteOffset: 64 * b + 4 * w, as: UInt32.self))
                    out.storeBytes(of: (v ^ x[b]).littleEndian, toByteOffset: 64 * b + 4 * w, as: UInt32.self)
                }
            }
            put(x0 &+ c0, 0)
            put(x1 &+ c1, 1)
            put(x2 &+ c2, 2)
            put(x3 &+ c3, 3)
            put(x4 &+ k0, 4)
            put(x5 &+ k1, 5)
            put(x6 &+ k2, 6)
            put(x7 &+ k3, 7)
            put(x8 &+ k4, 8)
            put(x9 &+ k5, 9)
            put(x10 &+ k6, 10)
            put(x11 &+ k7, 11)
            put(x12 &+ lo, 12)
            put(x13 &+ hi, 13)
            put(x14 &+ m1, 14)
            put(x15 &+ m2, 15)
            ctr &+= 4
            inp += 256
            out += 256
        }
    }

    /// XORs `blocks` keystream blocks, starting at the 64-bit block counter `counter`, into
    /// `input`, writing `output` (the two may be the same address).
    static func xorBlocks(
        _ key: Key, _ counter: UInt64, _ n1: UInt32, _ n2: UInt32,
        _ input: UnsafeRawPointer, _ output: UnsafeMutableRawPointer, _ blocks: Int
    ) {
        var ctr = counter
        var inp = input
        var out = output
        for _ in 0..<blocks {
            let c0 = UInt32(truncatingIfNeeded: ctr)
            let c1 = UInt32(truncatingIfNeeded: ctr &>> 32)
            var x0: UInt32 = 0x6170_7865
            var x1: UInt32 = 0x3320_646e
            var x2: UInt32 = 0x7962_2d32
            var x3: UInt32 = 0x6b20_6574
            var x4 = key.k0
            var x5 = key.k1
            var x6 = key.k2
            var x7 = key.k3
            var x8 = key.k4
            var x9 = key.k5
            var x10 = key.k6
            var x11 = key.k7
            var x12 = c0
            var x13 = c1
            var x14 = n1
            var x15 = n2
            for _ in 0..<10 {
                quarterRound(&x0, &x4, &x8, &x12)
                quarterRound(&x1, &x5, &x9, &x13)
                quarterRound(&x2, &x6, &x10, &x14)
                quarterRound(&x3, &x7, &x11, &x15)
                quarterRound(&x0, &x5, &x10, &x15)
                quarterRound(&x1, &x6, &x11, &x12)
                quarterRound(&x2, &x7, &x8, &x13)
                quarterRound(&x3, &x4, &x9, &x14)
            }
            @inline(__always) func put(_ i: Int, _ v: UInt32) {
                let w = UInt32(littleEndian: inp.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self))
                out.storeBytes(of: (w ^ v).littleEndian, toByteOffset: 4 * i, as: UInt32.self)
            }
            put(0, x0 &+ 0x6170_7865)
            put(1, x1 &+ 0x3320_646e)
            put(2, x2 &+ 0x7962_2d32)
            put(3, x3 &+ 0x6b20_6574)
            put(4, x4 &+ key.k0)
            put(5, x5 &+ key.k1)
            put(6, x6 &+ key.k2)
            put(7, x7 &+ key.k3)
            put(8, x8 &+ key.k4)
            put(9, x9 &+ key.k5)
            put(10, x10 &+ key.k6)
            put(11, x11 &+ key.k7)
            put(12, x12 &+ c0)
            put(13, x13 &+ c1)
            put(14, x14 &+ n1)
            put(15, x15 &+ n2)
            ctr &+= 1
            inp += 64
            out += 64
        }
    }
}
#endif
