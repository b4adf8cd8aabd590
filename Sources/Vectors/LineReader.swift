#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a text file one line at a time, so that no vector file is ever held whole in memory.
public final class LineReader {
    private let file: UnsafeMutablePointer<FILE>
    private var buffer: UnsafeMutablePointer<CChar>? = nil
    private var capacity: Int = 0
    /// The 1-based number of the line last returned.
    public private(set) var lineNumber = 0

    /// Opens `path`; throws `path: reason` if it cannot be read.
    public init(path: String) throws {
        guard let f = fopen(path, "r") else {
            throw FieldError("cannot open: \(String(cString: strerror(errno)))")
        }
        var st = stat()
        if fstat(fileno(f), &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
            fclose(f)
            throw FieldError("is a directory")
        }
        file = f
    }

    deinit {
        free(buffer)
        fclose(file)
    }

    /// The next line without its line ending, or nil at end of file.
    public func next() throws -> String? {
        let n = getline(&buffer, &capacity, file)
        if n < 0 {
            if ferror(file) != 0 { throw FieldError("read error: \(String(cString: strerror(errno)))") }
            return nil
        }
        lineNumber += 1
        var len = n
        let raw = UnsafeMutableRawPointer(buffer!).assumingMemoryBound(to: UInt8.self)
        while len > 0, raw[len - 1] == 0x0A || raw[len - 1] == 0x0D { len -= 1 }
        return String(decoding: UnsafeBufferPointer(start: raw, count: len), as: UTF8.self)
    }
}
