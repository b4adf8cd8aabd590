// PEM (RFC 7468, and RFC 1421's headers as OpenSSL keeps them), read as OpenSSL 3.0's
// `PEM_read_bio` reads it (crypto/pem/pem_lib.c: get_name, get_header_and_data, sanitize_line
// with PEM_FLAG_EAY_COMPATIBLE) and written as `PEM_write_bio` writes it:
//
// - Input is read in OpenSSL's `BIO_gets` pieces: a line, or 254 bytes of a longer line.
// - Each piece loses its trailing bytes at or below ' ' (and, as C's signed `char` compares on
//   x86-64, bytes from 0x80) and gets one '\n'; the first piece read while looking for a block
//   loses a UTF-8 byte-order mark.
// - Anything before `-----BEGIN label-----` is skipped (text before and between blocks).
// - Lines up to the first blank line are headers when the block has one (a ':' in a line before
//   it); a second blank line is an error; with headers, data lines are at most 64 characters and
//   only the last may be shorter (OpenSSL checks that only for such "encrypted" blocks).
// - `-----END label-----` must repeat the BEGIN label exactly.
// - The data is Base64 as `EVP_DecodeUpdate`/`EVP_DecodeFinal` take it (``Base64/Decoder``).
//
// Errors are `CryptoError(.invalidParameter, "PEM line N: …")` with OpenSSL's PEM reason.

/// One PEM block: its label, the header lines OpenSSL keeps, and the decoded data.
public struct PEMBlock: Hashable, Sendable {
    /// The label of `-----BEGIN label-----` (`RSA PRIVATE KEY`, `PUBLIC KEY`, ...).
    public var label: String
    /// The header lines as OpenSSL's `PEM_read_bio` returns them (each ended by `\n`, e.g.
    /// `Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,…\n`), empty for a block without headers.
    public var headerText: String
    /// The decoded Base64 body.
    public var data: [UInt8]
    /// The line of the BEGIN line in the text parsed, 0 for a block made in code.
    public var line: Int

    /// A block to write.
    /// - Parameters:
    ///   - label: the label, e.g. `PRIVATE KEY`.
    ///   - data: the bytes to encode.
    ///   - headerText: header lines, each ended by `\n`, or empty.
    public init(label: String, data: [UInt8], headerText: String = "") {
        self.label = label
        self.data = data
        self.headerText = headerText
        self.line = 0
    }

    /// The headers as name and value (split at the first ':', the value without leading
    /// spaces and tabs); lines without ':' are left out.
    public var headers: [(name: String, value: String)] {
        headerText.split(separator: "\n").compactMap { l in
            guard let colon = l.firstIndex(of: ":") else { return nil }
            return (String(l[..<colon]), String(l[l.index(after: colon)...].drop { $0 == " " || $0 == "\t" }))
        }
    }

    /// True if the block declares encryption (`Proc-Type: 4,ENCRYPTED`), as OpenSSL's PEM
    /// decoder decides it: a header text longer than 10 characters.
    public var isEncrypted: Bool { headerText.utf8.count > 10 }

