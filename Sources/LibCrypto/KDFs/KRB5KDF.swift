/// The Kerberos key derivation DK (RFC 3961 section 5.1), OpenSSL's `KRB5KDF` KDF:
/// DR(Key, Constant) = k-truncate(E(Key, n-fold(Constant)) ‖ E(Key, E(Key, n-fold(Constant))) ‖ …)
/// where E is one block of the cipher under a zero IV (so CBC and ECB agree) and n-fold is
/// RFC 3961's folding of the constant to the block size. For DES-EDE3-CBC the 168 random bits
/// become a key with parity bits (RFC 3961 section 6.3.1), unless 21 bytes are asked for (the
/// raw random-to-key input).
///
/// OpenSSL 3.0 (`providers/implementations/kdfs/krb5kdf.c`): the output length must equal the
/// key length (or 21 for a 24-byte DES-EDE3 key), the key length must be the cipher's, the
/// constant is 1...blocksize bytes, and a DES-EDE3 key whose first two or last two 8-byte
/// parts are equal after the fix-up is refused. The cipher is any registry cipher; its
/// `blockSize` is what OpenSSL's `EVP_CIPHER_CTX_get_block_size` reports.
public enum KRB5KDF {
    /// Derives `length` bytes (normally `key.count`).
    /// - Parameters:
    ///   - cipher: the cipher, e.g. `AES-128-CBC`, `AES-256-CBC`, `DES-EDE3-CBC`.
    ///   - key: the base key, of the cipher's key length.
    ///   - constant: the usage constant, 1...blocksize bytes.
    ///   - length: `key.count`, or 21 with DES-EDE3-CBC.
    /// - Throws: `invalidParameter` for the cases listed on the type.
    public static func derive(cipher: CipherAlgorithm, key: [UInt8], constant: [UInt8], length: Int) throws
        -> [UInt8]
    {
        let isDES3 = cipher.info.name.uppercased() == "DES-EDE3-CBC"
        let rawDES3 = isDES3 && key.count == 24 && length == 21
        guard length == key.count || rawDES3 else {
            throw CryptoError(
                .invalidParameter, "KRB5KDF output must be as long as the key (\(key.count)), got \(length)")
        }
        // The key is checked against the cipher first, as OpenSSL's cipher_init does.
        let iv = [UInt8](repeating: 0, count: cipher.ivLength)
        _ = try cipher.makeContext(key: key, iv: iv, encrypting: true, parameters: CipherParameters(padding: false))
        guard !constant.isEmpty else { throw CryptoError(.invalidParameter, "KRB5KDF: missing constant") }
        let blockSize = cipher.blockSize
        guard constant.count <= blockSize else {
            throw CryptoError(
                .invalidParameter, "KRB5KDF constant is limited to the block size \(blockSize), got \(constant.count)")
        }
        var block = nFold(constant, to: blockSize)
        var out = KDFOutput.buffer(for: length)
        while out.count < length {
            let ctx = try cipher.makeContext(
                key: key, iv: iv, encrypting: true, parameters: CipherParameters(padding: false))
            block = try ctx.process(block)
            guard block.count == blockSize else {
                throw CryptoError(.invalidParameter, "KRB5KDF: \(cipher.info.name) did not encrypt one block")
            }
            out.append(contentsOf: block.prefix(length - out.count))
        }
        for i in block.indices { block[i] = 0 }
        if isDES3 && !rawDES3 {
            return try fixupDES3(out)
        }
        return out
    }

    /// RFC 3961 section 5.1 n-fold: replicate the input rotated right by 13 bits each time to
    /// the least common multiple of the lengths, and add the `size`-byte pieces with
    /// end-around carry (ones' complement addition).
    public static func nFold(_ input: [UInt8], to size: Int) -> [UInt8] {
        let n = input.count
        guard n > 0, size > 0 else { return [UInt8](repeating: 0, count: max(size, 0)) }
        if n == size { return input }
        func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
        let lcm = size * n / gcd(size, n)
        var out = [UInt8](repeating: 0, count: size)
        var carry = 0
        var l = lcm - 1
        while l >= 0 {
            let b = l % size
            let rotbits = 13 * (l / n)
            let rbyte = l - rotbits / 8
            let rshift = rotbits & 7
            // Indices taken modulo n, from non-negative values (rbyte may be below 1).
            let lo = ((rbyte - 1) % n + n) % n
            let hi = (rbyte % n + n) % n
            var t = ((Int(input[lo]) << (8 - rshift)) | (Int(input[hi]) >> rshift)) & 0xFF
            t += carry + Int(out[b])
            out[b] = UInt8(t & 0xFF)
            carry = t >> 8
            l -= 1
        }
        var b = size - 1
        while b >= 0 && carry != 0 {
            carry += Int(out[b])
            out[b] = UInt8(carry & 0xFF)
            carry >>= 8
            b -= 1
        }
        return out
    }

    /// DES3 random-to-key (RFC 3961 section 6.3.1): each 7 bytes become 8, the eighth byte
    /// collecting the low bits, then odd parity everywhere.
    static func fixupDES3(_ random: [UInt8]) throws -> [UInt8] {
        var key = [UInt8](repeating: 0, count: 24)
        for i in 0..<3 {
            var last: UInt8 = 0
            for j in 0..<7 {
                let byte = random[i * 7 + j]
                key[i * 8 + j] = byte
                last |= (byte & 1) << UInt8(j + 1)
            }
            key[i * 8 + 7] = last
        }
        for i in key.indices {
            let high = key[i] & 0xFE
            key[i] = high | ((high.nonzeroBitCount & 1) == 0 ? 1 : 0)
        }
        if key[0..<8] == key[8..<16] || key[8..<16] == key[16..<24] {
            throw CryptoError(.invalidParameter, "KRB5KDF: the derived DES-EDE3 key has two equal parts")
        }
        return key
    }
}
