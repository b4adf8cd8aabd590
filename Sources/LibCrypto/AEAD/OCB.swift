#if OCB
/// OCB3 (RFC 7253) over any 128-bit block cipher, with OpenSSL's EVP behaviour:
/// `aes-128-ocb`, `aes-192-ocb`, `aes-256-ocb`.
///
/// - Nonce: 1...15 bytes (OpenSSL's `OCB_MIN_IV_LEN`...`OCB_MAX_IV_LEN`; its default is 12).
/// - Tag: 1...16 bytes (OpenSSL's `CRYPTO_ocb128_setiv` takes 1...16; its default is 16). The
///   tag length is part of the nonce block, so it changes every output, not only the tag. The
///   tag handed to `finalizeDecryption` must be exactly that long (OpenSSL likewise refuses a
///   tag whose size differs from the set tag length).
/// - AAD and data stream in pieces of any size; AAD must all come before the first data byte.
///
/// Encryption streams whole blocks at once and holds back at most 15 bytes (a trailing
/// partial block is encrypted differently, so it waits for `finalizeEncryption`). Decryption
/// keeps the ciphertext; `finalizeDecryption` decrypts it, checks the tag in constant time and
/// returns the plaintext only if it matches (otherwise the plaintext is wiped).
///
/// Offsets use the precomputed L_i table indexed by ntz(block index), which depends only on
/// the (public) position in the message, never on key or data.
public final class OCB<C: BlockCipher>: AEADContext {
    /// The keyed block cipher (128-bit blocks).
    /// (A `var` only so that `deinit` can wipe it with ``SecretWipe``; never reassigned.)
    @exclusivity(unchecked) public private(set) var cipher: C
    /// True for an encrypting context, false for a decrypting one.
    public let encrypting: Bool
    /// The tag length in bytes (1...16), part of the nonce block.
    public let tagLength: Int

    private enum Phase { case aad, data, done }

    private let batch: BlockBatch<C>
    private var phase = Phase.aad
    /// Whole AAD blocks hashed, and bytes waiting in the AAD partial block.
    private var aadBlocks: UInt64 = 0
    private var aadPartialCount = 0
    /// Whole data blocks processed, and bytes waiting in the data partial block.
    private var dataBlocks: UInt64 = 0
    private var dataPartialCount = 0
    /// Decryption: the ciphertext, kept until finalization.
    private var ciphertext: [UInt8] = []
    /// Running values as raw 16-byte words (XOR only, so byte order does not matter).
    private var offset: (UInt64, UInt64) = (0, 0)
    private var checksum: (UInt64, UInt64) = (0, 0)
    private var hashOffset: (UInt64, UInt64) = (0, 0)
    private var hashSum: (UInt64, UInt64) = (0, 0)

    /// L_* at 0, L_$ at 16, the AAD partial block at 32, the data partial block at 48,
    /// L_0...L_63 from 64, then the per-batch offsets and a work area.
    private let storage: UnsafeMutableRawPointer
    private var lStar: UnsafeMutableRawPointer { storage }
    private var lDollar: UnsafeMutableRawPointer { storage + 16 }
    private var aadPartial: UnsafeMutableRawPointer { storage + 32 }
    private var dataPartial: UnsafeMutableRawPointer { storage + 48 }
    private var lTable: UnsafeMutableRawPointer { storage + 64 }
    private var offsets: UnsafeMutableRawPointer { storage + 64 + 16 * 64 }
    private var work: UnsafeMutableRawPointer { storage + 64 + 16 * 64 + 16 * Self.batchBlocks }
    private static var batchBlocks: Int { 16 }
    private static var storageSize: Int { 64 + 16 * 64 + 32 * batchBlocks }

