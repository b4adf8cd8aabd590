/// The classic modes of operation, as OpenSSL names them in cipher names (`aes-128-cfb8`).
public enum BlockCipherMode: String, Sendable, CaseIterable {
    /// Electronic codebook and cipher block chaining: whole blocks, padded.
    case ecb, cbc
    /// CFB with 1-bit feedback; byte input is taken as 8 bits each, most significant first.
    case cfb1
    /// CFB with 8-bit feedback.
    case cfb8
    /// CFB with full-block feedback (CFB64 for 64-bit ciphers, CFB128 for AES).
    case cfb
    /// Output feedback.
    case ofb
    /// Counter mode: the whole IV is a big-endian counter, incremented per block.
    case ctr

    /// ECB and CBC work on whole blocks (and pad); the others are stream modes.
    public var isBlockMode: Bool { self == .ecb || self == .cbc }
}

/// Streaming encryption or decryption in one of the classic modes, written once for every
/// ``BlockCipher`` (as Go's `crypto/cipher` does). Buffers are sized at `init`; nothing is
/// allocated per block. Semantics follow OpenSSL's EVP layer: with padding on, CBC/ECB
/// decryption holds back the last block until `finalize`.
///
/// A reference type, like an `EVP_CIPHER_CTX`: its three block-sized buffers are allocated
/// once and wiped when it goes away.
///
/// With a ``MultiBlockCipher`` (AES), ECB, CBC and CTR hand whole runs of blocks to the
/// cipher in one call (several blocks in flight for ECB, CBC decryption and CTR); CFB and
/// OFB feed each block's output into the next and go one block at a time.
///
/// CTR's counter and keystream are the shared `CTRStream`. No tables here: whether a mode
/// makes secret-indexed lookups is the cipher's business (``AES`` makes none; DES, Blowfish,
/// CAST5 and other table ciphers do).
public final class BlockModeCipher<C: BlockCipher> {
    /// The block cipher under the mode.
    /// (A `var` only so that `deinit` can wipe it with ``SecretWipe``; never reassigned.)
    @exclusivity(unchecked) public private(set) var cipher: C
    /// The mode.
    public let mode: BlockCipherMode
    /// True when the context encrypts, false when it decrypts.
    public let encrypting: Bool
    /// PKCS#7 padding for ECB and CBC (OpenSSL's default); ignored by stream modes.
    public var padding: Bool
    /// Chaining value, feedback register, OFB state or counter, depending on the mode.
    private let register: UnsafeMutableRawPointer
    private let scratch: UnsafeMutableRawPointer
    private let buffer: UnsafeMutableRawPointer
    private let storage: UnsafeMutableRawPointer
    /// The cipher's batch interface, when it has one.
    private let multi: (any MultiBlockCipher)?
    private var buffered = 0
    /// Position within the current keystream block (CFB, OFB).
    private var position = 0
    /// CTR: the counter is `register`, the keystream block `scratch` (unused by other modes).
    @exclusivity(unchecked) private var counterMode: CTRStream

    /// - Throws: `invalidParameter` if the IV is not one block long (modes other than ECB).
    public init(cipher: C, mode: BlockCipherMode, iv: [UInt8], encrypting: Bool, padding: Bool = true) throws {
        let bs = C.blockSize
        if mode != .ecb {
            guard iv.count == bs else {
                throw CryptoError(
                    .invalidParameter, "\(mode.rawValue.uppercased()) needs a \(bs)-byte IV, got \(iv.count)")
            }
        }
        self.cipher = cipher
        self.mode = mode
        self.encrypting = encrypting
        self.padding = padding
        multi = cipher as? any MultiBlockCipher
        storage = UnsafeMutableRawPointer.allocate(byteCount: 3 * bs, alignment: 16)
        storage.initializeMemory(as: UInt8.self, repeating: 0, count: 3 * bs)
        register = storage
        scratch = storage + bs
        buffer = storage + 2 * bs
        counterMode = CTRStream(cipher: cipher, counterWidth: bs, counter: storage, keystream: storage + bs)
        if mode != .ecb { iv.withUnsafeBytes { register.copyMemory(from: $0.baseAddress!, byteCount: bs) } }
    }

    deinit {
        SecretWipe.wipe(storage, count: 3 * C.blockSize)
        SecretWipe.wipe(value: &cipher)
        storage.deallocate()
    }

    /// The IV as the mode has updated it (OpenSSL's `EVP_CIPHER_CTX_get_updated_iv`).
    public var updatedIV: [UInt8] { Array(UnsafeRawBufferPointer(start: register, count: C.blockSize)) }

    /// The most output one `update` of `n` bytes can produce.
    public static func maxOutput(forInput n: Int) -> Int { n + C.blockSize }

