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
/// All blocks but the last two go through the cipher's bulk CBC (``MultiBlockCipher``: AES-NI
/// where AES selected it, the batched generic core otherwise), straight from input to output;
/// only the last two blocks are copied to a scratch area, chained there as two CBC blocks and
/// put back in the variant's order. Branches depend on the length and the variant only.
///
/// No tables of its own; the block cipher decides whether lookups are secret-indexed.
final class CBCCTSContext<C: BlockCipher>: CipherContext {
    /// (A `var` only so that `deinit` can wipe it with ``SecretWipe`` and the bulk path can
    /// take its address; never reassigned.)
    private var cipher: C
    /// The cipher's type as a ``MultiBlockCipher``, when it is one. Only the type: a context
    /// lives for one message, and `cipher as? any MultiBlockCipher` would box a copy of the key
    /// schedule (about 1 KB for AES) for each.
    private let bulk: (any MultiBlockCipher.Type)?
    private let encrypting: Bool
    private let variant: CTSMode
    /// 96 bytes: the chaining value (16), one block of scratch for the block-at-a-time path
    /// (16), and the last two blocks' work area (64).
    private let storage: UnsafeMutableRawPointer
    private var iv: UnsafeMutableRawPointer { storage }
    private var scratch: UnsafeMutableRawPointer { storage + 16 }
    private var work: UnsafeMutableRawPointer { storage + 32 }
    private var updated = false

    init(cipher: C, iv: [UInt8], encrypting: Bool, variant: CTSMode) throws {
        guard C.blockSize == 16 else {
            throw CryptoError(.invalidParameter, "CBC-CTS needs a 128-bit block cipher")
        }
        guard iv.count == 16 else {
            throw CryptoError(.invalidParameter, "CBC-CTS needs a 16-byte IV, got \(iv.count)")
        }
        self.cipher = cipher
        self.bulk = C.self as? any MultiBlockCipher.Type
        self.encrypting = encrypting
        self.variant = variant
        storage = UnsafeMutableRawPointer.allocate(byteCount: 96, alignment: 16)
        storage.initializeMemory(as: UInt8.self, repeating: 0, count: 96)
        iv.withUnsafeBytes { storage.copyMemory(from: $0.baseAddress!, byteCount: 16) }
    }

    deinit {
        SecretWipe.wipe(storage, count: 96)
        SecretWipe.wipe(value: &cipher)
        storage.deallocate()
    }

    var updatedIV: [UInt8] { [UInt8](UnsafeRawBufferPointer(start: iv, count: 16)) }

    func updateBits(_ bits: [UInt8], bitCount: Int) throws -> [UInt8] {
        throw CryptoError(.unsupportedOperation, "bit-length input needs CFB1")
    }

    func finalize(into output: UnsafeMutableRawPointer) throws -> Int { 0 }

    func update(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawPointer) throws -> Int {
        guard input.count >= 16, let src = input.baseAddress else {
            throw CryptoError(.invalidLength, "CBC-CTS needs at least one block (16 bytes), got \(input.count)")
        }
        guard !updated else {
            throw CryptoError(.unsupportedOperation, "CBC-CTS takes the whole message in one update")
        }
        updated = true
        let n = input.count
        let partial = n % 16
        // Whole blocks are plain CBC, except in CS3 with more than one block.
        if partial == 0 && (variant != .cs3 || n == 16) {
            cbc(src, output, n / 16)
            return n
        }
        let residue = partial == 0 ? 16 : partial
        // Bytes before the last two blocks (the last one `residue` bytes long).
        let head = n - 16 - residue
        // The last two blocks are read before anything is written: in-place output overwrites them.
        let w = work
        w.initializeMemory(as: UInt8.self, repeating: 0, count: 64)
        w.copyMemory(from: src + head, byteCount: 16 + residue)
        cbc(src, output, head / 16)
        if encrypting {
            // P(n-1) || P(n) zero-padded -> C(n-1) || C(n); the chaining value is left at C(n).
            cbc(UnsafeRawPointer(w), w, 2)
            if variant == .cs1 {
                // C(1)...C(n-2) || C(n-1)* || C(n)
                (output + head).copyMemory(from: w, byteCount: residue)
                (output + head + residue).copyMemory(from: w + 16, byteCount: 16)
            } else {
                // C(1)...C(n-2) || C(n) || C(n-1)*
                (output + head).copyMemory(from: w + 16, byteCount: 16)
                (output + head + 16).copyMemory(from: w, byteCount: residue)
            }
        } else {
            // C(n) and the stolen head of C(n-1), wherever the variant put them.
            let cnAt = variant == .cs1 ? residue : 0
            let stolenAt = variant == .cs1 ? 0 : 16
            let cPrev = w + 32
            let cLast = w + 48
            cLast.copyMemory(from: w + cnAt, byteCount: 16)
            // D(C(n)) = C(n-1) XOR (P(n) zero-padded): its tail is C(n-1)'s tail.
            cipher.decrypt(block: UnsafeRawPointer(cLast), into: cPrev)
            cPrev.copyMemory(from: w + stolenAt, byteCount: residue)
            // C(n-1) || C(n) -> P(n-1) || P(n) zero-padded; the chaining value is left at C(n).
            cbc(UnsafeRawPointer(cPrev), w, 2)
            (output + head).copyMemory(from: w, byteCount: 16 + residue)
        }
        SecretWipe.wipe(w, count: 64)
        return n
    }

    /// CBC over `count` whole blocks from `input` to `output` (which may be the same address),
    /// chaining through `iv`: the cipher's bulk path when it has one, else block by block.
    private func cbc(_ input: UnsafeRawPointer, _ output: UnsafeMutableRawPointer, _ count: Int) {
        guard count > 0 else { return }
        if let m = bulk {
            let (chain, encrypting) = (iv, encrypting)
            withUnsafePointer(to: &cipher) {
                Self.bulkCBC(m, UnsafeRawPointer($0), encrypting, input, output, count, chain)
            }
            return
        }
        let chain = iv
        let tmp = scratch
        for k in 0..<count {
            let i = input + 16 * k
            let o = output + 16 * k
            if encrypting {
                BlockXOR.xor(chain, i, into: chain, count: 16)
                cipher.encrypt(block: UnsafeRawPointer(chain), into: chain)
                o.copyMemory(from: chain, byteCount: 16)
            } else {
                cipher.decrypt(block: i, into: tmp)
                BlockXOR.xor(tmp, chain, into: tmp, count: 16)
                chain.copyMemory(from: i, byteCount: 16)
                o.copyMemory(from: tmp, byteCount: 16)
            }
        }
    }

    /// The bulk CBC of `cipher`, a `C` whose type `M` is (so the memory is bound to `M`).
    private static func bulkCBC<M: MultiBlockCipher>(
        _: M.Type, _ cipher: UnsafeRawPointer, _ encrypting: Bool, _ input: UnsafeRawPointer,
        _ output: UnsafeMutableRawPointer, _ count: Int, _ iv: UnsafeMutableRawPointer
    ) {
        let m = cipher.assumingMemoryBound(to: M.self)
        if encrypting {
            m.pointee.cbcEncrypt(blocks: input, into: output, count: count, iv: iv)
        } else {
            m.pointee.cbcDecrypt(blocks: input, into: output, count: count, iv: iv)
        }
    }
}