    /// The encryption the headers declare (`PEM_get_EVP_CIPHER_INFO`), or nil for a block
    /// without headers. ``decrypted(password:)`` decrypts the block.
    /// - Throws: `invalidParameter` with OpenSSL's reason: `NOT_PROC_TYPE`, `NOT_ENCRYPTED`,
    ///   `SHORT_HEADER`, `NOT_DEK_INFO`, `UNSUPPORTED_ENCRYPTION` (a cipher this build does not
    ///   have), `MISSING_DEK_IV`, `UNEXPECTED_DEK_IV`, `BAD_IV_CHARS`.
    public func encryption() throws -> PEMEncryption? {
        guard isEncrypted else { return nil }
        let h = Array(headerText.utf8)
        var i = 0
        func fail(_ r: OpenSSLReason, _ why: String) -> CryptoError {
            CryptoError(.invalidParameter, "PEM line \(line + 1): \(why)", openSSL: r)
        }
        func skip(_ set: String) { while i < h.count, set.utf8.contains(h[i]) { i += 1 } }
        func take(_ s: String) -> Bool {
            let u = Array(s.utf8)
            guard h.count - i >= u.count, Array(h[i..<(i + u.count)]) == u else { return false }
            i += u.count
            return true
        }
        guard take("Proc-Type:") else { throw fail(.pemNotProcType, "the first header is not Proc-Type") }
        skip(" \t")
        guard take("4,") else { throw fail(.pemNotProcType, "Proc-Type is not '4,'") }
        skip(" \t")
        guard take("ENCRYPTED"), i < h.count, " \t\r\n".utf8.contains(h[i]) else {
            throw fail(.pemNotEncrypted, "Proc-Type is not 4,ENCRYPTED")
        }
        skip(" \t\r")
        guard take("\n") else { throw fail(.pemShortHeader, "text after Proc-Type: 4,ENCRYPTED") }
        guard take("DEK-Info:") else { throw fail(.pemNotDekInfo, "the second header is not DEK-Info") }
        skip(" \t")
        let nameStart = i
        while i < h.count, !" \t,".utf8.contains(h[i]) { i += 1 }
        let name = String(decoding: h[nameStart..<i], as: UTF8.self)
        skip(" \t")
        guard let cipher = try? Registry.cipher(named: name) else {
            throw fail(
                .pemUnsupportedEncryption, "DEK-Info cipher \(name.debugDescription) is unknown or not in this build")
        }
        if cipher.ivLength > 0 {
            guard take(",") else { throw fail(.pemMissingDekIV, "DEK-Info has no IV") }
        } else if i < h.count, h[i] == UInt8(ascii: ",") {
            throw fail(.pemUnexpectedDekIV, "DEK-Info has an IV for a cipher without one")
        }
        var iv = [UInt8](repeating: 0, count: cipher.ivLength)
        for k in 0..<(cipher.ivLength * 2) {
            guard i < h.count, let v = PEM.hexValue(h[i]) else { throw fail(.pemBadIVChars, "bad IV in DEK-Info") }
            iv[k / 2] |= k % 2 == 0 ? v << 4 : v
            i += 1
        }
        return PEMEncryption(cipher: cipher.info.name, iv: iv)
    }

    /// The block as OpenSSL's `PEM_write_bio` writes it: BEGIN line, the header text and a blank
    /// line if there are headers, Base64 in lines of 64 characters, END line, each line ended by `\n`.
    public var pemEncoded: String {
        var out = "-----BEGIN \(label)-----\n"
        if !headerText.isEmpty { out += headerText + "\n" }
        out += String(decoding: Base64.Encoder.encode(data), as: UTF8.self)
        out += "-----END \(label)-----\n"
        return out
    }
}

/// The encryption a traditional PEM block declares (`DEK-Info: AES-128-CBC,<IV hex>`).
public struct PEMEncryption: Hashable, Sendable {
    /// The cipher's OpenSSL name as this build's registry spells it.
    public let cipher: String
    /// The IV (the cipher's IV length).
    public let iv: [UInt8]
}

