import Foundation
import Vectors

/// Where the harness finds its own vectors and manifests, and the corpora that set-up fetched.
public struct Locations: Sendable {
    /// The checkout (holds `TestVectors/`).
    public var repository: String
    /// The set-up cache (`$CONFRUN_CACHE`, else `~/.cache/swift-libcrypto`).
    public var cache: String

    public init(repository: String, cache: String) {
        self.repository = repository
        self.cache = cache
    }

    public var manifestsDirectory: String { repository + "/TestVectors/manifests" }

    /// Finds the checkout from `$CONFRUN_ROOT`, the working directory or the executable's path.
    public static func discover() -> Locations {
        let env = ProcessInfo.processInfo.environment
        let cache = env["CONFRUN_CACHE"] ?? ((env["HOME"] ?? "/root") + "/.cache/swift-libcrypto")
        var candidates: [String] = []
        if let r = env["CONFRUN_ROOT"] { candidates.append(r) }
        candidates.append(FileManager.default.currentDirectoryPath)
        candidates.append(
            URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().path)
        for start in candidates {
            var dir = URL(fileURLWithPath: start).standardizedFileURL
            for _ in 0..<8 {
                if FileManager.default.fileExists(atPath: dir.path + "/TestVectors/manifests") {
                    return Locations(repository: dir.path, cache: cache)
                }
                dir.deleteLastPathComponent()
            }
        }
        return Locations(repository: FileManager.default.currentDirectoryPath, cache: cache)
    }

    /// Resolves a manifest `root` (`cache:...`, `repo:...`); a `*` in the last parts picks the
    /// newest match (e.g. an unpacked `openssl-3.0.*`). Nil if it is not there.
    public func resolveRoot(_ root: String) -> String? {
        let path: String
        if root.hasPrefix("cache:") {
            path = cache + "/" + root.dropFirst(6)
        } else if root.hasPrefix("repo:") {
            path = repository + "/" + root.dropFirst(5)
        } else {
            path = root
        }
        return expand(path)
    }

    /// Orders names with their digit runs compared as numbers (`3.0.9` before `3.0.22`).
    static func versionOrder(_ a: String, _ b: String) -> Bool {
        func parts(_ s: String) -> [Either] {
            var out: [Either] = []
            var digits = ""
            var other = ""
            for c in s {
                if c.isNumber {
                    if !other.isEmpty {
                        out.append(.text(other))
                        other = ""
                    }
                    digits.append(c)
                } else {
                    if !digits.isEmpty {
                        out.append(.number(Int(digits) ?? 0))
                        digits = ""
                    }
                    other.append(c)
                }
            }
            if !digits.isEmpty { out.append(.number(Int(digits) ?? 0)) }
            if !other.isEmpty { out.append(.text(other)) }
            return out
        }
        let x = parts(a)
        let y = parts(b)
        for (p, q) in zip(x, y) where p != q {
            switch (p, q) {
            case (.number(let m), .number(let n)): return m < n
            case (.text(let s), .text(let t)): return s < t
            case (.number, .text): return true
            case (.text, .number): return false
            }
        }
        return x.count < y.count
    }

    enum Either: Equatable {
        case number(Int)
        case text(String)
    }

    private func expand(_ path: String) -> String? {
        guard path.contains("*") else { return FileManager.default.fileExists(atPath: path) ? path : nil }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var bases = [""]
        for (i, part) in parts.enumerated() {
            if i == 0 && part.isEmpty {
                bases = ["/"]
                continue
            }
            var next: [String] = []
            for b in bases {
                let dir = b.isEmpty ? "." : b
                if part.contains("*") {
                    let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter {
                        Glob.matches(part, $0)
                    }.sorted(by: Self.versionOrder)
                    next += names.reversed().map { b == "/" ? "/" + $0 : b + "/" + $0 }
                } else {
                    next.append(b == "/" ? "/" + part : (b.isEmpty ? part : b + "/" + part))
                }
            }
            bases = next.filter { FileManager.default.fileExists(atPath: $0) }
        }
        return bases.first
    }
}