    /// - Throws: `invalidParameter` for a cipher without 128-bit blocks, a nonce outside
    ///   1...15 bytes or a tag length outside 1...16.
    public init(cipher: C, parameters: AEADParameters, encrypting: Bool) throws {
        try AEADSupport.require128(C.self, "OCB")
        let nonce = parameters.nonce
        guard (1...15).contains(nonce.count) else {
            throw CryptoError(
                .invalidParameter, "OCB nonce must be 1...15 bytes, got \(nonce.count)", openSSL: .invalidIVLength)
        }
        guard (1...16).contains(parameters.tagLength) else {
            throw CryptoError(
                .invalidParameter, "OCB tag length must be 1...16 bytes, got \(parameters.tagLength)",
                openSSL: .invalidTagLength)
        }
        self.cipher = cipher
        self.encrypting = encrypting
        tagLength = parameters.tagLength
        batch = BlockBatch(cipher)
        storage = UnsafeMutableRawPointer.allocate(byteCount: Self.storageSize, alignment: 16)
        storage.initializeMemory(as: UInt8.self, repeating: 0, count: Self.storageSize)

        // L_* = E(0), L_$ = double(L_*), L_0 = double(L_$), L_i = double(L_{i-1}).
        cipher.encrypt(block: UnsafeRawPointer(lStar), into: lStar)
        Self.double(lStar, into: lDollar)
        Self.double(lDollar, into: lTable)
        for i in 1..<64 { Self.double(lTable + 16 * (i - 1), into: lTable + 16 * i) }

        // Nonce = num2str(TAGLEN mod 128, 7) || zeros || 1 || N; bottom = its last 6 bits;
        // Ktop = E(Nonce with those bits cleared); Stretch = Ktop || (Ktop[1..64] ^ Ktop[9..72]);
        // Offset_0 = Stretch[1+bottom..128+bottom].
        var block = [UInt8](repeating: 0, count: 16)
        block[0] = UInt8(((tagLength * 8) % 128) << 1)
        block[15 - nonce.count] |= 1
        for i in 0..<nonce.count { block[16 - nonce.count + i] = nonce[i] }
        let bottom = UInt64(block[15] & 0x3f)
        block[15] &= 0xc0
        block.withUnsafeMutableBytes { b in
            cipher.encrypt(block: UnsafeRawPointer(b.baseAddress!), into: b.baseAddress!)
        }
        let (k0, k1) = block.withUnsafeBytes {
            (AEADSupport.loadBE64($0.baseAddress!), AEADSupport.loadBE64($0.baseAddress!, 8))
        }
        let k2 = k0 ^ (k0 << 8 | k1 >> 56)
        // Smart shifts: a shift by 64 gives 0, which handles bottom == 0.
        let o0 = k0 << bottom | k1 >> (64 - bottom)
        let o1 = k1 << bottom | k2 >> (64 - bottom)
        offset = (o0.bigEndian, o1.bigEndian)
        AEADSupport.wipe(&block)
    }

    deinit {
        SecretWipe.wipe(storage, count: Self.storageSize)
        SecretWipe.wipe(value: &cipher)
        storage.deallocate()
        offset = (0, 0)
        checksum = (0, 0)
        hashSum = (0, 0)
        hashOffset = (0, 0)
    }

    /// Hashes associated data in pieces of any size; allowed only before the first `update`.
    public func updateAAD(_ aad: UnsafeRawBufferPointer) throws {
        guard phase == .aad else {
            throw CryptoError(
                .invalidParameter,
                phase == .done ? "OCB context already finalized" : "OCB AAD must come before the data")
        }
        guard aad.count > 0 else { return }
        var p = aad.baseAddress!
        var n = aad.count
        if aadPartialCount > 0 {
            let t = min(16 - aadPartialCount, n)
            (aadPartial + aadPartialCount).copyMemory(from: p, byteCount: t)
            aadPartialCount += t
            p += t
            n -= t
            if aadPartialCount < 16 { return }
            hashBlocks(UnsafeRawPointer(aadPartial), 1)
            aadPartialCount = 0
        }
        let blocks = n / 16
        hashBlocks(p, blocks)
        p += 16 * blocks
        n -= 16 * blocks
        if n > 0 {
            aadPartial.copyMemory(from: p, byteCount: n)
            aadPartialCount = n
        }
    }

