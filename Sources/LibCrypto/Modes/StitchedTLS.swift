/// OpenSSL's "stitched" TLS record ciphers: `AES-128/256-CBC-HMAC-SHA1`,
/// `AES-128/256-CBC-HMAC-SHA256` and `RC4-HMAC-MD5`, with the semantics of OpenSSL 3.0's
/// providers (`cipher_aes_cbc_hmac_sha*_hw.c`, `cipher_rc4_hmac_md5_hw.c`). Not a general
/// AEAD: each is a record-layer helper for MAC-then-encrypt TLS 1.0-1.2 (and SSL 3's framing).
///
/// - The MAC key (`CipherParameters.macKey`, OpenSSL's `EVP_CTRL_AEAD_SET_MAC_KEY`) keys an
///   HMAC; a key longer than the hash block is hashed first. Without one, OpenSSL's MAC is
///   H(H(data)) (its inner and outer states both start empty), and so is this one.
/// - The 13-byte TLS AAD (`CipherParameters.tlsAAD`, `OSSL_CIPHER_PARAM_AEAD_TLS1_AAD`:
///   sequence number, type, version, length) switches the next non-empty `update` into "TLS
///   mode"; without it the cipher is plain AES-CBC without padding (or plain RC4).
/// - AES encrypting in TLS mode: the AAD's length is the payload length (with the explicit IV
///   for TLS 1.1 and later, which the MAC then leaves out); the update must be given exactly
///   the padded record length, (payload + MAC + 16) rounded down to whole blocks, and returns
///   CBC(payload ‖ HMAC(AAD ‖ payload) ‖ padding).
/// - AES decrypting in TLS mode: the record is decrypted, the padding and the MAC are checked
///   in constant time (the padding length is secret until both verify: every candidate
///   length is hashed, and the MAC is picked out with masks, never with a secret index), and
///   `authenticationFailure` is thrown if either fails. With a TLS version set
///   (`CipherParameters.tlsVersion`, `OSSL_CIPHER_PARAM_TLS_VERSION`) the output loses the
///   padding, the MAC and, from TLS 1.1 on, 16 bytes for the explicit IV, as OpenSSL's output
///   length does; without one the whole decrypted record is returned. The output is the CBC
///   decryption of the record from its start, except that the SHA-1 ciphers, as OpenSSL's,
///   leave the first 16 output bytes (the explicit IV's place) unwritten for TLS 1.1 and later.
/// - RC4-HMAC-MD5: encrypting, the AAD's length is the payload length and the update takes
///   payload + 16 bytes; decrypting, the AAD's length includes the 16-byte MAC. The record
///   length is public, so the MAC check needs no padding oracle defence.
///
/// The block and stream ciphers are ``AES`` (AES-NI or the generic code) and ``RC4`` (a
/// legacy table-based design, see its file); the hashes are the library's SHA-1, SHA-256, MD5.
final class StitchedAESCBCHMAC<H: TLSRecordDigest>: CipherContext {
    let encrypting: Bool
    private let cbc: BlockModeCipher<AES>
    private var keys: TLSMACKeys<H>
    private var tlsAAD: [UInt8]?
    private let tlsVersion: Int

    init(key: [UInt8], iv: [UInt8], encrypting: Bool, parameters: CipherParameters) throws {
        cbc = try BlockModeCipher(cipher: try AES(key: key), mode: .cbc, iv: iv, encrypting: encrypting, padding: false)
        self.encrypting = encrypting
        keys = TLSMACKeys(key: parameters.macKey)
        tlsVersion = parameters.tlsVersion ?? 0
        if let aad = parameters.tlsAAD {
            try TLSRecord.checkAAD(aad)
            if encrypting && TLSRecord.version(aad) >= TLSRecord.tls11 && TLSRecord.length(aad) < 16 {
                throw CryptoError(
                    .invalidParameter, "TLS 1.1+ record shorter than its explicit IV", openSSL: .invalidInputLength)
            }
            tlsAAD = aad
        }
    }

    deinit { SecretWipe.wipe(value: &keys) }

    var updatedIV: [UInt8] { cbc.updatedIV }

