/// Output buffers of the KDFs: a length is checked against the algorithm's maximum before
/// anything is allocated, and the buffer then grows as blocks are produced, so a caller's
/// length never becomes one huge allocation up front (which would abort the process, not throw).
enum KDFOutput {
    /// The most capacity a KDF reserves before producing output: 64 KiB.
    static let maxInitialCapacity = 64 * 1024

    /// An empty buffer with room for `min(length, maxInitialCapacity)` bytes.
    static func buffer(for length: Int) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(min(max(length, 0), maxInitialCapacity))
        return out
    }
}
