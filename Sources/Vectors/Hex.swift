/// Errors from decoding a field value.
public struct FieldError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

public enum Hex {
    /// Decodes hex digits (either case). Colons between byte pairs are allowed, as OpenSSL's
    /// `OPENSSL_hexstr2buf` allows them. Throws on any other character or an odd digit count.
    public static func decode(_ text: Substring) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count / 2)
        var high: UInt8? = nil
        var column = 0
        for c in text.utf8 {
            column += 1
            if c == UInt8(ascii: ":") && high == nil { continue }
            let v: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v = c &- UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): v = c &- UInt8(ascii: "a") &+ 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): v = c &- UInt8(ascii: "A") &+ 10
            default:
                let shown = c >= 0x20 && c < 0x7f ? "'\(Character(Unicode.Scalar(c)))'" : String(format0x: c)
                throw FieldError("non-hex character \(shown) at position \(column)")
            }
            if let h = high {
                out.append(h << 4 | v)
                high = nil
            } else {
                high = v
            }
        }
        if high != nil { throw FieldError("odd number of hex digits (\(text.utf8.count))") }
        return out
    }

    public static func decode(_ text: String) throws -> [UInt8] { try decode(text[...]) }

    private static let digits = Array("0123456789abcdef".utf8)

    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension String {
    init(format0x byte: UInt8) {
        let d = Array("0123456789abcdef")
        self = "0x" + String(d[Int(byte >> 4)]) + String(d[Int(byte & 15)])
    }
}
