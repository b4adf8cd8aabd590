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
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().path)
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
        if root.hasPrefix("cache:") { path = cache + "/" + root.dropFirst(6) }
        else if root.hasPrefix("repo:") { path = repository + "/" + root.dropFirst(5) }
        else { path = root }
        return expand(path)
    }

    private func expand(_ path: String) -> String? {
        guard path.contains("*") else { return FileManager.default.fileExists(atPath: path) ? path : nil }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var bases = [""]
        for (i, part) in parts.enumerated() {
            if i == 0 && part.isEmpty { bases = ["/"]; continue }
            var next: [String] = []
            for b in bases {
                let dir = b.isEmpty ? "." : b
                if part.contains("*") {
                    let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { Glob.matches(part, $0) }.sorted()
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