    func finalize(into output: UnsafeMutableRawPointer) throws -> Int { 0 }

    func updateBits(_ bits: [UInt8], bitCount: Int) throws -> [UInt8] {
        throw CryptoError(.unsupportedOperation, "bit-length input needs CFB1")
    }

    func update(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawPointer) throws -> Int {
        let n = input.count
        guard n > 0 else { return 0 }
        let aad = tlsAAD
        tlsAAD = nil
        guard n % 16 == 0 else {
            throw CryptoError(
                .invalidLength, "\(n) bytes is not a whole number of AES blocks", openSSL: .cipherOperationFailed)
        }
        guard let aad else { return cbc.update(input, into: output) }
        return encrypting ? try seal(input, aad, output) : try open(input, aad, output)
    }

    private func seal(_ input: UnsafeRawBufferPointer, _ aad: [UInt8], _ output: UnsafeMutableRawPointer) throws
        -> Int
    {
        let n = input.count
        let macSize = H.digestSize
        let plen = TLSRecord.length(aad)
        guard n == (plen + macSize + 16) & ~15 else {
            throw CryptoError(
                .invalidLength, "a \(plen)-byte payload makes a \((plen + macSize + 16) & ~15)-byte record, not \(n)",
                openSSL: .cipherOperationFailed)
        }
        var header = aad
        var ivLength = 0
        if TLSRecord.version(aad) >= TLSRecord.tls11 {
            ivLength = 16
            TLSRecord.setLength(&header, plen - 16)
        }
        var record = [UInt8](UnsafeRawBufferPointer(rebasing: input[0..<plen]))
        defer { SecretWipe.wipe(&record) }
        var inner = keys.inner
        inner.update(header)
        inner.update(UnsafeRawBufferPointer(rebasing: input[ivLength..<plen]))
        var digest = inner.finalize()
        var outer = keys.outer
        outer.update(digest)
        record += outer.finalize()
        SecretWipe.wipe(&digest)
        let pad = n - record.count - 1
        record += [UInt8](repeating: UInt8(pad), count: pad + 1)
        return record.withUnsafeBytes { cbc.update($0, into: output) }
    }

    private func open(_ input: UnsafeRawBufferPointer, _ aad: [UInt8], _ output: UnsafeMutableRawPointer) throws
        -> Int
    {
        let n = input.count
        let macSize = H.digestSize
        let ivLength = TLSRecord.version(aad) >= TLSRecord.tls11 ? 16 : 0
        guard n >= ivLength + macSize + 1 else {
            throw CryptoError(.invalidLength, "a \(n)-byte record is too short", openSSL: .cipherOperationFailed)
        }
        var record = [UInt8](repeating: 0, count: n)
        defer { SecretWipe.wipe(&record) }
        _ = record.withUnsafeMutableBytes { cbc.update(input, into: $0.baseAddress!) }
        let m = n - ivLength
        let (good, pad) = record.withUnsafeBytes { r in
            TLSRecord.verifyCBC(
                keys: keys, header: Array(aad[0..<11]), body: UnsafeRawBufferPointer(rebasing: r[ivLength...]),
                count: m)
        }
        guard ConstantTime.declassify(good) else {
            throw CryptoError(
                .authenticationFailure, "TLS record MAC or padding check failed", openSSL: .cipherOperationFailed)
        }
        var outl = n
        if tlsVersion > 0 {
            outl -= pad + 1 + macSize
            if tlsVersion != TLSRecord.ssl3 && tlsVersion != TLSRecord.tls10 { outl -= 16 }
            outl = max(outl, 0)
        }
        // OpenSSL's SHA-1 cipher takes a TLS 1.1+ record's first block as the IV and never
        // writes those 16 output bytes; the same bytes are left untouched here.
        let skip = H.self == SHA1.self ? min(ivLength, outl) : 0
        record.withUnsafeBytes { (output + skip).copyMemory(from: $0.baseAddress! + skip, byteCount: outl - skip) }
        return outl
    }
}

