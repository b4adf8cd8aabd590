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

    /// Declassifies a secret-derived count (see `declassify(_:)` for a `Bool`), bit by bit.
    @inline(never) @_optimize(none)
    static func declassify(_ secret: Int) -> Int {
        var result = 0
        var bit = 0
        while bit < Int.bitWidth {
            if (secret &>> bit) & 1 == 1 { result |= 1 &<< bit }
            bit += 1
        }
        return result
    }

    /// Declassifies a secret-derived word (see `declassify(_:)` for a `Bool`), bit by bit.
    @inline(never) @_optimize(none)
    static func declassify(_ secret: UInt64) -> UInt64 {
        var result: UInt64 = 0
        var bit: UInt64 = 0
        while bit < 64 {
            if (secret &>> bit) & 1 == 1 { result |= 1 &<< bit }
            bit += 1
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
