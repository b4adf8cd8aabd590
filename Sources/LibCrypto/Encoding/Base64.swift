// Base64 (RFC 4648 section 4) with the streaming semantics of OpenSSL's EVP_EncodeUpdate /
// EVP_EncodeFinal and EVP_DecodeUpdate / EVP_DecodeFinal (crypto/evp/encode.c): lines of 64
// characters each ended by a newline; on decoding, tabs, spaces, CR and LF are skipped, any other
// character outside the alphabet is an error, at most two '=' end the data and nothing but
// whitespace may follow them, and '-' is a soft end of input (the start of a PEM "-----END").

/// Base64 encoding and decoding, whole or streamed (``Base64/Encoder``, ``Base64/Decoder``).
public enum Base64 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// OpenSSL's classes: 0x00-0x3F a digit, 0xE0 whitespace, 0xF0 LF, 0xF1 CR, 0xF2 the soft end
    /// of input ('-'), 0xFF an error. '=' counts as the digit 0.
    static let classes: [UInt8] = {
        var t = [UInt8](repeating: 0xFF, count: 128)
        for (i, c) in alphabet.enumerated() { t[Int(c)] = UInt8(i) }
        t[Int(UInt8(ascii: "="))] = 0
        t[Int(UInt8(ascii: "\t"))] = 0xE0
        t[Int(UInt8(ascii: " "))] = 0xE0
        t[Int(UInt8(ascii: "\n"))] = 0xF0
        t[Int(UInt8(ascii: "\r"))] = 0xF1
        t[Int(UInt8(ascii: "-"))] = 0xF2
        return t
    }()

    static func classOf(_ c: UInt8) -> UInt8 { c & 0x80 != 0 ? 0xFF : classes[Int(c)] }
    /// True for a digit (or '='): a class OpenSSL's `B64_BASE64` accepts.
    static func isDigit(_ v: UInt8) -> Bool { (v | 0x13) != 0xF3 }

    /// The encoding of `bytes` without line breaks (RFC 4648).
    static func encodeBlock(_ bytes: ArraySlice<UInt8>, into out: inout [UInt8]) {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let n = min(3, bytes.endIndex - i)
            let b0 = UInt32(bytes[i])
            let b1 = n > 1 ? UInt32(bytes[i + 1]) : 0
            let b2 = n > 2 ? UInt32(bytes[i + 2]) : 0
            let l = b0 << 16 | b1 << 8 | b2
            out.append(alphabet[Int(l >> 18 & 0x3F)])
            out.append(alphabet[Int(l >> 12 & 0x3F)])
            out.append(n > 1 ? alphabet[Int(l >> 6 & 0x3F)] : UInt8(ascii: "="))
            out.append(n > 2 ? alphabet[Int(l & 0x3F)] : UInt8(ascii: "="))
            i += n
        }
    }

    /// `bytes` as Base64 with no line breaks (RFC 4648 section 4).
    public static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        encodeBlock(bytes[...], into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes `text` as OpenSSL's `EVP_DecodeUpdate` + `EVP_DecodeFinal` do (line breaks and
    /// whitespace allowed).
    /// - Throws: `invalidParameter` (OpenSSL's `DECODE_ERROR`) for malformed input.
    public static func decode(_ text: String) throws -> [UInt8] {
        var d = Decoder()
        let out = try d.update(Array(text.utf8))
        return out + (try d.finalize())
    }

    /// A streaming encoder as `EVP_EncodeInit`/`EVP_EncodeUpdate`/`EVP_EncodeFinal`: every
    /// 48 input bytes make one 64-character line ended by `\n`; the final call encodes the rest
    /// (with `=` padding) and ends it with `\n`.
    public struct Encoder: Sendable {
        private var pending: [UInt8] = []

        /// A fresh encoder.
        public init() {}

        /// The lines that `bytes` completes.
        public mutating func update(_ bytes: [UInt8]) -> [UInt8] {
            pending += bytes
            var out: [UInt8] = []
            var at = 0
            while pending.count - at >= 48 {
                Base64.encodeBlock(pending[at..<(at + 48)], into: &out)
                out.append(UInt8(ascii: "\n"))
                at += 48
            }
            pending.removeFirst(at)
            return out
        }

        /// The last, shorter line (empty if nothing is pending). The encoder is then empty again.
        public mutating func finalize() -> [UInt8] {
            guard !pending.isEmpty else { return [] }
            var out: [UInt8] = []
            Base64.encodeBlock(pending[...], into: &out)
            out.append(UInt8(ascii: "\n"))
            pending.removeAll()
            return out
        }

        /// `bytes` encoded in OpenSSL's line format (`EVP_EncodeUpdate` then `EVP_EncodeFinal`).
        public static func encode(_ bytes: [UInt8]) -> [UInt8] {
            var e = Encoder()
            return e.update(bytes) + e.finalize()
        }
    }

    /// A streaming decoder as `EVP_DecodeInit`/`EVP_DecodeUpdate`/`EVP_DecodeFinal`.
    public struct Decoder: Sendable {
        /// Up to 64 Base64 characters (and '=') not yet decoded.
        private var buffer: [UInt8] = []
        /// True once the input has ended: a '-' (soft end), or padding closing a whole block.
        public private(set) var isFinished = false

        /// A fresh decoder.
        public init() {}

        /// Decodes the 4-character groups of `chars` (only digits and '='), or nil if their
        /// count is not a multiple of 4.
        private static func decodeBlock(_ chars: [UInt8]) -> [UInt8]? {
            guard chars.count % 4 == 0 else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(chars.count / 4 * 3)
            var i = 0
            while i < chars.count {
                var l: UInt32 = 0
                for k in 0..<4 { l = l << 6 | UInt32(Base64.classOf(chars[i + k])) }
                out += [
                    UInt8(truncatingIfNeeded: l >> 16), UInt8(truncatingIfNeeded: l >> 8), UInt8(truncatingIfNeeded: l),
                ]
                i += 4
            }
            return out
        }

        /// The bytes that `text` completes. An empty `text` marks the end of input, as in OpenSSL.
        /// - Throws: `invalidParameter` (OpenSSL's `DECODE_ERROR`) for a character outside the
        ///   alphabet, data after padding, more than two '=', or a soft end inside a group.
        public mutating func update(_ text: [UInt8]) throws -> [UInt8] {
            var eof = 0
            if let last = buffer.last, last == UInt8(ascii: "=") {
                eof += 1
                if buffer.count > 1, buffer[buffer.count - 2] == UInt8(ascii: "=") { eof += 1 }
            }
            if text.isEmpty {
                isFinished = true
                return []
            }
            var out: [UInt8] = []
            var softEnd = false
            func fail(_ why: String) -> CryptoError { CryptoError(.invalidParameter, "DECODE_ERROR: \(why)") }
            for c in text {
                let v = Base64.classOf(c)
                if v == 0xFF { throw fail("character 0x\(String(c, radix: 16)) is not Base64") }
                if c == UInt8(ascii: "=") {
                    eof += 1
                } else if eof > 0 && Base64.isDigit(v) {
                    throw fail("data after padding")
                }
                if eof > 2 { throw fail("more than two padding characters") }
                if v == 0xF2 {
                    softEnd = true
                    break
                }
                if Base64.isDigit(v) { buffer.append(c) }
                if buffer.count == 64 {
                    guard let block = Self.decodeBlock(buffer), eof <= block.count else { throw fail("bad padding") }
                    out += block.dropLast(eof)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            if !buffer.isEmpty {
                if buffer.count % 4 == 0 {
                    guard let block = Self.decodeBlock(buffer), eof <= block.count else { throw fail("bad padding") }
                    out += block.dropLast(eof)
                    buffer.removeAll(keepingCapacity: true)
                } else if softEnd {
                    throw fail("end of input inside a 4-character group")
                }
            }
            if softEnd || (buffer.isEmpty && eof > 0) { isFinished = true }
            return out
        }

        /// Decodes what is left. OpenSSL's `EVP_DecodeFinal`: a partial group is an error.
        /// - Throws: `invalidParameter` (OpenSSL's `DECODE_ERROR`) if a partial group is left.
        public mutating func finalize() throws -> [UInt8] {
            guard !buffer.isEmpty else { return [] }
            guard let block = Self.decodeBlock(buffer) else {
                throw CryptoError(.invalidParameter, "DECODE_ERROR: input ends inside a 4-character group")
            }
            buffer.removeAll()
            return block
        }
    }
}
