/// Counter mode's streaming state, written once for the classic CTR mode (``BlockModeCipher``),
/// GCM and CCM: a counter block incremented as a big-endian integer in its last `counterWidth`
/// bytes (the block size for OpenSSL's CTR, 4 for GCM's inc32, L for CCM), and the unused bytes
/// of the last keystream block, so that data may arrive in pieces of any size.
///
/// Whole blocks go to ``MultiBlockCipher/ctr(blocks:into:count:counter:counterWidth:)`` in one
/// call when the cipher has it (AES-NI runs eight blocks in flight, the generic AES four per
/// pass through `batchedCTR`); otherwise, and for a trailing partial block, one block at a
/// time. The counter and keystream blocks live in memory the owner allocates and wipes.
///
/// Not generic, and not holding the cipher: the owner passes a closure that encrypts one block,
/// called only for a partial block or a cipher without ``MultiBlockCipher`` (so the hot path
/// never copies a large key schedule out of its owner). The multi-block path is kept as a
/// closure over the cipher's existential rather than the existential itself: a stored
/// `any MultiBlockCipher` makes this value address-only, and `if let` on it copied the whole
/// value (and the cipher in the box) on every call.
struct CTRStream {
    /// `MultiBlockCipher.ctr(blocks:into:count:counter:counterWidth:)` of the cipher, if it has it.
    typealias MultiCTR = (UnsafeRawPointer, UnsafeMutableRawPointer, Int, UnsafeMutableRawPointer, Int) -> Void

    let blockSize: Int
    private let multi: MultiCTR?
    let counterWidth: Int
    /// The next counter block (one block, owned by the caller).
    let counter: UnsafeMutableRawPointer
    /// The current keystream block (one block, owned by the caller).
    private let keystream: UnsafeMutableRawPointer
    /// Bytes of `keystream` already used; `blockSize` when none is left.
    private var position: Int

    init<C: BlockCipher>(
        cipher: C, counterWidth: Int, counter: UnsafeMutableRawPointer,
        keystream: UnsafeMutableRawPointer
    ) {
        blockSize = C.blockSize
        if let m = cipher as? any MultiBlockCipher {
            multi = { m.ctr(blocks: $0, into: $1, count: $2, counter: $3, counterWidth: $4) }
        } else {
            multi = nil
        }
        self.counterWidth = min(max(counterWidth, 1), C.blockSize)
        self.counter = counter
        self.keystream = keystream
        position = C.blockSize
    }

    /// Increments the big-endian integer in the last `width` bytes of the block at `block`,
    /// modulo 2^(8·width).
    @inline(__always)
    static func increment(_ block: UnsafeMutableRawPointer, blockSize bs: Int, width: Int) {
        let c = block.assumingMemoryBound(to: UInt8.self)
        var b = bs - 1
        while b >= bs - width {
            c[b] &+= 1
            if c[b] != 0 { break }
            b -= 1
        }
    }

    /// Copies the next counter block to `out` and steps the counter past it (CCM's paired
    /// path encrypts it together with its MAC block). No keystream may be pending.
    @inline(__always)
    mutating func takeCounterBlock(into out: UnsafeMutableRawPointer) {
        out.copyMemory(from: UnsafeRawPointer(counter), byteCount: blockSize)
        Self.increment(counter, blockSize: blockSize, width: counterWidth)
    }

    /// XORs the keystream into `count` bytes from `src` to `dst` (which may be the same address),
    /// continuing where the previous call stopped. `encryptBlock` encrypts one block with the
    /// cipher the stream was made with.
    mutating func apply(
        _ src: UnsafeRawPointer, _ dst: UnsafeMutableRawPointer, _ count: Int,
        encryptBlock: (UnsafeRawPointer, UnsafeMutableRawPointer) -> Void
    ) {
        let bs = blockSize
        var done = 0
        if position < bs {
            let t = min(count, bs - position)
            BlockXOR.xor(src, keystream + position, into: dst, count: t)
            position += t
            done = t
        }
        let whole = (count - done) / bs
        if whole > 0 {
            if let m = multi {
                m(src + done, dst + done, whole, counter, counterWidth)
            } else {
                for b in 0..<whole {
                    nextKeystreamBlock(encryptBlock)
                    BlockXOR.xor(src + done + b * bs, UnsafeRawPointer(keystream), into: dst + done + b * bs, count: bs)
                }
            }
            done += whole * bs
        }
        if done < count {
            nextKeystreamBlock(encryptBlock)
            BlockXOR.xor(src + done, UnsafeRawPointer(keystream), into: dst + done, count: count - done)
            position = count - done
        } else if whole > 0 {
            position = bs
        }
    }

    /// E(counter) into `keystream`, then the counter steps.
    @inline(__always)
    private func nextKeystreamBlock(_ encryptBlock: (UnsafeRawPointer, UnsafeMutableRawPointer) -> Void) {
        encryptBlock(UnsafeRawPointer(counter), keystream)
        Self.increment(counter, blockSize: blockSize, width: counterWidth)
    }
}