#if RC4
/// `RC4-HMAC-MD5` (see ``StitchedAESCBCHMAC`` for the shared rules).
final class StitchedRC4HMACMD5: CipherContext {
    let encrypting: Bool
    private var rc4: RC4
    private var keys: TLSMACKeys<MD5>
    private var tlsAAD: [UInt8]?
    private let tlsVersion: Int

    init(key: [UInt8], encrypting: Bool, parameters: CipherParameters) throws {
        rc4 = try RC4(key: key)
        self.encrypting = encrypting
        keys = TLSMACKeys(key: parameters.macKey)
        tlsVersion = parameters.tlsVersion ?? 0
        if var aad = parameters.tlsAAD {
            try TLSRecord.checkAAD(aad)
            if !encrypting {
                let l = TLSRecord.length(aad)
                guard l >= 16 else {
                    throw CryptoError(
                        .invalidParameter, "the record is shorter than its MAC", openSSL: .invalidInputLength)
                }
                TLSRecord.setLength(&aad, l - 16)
            }
            tlsAAD = aad
        }
    }

    deinit {
        SecretWipe.wipe(value: &rc4)
        SecretWipe.wipe(value: &keys)
    }

    var updatedIV: [UInt8] { [] }

    func finalize(into output: UnsafeMutableRawPointer) throws -> Int { 0 }

    func updateBits(_ bits: [UInt8], bitCount: Int) throws -> [UInt8] {
        throw CryptoError(.unsupportedOperation, "bit-length input needs CFB1")
    }

    func update(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawPointer) throws -> Int {
        let n = input.count
        guard n > 0, let src = input.baseAddress else { return 0 }
        let aad = tlsAAD
        tlsAAD = nil
        guard let aad else {
            rc4.apply(src, into: output, count: n)
            return n
        }
        let plen = TLSRecord.length(aad)
        guard n == plen + 16 else {
            throw CryptoError(
                .invalidLength, "a \(plen)-byte payload makes a \(plen + 16)-byte record, not \(n)",
                openSSL: .cipherOperationFailed)
        }
        var inner = keys.inner
        inner.update(aad)
        if encrypting {
            inner.update(UnsafeRawBufferPointer(rebasing: input[0..<plen]))
            var record = [UInt8](UnsafeRawBufferPointer(rebasing: input[0..<plen]))
            defer { SecretWipe.wipe(&record) }
            var outer = keys.outer
            outer.update(inner.finalize())
            record += outer.finalize()
            record.withUnsafeBytes { rc4.apply($0.baseAddress!, into: output, count: n) }
            return n
        }
        rc4.apply(src, into: output, count: n)
        let plain = UnsafeRawBufferPointer(start: output, count: n)
        inner.update(UnsafeRawBufferPointer(rebasing: plain[0..<plen]))
        var outer = keys.outer
        outer.update(inner.finalize())
        let mac = outer.finalize()
        guard ConstantTime.declassify(ConstantTime.equals(mac, plain[plen...])) else {
            SecretWipe.wipe(output, count: n)
            throw CryptoError(.authenticationFailure, "TLS record MAC check failed", openSSL: .cipherOperationFailed)
        }
        return tlsVersion > 0 ? plen : n
    }
}
#endif

/// The HMAC states of a stitched cipher: the inner and outer hashes with the padded key block
/// already absorbed (or empty, when no MAC key was set, as OpenSSL leaves them).
struct TLSMACKeys<H: HashFunction>: Sendable {
    var inner = H()
    var outer = H()
    /// Bytes the inner hash has absorbed before the data: one block, or none without a key.
    var prefixLength = 0

    init(key: [UInt8]?) {
        guard let key else { return }
        var block = [UInt8](repeating: 0, count: H.blockSize)
        defer { SecretWipe.wipe(&block) }
        if key.count > H.blockSize {
            var h = H()
            h.update(key)
            var d = h.finalize()
            block.replaceSubrange(0..<d.count, with: d)
            SecretWipe.wipe(&d)
        } else {
            block.replaceSubrange(0..<key.count, with: key)
        }
        for i in block.indices { block[i] ^= 0x36 }
        inner.update(block)
        for i in block.indices { block[i] ^= 0x36 ^ 0x5c }
        outer.update(block)
        prefixLength = H.blockSize
    }
}

