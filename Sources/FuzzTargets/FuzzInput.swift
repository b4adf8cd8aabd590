/// A decoder of a fuzzer's bytes into choices, in the manner of LLVM's `FuzzedDataProvider`:
/// each call consumes bytes from the front and never fails. When the input runs out, every
/// choice is its range's lower bound, every byte is zero and `rest()` is empty, so any input —
/// the empty one included — decodes to one well-defined operation, and a mutation of one byte
/// changes one choice.
public struct FuzzInput {
    private let data: [UInt8]
    private var position = 0

    /// Decodes `bytes`.
    public init(_ bytes: [UInt8]) { data = bytes }

    /// Decodes a copy of `buffer` (the fuzzer's input).
    public init(_ buffer: UnsafeRawBufferPointer) { data = Array(buffer) }

    /// Bytes not consumed yet.
    public var remaining: Int { data.count - position }

    /// The next byte, or 0 when the input is spent.
    public mutating func byte() -> UInt8 {
        guard position < data.count else { return 0 }
        defer { position += 1 }
        return data[position]
    }

    /// The low bit of the next byte.
    public mutating func bool() -> Bool { byte() & 1 == 1 }

    /// A value in `range`: as many bytes as the range's width needs (little-endian), reduced
    /// modulo the width. A one-value range consumes nothing.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(bitPattern: Int64(range.upperBound) &- Int64(range.lowerBound))
        guard width > 0 else { return range.lowerBound }
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while shift < 64 && (width >> shift) > 0 {
            value |= UInt64(byte()) << shift
            shift += 8
        }
        let offset = width == .max ? value : value % (width + 1)
        return Int(bitPattern: UInt(bitPattern: Int(range.lowerBound)) &+ UInt(offset))
    }

    /// One of `items` (which must not be empty).
    public mutating func pick<T>(_ items: [T]) -> T {
        items[int(in: 0...(items.count - 1))]
    }

    /// Exactly `count` bytes: as many as are left, then zeros. A negative count gives none.
    public mutating func bytes(_ count: Int) -> [UInt8] {
        guard count > 0 else { return [] }
        let n = min(count, remaining)
        var out = Array(data[position..<(position + n)])
        position += n
        if n < count { out += [UInt8](repeating: 0, count: count - n) }
        return out
    }

    /// Every byte not consumed yet, at most `limit`.
    public mutating func rest(limit: Int = .max) -> [UInt8] {
        bytes(min(remaining, max(limit, 0)))
    }

    /// Piece sizes for a streaming caller: up to `maxPieces` sizes, each in `0...maxPiece`
    /// (zero sizes are empty updates), cycled over the message by ``FuzzInput/split(_:_:)``.
    public mutating func pieces(maxPieces: Int = 6, maxPiece: Int = 300) -> [Int] {
        (0..<int(in: 0...maxPieces)).map { _ in int(in: 0...maxPiece) }
    }

    /// `message` cut into pieces of the sizes in `pieces`, cycled; empty sizes become empty
    /// pieces. No sizes (or only zeros) give the whole message as one piece.
    public static func split(_ message: [UInt8], _ pieces: [Int]) -> [[UInt8]] {
        guard pieces.contains(where: { $0 > 0 }) else { return [message] }
        var out: [[UInt8]] = []
        var at = 0
        var k = 0
        while at < message.count {
            let n = min(max(pieces[k % pieces.count], 0), message.count - at)
            out.append(Array(message[at..<(at + n)]))
            at += n
            k += 1
        }
        return out.isEmpty ? [[]] : out
    }
}
