#if CMAC
/// CMAC (NIST SP 800-38B; RFC 4493 for AES), OpenSSL's `CMAC` MAC, over any 64- or 128-bit
/// ``BlockCipher`` (OpenSSL names the cipher with `-CBC`: `AES-128-CBC`, `DES-EDE3-CBC`).
///
/// Subkeys: L = E_K(0^b), K1 = L·x, K2 = K1·x in GF(2^b), with Rb = 0x87 for b = 128 and 0x1B
/// for b = 64; the doubling is branch-free. The last block, complete or padded with 10*, is
/// XORed with K1 or K2 before the final encryption. The tag is the full block; truncate it
/// if the protocol asks for fewer bytes.
public struct CMAC<C: BlockCipher>: Sendable {
    private let cipher: C
    /// K1 and K2, each in the first `C.blockSize` bytes of 16.
    let k1: (UInt64, UInt64)
    let k2: (UInt64, UInt64)
    /// The running CBC-MAC value.
    private var state: (UInt64, UInt64) = (0, 0)
    /// The last, not yet processed block (1...blockSize bytes once data has arrived), since
    /// only the final block is masked with a subkey.
    private var buffer: (UInt64, UInt64) = (0, 0)
    private var buffered = 0

    /// The tag length in bytes: the cipher's block size.
    public static var macSize: Int { C.blockSize }

    /// CMAC over an already keyed cipher.
    /// - Throws: `invalidParameter` if the cipher's block is not 8 or 16 bytes.
    public init(cipher: C) throws {
        let n = C.blockSize
        guard n == 8 || n == 16 else {
            throw CryptoError(
                .invalidParameter, "CMAC needs a 64- or 128-bit block cipher, \(C.self) has \(n * 8)-bit blocks")
        }
        self.cipher = cipher
        var l: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &l) { b in
            cipher.encrypt(block: UnsafeRawPointer(b.baseAddress!), into: b.baseAddress!)
        }
        let k1 = Self.double(l, blockSize: n)
        self.k1 = k1
        k2 = Self.double(k1, blockSize: n)
        l = (0, 0)
    }

    /// The subkeys K1 and K2 (for the published intermediate values).
    var subkeys: (k1: [UInt8], k2: [UInt8]) {
        var a = k1
        var b = k2
        let n = C.blockSize
        return (withUnsafeBytes(of: &a) { Array($0[0..<n]) }, withUnsafeBytes(of: &b) { Array($0[0..<n]) })
    }

    /// Keys the cipher with `key` and returns a CMAC over it.
    public init(key: [UInt8]) throws {
        try self.init(cipher: C(key: key))
    }

    /// Absorbs `data`; any split of the message gives the same tag.
    public mutating func update(_ data: UnsafeRawBufferPointer) {
        guard var p = data.baseAddress, data.count > 0 else { return }
        var n = data.count
        let bs = C.blockSize
        let cipher = cipher
        var x = state
        var buf = buffer
        var count = buffered
        withUnsafeMutableBytes(of: &x) { xb in
            withUnsafeMutableBytes(of: &buf) { bb in
                let xp = xb.baseAddress!
                let bp = bb.baseAddress!
                // Fill the pending block; process it only if more data follows.
                if count < bs {
                    let take = min(bs - count, n)
                    (bp + count).copyMemory(from: p, byteCount: take)
                    count += take
                    p += take
                    n -= take
                }
                guard n > 0 else { return }
                Self.xorBlock(xp, bp, bs)
                cipher.encrypt(block: UnsafeRawPointer(xp), into: xp)
                // Every full block except the last one available.
                while n > bs {
                    Self.xorBlock(xp, UnsafeRawPointer(p), bs)
                    cipher.encrypt(block: UnsafeRawPointer(xp), into: xp)
                    p += bs
                    n -= bs
                }
                bp.storeBytes(of: 0, as: UInt64.self)
                bp.storeBytes(of: 0, toByteOffset: 8, as: UInt64.self)
                bp.copyMemory(from: p, byteCount: n)
                count = n
            }
        }
        state = x
        buffer = buf
        buffered = count
    }

    /// Absorbs the bytes of an array or slice.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if done == nil {
            let copy = Array(bytes)
            copy.withUnsafeBytes { update($0) }
        }
    }

    /// Returns the tag (`C.blockSize` bytes). The value is spent afterwards.
    public mutating func finalize() -> [UInt8] {
        let bs = C.blockSize
        let complete = buffered == bs
        var last = buffer
        if !complete {
            let at = buffered
            withUnsafeMutableBytes(of: &last) { b in b[at] = 0x80 }
        }
        // Branch-free choice of K1 (complete block) or K2 (padded block).
        let m = complete ? UInt64.max : 0
        last.0 ^= (k1.0 & m) | (k2.0 & ~m)
        last.1 ^= (k1.1 & m) | (k2.1 & ~m)
        var x = state
        let cipher = cipher
        withUnsafeMutableBytes(of: &x) { xb in
            withUnsafeBytes(of: &last) { lb in
                Self.xorBlock(xb.baseAddress!, lb.baseAddress!, bs)
                cipher.encrypt(block: UnsafeRawPointer(xb.baseAddress!), into: xb.baseAddress!)
            }
        }
        let tag = withUnsafeBytes(of: &x) { Array($0[0..<bs]) }
        state = (0, 0)
        buffer = (0, 0)
        buffered = 0
        return tag
    }

    /// One-shot tag of `message` under `key`.
    public static func authenticate(key: [UInt8], message: some Sequence<UInt8>) throws -> [UInt8] {
        var mac = try CMAC(key: key)
        mac.update(message)
        return mac.finalize()
    }

    /// Checks `tag` against `message` in constant time. A shorter `tag` is compared with the
    /// leading bytes of the full tag (SP 800-38B truncation); an empty one never matches.
    public static func verify(tag: [UInt8], key: [UInt8], message: some Sequence<UInt8>) throws -> Bool {
        let full = try authenticate(key: key, message: message)
        guard !tag.isEmpty, tag.count <= full.count else { return false }
        return ConstantTime.equals(tag, full[0..<tag.count])
    }

    @inline(__always)
    private static func xorBlock(_ x: UnsafeMutableRawPointer, _ m: UnsafeRawPointer, _ n: Int) {
        let a = x.loadUnaligned(as: UInt64.self) ^ m.loadUnaligned(as: UInt64.self)
        x.storeBytes(of: a, as: UInt64.self)
        if n == 16 {
            let b =
                x.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                ^ m.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            x.storeBytes(of: b, toByteOffset: 8, as: UInt64.self)
        }
    }

    /// Multiplication by x in GF(2^b), on a big-endian block held in memory order.
    private static func double(_ v: (UInt64, UInt64), blockSize n: Int) -> (UInt64, UInt64) {
        if n == 8 {
            let a = UInt64(bigEndian: v.0)
            let r = (a &<< 1) ^ (0x1B & (0 &- (a &>> 63)))
            return (r.bigEndian, 0)
        }
        let hi = UInt64(bigEndian: v.0)
        let lo = UInt64(bigEndian: v.1)
        let nhi = (hi &<< 1) | (lo &>> 63)
        let nlo = (lo &<< 1) ^ (0x87 & (0 &- (hi &>> 63)))
        return (nhi.bigEndian, nlo.bigEndian)
    }
}
#endif