/// A Merkle-Damgård digest with 64-byte blocks and a big-endian length whose chaining value
/// the TLS record check can drive block by block (SHA-1, SHA-256).
protocol TLSRecordDigest: HashFunction {
    associatedtype MDChain
    /// The chaining value; meaningful only when no partial block is pending.
    var mdChain: MDChain { get }
    /// Compresses one 64-byte block into `chain`.
    static func compressBlock(_ chain: inout MDChain, _ block: UnsafeRawPointer)
    /// The digest a chaining value stands for (after the padding block).
    static func digestBytes(_ chain: MDChain) -> [UInt8]
}

extension SHA1: TLSRecordDigest {
    var mdChain: (h: (UInt32, UInt32, UInt32, UInt32, UInt32), hardware: Bool) { buffer.chain }
    static func compressBlock(
        _ chain: inout (h: (UInt32, UInt32, UInt32, UInt32, UInt32), hardware: Bool), _ block: UnsafeRawPointer
    ) {
        compress(&chain, block, blocks: 1)
    }
    static func digestBytes(_ chain: (h: (UInt32, UInt32, UInt32, UInt32, UInt32), hardware: Bool)) -> [UInt8] {
        let h = chain.h
        var out = (h.0.bigEndian, h.1.bigEndian, h.2.bigEndian, h.3.bigEndian, h.4.bigEndian)
        return withUnsafeBytes(of: &out) { Array($0) }
    }
}

extension SHA256: TLSRecordDigest {
    var mdChain: (h: State, hardware: Bool) { core.buffer.chain }
    static func compressBlock(_ chain: inout (h: State, hardware: Bool), _ block: UnsafeRawPointer) {
        Core.compress(&chain, block, blocks: 1)
    }
    static func digestBytes(_ chain: (h: State, hardware: Bool)) -> [UInt8] {
        let s = chain.h
        var out = (
            s.h0.bigEndian, s.h1.bigEndian, s.h2.bigEndian, s.h3.bigEndian,
            s.h4.bigEndian, s.h5.bigEndian, s.h6.bigEndian, s.h7.bigEndian
        )
        return withUnsafeBytes(of: &out) { Array($0) }
    }
}

/// The TLS record framing the stitched ciphers share, and the constant-time CBC record check.
enum TLSRecord {
    static let ssl3 = 0x0300
    static let tls10 = 0x0301
    static let tls11 = 0x0302

    static func checkAAD(_ aad: [UInt8]) throws {
        guard aad.count == 13 else {
            throw CryptoError(
                .invalidParameter, "the TLS AAD is 13 bytes, not \(aad.count)", openSSL: .invalidInputLength)
        }
    }

    static func version(_ aad: [UInt8]) -> Int { Int(aad[9]) << 8 | Int(aad[10]) }
    static func length(_ aad: [UInt8]) -> Int { Int(aad[11]) << 8 | Int(aad[12]) }
    static func setLength(_ aad: inout [UInt8], _ n: Int) {
        aad[11] = UInt8(truncatingIfNeeded: n >> 8)
        aad[12] = UInt8(truncatingIfNeeded: n)
    }

    /// All ones if `a < b`, else zero (both in 0..<2^62).
    @inline(__always)
    static func lt(_ a: Int, _ b: Int) -> UInt {
        0 &- (UInt(bitPattern: a &- b) >> (UInt.bitWidth - 1))
    }

    /// All ones if `a == b`, else zero.
    @inline(__always)
    static func eq(_ a: Int, _ b: Int) -> UInt {
        let d = UInt(bitPattern: a ^ b)
        return 0 &- (((d | (0 &- d)) >> (UInt.bitWidth - 1)) ^ 1)
    }