    /// Encrypting: returns the ciphertext of the whole blocks so far (a partial block waits).
    /// Decrypting: keeps `input` and returns nothing until the tag has been checked.
    public func update(_ input: UnsafeRawBufferPointer) throws -> [UInt8] {
        guard phase != .done else { throw CryptoError(.invalidParameter, "OCB context already finalized") }
        guard input.count > 0 else { return [] }
        phase = .data
        guard encrypting else {
            ciphertext.append(contentsOf: input)
            return []
        }
        return crypt(input.baseAddress!, input.count)
    }

    /// Encrypts the held-back partial block and returns it with the tag.
    public func finalizeEncryption() throws -> (ciphertext: [UInt8], tag: [UInt8]) {
        guard encrypting else { throw CryptoError(.invalidParameter, "finalizeEncryption on a decrypting OCB context") }
        guard phase != .done else { throw CryptoError(.invalidParameter, "OCB context already finalized") }
        let last = finishData()
        var full = computeTag()
        defer { AEADSupport.wipe(&full) }
        return (last, Array(full[0..<tagLength]))
    }

    /// Decrypts the kept ciphertext, checks `tag` in constant time and returns the plaintext;
    /// a wrong tag throws `authenticationFailure` and wipes the plaintext.
    public func finalizeDecryption(tag: [UInt8]) throws -> [UInt8] {
        guard !encrypting else {
            throw CryptoError(.invalidParameter, "finalizeDecryption on an encrypting OCB context")
        }
        guard phase != .done else { throw CryptoError(.invalidParameter, "OCB context already finalized") }
        let n = ciphertext.count
        let whole = n - n % 16
        var plaintext = [UInt8](repeating: 0, count: n)
        plaintext.withUnsafeMutableBytes { out in
            ciphertext.withUnsafeBytes { c in
                if whole > 0 { blocks(c.baseAddress!, out.baseAddress!, whole / 16) }
                if whole < n {
                    dataPartial.copyMemory(from: c.baseAddress! + whole, byteCount: n - whole)
                    dataPartialCount = n - whole
                }
            }
            var last = finishData()
            last.withUnsafeBytes { l in
                if !l.isEmpty { (out.baseAddress! + whole).copyMemory(from: l.baseAddress!, byteCount: l.count) }
            }
            AEADSupport.wipe(&last)
        }
        ciphertext = []
        var full = computeTag()
        defer { AEADSupport.wipe(&full) }
        guard ConstantTime.declassify(ConstantTime.equals(full[0..<tagLength], tag)) else {
            AEADSupport.wipe(&plaintext)
            throw CryptoError(.authenticationFailure, "OCB tag mismatch")
        }
        return plaintext
    }

    // MARK: Internals

    /// Encrypts a stream piece: fills the partial block, does all whole blocks, keeps the rest.
    private func crypt(_ src: UnsafeRawPointer, _ count: Int) -> [UInt8] {
        let total = dataPartialCount + count
        let outCount = total - total % 16
        guard outCount > 0 else {
            (dataPartial + dataPartialCount).copyMemory(from: src, byteCount: count)
            dataPartialCount = total
            return []
        }
        return AEADSupport.makeBytes(outCount) { out in
            var p = src
            var n = count
            var o = out
            if dataPartialCount > 0 {
                let t = 16 - dataPartialCount
                (dataPartial + dataPartialCount).copyMemory(from: p, byteCount: t)
                p += t
                n -= t
                blocks(UnsafeRawPointer(dataPartial), o, 1)
                o += 16
                dataPartialCount = 0
            }
            let whole = n / 16
            if whole > 0 { blocks(p, o, whole) }
            p += 16 * whole
            n -= 16 * whole
            if n > 0 {
                dataPartial.copyMemory(from: p, byteCount: n)
                dataPartialCount = n
            }
        }
    }