/// Reading and writing PEM text (see ``PEMBlock``).
public enum PEM {
    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: return c - 48
        case 65...70: return c - 55
        case 97...102: return c - 87
        default: return nil
        }
    }

    static func error(_ reason: OpenSSLReason, line: Int, _ what: String) -> CryptoError {
        CryptoError(.invalidParameter, "PEM line \(line): \(what)", openSSL: reason)
    }

    /// OpenSSL's `BIO_gets` over a memory BIO, then `sanitize_line`.
    struct Lines {
        let text: [UInt8]
        var position = 0
        var line = 1

        /// The next piece: the raw bytes, the sanitized line (ending in '\n'), and its line number.
        mutating func next(firstCall: Bool) -> (raw: ArraySlice<UInt8>, clean: [UInt8], line: Int)? {
            guard position < text.count else { return nil }
            let start = position
            let thisLine = line
            while position < text.count, position - start < 254 {
                let b = text[position]
                position += 1
                if b == 0x0A {
                    line += 1
                    break
                }
            }
            let raw = text[start..<position]
            var clean = Array(raw)
            if firstCall, clean.count > 3, clean[0] == 0xEF, clean[1] == 0xBB, clean[2] == 0xBF {
                clean.removeFirst(3)
            }
            while let last = clean.last, Int8(bitPattern: last) <= 0x20 { clean.removeLast() }
            clean.append(0x0A)
            return (raw, clean, thisLine)
        }
    }

    /// A C string's bytes: up to the first NUL.
    static func cString(_ b: [UInt8]) -> [UInt8] {
        if let z = b.firstIndex(of: 0) { return Array(b[..<z]) }
        return b
    }

    static let begin = Array("-----BEGIN ".utf8)
    static let end = Array("-----END ".utf8)
    static let tail = Array("-----\n".utf8)

    /// Reads the next block; nil if no BEGIN line follows.
    static func readBlock(_ lines: inout Lines) throws -> PEMBlock? {
        var first = true
        var nameBytes: [UInt8] = []
        var beginLine = 0
        while true {
            guard let piece = lines.next(firstCall: first) else { return nil }
            first = false
            let c = piece.clean
            if c.starts(with: begin), c.count >= tail.count, Array(c.suffix(tail.count)) == tail,
                c.count >= begin.count + tail.count
            {
                nameBytes = cString(Array(c[begin.count..<(c.count - tail.count)]))
                beginLine = piece.line
                break
            }
        }
        guard let label = String(validating: nameBytes, as: UTF8.self) else {
            throw error(.pemBadEndLine, line: beginLine, "the label is not UTF-8")
        }
        enum State { case maybeHeader, inHeader, postHeader }
        var state = State.maybeHeader
        var header: [UInt8] = []
        var data: [UInt8] = []
        var dataLines: [(line: Int, bytes: [UInt8])] = []
        var headerLines: [(line: Int, bytes: [UInt8])] = []
        var toData = false
        var ended = false
        var partial = false
        let endLine = end + nameBytes + tail
        while true {
            guard let piece = lines.next(firstCall: false) else {
                throw error(.pemBadEndLine, line: lines.line, "no '-----END \(label)-----' line")
            }
            let prevPartial = partial
            partial = piece.raw.count == 254 && piece.raw.last != 0x0A
            if state == .maybeHeader, piece.raw.contains(UInt8(ascii: ":")) { state = .inHeader }
            let c = piece.clean
            if c[0] == 0x0A {
                if !prevPartial {
                    if state == .postHeader {
                        throw error(.pemBadEndLine, line: piece.line, "a second blank line inside the block")
                    }
                    state = .postHeader
                    toData = true
                }
                continue
            }
            if c.starts(with: end) {
                guard cString(c) == endLine else {
                    throw error(
                        .pemBadEndLine, line: piece.line, "the END line does not match '-----END \(label)-----'")
                }
                if state == .maybeHeader {
                    data = header
                    header = []
                    dataLines = headerLines
                }
                break
            } else if ended {
                throw error(.pemBadEndLine, line: piece.line, "a short data line that is not the last one")
            }
            let content = cString(c)
            if toData {
                data += content
                dataLines.append((piece.line, content))
            } else {
                header += content
                headerLines.append((piece.line, content))
            }
            if state == .postHeader {
                if c.count > 65 {
                    throw error(.pemBadEndLine, line: piece.line, "a data line longer than 64 characters after headers")
                }
                if c.count < 65 { ended = true }
            }
        }
        guard !data.isEmpty else { throw error(.pemBadEndLine, line: beginLine, "block '\(label)' has no data") }
        guard let headerText = String(validating: header, as: UTF8.self) else {
            throw error(.pemBadEndLine, line: beginLine + 1, "the headers are not UTF-8")
        }
        var decoder = Base64.Decoder()
        let bytes: [UInt8]
        do {
            bytes = try decoder.update(data) + decoder.finalize()
        } catch {
            // Find the first line the streaming decoder refuses, for the message.
            var d = Base64.Decoder()
            var at = beginLine
            for l in dataLines {
                at = l.line
                if (try? d.update(l.bytes)) == nil { break }
            }
            throw PEM.error(.pemBadBase64Decode, line: at, "bad Base64 in block '\(label)': \(error)")
        }
        var block = PEMBlock(label: label, data: bytes, headerText: headerText)
        block.line = beginLine
        return block
    }

    /// Every block in `bytes`, in order; text before, between and after blocks is skipped.
    /// - Parameter bytes: PEM text.
    /// - Throws: `invalidParameter` with the line and OpenSSL's reason: `NO_START_LINE` if there
    ///   is no block, `BAD_END_LINE` for a missing or mismatched END line (or a block without
    ///   data, or lines OpenSSL refuses), `BAD_BASE64_DECODE` for bad Base64.
    public static func parseAll(_ bytes: [UInt8]) throws -> [PEMBlock] {
        var lines = Lines(text: bytes)
        var blocks: [PEMBlock] = []
        while let b = try readBlock(&lines) { blocks.append(b) }
        guard !blocks.isEmpty else { throw error(.pemNoStartLine, line: lines.line, "no '-----BEGIN ...-----' line") }
        return blocks
    }

    /// Every block in `text` (see ``parseAll(_:)``).
    /// - Parameter text: PEM text.
    /// - Throws: as ``parseAll(_:)``.
    public static func parseAll(text: String) throws -> [PEMBlock] { try parseAll(Array(text.utf8)) }

    /// The first block with `label` (blocks with other labels before it are skipped, as
    /// `PEM_bytes_read_bio` skips them), or the first block if `label` is nil.
    /// - Parameters:
    ///   - bytes: PEM text.
    ///   - label: the label wanted, or nil for any.
    /// - Throws: as ``parseAll(_:)``; `NO_START_LINE` if no block has `label`.
    public static func parse(_ bytes: [UInt8], label: String? = nil) throws -> PEMBlock {
        var lines = Lines(text: bytes)
        while let b = try readBlock(&lines) {
            if label == nil || b.label == label { return b }
        }
        throw error(.pemNoStartLine, line: lines.line, "no '-----BEGIN \(label ?? "...")-----' line")
    }

    /// The first block with `label` in `text` (see ``parse(_:label:)``).
    /// - Parameters:
    ///   - text: PEM text.
    ///   - label: the label wanted, or nil for any.
    /// - Throws: as ``parse(_:label:)``.
    public static func parse(text: String, label: String? = nil) throws -> PEMBlock {
        try parse(Array(text.utf8), label: label)
    }

    /// `data` as a PEM block with `label`, as `PEM_write_bio` writes it.
    /// - Parameters:
    ///   - label: the label.
    ///   - data: the bytes.
    public static func encode(label: String, data: [UInt8]) -> String {
        PEMBlock(label: label, data: data).pemEncoded
    }
}