    /// Checks a decrypted CBC record `body` (`count` bytes: payload ‖ MAC ‖ padding, explicit
    /// IV removed) against `header` (sequence number, type, version) in constant time. Returns
    /// whether padding and MAC verify (secret until declassified) and the padding length (to be
    /// used only once they do).
    static func verifyCBC<H: TLSRecordDigest>(
        keys: TLSMACKeys<H>, header: [UInt8], body: UnsafeRawBufferPointer, count m: Int
    ) -> (Bool, Int) {
        let macSize = H.digestSize
        let b = body.assumingMemoryBound(to: UInt8.self)
        // Public bounds: the padding is 0...maxpad bytes.
        let maxpad = min(255, m - (macSize + 1))
        let rawPad = Int(b[m - 1])
        let padOK = lt(rawPad, maxpad + 1)
        let pad = Int(bitPattern: (UInt(rawPad) & padOK) | (UInt(maxpad) & ~padOK))
        let kmax = m - macSize - 1
        let k = kmax - pad

        // Every padding byte equals the padding length.
        var diff: UInt = ~padOK
        for j in 0...maxpad {
            let inPad = lt(j, pad + 1)
            diff |= (UInt(b[m - 1 - j]) ^ UInt(pad)) & inPad
        }
        // The received MAC, gathered with masks from each candidate position.
        var received = [UInt8](repeating: 0, count: macSize)
        for o in 0...maxpad {
            let sel = UInt8(truncatingIfNeeded: eq(o, pad))
            let start = kmax - o
            for i in 0..<macSize { received[i] |= b[start + i] & sel }
        }
        // HMAC over header ‖ length ‖ payload[0..<k], with k secret.
        var headerK = header
        headerK.append(UInt8(truncatingIfNeeded: k >> 8))
        headerK.append(UInt8(truncatingIfNeeded: k))
        var innerDigest = innerHash(keys, headerK, b, kmin: kmax - maxpad, kmax: kmax, k: k)
        var outer = keys.outer
        outer.update(innerDigest)
        let mac = outer.finalize()
        SecretWipe.wipe(&innerDigest)
        for i in 0..<macSize { diff |= UInt(mac[i] ^ received[i]) }
        SecretWipe.wipe(&received)
        return (diff == 0, pad)
    }

    /// The inner hash of `header` (13 bytes) ‖ `body[0..<k]` for a secret k in kmin...kmax:
    /// every block a kmax-byte message needs is built with masks and compressed, and the
    /// chaining value after the block holding the real message's end is selected with a mask.
    private static func innerHash<H: TLSRecordDigest>(
        _ keys: TLSMACKeys<H>, _ header: [UInt8], _ body: UnsafeBufferPointer<UInt8>, kmin: Int, kmax: Int, k: Int
    ) -> [UInt8] {
        var chain = keys.inner.mdChain
        let messageLength = 13 + k
        let finalBlock = (messageLength + 8) / 64
        let blocks = (13 + kmax + 8) / 64 + 1
        let publicBlocks = (13 + kmin) / 64
        let bitLength = UInt64(keys.prefixLength + messageLength) &* 8
        var result = [UInt8](repeating: 0, count: H.digestSize)
        var block = [UInt8](repeating: 0, count: 64)
        defer { SecretWipe.wipe(&block) }
        let available = body.count
        for i in 0..<blocks {
            let isFinal = UInt8(truncatingIfNeeded: eq(i, finalBlock))
            for j in 0..<64 {
                let g = 64 * i + j
                let d: UInt8 = g < 13 ? header[g] : (g - 13 < available ? body[g - 13] : 0)
                if i < publicBlocks {
                    block[j] = d
                    continue
                }
                let isData = UInt8(truncatingIfNeeded: lt(g, messageLength))
                let isEnd = UInt8(truncatingIfNeeded: eq(g, messageLength))
                var v = (d & isData) | (0x80 & isEnd)
                if j >= 56 {
                    let lengthByte = UInt8(truncatingIfNeeded: bitLength >> UInt64(8 * (63 - j)))
                    v = (v & ~isFinal) | (lengthByte & isFinal)
                }
                block[j] = v
            }
            block.withUnsafeBytes { H.compressBlock(&chain, $0.baseAddress!) }
            if i >= publicBlocks {
                let digest = H.digestBytes(chain)
                for t in 0..<digest.count { result[t] |= digest[t] & isFinal }
            }
        }
        return result
    }
}
