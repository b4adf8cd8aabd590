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