extension OpenSSLReason {
    private static func pem(_ name: String, _ code: Int) -> OpenSSLReason {
        OpenSSLReason(
            library: "PEM", name: name, code: code, text: String(name.lowercased().map { $0 == "_" ? " " : $0 }))
    }

    /// No BEGIN line (`PEM_R_NO_START_LINE`).
    public static let pemNoStartLine = pem("NO_START_LINE", 108)
    /// A missing or mismatched END line, or a block OpenSSL refuses (`PEM_R_BAD_END_LINE`).
    public static let pemBadEndLine = pem("BAD_END_LINE", 102)
    /// Bad Base64 in the body (`PEM_R_BAD_BASE64_DECODE`).
    public static let pemBadBase64Decode = pem("BAD_BASE64_DECODE", 100)
    /// The first header is not `Proc-Type:` (`PEM_R_NOT_PROC_TYPE`).
    public static let pemNotProcType = pem("NOT_PROC_TYPE", 107)
    /// `Proc-Type` is not `4,ENCRYPTED` (`PEM_R_NOT_ENCRYPTED`).
    public static let pemNotEncrypted = pem("NOT_ENCRYPTED", 106)
    /// Text after `ENCRYPTED` on its line (`PEM_R_SHORT_HEADER`).
    public static let pemShortHeader = pem("SHORT_HEADER", 112)
    /// The second header is not `DEK-Info:` (`PEM_R_NOT_DEK_INFO`).
    public static let pemNotDekInfo = pem("NOT_DEK_INFO", 105)
    /// The DEK-Info cipher is unknown (`PEM_R_UNSUPPORTED_ENCRYPTION`).
    public static let pemUnsupportedEncryption = pem("UNSUPPORTED_ENCRYPTION", 114)
    /// DEK-Info lacks the IV its cipher needs (`PEM_R_MISSING_DEK_IV`).
    public static let pemMissingDekIV = pem("MISSING_DEK_IV", 129)
    /// DEK-Info has an IV its cipher does not take (`PEM_R_UNEXPECTED_DEK_IV`).
    public static let pemUnexpectedDekIV = pem("UNEXPECTED_DEK_IV", 130)
    /// The DEK-Info IV is not hex of the right length (`PEM_R_BAD_IV_CHARS`).
    public static let pemBadIVChars = pem("BAD_IV_CHARS", 103)
}
