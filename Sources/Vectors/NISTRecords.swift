/// One `key = value` record of a NIST-style file (CAVP `.rsp`, the `.txt` files of
/// cryptography-vectors), with the section headers (`[L = 20]`) in force where it stands.
public struct NISTRecord: Sendable {
    public struct Field: Sendable {
        public var key: String
        public var value: String
        public var line: Int
    }
    /// Line of the record's first field.
    public var line: Int
    public var fields: [Field]
    public var sections: [String: String]

    public func field(_ key: String) -> Field? { fields.first { $0.key == key } }
    public func has(_ key: String) -> Bool { fields.contains { $0.key == key } }
}

/// Splits a NIST-style file into records: blank lines separate records, `#` starts a comment,
/// `[K = V]` or `[K]` sets a section header. Lines of any other shape are reported and skipped.
public final class NISTRecordReader {
    private let lines: LineReader
    private var sections: [String: String] = [:]
    /// Distinct section names a file may set: each record carries the headers in force, so an
    /// unbounded number would make every record (and every header change) cost more.
    public static let maxSections = 256
    public let path: String
    /// The number of the line last read.
    public var lineNumber: Int { lines.lineNumber }
    private let onBadLine: (Int, String) -> Void

    public init(path: String, onBadLine: @escaping (Int, String) -> Void) throws {
        self.path = path
        self.lines = try LineReader(path: path)
        self.onBadLine = onBadLine
    }

    /// A section header met right after a record's last field: it ends that record and
    /// applies only from the next one on.
    private var pendingHeader: (text: Substring, line: Int)? = nil

    private func applyHeader(_ inner: Substring, line: Int) {
        if inner == "ENCRYPT" || inner == "DECRYPT" {
            sections["ENCRYPT"] = nil
            sections["DECRYPT"] = nil
        }
        // `[Alen = 0, Plen = 0, Nlen = 7, Tlen = 4]` sets several at once.
        let parts = inner.filter { $0 == "=" }.count > 1 ? inner.split(separator: ",") : [inner]
        for part in parts {
            let key: String
            let value: String
            if let eq = part.firstIndex(of: "=") {
                key = String(part[..<eq].trimmingWhitespace())
                value = String(part[part.index(after: eq)...].trimmingWhitespace())
            } else {
                key = String(part.trimmingWhitespace())
                value = ""
            }
            if sections[key] == nil, sections.count >= Self.maxSections {
                onBadLine(line, "more than \(Self.maxSections) distinct section names; [\(key.prefix(40))] ignored")
                continue
            }
            sections[key] = value
        }
    }

    public func next() throws -> NISTRecord? {
        if let h = pendingHeader {
            applyHeader(h.text, line: h.line)
            pendingHeader = nil
        }
        var fields: [NISTRecord.Field] = []
        var first = 0
        while let raw = try lines.next() {
            let n = lines.lineNumber
            var text = raw[...].trimmingWhitespace()
            if text.first == "#" { continue }
            if let hash = text.firstIndex(of: "#") { text = text[..<hash] }
            let line = text.trimmingWhitespace()
            if line.isEmpty {
                if !fields.isEmpty { break }
                continue
            }
            if line.first == "[" {
                guard line.last == "]" else {
                    onBadLine(n, "unterminated section header")
                    continue
                }
                let inner = line.dropFirst().dropLast()
                if !fields.isEmpty {
                    pendingHeader = (inner, n)
                    break
                }
                applyHeader(inner, line: n)
                continue
            }
            guard let eq = line.firstIndex(of: "=") else {
                // A bare word (`FAIL` in CAVP GCM and key-wrap files) is a flag field.
                if line.allSatisfy({ $0.isLetter || $0 == "_" }) {
                    if fields.isEmpty { first = n }
                    fields.append(.init(key: String(line), value: "", line: n))
                } else {
                    onBadLine(n, "expected 'key = value', found '\(line.prefix(40))'")
                }
                continue
            }
            let key = String(line[..<eq].trimmingWhitespace())
            let value = String(line[line.index(after: eq)...].trimmingWhitespace())
            if fields.isEmpty { first = n }
            fields.append(.init(key: key, value: value, line: n))
        }
        if fields.isEmpty { return nil }
        return NISTRecord(line: first, fields: fields, sections: sections)
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
        return s
    }
}
