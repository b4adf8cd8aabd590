#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What kind of file `mode` is, for messages (`a FIFO`, `a character device`).
func fileKind(_ mode: mode_t) -> String {
    switch mode & S_IFMT {
    case S_IFDIR: return "a directory"
    case S_IFIFO: return "a FIFO"
    case S_IFCHR: return "a character device"
    case S_IFBLK: return "a block device"
    case S_IFSOCK: return "a socket"
    case S_IFLNK: return "a symbolic link"
    default: return "not a regular file"
    }
}

/// Nil if `path` is a regular file (after symbolic links), else why it is not one to read:
/// a FIFO would block `open` for ever, `/dev/zero` never ends. Does not open the file.
public func regularFileProblem(_ path: String) -> String? {
    var st = stat()
    guard stat(path, &st) == 0 else { return "cannot open: \(String(cString: strerror(errno)))" }
    let kind = st.st_mode & S_IFMT
    if kind == S_IFREG { return nil }
    if kind == S_IFDIR { return "is a directory" }
    return "not a regular file (\(fileKind(st.st_mode)))"
}

/// Opens a regular file for reading, refusing anything else before and after `open`
/// (non-blocking, so a FIFO put in its place in between cannot hang it). Returns the descriptor.
func openRegularFile(_ path: String) throws -> (fd: Int32, size: Int) {
    if let problem = regularFileProblem(path) { throw FieldError(problem) }
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { throw FieldError("cannot open: \(String(cString: strerror(errno)))") }
    var st = stat()
    guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
        close(fd)
        throw FieldError(st.st_mode & S_IFMT == S_IFDIR ? "is a directory" : "not a regular file")
    }
    let flags = fcntl(fd, F_GETFL)
    if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
    return (fd, Int(st.st_size))
}

/// Reads a whole regular file of at most `limit` bytes (Wycheproof JSON).
public func readRegularFile(_ path: String, limit: Int) throws -> [UInt8] {
    let (fd, size) = try openRegularFile(path)
    defer { close(fd) }
    guard size <= limit else {
        throw FieldError("file of \(size) bytes is larger than the \(limit >> 20) MiB a vector file may have")
    }
    var out = [UInt8](repeating: 0, count: size)
    var got = 0
    while got < size {
        let n = out.withUnsafeMutableBytes { read(fd, $0.baseAddress! + got, size - got) }
        if n < 0 {
            if errno == EINTR { continue }
            throw FieldError("read error: \(String(cString: strerror(errno)))")
        }
        if n == 0 { break }
        got += n
    }
    out.removeLast(size - got)
    return out
}

/// Reads a text file one line at a time, so that no vector file is ever held whole in memory.
/// Only regular files are read, and a line may be at most `maxLineLength` bytes: a file that
/// never ends a line is an error at that line, not a reader that grows without bound.
public final class LineReader {
    /// The longest line accepted (the longest in the installed corpora is well under 1 MiB).
    public static let maxLineLength = 16 << 20
    private let fd: Int32
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var atEOF = false
    private var failed = false
    /// The 1-based number of the line last returned.
    public private(set) var lineNumber = 0

    /// Opens `path`; throws `path: reason` if it cannot be read or is not a regular file.
    public init(path: String) throws {
        fd = try openRegularFile(path).fd
        buffer = [UInt8](repeating: 0, count: 1 << 16)
    }

    deinit { close(fd) }

    private func fill() throws {
        start = 0
        end = 0
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                failed = true
                throw FieldError("read error: \(String(cString: strerror(errno)))")
            }
            if n == 0 { atEOF = true }
            end = n
            return
        }
    }

    /// The next line without its line ending, or nil at end of file.
    public func next() throws -> String? {
        if failed { return nil }
        var line: [UInt8] = []
        var any = false
        while true {
            if start == end {
                if atEOF { break }
                try fill()
                continue
            }
            any = true
            var i = start
            var found = false
            buffer.withUnsafeBufferPointer { b in
                while i < end, b[i] != 0x0A { i += 1 }
                found = i < end
            }
            line.append(contentsOf: buffer[start..<i])
            start = found ? i + 1 : i
            if line.count > Self.maxLineLength {
                lineNumber += 1
                failed = true
                throw FieldError(
                    "line longer than \(Self.maxLineLength >> 20) MiB (no line end); rest of file not read")
            }
            if found { break }
        }
        if !any { return nil }
        lineNumber += 1
        while let l = line.last, l == 0x0A || l == 0x0D { line.removeLast() }
        // Repairing invalid UTF-8 (U+FFFD for each bad byte) would silently change a text
        // value such as a password: the parser fuzz targets found a 381-byte file whose
        // password came out 386 bytes long. No installed corpus file has a byte that is not
        // UTF-8, so such a line is an error of the file.
        guard let text = String(validating: line, as: UTF8.self) else {
            failed = true
            let column = Self.firstInvalidUTF8(line).map { " (byte \($0 + 1))" } ?? ""
            throw FieldError("line is not valid UTF-8\(column); rest of file not read")
        }
        return text
    }

    /// The offset of the first byte that does not begin or continue a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let n = b < 0x80 ? 1 : b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
            guard n > 0, i + n <= bytes.count,
                String(validating: bytes[i..<i + n], as: UTF8.self) != nil
            else { return i }
            i += n
        }
        return nil
    }
}