    /// Whole data blocks: Offset_i = Offset_{i-1} ^ L_ntz(i); C_i = Offset_i ^ E(P_i ^ Offset_i)
    /// (decrypting: P_i = Offset_i ^ D(C_i ^ Offset_i)); Checksum ^= P_i.
    private func blocks(_ src: UnsafeRawPointer, _ dst: UnsafeMutableRawPointer, _ count: Int) {
        let offs = offsets
        let w = work
        let lt = UnsafeRawPointer(lTable)
        var off = offset
        var sum = checksum
        var index = dataBlocks
        var done = 0
        while done < count {
            let b = min(Self.batchBlocks, count - done)
            let s = src + 16 * done
            let d = dst + 16 * done
            for k in 0..<b {
                index &+= 1
                let l = lt + 16 * index.trailingZeroBitCount
                off.0 ^= l.load(as: UInt64.self)
                off.1 ^= l.load(fromByteOffset: 8, as: UInt64.self)
                offs.storeBytes(of: off.0, toByteOffset: 16 * k, as: UInt64.self)
                offs.storeBytes(of: off.1, toByteOffset: 16 * k + 8, as: UInt64.self)
                if encrypting {
                    sum.0 ^= s.loadUnaligned(fromByteOffset: 16 * k, as: UInt64.self)
                    sum.1 ^= s.loadUnaligned(fromByteOffset: 16 * k + 8, as: UInt64.self)
                }
            }
            BlockXOR.xor(s, UnsafeRawPointer(offs), into: w, count: 16 * b)
            if encrypting {
                batch.encrypt(UnsafeRawPointer(w), w, count: b)
            } else {
                batch.decrypt(UnsafeRawPointer(w), w, count: b)
            }
            BlockXOR.xor(UnsafeRawPointer(w), UnsafeRawPointer(offs), into: d, count: 16 * b)
            if !encrypting {
                for k in 0..<b {
                    sum.0 ^= UnsafeRawPointer(d).loadUnaligned(fromByteOffset: 16 * k, as: UInt64.self)
                    sum.1 ^= UnsafeRawPointer(d).loadUnaligned(fromByteOffset: 16 * k + 8, as: UInt64.self)
                }
            }
            done += b
        }
        offset = off
        checksum = sum
        dataBlocks = index
        w.initializeMemory(as: UInt8.self, repeating: 0, count: 16 * Self.batchBlocks)
    }

    /// The final partial data block (if any): Offset_* = Offset_m ^ L_*; Pad = E(Offset_*);
    /// out = in ^ Pad; Checksum ^= P_* || 1 || 0...
    private func finishData() -> [UInt8] {
        phase = .data
        let b = dataPartialCount
        guard b > 0 else { return [] }
        dataPartialCount = 0
        let lsp = UnsafeRawPointer(lStar)
        offset.0 ^= lsp.load(as: UInt64.self)
        offset.1 ^= lsp.load(fromByteOffset: 8, as: UInt64.self)
        let pad = work
        pad.storeBytes(of: offset.0, as: UInt64.self)
        pad.storeBytes(of: offset.1, toByteOffset: 8, as: UInt64.self)
        cipher.encrypt(block: UnsafeRawPointer(pad), into: pad)
        let out = AEADSupport.makeBytes(b) { o in
            BlockXOR.xor(UnsafeRawPointer(dataPartial), UnsafeRawPointer(pad), into: o, count: b)
        }
        // The plaintext, padded with 1 then zeros, into the checksum.
        let plain = encrypting ? dataPartial : work + 16
        if !encrypting { out.withUnsafeBytes { plain.copyMemory(from: $0.baseAddress!, byteCount: b) } }
        plain.storeBytes(of: 0x80, toByteOffset: b, as: UInt8.self)
        (plain + b + 1).initializeMemory(as: UInt8.self, repeating: 0, count: 15 - b)
        checksum.0 ^= UnsafeRawPointer(plain).load(as: UInt64.self)
        checksum.1 ^= UnsafeRawPointer(plain).load(fromByteOffset: 8, as: UInt64.self)
        dataPartial.initializeMemory(as: UInt8.self, repeating: 0, count: 16)
        work.initializeMemory(as: UInt8.self, repeating: 0, count: 32)
        return out
    }