    /// Processes `input` and writes the output at `output`, which must have room for
    /// `maxOutput(forInput:)` bytes. Returns the number of bytes written. In-place is allowed
    /// when `output` is `input`'s start.
    public func update(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawPointer) -> Int {
        guard input.count > 0, let src = input.baseAddress else { return 0 }
        // Exact in-place is safe when output never runs ahead of input; otherwise (buffered
        // bytes, a held-back block, or partly overlapping buffers) work from a copy.
        let overlaps =
            UnsafeRawPointer(output) < src + input.count && src < UnsafeRawPointer(output) + input.count + C.blockSize
        if overlaps
            && (UnsafeRawPointer(output) != src || (mode.isBlockMode && (buffered > 0 || (!encrypting && padding))))
        {
            let copy = [UInt8](input)
            return copy.withUnsafeBytes { c in
                mode.isBlockMode
                    ? updateBlocks(c.baseAddress!, c.count, output)
                    : {
                        updateStream(c.baseAddress!, c.count, output)
                        return c.count
                    }()
            }
        }
        if mode.isBlockMode { return updateBlocks(src, input.count, output) }
        updateStream(src, input.count, output)
        return input.count
    }

    /// Finishes: pads (encrypt) or checks and strips the padding (decrypt).
    /// - Throws: `invalidLength` if the data was not whole blocks with padding off, or the
    ///   final block is missing; `badDecrypt` for bad padding (never saying where).
    public func finalize(into output: UnsafeMutableRawPointer) throws -> Int {
        guard mode.isBlockMode else { return 0 }
        let bs = C.blockSize
        if !padding {
            guard buffered == 0 else {
                throw CryptoError(
                    .invalidLength, "data not a multiple of the block length (\(bs)) with padding off",
                    openSSL: .wrongFinalBlockLength)
            }
            return 0
        }
        if encrypting {
            let pad = UInt8(bs - buffered)
            for i in buffered..<bs { buffer.storeBytes(of: pad, toByteOffset: i, as: UInt8.self) }
            buffered = 0
            processBlock(UnsafeRawPointer(buffer), output)
            return bs
        }
        guard buffered == bs else {
            throw CryptoError(
                .invalidLength, "wrong final block length: \(buffered) of \(bs) bytes", openSSL: .wrongFinalBlockLength)
        }
        buffered = 0
        processBlock(UnsafeRawPointer(buffer), buffer)
        let b = buffer.assumingMemoryBound(to: UInt8.self)
        defer { SecretWipe.wipe(buffer, count: bs) }
        let last = b[bs - 1]
        // Constant time over the block: every byte is looked at whatever the pad value.
        var bad = UInt32(last == 0 ? 1 : 0) | UInt32(Int(last) > bs ? 1 : 0)
        for i in 0..<bs {
            let inPad = UInt32(bs - i <= Int(last) ? 1 : 0)
            bad |= inPad & UInt32(b[i] != last ? 1 : 0)
        }
        guard ConstantTime.declassify(bad == 0) else { throw CryptoError(.badDecrypt, "bad decrypt") }
        // Valid padding: its length is public from here on (it is the output length).
        let n = bs - ConstantTime.declassify(Int(last))
        output.copyMemory(from: buffer, byteCount: n)
        return n
    }

    // MARK: ECB and CBC

    private func updateBlocks(_ src: UnsafeRawPointer, _ count: Int, _ out: UnsafeMutableRawPointer) -> Int {
        let bs = C.blockSize
        var inp = src
        var n = count
        var written = 0
        let holdLast = !encrypting && padding
        if buffered > 0 || (holdLast && n <= bs) {
            let take = min(bs - buffered, n)
            (buffer + buffered).copyMemory(from: inp, byteCount: take)
            buffered += take
            inp += take
            n -= take
            if buffered < bs || (holdLast && n == 0) { return 0 }
            processBlock(UnsafeRawPointer(buffer), out)
            buffered = 0
            written = bs
        }
        var blocks = n / bs
        var rest = n % bs
        if holdLast && rest == 0 && blocks > 0 {
            blocks -= 1
            rest = bs
        }
        if blocks > 0 {
            processBlocks(inp, out + written, blocks)
            inp += blocks * bs
            written += blocks * bs
        }
        if rest > 0 {
            buffer.copyMemory(from: inp, byteCount: rest)
            buffered = rest
        }
        return written
    }

    /// `count` ECB or CBC blocks in one batch call when the cipher has one; `input` and
    /// `output` may be the same address.
    private func processBlocks(_ input: UnsafeRawPointer, _ output: UnsafeMutableRawPointer, _ count: Int) {
        guard let m = multi else {
            let bs = C.blockSize
            for i in 0..<count { processBlock(input + i * bs, output + i * bs) }
            return
        }
        switch (mode, encrypting) {
        case (.ecb, true): m.encrypt(blocks: input, into: output, count: count)
        case (.ecb, false): m.decrypt(blocks: input, into: output, count: count)
        case (_, true): m.cbcEncrypt(blocks: input, into: output, count: count, iv: register)
        case (_, false): m.cbcDecrypt(blocks: input, into: output, count: count, iv: register)
        }
    }

