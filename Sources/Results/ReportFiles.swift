import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

private func systemWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { write(fd, p, n) }

/// Writes report files so that a run leaves either all of its reports or none: each is written
/// to a temporary file in its own folder, then all are renamed into place; a failure (or an
/// interrupt while writing) removes the temporary files. `problem(writing:)` lets a command
/// refuse an unwritable path before the run rather than after it.
public enum ReportFiles {
    /// The folder `path` is in (`.` for a bare name).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Nil if a report can be written at `path`, else why not (checked by creating and removing
    /// a temporary file next to it; an existing report is left alone).
    public static func problem(writing path: String) -> String? {
        var st = stat()
        if stat(path, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFDIR { return "is a directory" }
            if (st.st_mode & S_IFMT) != S_IFREG { return "not a regular file" }
            if access(path, W_OK) != 0 { return "not writable: \(String(cString: strerror(errno)))" }
        }
        let dir = folder(of: path)
        var template = Array((dir + "/.confrun-check.XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return "cannot create a file in \(dir): \(String(cString: strerror(errno)))" }
        close(fd)
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return nil
    }

    /// Writes every file, all or nothing: temporaries first, then the renames. Throws a message
    /// naming the path that failed; no temporary file is left behind.
    public static func write(_ files: [(path: String, data: Data)]) throws {
        var temps: [String] = []
        defer { Pending.clear() }
        do {
            for f in files {
                let dir = folder(of: f.path)
                var template = Array((dir + "/.confrun-report.XXXXXX").utf8CString)
                let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
                guard fd >= 0 else {
                    throw FileError(path: f.path, message: String(cString: strerror(errno)))
                }
                let temp = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
                temps.append(temp)
                Pending.add(temp)
                _ = fchmod(fd, 0o644)
                var ok = true
                f.data.withUnsafeBytes { raw in
                    var off = 0
                    while off < raw.count {
                        let n = systemWrite(fd, raw.baseAddress! + off, raw.count - off)
                        if n < 0 {
                            if errno == EINTR { continue }
                            ok = false
                            return
                        }
                        off += n
                    }
                }
                let err = errno
                if close(fd) != 0 { ok = false }
                guard ok else { throw FileError(path: f.path, message: String(cString: strerror(err))) }
            }
            for (f, temp) in zip(files, temps) {
                guard rename(temp, f.path) == 0 else {
                    throw FileError(path: f.path, message: String(cString: strerror(errno)))
                }
            }
        } catch {
            for t in temps { unlink(t) }
            throw error
        }
    }

    public struct FileError: Error, CustomStringConvertible {
        public var path: String
        public var message: String
        public var description: String { "cannot write \(path): \(message)" }
    }

    /// Temporary files being written, removed by SIGINT/SIGTERM before the process dies.
    enum Pending {
        static let capacity = 16
        nonisolated(unsafe) static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
            let p = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
            p.initialize(repeating: nil, count: capacity)
            return p
        }()
        nonisolated(unsafe) static var installed = false

        static func add(_ path: String) {
            if !installed {
                installed = true
                _ = slots
                for sig in [SIGINT, SIGTERM, SIGHUP] {
                    signal(sig) { s in
                        for i in 0..<ReportFiles.Pending.capacity {
                            if let p = ReportFiles.Pending.slots[i] { unlink(p) }
                        }
                        signal(s, SIG_DFL)
                        raise(s)
                    }
                }
            }
            for i in 0..<capacity where slots[i] == nil {
                slots[i] = strdup(path)
                return
            }
        }

        static func clear() {
            for i in 0..<capacity {
                if let p = slots[i] {
                    slots[i] = nil
                    free(p)
                }
            }
        }
    }
}
