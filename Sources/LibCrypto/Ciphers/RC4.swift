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
    public static let keySizes = KeySizes.range(1, 256)

    /// The permutation S, one byte value per 32-bit cell (OpenSSL's `RC4_INT` on x86).
    var state: InlineArray<256, UInt32>
    var i: UInt8 = 0
    var j: UInt8 = 0

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

    public mutating func apply(_ input: UnsafeRawPointer, into output: UnsafeMutableRawPointer, count: Int) {
        guard count > 0 else { return }
        var x = i, y = j
        var span = state.mutableSpan
        span.withUnsafeMutableBufferPointer { buffer in
            let s = buffer.baseAddress!
            for n in 0..<count {
                x = x &+ 1
                let tx = s[Int(x)]
                y = y &+ UInt8(truncatingIfNeeded: tx)
                let ty = s[Int(y)]
                s[Int(x)] = ty
                s[Int(y)] = tx
                let k = UInt8(truncatingIfNeeded: s[Int(UInt8(truncatingIfNeeded: tx &+ ty))])
                output.storeBytes(of: input.load(fromByteOffset: n, as: UInt8.self) ^ k, toByteOffset: n, as: UInt8.self)
            }
        }
        i = x
        j = y
    }
}
#endif
