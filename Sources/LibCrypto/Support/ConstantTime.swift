/// Comparisons whose running time does not depend on the bytes compared (BearSSL's `EQ` idea).
public enum ConstantTime {
    /// True if both sequences hold the same bytes. Time depends only on the lengths.
    public static func equals(_ a: some Collection<UInt8>, _ b: some Collection<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        var diff: UInt8 = 0
        for (x, y) in zip(a, b) { diff |= x ^ y }
        return diff == 0
    }
}

extension ConstantTime {
    /// Declassifies `secret`: a value computed from secrets that the caller is about to make
    /// public anyway (a tag check's outcome, a padding length once the padding is known valid).
    /// The one place where that happens, as BoringSSL's `constant_time_declassify`: the
    /// Valgrind constant-time run (scripts/ctgrind.sh) marks secrets undefined, sees the branch
    /// below and suppresses it here and only here (scripts/ctgrind.supp), so the value leaves
    /// defined and every later branch on it is clean. Not optimised, so the branch stays.
    @inline(never) @_optimize(none)
    static func declassify(_ secret: Bool) -> Bool {
        if secret { return true }
        return false
    }

    /// Declassifies a secret-derived count (see `declassify(_:)` for a `Bool`), one byte at a
    /// time through ``identityBytes`` (see `declassify(_:)` for a `UInt64`).
    @inline(never)
    static func declassify(_ secret: Int) -> Int {
        Int(bitPattern: UInt(declassifyWord(UInt64(UInt(bitPattern: secret)))))
    }

    /// Declassifies a secret-derived word (see `declassify(_:)` for a `Bool`), one byte at a
    /// time through ``identityBytes``.
    @inline(never)
    static func declassify(_ secret: UInt64) -> UInt64 { declassifyWord(secret) }

    /// The 256-byte identity table `declassifyWord` reads through: entry `i` holds `i`. Built at
    /// run time, so the optimiser cannot replace a read by its index.
    /// Written once by its initialiser, only read afterwards.
    nonisolated(unsafe) private static let identityBytes: UnsafeMutablePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for i in 0..<256 { table[i] = UInt8(truncatingIfNeeded: i) }
        return table
    }()

    /// Each byte of `secret` becomes the address of a read from the identity table, and the byte
    /// read (defined memory) replaces it. No branch: the time does not follow the value (a
    /// branch per bit did: the predictor's misses followed the published bits, which dudect saw
    /// for DSA's r and s and DH's public key, docs/constant-time.md). The four cache lines of
    /// the table are read on every call, so which line holds a byte does not show either.
    /// Memcheck reports each read as the use of an undefined address (`Value8`) inside this
    /// function, which scripts/ctgrind.supp suppresses here and only here.
    @inline(never)
    private static func declassifyWord(_ secret: UInt64) -> UInt64 {
        let table = identityBytes
        // Touch every line first, so that all four are cached whatever the bytes are.
        // (The barrier keeps the reads: their value goes into a call the optimiser cannot see.)
        var warm: UInt64 = 0
        for line in stride(from: 0, to: 256, by: 64) { warm |= UInt64(table[line]) }
        var result = CTLimb.barrier(warm) & 0
        for k in 0..<8 {
            let shift = UInt64(8 * k)
            let byte = Int(truncatingIfNeeded: (secret &>> shift) & 0xff)
            result |= UInt64(table[byte]) &<< shift
        }
        return result
    }

    /// Declassifies secret-derived limbs that are about to be published (a signature's `r` and
    /// `s`, a public key computed from a private one), one word at a time through
    /// `declassify(_:)` for a `UInt64`; this loop itself branches on nothing secret.
    static func declassify(_ secret: [UInt64]) -> [UInt64] {
        var out = [UInt64](repeating: 0, count: secret.count)
        for i in 0..<secret.count { out[i] = declassify(secret[i]) }
        return out
    }
}
