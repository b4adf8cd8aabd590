#if RC4
/// RC4 (ARCFOUR), the stream cipher as specified by its test vectors in RFC 6229.
///
/// Keys of 1...256 bytes: OpenSSL's `rc4` defaults to 16 bytes but takes any length through
/// the EVP key length, and `rc4-40` is 5 bytes.
///
/// Not constant time: the key schedule and the keystream generator index the state with
/// secret values, which is how RC4 is defined. (RC4 is also cryptographically broken; it is
/// here for compatibility.)
public struct RC4: StreamCipher {
    /// The key lengths `init(key:)` accepts, in bytes (1...256).
    public static let keySizes = KeySizes.range(1, 256)

    /// The permutation S, one byte value per 32-bit cell (OpenSSL's `RC4_INT` on x86).
    var state: InlineArray<256, UInt32>
    var i: UInt8 = 0
    var j: UInt8 = 0

    /// Runs RC4's key schedule.
    /// - Throws: `CryptoError` `invalidParameter` for a key length outside `keySizes`.
    public init(key: [UInt8]) throws {
        try Self.keySizes.check(key.count, for: "RC4")
        var s = InlineArray<256, UInt32>(repeating: 0)
        for n in 0..<256 { s[n] = UInt32(n) }
        var j: UInt8 = 0
        for n in 0..<256 {
            let t = s[n]
            j = j &+ UInt8(truncatingIfNeeded: t) &+ key[n % key.count]
            s[n] = s[Int(j)]
            s[Int(j)] = t
        }
        state = s
    }

    /// XORs the next `count` keystream bytes into `input`, writing `output` (the same address
    /// is allowed); the keystream position carries over to the next call.
    public mutating func apply(_ input: UnsafeRawPointer, into output: UnsafeMutableRawPointer, count: Int) {
        guard count > 0 else { return }
        var x = Int(i)
        var y = Int(j)
        var span = state.mutableSpan
        span.withUnsafeMutableBufferPointer { buffer in
            let s = buffer.baseAddress!
            var n = 0
            // Single steps until i + 1 is a multiple of 8, so that each group of eight below
            // reads S[i + 1 ... i + 8] at constant offsets from one pointer.
            while n < count && x & 7 != 7 {
                output.storeBytes(
                    of: input.load(fromByteOffset: n, as: UInt8.self) ^ Self.step(s, &x, &y),
                    toByteOffset: n, as: UInt8.self)
                n &+= 1
            }
            if count &- n >= 8 {
                var px = s + ((x &+ 1) & 0xff)
                var tx = px[0]
                // One keystream byte; S[i + 1] for the next step is read after S[j] is written
                // (they may be the same cell) and before S[i] is, as OpenSSL's RC4 loop does.
                @inline(__always) func next(_ k: Int) -> UInt64 {
                    y = (y &+ Int(truncatingIfNeeded: tx)) & 0xff
                    let ty = s[y]
                    s[y] = tx
                    let following = k == 7 ? s[(x &+ 9) & 0xff] : px[k &+ 1]
                    px[k] = ty
                    let z = UInt64(truncatingIfNeeded: s[Int(truncatingIfNeeded: (tx &+ ty) & 0xff)])
                    tx = following
                    return z
                }
                repeat {
                    var z = next(0)
                    z |= next(1) &<< 8
                    z |= next(2) &<< 16
                    z |= next(3) &<< 24
                    z |= next(4) &<< 32
                    z |= next(5) &<< 40
                    z |= next(6) &<< 48
                    z |= next(7) &<< 56
                    let v = UInt64(littleEndian: input.loadUnaligned(fromByteOffset: n, as: UInt64.self))
                    output.storeBytes(of: (v ^ z).littleEndian, toByteOffset: n, as: UInt64.self)
                    x = (x &+ 8) & 0xff
                    px = s + ((x &+ 1) & 0xff)
                    n &+= 8
                } while count &- n >= 8
            }
            while n < count {
                output.storeBytes(
                    of: input.load(fromByteOffset: n, as: UInt8.self) ^ Self.step(s, &x, &y),
                    toByteOffset: n, as: UInt8.self)
                n &+= 1
            }
        }
        i = UInt8(truncatingIfNeeded: x)
        j = UInt8(truncatingIfNeeded: y)
    }

    /// One step of the generator: i += 1, j += S[i], swap S[i] and S[j], output S[S[i] + S[j]].
    @inline(__always)
    private static func step(_ s: UnsafeMutablePointer<UInt32>, _ x: inout Int, _ y: inout Int) -> UInt8 {
        x = (x &+ 1) & 0xff
        let tx = s[x]
        y = (y &+ Int(truncatingIfNeeded: tx)) & 0xff
        let ty = s[y]
        s[x] = ty
        s[y] = tx
        return UInt8(truncatingIfNeeded: s[Int(truncatingIfNeeded: (tx &+ ty) & 0xff)])
    }
}
#endif
