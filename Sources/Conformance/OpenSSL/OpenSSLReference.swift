import COpenSSL
import Foundation
import LibCrypto

// The loader: finding and dlopen-ing the reference libcrypto (the system's or a source build).

/// The reference libcrypto, loaded at run time (`dlopen`), never linked: a missing library is
/// a `LoadError` with one line to show, not a failure of the dynamic loader before `main`.
///
/// One library per process. `OPENSSL_MODULES` and `OPENSSL_ia32cap` are set before it is
/// opened, since OpenSSL reads them as it initialises (CPU features) and loads providers.
public enum OpenSSLReference {
    /// Why the reference could not be had, as one line
    /// (`reference libcrypto not loadable: /x/libcrypto.so.3: cannot open shared object file: …`).
    public struct LoadError: Error, CustomStringConvertible, Sendable {
        public let message: String
        public init(_ message: String) { self.message = message }
        public var description: String { message }
    }

    /// The library this process loaded.
    public struct Library: Sendable, Equatable {
        /// As asked for (`libcrypto.so.3`, or a path).
        public let requested: String
        /// The file the dynamic loader opened.
        public let path: String
        /// `OPENSSL_MODULES` as set for it (nil: the library's built-in default).
        public let modulesPath: String?
        /// `OPENSSL_ia32cap` as set for it (nil: all CPU features).
        public let cpucap: String?
        /// `OpenSSL 3.0.19 27 Jan 2026`.
        public let versionText: String
        /// `3.0.19`.
        public let version: String
    }

    /// The system library's name, as the dynamic loader searches for it.
    public static let systemLibraryName = "libcrypto.so.3"
    /// Environment variable naming the library to use as the system one (a path or file name).
    public static let libraryVariable = "CONFRUN_LIBCRYPTO"

    /// `$CONFRUN_LIBCRYPTO` if set, else `libcrypto.so.3`.
    public static var systemLibrary: String {
        let v = ProcessInfo.processInfo.environment[libraryVariable] ?? ""
        return v.isEmpty ? systemLibraryName : v
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var current: Library?

    /// The loaded library, if one is.
    public static var loaded: Library? {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    /// Loads the library (once per process) and resolves every function the harness uses.
    ///
    /// - Parameters:
    ///   - libraryPath: a path or file name; nil for `systemLibrary`, or, once a library is
    ///     loaded, for that one.
    ///   - modulesPath: `OPENSSL_MODULES` (where `legacy.so` is); nil leaves the environment as is.
    ///   - cpucap: `OPENSSL_ia32cap`, e.g. `0` for OpenSSL's generic C paths; nil leaves it as is.
    /// - Returns: the library loaded, which is the one already loaded when it is the same file.
    /// - Throws: `LoadError` when the library cannot be opened, lacks a function, is not 3.x, or
    ///   another library (or another CPU mask or module folder) is already in use.
    @discardableResult
    public static func loadLibrary(libraryPath: String? = nil, modulesPath: String? = nil, cpucap: String? = nil) throws
        -> Library
    {
        lock.lock()
        defer { lock.unlock() }
        if let lib = current {
            if let m = modulesPath, m != lib.modulesPath {
                throw LoadError(
                    "reference libcrypto already loaded with OPENSSL_MODULES=\(lib.modulesPath ?? "(default)"); cannot switch to \(m)"
                )
            }
            if let c = cpucap, c != lib.cpucap {
                throw LoadError(
                    "reference libcrypto already loaded with OPENSSL_ia32cap=\(lib.cpucap ?? "(unset)"); cannot switch to \(c)"
                )
            }
            guard let path = libraryPath else { return lib }
            try open(path)
            return lib
        }
        let path = libraryPath ?? systemLibrary
        if let m = modulesPath { setenv("OPENSSL_MODULES", m, 1) }
        if let c = cpucap { setenv("OPENSSL_ia32cap", c, 1) }
        try open(path)
        let env = ProcessInfo.processInfo.environment
        let lib = Library(
            requested: path, path: ref_loaded_path().map { String(cString: $0) } ?? path,
            modulesPath: modulesPath ?? env["OPENSSL_MODULES"], cpucap: cpucap ?? env["OPENSSL_ia32cap"],
            versionText: versionString(Int32(OPENSSL_VERSION)), version: versionString(Int32(OPENSSL_VERSION_STRING)))
        current = lib
        return lib
    }

    private static func open(_ path: String) throws {
        var error = [CChar](repeating: 0, count: 1024)
        let ok = error.withUnsafeMutableBufferPointer { ref_load(path, $0.baseAddress, $0.count) }
        guard ok == 1 else {
            let why = String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                .replacingOccurrences(of: "\n", with: " ")
            throw LoadError("reference libcrypto not loadable: " + (why.isEmpty ? path : why))
        }
    }

    private static func versionString(_ which: Int32) -> String {
        guard let p = ref_OpenSSL_version(which) else { return "" }
        return String(cString: p)
    }

    /// Loads the library (see `loadLibrary`) and sets up an implementation on it, in a library
    /// context of its own with the `default` and `legacy` providers.
    public static func load(libraryPath: String? = nil, modulesPath: String? = nil, cpucap: String? = nil) throws
        -> OpenSSLImplementation
    {
        try loadLibrary(libraryPath: libraryPath, modulesPath: modulesPath, cpucap: cpucap)
        return try OpenSSLImplementation()
    }

    /// The library and provider folder of an OpenSSL built from source (`confrun reference
    /// build`): `libcrypto.so.3` at the root (or in `lib64/`, `lib/`), providers in `providers/`
    /// (or `ossl-modules/` beside the library, as installed).
    public static func sourceBuild(folder: String) throws -> (library: String, modules: String) {
        let root = URL(fileURLWithPath: folder).standardizedFileURL.path
        let candidates = ["\(root)/libcrypto.so.3", "\(root)/lib64/libcrypto.so.3", "\(root)/lib/libcrypto.so.3"]
        guard let lib = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            throw LoadError("reference libcrypto not loadable: no libcrypto.so.3 under \(root)")
        }
        let libDir = (lib as NSString).deletingLastPathComponent
        let modules =
            ["\(root)/providers", "\(libDir)/ossl-modules"].first { FileManager.default.fileExists(atPath: $0) }
            ?? "\(root)/providers"
        return (lib, modules)
    }
}

/// The loaded OpenSSL's own description of itself (loading the system library if none is).
public enum OpenSSLVersion {
    /// `OpenSSL 3.0.19 27 Jan 2026` (`OpenSSL_version(OPENSSL_VERSION)`); `not loaded: …` without a library.
    public static var text: String {
        do { return try OpenSSLReference.loadLibrary().versionText } catch { return "not loaded: \(error)" }
    }
    /// `3.0.19` (`OpenSSL_version(OPENSSL_VERSION_STRING)`); empty without a library.
    public static var number: String { (try? OpenSSLReference.loadLibrary())?.version ?? "" }
}
