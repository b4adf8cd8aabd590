/// The ciphertext-stealing variants of CBC-CTS (NIST SP 800-38A Addendum), as OpenSSL's
/// `cts_mode` cipher parameter names them.
public enum CTSMode: String, Sendable, Hashable, CaseIterable {
    /// CS1 (OpenSSL's default): the partial last block's ciphertext comes before the full one;
    /// whole-block input is plain CBC.
    case cs1 = "CS1"
    /// CS2: as CS3 when the last block is partial, plain CBC for whole blocks.
    case cs2 = "CS2"
    /// CS3 (Kerberos, RFC 3962): the last two ciphertext blocks are always swapped.
    case cs3 = "CS3"
}

/// CBC with ciphertext stealing over a 128-bit block cipher, with the semantics of OpenSSL 3.0's
/// `AES-*-CBC-CTS` and `CAMELLIA-*-CBC-CTS` (`providers/implementations/ciphers/cipher_cts.c`):
/// the whole message goes in one `update` of at least one block; a shorter one, or a second
/// `update`, throws; `finalize` writes nothing. The updated IV is the last block the cipher
/// produced (encryption) or the last full ciphertext block C(n) (decryption).
///
/// No tables of its own; the block cipher decides whether lookups are secret-indexed.
final class CBCCTSContext<C: BlockCipher>: CipherContext {
    /// (A `var` only so that `deinit` can wipe it with ``SecretWipe``; never reassigned.)
    private var cipher: C
    private let encrypting: Bool
    private let variant: CTSMode
    private var iv: [UInt8]
    private var updated = false

    init(cipher: C, iv: [UInt8], encrypting: Bool, variant: CTSMode) throws {
        guard C.blockSize == 16 else {
            throw CryptoError(.invalidParameter, "CBC-CTS needs a 128-bit block cipher")
        }
        guard iv.count == 16 else {
            throw CryptoError(.invalidParameter, "CBC-CTS needs a 16-byte IV, got \(iv.count)")
        }
        self.cipher = cipher
        self.iv = iv
        self.encrypting = encrypting
        self.variant = variant
    }

    deinit {
        SecretWipe.wipe(&iv)
        SecretWipe.wipe(value: &cipher)
    }

    var updatedIV: [UInt8] { iv }

    func updateBits(_ bits: [UInt8], bitCount: Int) throws -> [UInt8] {
        throw CryptoError(.unsupportedOperation, "bit-length input needs CFB1")
    }

    func finalize(into output: UnsafeMutableRawPointer) throws -> Int { 0 }

    func update(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawPointer) throws -> Int {
        guard input.count >= 16 else {
            throw CryptoError(.invalidLength, "CBC-CTS needs at least one block (16 bytes), got \(input.count)")
        }
        guard !updated else {
            throw CryptoError(.unsupportedOperation, "CBC-CTS takes the whole message in one update")
        }
        // Work on a copy, so that in-place calls are safe whatever the variant moves around.
        let data = [UInt8](input)
        let out = encrypting ? encrypt(data) : decrypt(data)
        out.withUnsafeBytes { output.copyMemory(from: $0.baseAddress!, byteCount: out.count) }
        updated = true
        return out.count
    }

    /// CBC over `data[range]` (whole blocks) into `out` at the same offsets, chaining `iv`.
    private func cbc(_ data: [UInt8], _ range: Range<Int>, _ out: inout [UInt8]) {
        guard !range.isEmpty else { return }
        data.withUnsafeBytes { d in
            out.withUnsafeMutableBytes { o in
                iv.withUnsafeMutableBytes { v in
                    let chain = v.baseAddress!
                    var at = range.lowerBound
                    while at < range.upperBound {
                        let src = d.baseAddress! + at
                        let dst = o.baseAddress! + at
                        if encrypting {
                            BlockXOR.xor(chain, src, into: chain, count: 16)
                            cipher.encrypt(block: UnsafeRawPointer(chain), into: chain)
                            dst.copyMemory(from: chain, byteCount: 16)
                        } else {
                            cipher.decrypt(block: src, into: dst)
                            BlockXOR.xor(dst, chain, into: dst, count: 16)
                            chain.copyMemory(from: src, byteCount: 16)
                        }
                        at += 16
                    }
                }
            }
        }
    }

    private func encrypt(_ data: [UInt8]) -> [UInt8] {
        let n = data.count
        var out = [UInt8](repeating: 0, count: n)
        let partial = n % 16
        if partial == 0 && (variant != .cs3 || n == 16) {
            cbc(data, 0..<n, &out)
            return out
        }
        let residue = partial == 0 ? 16 : partial
        let head = n - residue
        cbc(data, 0..<head, &out)
        // The last (zero-padded) block, chained on C(n-1); the first `residue` bytes of C(n-1)
        // are all that is kept of it.
        var last = [UInt8](repeating: 0, count: 16)
        last[0..<residue] = data[head..<n]
        var cn = [UInt8](repeating: 0, count: 16)
        cbc(last, 0..<16, &cn)
        SecretWipe.wipe(&last)
        if variant == .cs1 {
            // C(1)...C(n-2) || C(n-1)* || C(n)
            out.replaceSubrange((head - 16 + residue)..<n, with: cn)
        } else {
            // C(1)...C(n-2) || C(n) || C(n-1)*
            let stolen = Array(out[(head - 16)..<(head - 16 + residue)])
            out.replaceSubrange((head - 16)..<head, with: cn)
            out.replaceSubrange(head..<n, with: stolen)
        }
        return out
    }

    private func decrypt(_ data: [UInt8]) -> [UInt8] {
        let n = data.count
        var out = [UInt8](repeating: 0, count: n)
        let partial = n % 16
        if partial == 0 && (variant != .cs3 || n == 16) {
            cbc(data, 0..<n, &out)
            return out
        }
        let residue = partial == 0 ? 16 : partial
        let head = n - 16 - residue
        cbc(data, 0..<head, &out)
        // C(n) and the stolen part of C(n-1), wherever the variant put them.
        let cnAt = variant == .cs1 ? head + residue : head
        let stolenAt = variant == .cs1 ? head : head + 16
        let cn = Array(data[cnAt..<(cnAt + 16)])
        var plainLast = [UInt8](repeating: 0, count: 16)
        cn.withUnsafeBytes { c in
            plainLast.withUnsafeMutableBytes { cipher.decrypt(block: c.baseAddress!, into: $0.baseAddress!) }
        }
        // C(n-1) = stolen bytes || the tail of D(C(n)), which is C(n-1) XOR P(n) padded with zeros.
        var cMid = Array(data[stolenAt..<(stolenAt + residue)])
        cMid += plainLast[residue..<16]
        for i in 0..<residue { out[head + 16 + i] = cMid[i] ^ plainLast[i] }
        var mid = [UInt8](repeating: 0, count: 16)
        cbc(cMid, 0..<16, &mid)
        out.replaceSubrange(head..<(head + 16), with: mid)
        iv = cn
        SecretWipe.wipe(&plainLast)
        SecretWipe.wipe(&mid)
        return out
    }
}