    /// One ECB or CBC block; `input` and `output` may be the same address.
    private func processBlock(_ input: UnsafeRawPointer, _ output: UnsafeMutableRawPointer) {
        let bs = C.blockSize
        let r = register.assumingMemoryBound(to: UInt8.self)
        let s = scratch.assumingMemoryBound(to: UInt8.self)
        switch (mode, encrypting) {
        case (.ecb, true): cipher.encrypt(block: input, into: output)
        case (.ecb, false): cipher.decrypt(block: input, into: output)
        case (_, true):
            for i in 0..<bs { r[i] ^= input.load(fromByteOffset: i, as: UInt8.self) }
            cipher.encrypt(block: UnsafeRawPointer(register), into: register)
            output.copyMemory(from: register, byteCount: bs)
        case (_, false):
            cipher.decrypt(block: input, into: scratch)
            for i in 0..<bs {
                let c = input.load(fromByteOffset: i, as: UInt8.self)
                output.storeBytes(of: s[i] ^ r[i], toByteOffset: i, as: UInt8.self)
                r[i] = c
            }
        }
    }

    // MARK: Stream modes

    private func updateStream(_ src: UnsafeRawPointer, _ count: Int, _ out: UnsafeMutableRawPointer) {
        let bs = C.blockSize
        let enc = encrypting
        let r = register.assumingMemoryBound(to: UInt8.self)
        let ks = scratch.assumingMemoryBound(to: UInt8.self)
        switch mode {
        case .cfb, .ofb:
            let feedbackIsCiphertext = mode == .cfb
            var pos = position
            for i in 0..<count {
                if pos == 0 { cipher.encrypt(block: UnsafeRawPointer(register), into: register) }
                let x = src.load(fromByteOffset: i, as: UInt8.self)
                let y = x ^ r[pos]
                out.storeBytes(of: y, toByteOffset: i, as: UInt8.self)
                if feedbackIsCiphertext { r[pos] = enc ? y : x }
                pos = pos + 1 == bs ? 0 : pos + 1
            }
            position = pos
        case .ctr:
            counterMode.apply(src, out, count) { self.cipher.encrypt(block: $0, into: $1) }
        case .cfb8:
            for i in 0..<count {
                cipher.encrypt(block: UnsafeRawPointer(register), into: scratch)
                let x = src.load(fromByteOffset: i, as: UInt8.self)
                let y = x ^ ks[0]
                out.storeBytes(of: y, toByteOffset: i, as: UInt8.self)
                for j in 0..<(bs - 1) { r[j] = r[j + 1] }
                r[bs - 1] = enc ? y : x
            }
        case .cfb1:
            for i in 0..<count {
                let x = src.load(fromByteOffset: i, as: UInt8.self)
                var y: UInt8 = 0
                for bit in 0..<8 {
                    y |= cfb1Bit((x >> (7 - bit)) & 1) << (7 - bit)
                }
                out.storeBytes(of: y, toByteOffset: i, as: UInt8.self)
            }
        case .ecb, .cbc:
            break
        }
    }

    /// One CFB1 step on a single bit (0 or 1); returns the output bit.
    private func cfb1Bit(_ inBit: UInt8) -> UInt8 {
        let bs = C.blockSize
        let r = register.assumingMemoryBound(to: UInt8.self)
        cipher.encrypt(block: UnsafeRawPointer(register), into: scratch)
        let outBit = inBit ^ (scratch.load(as: UInt8.self) >> 7)
        let feedback = encrypting ? outBit : inBit
        for j in 0..<(bs - 1) { r[j] = r[j] << 1 | r[j + 1] >> 7 }
        r[bs - 1] = r[bs - 1] << 1 | feedback
        return outBit
    }

    /// CFB1 over a bit string: `bitCount` bits of `bits`, most significant bit of each byte
    /// first (as NIST's CFB1 vectors and OpenSSL's `EVP_CIPH_FLAG_LENGTH_BITS` count them).
    /// - Throws: `invalidParameter` if this is not CFB1 or `bits` is too short.
    public func updateBits(_ bits: [UInt8], bitCount: Int) throws -> [UInt8] {
        guard mode == .cfb1 else { throw CryptoError(.unsupportedOperation, "bit-length input needs CFB1") }
        guard bitCount >= 0, bits.count * 8 >= bitCount else {
            throw CryptoError(.invalidParameter, "\(bitCount) bits asked of \(bits.count) bytes")
        }
        var out = [UInt8](repeating: 0, count: (bitCount + 7) / 8)
        for k in 0..<bitCount {
            let b = cfb1Bit((bits[k / 8] >> (7 - UInt8(k % 8))) & 1)
            out[k / 8] |= b << (7 - UInt8(k % 8))
        }
        return out
    }
}
