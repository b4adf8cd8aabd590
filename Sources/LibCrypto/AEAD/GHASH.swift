/// GHASH, GCM's universal hash (SP 800-38D section 6.4): Y = (Y ^ X) * H in GF(2^128) per
/// block. Two variants, chosen when the value is made (see ``HardwareSupport``) and kept by
/// it and its copies:
/// - `GHASHGeneric` (`GHASHGeneric.swift`): constant-time Swift (BearSSL's `ghash_ctmul64`),
///   no tables; every build has it.
/// - `GHASHPCLMUL` (`GHASHPCLMUL.swift`): carry-less multiplication in `LibCryptoASM`; only
///   with the `ASM` trait.
///
/// This file holds the key table, the running value Y, and the one dispatch point
/// (`variant(_:_:)`).
struct GHASH {
    /// The key table of the variant in use (`GHASHGeneric`: 96 words of H powers as masked
    /// slices; `GHASHPCLMUL`: the `lc_ghash_init` table in the first 256 bytes).
    private var keys: InlineArray<96, UInt64>
    /// Y as (first eight bytes, last eight bytes), big-endian.
    private var y: (UInt64, UInt64) = (0, 0)
    /// True when `keys` is the PCLMULQDQ table.
    private let hardware: Bool

    /// `h` points at the 16 bytes of the hash key H = E(K, 0^128).
    init(h: UnsafeRawPointer) {
        var k = InlineArray<96, UInt64>(repeating: 0)
        hardware = Self.expandKey(h, into: &k)
        keys = k
    }

    /// The current value Y as (first eight bytes, last eight bytes), big-endian.
    var state: (UInt64, UInt64) { y }

    mutating func wipe() {
        for i in 0..<96 { keys[i] = 0 }
        y = (0, 0)
    }

    /// Y = (Y ^ X) * H for one block given as big-endian words.
    mutating func absorb(hi: UInt64, lo: UInt64) {
        var v = y
        variant({ $0.absorb(hi: hi, lo: lo, &v) }, { $0.absorb(hi: hi, lo: lo, &v) })
        y = v
    }

    /// Hashes `blocks` whole 16-byte blocks at `p`.
    mutating func absorb(_ p: UnsafeRawPointer, blocks: Int) {
        guard blocks > 0 else { return }
        var v = y
        variant({ $0.absorb(p, blocks: blocks, &v) }, { $0.absorb(p, blocks: blocks, &v) })
        y = v
    }
}

// MARK: The one dispatch point

#if ASM && canImport(LibCryptoASM)
extension GHASH {
    /// Fills `keys` for the variant ``HardwareSupport`` selects now; returns true for PCLMULQDQ.
    private static func expandKey(_ h: UnsafeRawPointer, into keys: inout InlineArray<96, UInt64>) -> Bool {
        if HardwareSupport.selected.contains(.pclmulqdq) {
            GHASHPCLMUL.expandKey(h, into: &keys)
            return true
        }
        GHASHGeneric.expandKey(h, into: &keys)
        return false
    }

    /// Runs `generic` or `pclmul` on a view of this value's key table, as it was made.
    /// (Mutating only so that the table is viewed where it lies: from a borrowed `self` the
    /// optimiser copied the 768-byte table on every call.)
    @inline(__always)
    private mutating func variant(_ generic: (GHASHGeneric) -> Void, _ pclmul: (GHASHPCLMUL) -> Void) {
        let hardware = self.hardware
        withUnsafeBytes(of: &keys) { k in
            let table = k.baseAddress!.assumingMemoryBound(to: UInt64.self)
            if hardware {
                pclmul(GHASHPCLMUL(table: table))
            } else {
                generic(GHASHGeneric(keys: table))
            }
        }
    }
}
#else
extension GHASH {
    /// Fills `keys` for the only variant of a build without `ASM`; returns false.
    private static func expandKey(_ h: UnsafeRawPointer, into keys: inout InlineArray<96, UInt64>) -> Bool {
        GHASHGeneric.expandKey(h, into: &keys)
        return false
    }

    /// Runs `generic` on a view of this value's key table (`GHASHPCLMUL` has no values here).
    /// (Mutating so that the table is viewed where it lies, not copied.)
    @inline(__always)
    private mutating func variant(_ generic: (GHASHGeneric) -> Void, _ pclmul: (GHASHPCLMUL) -> Void) {
        withUnsafeBytes(of: &keys) { generic(GHASHGeneric(keys: $0.baseAddress!.assumingMemoryBound(to: UInt64.self))) }
    }
}
#endif