    /// HASH(K, A) over whole AAD blocks: Offset_i = Offset_{i-1} ^ L_ntz(i);
    /// Sum ^= E(A_i ^ Offset_i).
    private func hashBlocks(_ src: UnsafeRawPointer, _ count: Int) {
        let offs = offsets
        let w = work
        let lt = UnsafeRawPointer(lTable)
        var off = hashOffset
        var index = aadBlocks
        var sum = hashSum
        var done = 0
        while done < count {
            let b = min(Self.batchBlocks, count - done)
            for k in 0..<b {
                index &+= 1
                let l = lt + 16 * index.trailingZeroBitCount
                off.0 ^= l.load(as: UInt64.self)
                off.1 ^= l.load(fromByteOffset: 8, as: UInt64.self)
                offs.storeBytes(of: off.0, toByteOffset: 16 * k, as: UInt64.self)
                offs.storeBytes(of: off.1, toByteOffset: 16 * k + 8, as: UInt64.self)
            }
            BlockXOR.xor(src + 16 * done, UnsafeRawPointer(offs), into: w, count: 16 * b)
            batch.encrypt(UnsafeRawPointer(w), w, count: b)
            for k in 0..<b {
                sum.0 ^= UnsafeRawPointer(w).load(fromByteOffset: 16 * k, as: UInt64.self)
                sum.1 ^= UnsafeRawPointer(w).load(fromByteOffset: 16 * k + 8, as: UInt64.self)
            }
            done += b
        }
        hashOffset = off
        hashSum = sum
        aadBlocks = index
        w.initializeMemory(as: UInt8.self, repeating: 0, count: 16 * Self.batchBlocks)
    }

    /// Tag = E(Checksum_* ^ Offset_* ^ L_$) ^ HASH(K, A), full 16 bytes.
    private func computeTag() -> [UInt8] {
        phase = .done
        // The AAD's final partial block: Offset_* ^= L_*; Sum ^= E((A_* || 1 || 0...) ^ Offset_*).
        let a = aadPartialCount
        if a > 0 {
            aadPartial.storeBytes(of: 0x80, toByteOffset: a, as: UInt8.self)
            (aadPartial + a + 1).initializeMemory(as: UInt8.self, repeating: 0, count: 15 - a)
            let lsp = UnsafeRawPointer(lStar)
            let w = work
            w.storeBytes(
                of: aadPartial.load(as: UInt64.self) ^ hashOffset.0 ^ lsp.load(as: UInt64.self), as: UInt64.self)
            w.storeBytes(
                of: aadPartial.load(fromByteOffset: 8, as: UInt64.self) ^ hashOffset.1
                    ^ lsp.load(fromByteOffset: 8, as: UInt64.self),
                toByteOffset: 8, as: UInt64.self)
            cipher.encrypt(block: UnsafeRawPointer(w), into: w)
            hashSum.0 ^= w.load(as: UInt64.self)
            hashSum.1 ^= w.load(fromByteOffset: 8, as: UInt64.self)
            aadPartialCount = 0
            aadPartial.initializeMemory(as: UInt8.self, repeating: 0, count: 16)
        }
        let ld = UnsafeRawPointer(lDollar)
        let w = work
        w.storeBytes(of: checksum.0 ^ offset.0 ^ ld.load(as: UInt64.self), as: UInt64.self)
        w.storeBytes(
            of: checksum.1 ^ offset.1 ^ ld.load(fromByteOffset: 8, as: UInt64.self), toByteOffset: 8, as: UInt64.self)
        cipher.encrypt(block: UnsafeRawPointer(w), into: w)
        w.storeBytes(of: w.load(as: UInt64.self) ^ hashSum.0, as: UInt64.self)
        w.storeBytes(of: w.load(fromByteOffset: 8, as: UInt64.self) ^ hashSum.1, toByteOffset: 8, as: UInt64.self)
        let tag = Array(UnsafeRawBufferPointer(start: w, count: 16))
        w.initializeMemory(as: UInt8.self, repeating: 0, count: 16)
        return tag
    }

    /// double(S) = S << 1, XOR 0x87 into the last byte if the first bit was set (constant time).
    private static func double(_ s: UnsafeRawPointer, into d: UnsafeMutableRawPointer) {
        let hi = AEADSupport.loadBE64(s)
        let lo = AEADSupport.loadBE64(s, 8)
        let carry = 0 &- (hi &>> 63)
        AEADSupport.storeBE64(hi &<< 1 | lo &>> 63, d)
        AEADSupport.storeBE64(lo &<< 1 ^ (carry & 0x87), d, 8)
    }
}
#endif
