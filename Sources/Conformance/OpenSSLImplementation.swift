import COpenSSL
import Foundation
import LibCrypto
import Vectors

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
    public static func loadLibrary(libraryPath: String? = nil, modulesPath: String? = nil, cpucap: String? = nil) throws -> Library {
        lock.lock()
        defer { lock.unlock() }
        if let lib = current {
            if let m = modulesPath, m != lib.modulesPath {
                throw LoadError("reference libcrypto already loaded with OPENSSL_MODULES=\(lib.modulesPath ?? "(default)"); cannot switch to \(m)")
            }
            if let c = cpucap, c != lib.cpucap {
                throw LoadError("reference libcrypto already loaded with OPENSSL_ia32cap=\(lib.cpucap ?? "(unset)"); cannot switch to \(c)")
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
        let lib = Library(requested: path, path: ref_loaded_path().map { String(cString: $0) } ?? path,
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
    public static func load(libraryPath: String? = nil, modulesPath: String? = nil, cpucap: String? = nil) throws -> OpenSSLImplementation {
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
        let modules = ["\(root)/providers", "\(libDir)/ossl-modules"].first { FileManager.default.fileExists(atPath: $0) } ?? "\(root)/providers"
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

/// The C reference: the system's (or a source-built) OpenSSL 3 libcrypto, driven through EVP in a
/// library context of its own with the `default` and `legacy` providers loaded.
///
/// It mirrors `LibCryptoImplementation` call for call, so that any difference between the two is
/// a difference between the libraries: the same update splits (`pieces`), the same AEAD tag
/// handling, iterations, keystream offset, CFB1 bit lengths, padding, RC2 effective bits, RC5
/// rounds and updated IV. What it can run is discovered by fetching, never assumed.
public final class OpenSSLImplementation: Implementation {
    public let name: String
    /// `3.0.19`: the library's version string.
    public let version: String
    /// The libcrypto this runs on (file, module folder, CPU mask).
    public let library: OpenSSLReference.Library
    /// The providers loaded in this implementation's library context (`default`, `legacy`).
    public let providers: [String]
    /// Why the `legacy` provider is not there, if it is not (its algorithms then report this).
    public let legacyProblem: String?

    private let libctx: OpaquePointer
    private var loaded: [OpaquePointer] = []
    private let lock = NSLock()
    /// Fetched algorithms by "kind|lowercased name", and the reasons for those the reference lacks.
    private var fetchedObjects: [String: (FetchKind, OpaquePointer)] = [:]
    private var missing: [String: String] = [:]

    enum FetchKind: String {
        case digest = "EVP_MD_fetch"
        case cipher = "EVP_CIPHER_fetch"
        case mac = "EVP_MAC_fetch"
        case kdf = "EVP_KDF_fetch"
    }

    /// Creates a library context and loads the `default` and `legacy` providers into it, in the
    /// reference library (`OpenSSLReference`; the system's, unless one is loaded already). A
    /// missing `legacy` provider is recorded (`legacyProblem`), not fatal.
    /// - Throws: `OpenSSLReference.LoadError` if there is no library to load;
    ///   `unsupportedOperation` if the context or the `default` provider cannot be had.
    public init() throws {
        library = try OpenSSLReference.loadLibrary()
        ref_ERR_clear_error()
        guard let ctx = ref_OSSL_LIB_CTX_new() else {
            throw CryptoError(.unsupportedOperation, "OSSL_LIB_CTX_new: \(Self.takeError().text)")
        }
        // Loading a provider explicitly disables the implicit `default`; load it by name too.
        guard let def = ref_OSSL_PROVIDER_load(ctx, "default") else {
            let why = Self.takeError().text
            ref_OSSL_LIB_CTX_free(ctx)
            throw CryptoError(.unsupportedOperation, "OSSL_PROVIDER_load(default): \(why)")
        }
        var loaded = [def]
        var names = ["default"]
        var legacyProblem: String? = nil
        if let legacy = ref_OSSL_PROVIDER_load(ctx, "legacy") {
            loaded.append(legacy)
            names.append("legacy")
        } else {
            legacyProblem = "OSSL_PROVIDER_load(legacy): \(Self.takeError().text)"
        }
        libctx = ctx
        self.loaded = loaded
        self.legacyProblem = legacyProblem
        let v = library.version
        version = v
        name = "OpenSSL \(v)"
        providers = names
    }

    deinit {
        for (_, (kind, p)) in fetchedObjects {
            switch kind {
            case .digest: ref_EVP_MD_free(p)
            case .cipher: ref_EVP_CIPHER_free(p)
            case .mac: ref_EVP_MAC_free(p)
            case .kdf: ref_EVP_KDF_free(p)
            }
        }
        for p in loaded.reversed() { _ = ref_OSSL_PROVIDER_unload(p) }
        ref_OSSL_LIB_CTX_free(libctx)
    }

    // MARK: - Errors

    struct ErrorInfo {
        var text: String
        var library: Int32
        var reason: Int32
    }

    /// The oldest error on this thread's OpenSSL error queue; the queue is cleared.
    static func takeError() -> ErrorInfo {
        let e = ref_ERR_get_error()
        defer { ref_ERR_clear_error() }
        guard e != 0 else { return ErrorInfo(text: "no error reported by OpenSSL", library: 0, reason: 0) }
        var buf = [CChar](repeating: 0, count: 256)
        let text = buf.withUnsafeMutableBufferPointer { b -> String in
            guard let base = b.baseAddress else { return "error \(e)" }
            ref_ERR_error_string_n(e, base, b.count)
            return String(cString: base)
        }
        return ErrorInfo(text: text, library: shim_ERR_GET_LIB(e), reason: shim_ERR_GET_REASON(e))
    }

    static func failure(_ code: CryptoError.Code, _ function: String) -> CryptoError {
        CryptoError(code, "\(function): \(takeError().text)")
    }

    /// A failed cipher update or final, classified like LibCrypto's errors: bad padding is
    /// `badDecrypt`, a partial final block `invalidLength`, anything else `invalidParameter`.
    static func cipherFailure(_ function: String) -> CryptoError {
        let e = takeError()
        var code = CryptoError.Code.invalidParameter
        if e.library == ERR_LIB_PROV {
            if e.reason == PROV_R_BAD_DECRYPT { code = .badDecrypt }
            if e.reason == PROV_R_WRONG_FINAL_BLOCK_LENGTH { code = .invalidLength }
        } else if e.library == ERR_LIB_EVP {
            if e.reason == EVP_R_BAD_DECRYPT { code = .badDecrypt }
            if e.reason == EVP_R_WRONG_FINAL_BLOCK_LENGTH || e.reason == EVP_R_DATA_NOT_MULTIPLE_OF_BLOCK_LENGTH { code = .invalidLength }
        }
        return CryptoError(code, "\(function): \(e.text)")
    }

    // MARK: - Fetching

    /// Fetches (once) and caches `name` of `kind`; nil with OpenSSL's reason when it is not there.
    func fetch(_ kind: FetchKind, _ name: String) -> Result<OpaquePointer, CryptoError> {
        let key = kind.rawValue + "|" + name.lowercased()
        lock.lock()
        defer { lock.unlock() }
        if let (_, p) = fetchedObjects[key] { return .success(p) }
        if let why = missing[key] { return .failure(CryptoError(.unknownAlgorithm, why)) }
        ref_ERR_clear_error()
        let p: OpaquePointer?
        switch kind {
        case .digest: p = ref_EVP_MD_fetch(libctx, name, nil)
        case .cipher: p = ref_EVP_CIPHER_fetch(libctx, name, nil)
        case .mac: p = ref_EVP_MAC_fetch(libctx, name, nil)
        case .kdf: p = ref_EVP_KDF_fetch(libctx, name, nil)
        }
        if let p {
            ref_ERR_clear_error()
            fetchedObjects[key] = (kind, p)
            return .success(p)
        }
        var why = "reference lacks \(name) (\(kind.rawValue): \(Self.takeError().text))"
        if let l = legacyProblem { why += "; the legacy provider is not loaded (\(l))" }
        missing[key] = why
        return .failure(CryptoError(.unknownAlgorithm, why))
    }

    private func fetched(_ kind: FetchKind, _ name: String) throws -> OpaquePointer {
        try fetch(kind, name).get()
    }

    public func availability(of algorithm: String, family: AlgorithmFamily) -> Availability {
        let kind: FetchKind
        switch family {
        case .digest, .xof: kind = .digest
        case .cipher: kind = .cipher
        case .mac: kind = .mac
        case .kdf: kind = .kdf
        }
        switch fetch(kind, algorithm) {
        case .success: return .available
        case .failure(let e): return .absent(e.reason)
        }
    }

    // MARK: - Digests

    public func digest(_ algorithm: String, message: Message, outputLength: Int?, parameters: [String: String]) throws -> [UInt8] {
        ref_ERR_clear_error()
        let md = try fetched(.digest, algorithm)
        let params = ParamBuilder()
        for (name, value) in parameters {
            guard name == "pad-type", let n = Int(value) else {
                throw CryptoError(.invalidParameter, "\(algorithm): unknown parameter \(name)=\(value)")
            }
            guard Self.lists(ref_EVP_MD_settable_ctx_params(md), "pad-type") else {
                throw CryptoError(.unsupportedOperation, "\(algorithm) has no pad-type parameter")
            }
            guard n >= 0 else { throw CryptoError(.invalidParameter, "\(algorithm): pad-type must not be negative") }
            params.unsigned("pad-type", UInt64(n))
        }
        guard let ctx = ref_EVP_MD_CTX_new() else { throw Self.failure(.unsupportedOperation, "EVP_MD_CTX_new") }
        defer { ref_EVP_MD_CTX_free(ctx) }
        let initialized = params.withArray { ref_EVP_DigestInit_ex2(ctx, md, params.isEmpty ? nil : $0) }
        guard initialized == 1 else { throw Self.failure(.invalidParameter, "EVP_DigestInit_ex2") }
        for chunk in message.chunks {
            try chunk.bytes.withUnsafeBytes { raw in
                for _ in 0..<chunk.count {
                    guard ref_EVP_DigestUpdate(ctx, raw.baseAddress, raw.count) == 1 else {
                        throw Self.failure(.invalidParameter, "EVP_DigestUpdate")
                    }
                }
            }
        }
        let size = Int(ref_EVP_MD_get_size(md))
        let isXOF = (ref_EVP_MD_get_flags(md) & UInt(EVP_MD_FLAG_XOF)) != 0
        if isXOF {
            let n = outputLength ?? size
            guard n >= 0 else { throw CryptoError(.invalidParameter, "negative output length \(n)") }
            var out = [UInt8](repeating: 0, count: max(n, 1))
            guard ref_EVP_DigestFinalXOF(ctx, &out, n) == 1 else { throw Self.failure(.invalidParameter, "EVP_DigestFinalXOF") }
            return Array(out.prefix(n))
        }
        if let n = outputLength, n != size {
            throw CryptoError(.invalidParameter, "\(algorithm) has a fixed output of \(size) bytes, \(n) were asked")
        }
        guard size > 0 else { throw CryptoError(.invalidParameter, "\(algorithm): EVP_MD_get_size gave \(size)") }
        var out = [UInt8](repeating: 0, count: max(size, Int(EVP_MAX_MD_SIZE)))
        var written: UInt32 = 0
        guard ref_EVP_DigestFinal_ex(ctx, &out, &written) == 1 else { throw Self.failure(.invalidParameter, "EVP_DigestFinal_ex") }
        return Array(out.prefix(Int(written)))
    }

    // MARK: - MACs

    /// A MAC context initialised with the key, the underlying digest or cipher and the IV.
    private func macContext(_ input: MACInput) throws -> OpaquePointer {
        ref_ERR_clear_error()
        let mac = try fetched(.mac, input.mac)
        let settable = ref_EVP_MAC_settable_ctx_params(mac)
        let params = ParamBuilder()
        if let u = input.underlying {
            if Self.lists(settable, "digest") && !Self.lists(settable, "cipher") {
                params.utf8("digest", u)
            } else if Self.lists(settable, "cipher") {
                params.utf8("cipher", u)
            } else {
                throw CryptoError(.invalidParameter, "\(input.mac) takes no digest or cipher, yet \(u) was given")
            }
        } else if input.mac.uppercased() == "HMAC" {
            throw CryptoError(.invalidParameter, "HMAC needs a digest")
        } else if input.mac.uppercased() == "CMAC" || input.mac.uppercased() == "GMAC" {
            throw CryptoError(.invalidParameter, "\(input.mac) needs a cipher")
        }
        if let iv = input.iv {
            guard Self.lists(settable, "iv") else { throw CryptoError(.invalidParameter, "\(input.mac) takes no IV") }
            params.octets("iv", iv)
        } else if input.mac.uppercased() == "GMAC" {
            throw CryptoError(.invalidParameter, "GMAC needs an IV")
        }
        guard let ctx = ref_EVP_MAC_CTX_new(mac) else { throw Self.failure(.unsupportedOperation, "EVP_MAC_CTX_new") }
        // A non-NULL key pointer even for an empty key: NULL means "no key" to EVP_MAC_init.
        let ok = withBytes(input.key) { k, n in
            params.withArray { ref_EVP_MAC_init(ctx, k, n, params.isEmpty ? nil : $0) }
        }
        guard ok == 1 else {
            let e = Self.failure(.invalidParameter, "EVP_MAC_init")
            ref_EVP_MAC_CTX_free(ctx)
            throw e
        }
        return ctx
    }

    public func mac(_ input: MACInput) throws -> [UInt8] {
        let ctx = try macContext(input)
        defer { ref_EVP_MAC_CTX_free(ctx) }
        for chunk in input.message.chunks {
            try chunk.bytes.withUnsafeBufferPointer { b in
                for _ in 0..<chunk.count where b.count > 0 {
                    guard ref_EVP_MAC_update(ctx, b.baseAddress, b.count) == 1 else { throw Self.failure(.invalidParameter, "EVP_MAC_update") }
                }
            }
        }
        let size = ref_EVP_MAC_CTX_get_mac_size(ctx)
        var out = [UInt8](repeating: 0, count: max(size, 64))
        var written = 0
        guard ref_EVP_MAC_final(ctx, &out, &written, out.count) == 1 else { throw Self.failure(.invalidParameter, "EVP_MAC_final") }
        return Array(out.prefix(written))
    }

    public func macSizes(_ input: MACInput) throws -> (output: Int, block: Int) {
        let ctx = try macContext(input)
        defer { ref_EVP_MAC_CTX_free(ctx) }
        let sizes = (ref_EVP_MAC_CTX_get_mac_size(ctx), ref_EVP_MAC_CTX_get_block_size(ctx))
        ref_ERR_clear_error()
        return sizes
    }

    // MARK: - Ciphers

    /// Feeds `data` to `body` as `LibCryptoImplementation.inPieces` does: sizes cycled, empty
    /// pieces as empty updates, and a list with no positive size (or none) as one piece.
    static func inPieces(_ data: [UInt8], _ pieces: [Int], _ body: (ArraySlice<UInt8>) throws -> Void) rethrows {
        guard pieces.contains(where: { $0 > 0 }) else { return try body(data[...]) }
        var at = 0, k = 0
        while at < data.count {
            let n = min(max(pieces[k % pieces.count], 0), data.count - at)
            try body(data[at..<(at + n)])
            at += n
            k += 1
        }
    }

    /// One `EVP_CipherUpdate` of `data` (output returned; `aad` feeds associated data instead).
    private func update(_ ctx: OpaquePointer, _ data: ArraySlice<UInt8>, aad: Bool = false, failure: CryptoError.Code? = nil) throws -> [UInt8] {
        guard data.count <= Int(Int32.max) - 64 else { throw CryptoError(.invalidParameter, "\(data.count) bytes is more than one update takes") }
        var out = [UInt8](repeating: 0, count: aad ? 1 : data.count + 64)
        var outl: Int32 = 0
        let ok = withBytes(data) { p, n in
            out.withUnsafeMutableBufferPointer { o in
                ref_EVP_CipherUpdate(ctx, aad ? nil : o.baseAddress, &outl, p, Int32(n))
            }
        }
        guard ok == 1 else {
            if let failure { throw CryptoError(failure, "EVP_CipherUpdate: \(Self.takeError().text)") }
            throw Self.cipherFailure("EVP_CipherUpdate")
        }
        if aad { return [] }
        guard outl >= 0, Int(outl) <= out.count else { throw CryptoError(.invalidParameter, "EVP_CipherUpdate wrote \(outl) bytes") }
        return Array(out.prefix(Int(outl)))
    }

    private func final(_ ctx: OpaquePointer, failure: CryptoError.Code? = nil) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 64)
        var outl: Int32 = 0
        guard ref_EVP_CipherFinal_ex(ctx, &out, &outl) == 1 else {
            if let failure { throw CryptoError(failure, "EVP_CipherFinal_ex: \(Self.takeError().text)") }
            throw Self.cipherFailure("EVP_CipherFinal_ex")
        }
        guard outl >= 0, Int(outl) <= out.count else { throw CryptoError(.invalidParameter, "EVP_CipherFinal_ex wrote \(outl) bytes") }
        return Array(out.prefix(Int(outl)))
    }

    private func ctrl(_ ctx: OpaquePointer, _ type: Int32, _ arg: Int, _ ptr: UnsafeMutableRawPointer?, _ what: String) throws {
        guard arg >= 0, arg <= Int(Int32.max) else { throw CryptoError(.invalidParameter, "\(what): \(arg) is out of range") }
        guard ref_EVP_CIPHER_CTX_ctrl(ctx, type, Int32(arg), ptr) > 0 else {
            throw Self.failure(.invalidParameter, "EVP_CIPHER_CTX_ctrl(\(what))")
        }
    }

    /// A plain (non-AEAD) cipher context, keyed, with every setting the input asks for.
    private func cipherContext(_ cipher: OpaquePointer, _ input: CipherInput, encrypting: Bool) throws -> OpaquePointer {
        let mode = shim_EVP_CIPHER_get_mode(cipher)
        guard let ctx = ref_EVP_CIPHER_CTX_new() else { throw Self.failure(.unsupportedOperation, "EVP_CIPHER_CTX_new") }
        var ready = false
        defer { if !ready { ref_EVP_CIPHER_CTX_free(ctx) } }
        if mode == EVP_CIPH_WRAP_MODE { ref_EVP_CIPHER_CTX_set_flags(ctx, EVP_CIPHER_CTX_FLAG_WRAP_ALLOW) }
        guard ref_EVP_CipherInit_ex2(ctx, cipher, nil, nil, encrypting ? 1 : 0, nil) == 1 else {
            throw Self.failure(.invalidParameter, "EVP_CipherInit_ex2")
        }
        if let r = input.rc5Rounds { try ctrl(ctx, EVP_CTRL_SET_RC5_ROUNDS, r, nil, "EVP_CTRL_SET_RC5_ROUNDS") }
        if input.key.count != Int(ref_EVP_CIPHER_CTX_get_key_length(ctx)) {
            guard input.key.count <= Int(Int32.max), ref_EVP_CIPHER_CTX_set_key_length(ctx, Int32(input.key.count)) == 1 else {
                throw Self.failure(.invalidParameter, "EVP_CIPHER_CTX_set_key_length(\(input.key.count))")
            }
        }
        if let b = input.rc2EffectiveBits { try ctrl(ctx, EVP_CTRL_SET_RC2_KEY_BITS, b, nil, "EVP_CTRL_SET_RC2_KEY_BITS") }
        let ivLength = Int(ref_EVP_CIPHER_CTX_get_iv_length(ctx))
        if input.iv.isEmpty {
            guard ivLength == 0 || mode == EVP_CIPH_WRAP_MODE else {
                throw CryptoError(.invalidParameter, "\(input.cipher) takes a \(ivLength)-byte IV, got none")
            }
        } else if input.iv.count != ivLength {
            throw CryptoError(.invalidParameter, "\(input.cipher) takes a \(ivLength)-byte IV, got \(input.iv.count)")
        }
        let keyed = withBytes(input.key) { k, _ in
            input.iv.withUnsafeBufferPointer { iv in
                ref_EVP_CipherInit_ex2(ctx, nil, k, input.iv.isEmpty ? nil : iv.baseAddress, -1, nil)
            }
        }
        guard keyed == 1 else { throw Self.failure(.invalidParameter, "EVP_CipherInit_ex2 (key)") }
        // Padding applies to ECB and CBC; other modes ignore (or refuse) the setting.
        _ = ref_EVP_CIPHER_CTX_set_padding(ctx, input.padding ? 1 : 0)
        ref_ERR_clear_error()
        ready = true
        return ctx
    }

    /// The IV the mode left behind; empty where LibCrypto keeps none (ECB, stream, XTS, wrap).
    private func updatedIV(_ ctx: OpaquePointer, mode: Int32) -> [UInt8] {
        if mode == EVP_CIPH_ECB_MODE || mode == EVP_CIPH_STREAM_CIPHER || mode == EVP_CIPH_XTS_MODE || mode == EVP_CIPH_WRAP_MODE {
            return []
        }
        let n = Int(ref_EVP_CIPHER_CTX_get_iv_length(ctx))
        guard n > 0 else { return [] }
        var iv = [UInt8](repeating: 0, count: n)
        let ok = ref_EVP_CIPHER_CTX_get_updated_iv(ctx, &iv, n)
        ref_ERR_clear_error()
        return ok == 1 ? iv : []
    }

    public func cipher(_ input: CipherInput, encrypting: Bool, pieces: [Int]) throws -> CipherOutput {
        ref_ERR_clear_error()
        let cipher = try fetched(.cipher, input.cipher)
        let flags = ref_EVP_CIPHER_get_flags(cipher)
        let mode = shim_EVP_CIPHER_get_mode(cipher)
        if flags & UInt(EVP_CIPH_FLAG_AEAD_CIPHER) != 0 {
            return try aead(cipher, mode: mode, input, encrypting: encrypting, pieces: pieces)
        }
        let ctx = try cipherContext(cipher, input, encrypting: encrypting)
        defer { ref_EVP_CIPHER_CTX_free(ctx) }
        let data = encrypting ? input.plaintext : input.ciphertext
        if input.keystreamOffset > 0 {
            _ = try update(ctx, [UInt8](repeating: 0, count: input.keystreamOffset)[...])
        }
        if input.iterations > 1 {
            guard encrypting, input.bitLength == nil, input.keystreamOffset == 0 else {
                throw CryptoError(.invalidParameter, "iterated vectors are encryption of whole bytes only")
            }
            var block = data
            for _ in 0..<input.iterations {
                let c = try cipherContext(cipher, input, encrypting: true)
                defer { ref_EVP_CIPHER_CTX_free(c) }
                block = try update(c, block[...]) + final(c)
            }
            return CipherOutput(output: block)
        }
        if let bits = input.bitLength {
            let (out, iv) = try updateBits(ctx, cipher, data, bits)
            return CipherOutput(output: out, nextIV: iv)
        }
        var out: [UInt8] = []
        out.reserveCapacity(data.count + 32)
        // XTS, key wrap and CTS take the whole message in one update, as in LibCrypto.
        let oneShot = mode == EVP_CIPH_XTS_MODE || mode == EVP_CIPH_WRAP_MODE || flags & UInt(EVP_CIPH_FLAG_CTS) != 0
        try Self.inPieces(data, oneShot ? [] : pieces) { out += try update(ctx, $0) }
        out += try final(ctx)
        return CipherOutput(output: out, nextIV: updatedIV(ctx, mode: mode))
    }

    /// CFB1 with its length counted in bits (`EVP_CIPH_FLAG_LENGTH_BITS`): `bitCount` bits of
    /// `data`, most significant first; the output is the bytes they fill, bits past the count
    /// zero (as LibCrypto leaves them), and the IV the mode left behind.
    ///
    /// OpenSSL 3.0's DES-CFB1 ignores the flag and reads the count as bytes (8 × too many bits).
    /// The buffers are sized for that, so it stays in bounds; CFB1 being causal, its first
    /// `bitCount` output bits are still right, but its IV state is not, so nextIV is then empty.
    private func updateBits(_ ctx: OpaquePointer, _ cipher: OpaquePointer, _ data: [UInt8], _ bitCount: Int) throws -> ([UInt8], [UInt8]) {
        let canonical = ref_EVP_CIPHER_get0_name(cipher).map { String(cString: $0) } ?? ""
        guard shim_EVP_CIPHER_get_mode(cipher) == EVP_CIPH_CFB_MODE, canonical.uppercased().hasSuffix("CFB1") else {
            throw CryptoError(.unsupportedOperation, "bit-length input needs CFB1")
        }
        guard bitCount >= 0, data.count * 8 >= bitCount, bitCount <= Int(Int32.max) - 64 else {
            throw CryptoError(.invalidParameter, "\(bitCount) bits asked of \(data.count) bytes")
        }
        ref_EVP_CIPHER_CTX_set_flags(ctx, EVP_CIPH_FLAG_LENGTH_BITS)
        let n = (bitCount + 7) / 8
        let room = max(bitCount, n) + 64
        var padded = data
        if padded.count < room { padded += [UInt8](repeating: 0, count: room - padded.count) }
        var out = [UInt8](repeating: 0, count: room)
        var outl: Int32 = 0
        let ok = padded.withUnsafeBufferPointer { p in
            out.withUnsafeMutableBufferPointer { o in ref_EVP_CipherUpdate(ctx, o.baseAddress, &outl, p.baseAddress, Int32(bitCount)) }
        }
        guard ok == 1 else { throw Self.cipherFailure("EVP_CipherUpdate (bits)") }
        let overran = out[n...].contains { $0 != 0 }
        var result = Array(out.prefix(n))
        if bitCount % 8 != 0, !result.isEmpty { result[n - 1] &= UInt8(truncatingIfNeeded: 0xFF00 >> (bitCount % 8)) }
        let mode = shim_EVP_CIPHER_get_mode(cipher)
        return (result, overran ? [] : updatedIV(ctx, mode: mode))
    }

    /// GCM, CCM, OCB, ChaCha20-Poly1305 (and any other cipher OpenSSL flags as AEAD).
    private func aead(_ cipher: OpaquePointer, mode: Int32, _ input: CipherInput, encrypting: Bool, pieces: [Int]) throws -> CipherOutput {
        let data = encrypting ? input.plaintext : input.ciphertext
        if !encrypting && input.tag == nil { throw CryptoError(.invalidParameter, "AEAD decryption needs a tag") }
        guard let ctx = ref_EVP_CIPHER_CTX_new() else { throw Self.failure(.unsupportedOperation, "EVP_CIPHER_CTX_new") }
        defer { ref_EVP_CIPHER_CTX_free(ctx) }
        guard ref_EVP_CipherInit_ex2(ctx, cipher, nil, nil, encrypting ? 1 : 0, nil) == 1 else {
            throw Self.failure(.invalidParameter, "EVP_CipherInit_ex2")
        }
        if input.iv.count != Int(ref_EVP_CIPHER_CTX_get_iv_length(ctx)) {
            try ctrl(ctx, EVP_CTRL_AEAD_SET_IVLEN, input.iv.count, nil, "EVP_CTRL_AEAD_SET_IVLEN")
        }
        let defaultTag = Int(ref_EVP_CIPHER_CTX_get_tag_length(ctx))
        ref_ERR_clear_error()
        let tagLength = input.tagLength ?? input.tag?.count ?? (defaultTag > 0 ? defaultTag : 16)
        var tag = input.tag ?? []
        if !encrypting && tag.count != tagLength {
            throw CryptoError(.authenticationFailure, "a \(tag.count)-byte tag cannot verify at tag length \(tagLength)")
        }
        // As evp_test: CCM (and ChaCha20-Poly1305) take the tag length, and on decryption the
        // tag, before the key; OCB takes the length only; GCM needs neither yet.
        if mode == EVP_CIPH_OCB_MODE {
            try ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, tagLength, nil, "EVP_CTRL_AEAD_SET_TAG (length)")
        } else if mode != EVP_CIPH_GCM_MODE {
            if encrypting {
                try ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, tagLength, nil, "EVP_CTRL_AEAD_SET_TAG (length)")
            } else {
                try tag.withUnsafeMutableBytes { try ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, tagLength, $0.baseAddress, "EVP_CTRL_AEAD_SET_TAG") }
            }
        }
        if input.key.count != Int(ref_EVP_CIPHER_CTX_get_key_length(ctx)) {
            guard input.key.count <= Int(Int32.max), ref_EVP_CIPHER_CTX_set_key_length(ctx, Int32(input.key.count)) == 1 else {
                throw Self.failure(.invalidParameter, "EVP_CIPHER_CTX_set_key_length(\(input.key.count))")
            }
        }
        let keyed = withBytes(input.key) { k, _ in
            withBytes(input.iv) { iv, _ in ref_EVP_CipherInit_ex2(ctx, nil, k, iv, -1, nil) }
        }
        guard keyed == 1 else { throw Self.failure(.invalidParameter, "EVP_CipherInit_ex2 (key)") }

        // CCM (and SIV) cannot stream: the AAD goes in one call, the data in another, after the
        // total length is announced. Fed whole, the result is the same as LibCrypto's buffered run.
        let whole = mode == EVP_CIPH_CCM_MODE || mode == EVP_CIPH_SIV_MODE
        if mode == EVP_CIPH_CCM_MODE {
            guard data.count <= Int(Int32.max) else { throw CryptoError(.invalidParameter, "message too long") }
            var outl: Int32 = 0
            guard ref_EVP_CipherUpdate(ctx, nil, &outl, nil, Int32(data.count)) == 1 else {
                throw Self.failure(.invalidParameter, "EVP_CipherUpdate (CCM length)")
            }
        }
        if whole {
            let all = input.aad.flatMap { $0 }
            if !all.isEmpty { _ = try update(ctx, all[...], aad: true) }
        } else {
            for a in input.aad { try Self.inPieces(a, pieces) { _ = try update(ctx, $0, aad: true) } }
        }
        var out: [UInt8] = []
        if whole {
            // CCM decryption checks the tag in this call.
            out = try update(ctx, data[...], failure: encrypting ? nil : .authenticationFailure)
        } else {
            try Self.inPieces(data, pieces) { out += try update(ctx, $0) }
        }
        if !encrypting && (mode == EVP_CIPH_GCM_MODE || mode == EVP_CIPH_OCB_MODE) {
            try tag.withUnsafeMutableBytes { try ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, tagLength, $0.baseAddress, "EVP_CTRL_AEAD_SET_TAG") }
        }
        out += try final(ctx, failure: encrypting ? nil : .authenticationFailure)
        guard encrypting else { return CipherOutput(output: out, nextIV: nil) }
        var produced = [UInt8](repeating: 0, count: max(tagLength, 1))
        try produced.withUnsafeMutableBytes { try ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, tagLength, $0.baseAddress, "EVP_CTRL_AEAD_GET_TAG") }
        return CipherOutput(output: out, nextIV: nil, tag: Array(produced.prefix(tagLength)))
    }

    // MARK: - KDFs

    public func kdf(_ input: KDFInput) throws -> [UInt8] {
        ref_ERR_clear_error()
        let kdf = try fetched(.kdf, input.kdf)
        let defs = Self.definitions(ref_EVP_KDF_settable_ctx_params(kdf))
        // Names in first-seen order; a repeated name takes its last value, except `info`, whose
        // pieces concatenate (HKDF, X963KDF), as LibCryptoKDF reads them.
        var order: [String] = []
        var values: [String: [KDFParameter]] = [:]
        for p in input.parameters {
            let n = p.name.lowercased()
            if values[n] == nil { order.append(n) }
            values[n, default: []].append(p)
        }
        let params = ParamBuilder()
        for n in order {
            let given = values[n] ?? []
            guard let last = given.last else { continue }
            let candidates = defs.filter { $0.name == n }
            guard !candidates.isEmpty else { throw CryptoError(.invalidParameter, "\(input.kdf): unknown parameter \(n)") }
            let value: KDFParameter.Value = n == "info" ? .bytes(given.flatMap(\.bytes)) : last.value
            let text = KDFParameter(n, value).text
            let isInteger = { (t: UInt32) in t == UInt32(OSSL_PARAM_INTEGER) || t == UInt32(OSSL_PARAM_UNSIGNED_INTEGER) }
            // A parameter may be offered as text and as an integer (HKDF `mode`): a number picks the integer.
            let def: ParamDefinition
            if Int(text) != nil, let d = candidates.first(where: { isInteger($0.type) }) {
                def = d
            } else {
                def = candidates.first(where: { !isInteger($0.type) }) ?? candidates[0]
            }
            switch def.type {
            case UInt32(OSSL_PARAM_UTF8_STRING):
                params.utf8(n, text)
            case UInt32(OSSL_PARAM_OCTET_STRING):
                params.octets(n, KDFParameter(n, value).bytes)
            case UInt32(OSSL_PARAM_INTEGER):
                guard let v = Int64(text) else { throw CryptoError(.invalidParameter, "\(input.kdf): \(n) is not an integer: \(text)") }
                params.signed(n, v)
            case UInt32(OSSL_PARAM_UNSIGNED_INTEGER):
                guard let v = UInt64(text) else {
                    throw CryptoError(.invalidParameter, "\(input.kdf): \(n) is not a non-negative integer: \(text)")
                }
                params.unsigned(n, v)
            default:
                throw CryptoError(.unsupportedOperation, "\(input.kdf): parameter \(n) has OSSL_PARAM type \(def.type)")
            }
        }
        guard input.outputLength >= 0 else { throw CryptoError(.invalidParameter, "negative output length") }
        guard let ctx = ref_EVP_KDF_CTX_new(kdf) else { throw Self.failure(.unsupportedOperation, "EVP_KDF_CTX_new") }
        defer { ref_EVP_KDF_CTX_free(ctx) }
        if !params.isEmpty {
            guard params.withArray({ ref_EVP_KDF_CTX_set_params(ctx, $0) }) == 1 else {
                throw Self.failure(.invalidParameter, "EVP_KDF_CTX_set_params")
            }
        }
        var out = [UInt8](repeating: 0, count: max(input.outputLength, 1))
        guard ref_EVP_KDF_derive(ctx, &out, input.outputLength, nil) == 1 else {
            out.withUnsafeMutableBytes { if let b = $0.baseAddress { memset(b, 0, $0.count) } }
            throw Self.failure(.invalidParameter, "EVP_KDF_derive")
        }
        return Array(out.prefix(input.outputLength))
    }

    // MARK: - OSSL_PARAM helpers

    struct ParamDefinition {
        var name: String
        var type: UInt32
    }

    /// The entries of a provider's settable-parameter list.
    static func definitions(_ list: UnsafePointer<OSSL_PARAM>?) -> [ParamDefinition] {
        guard var p = list else { return [] }
        var out: [ParamDefinition] = []
        while let key = p.pointee.key {
            out.append(ParamDefinition(name: String(cString: key), type: p.pointee.data_type))
            p += 1
        }
        return out
    }

    static func lists(_ list: UnsafePointer<OSSL_PARAM>?, _ name: String) -> Bool {
        definitions(list).contains { $0.name == name }
    }
}

/// Calls `body` with a pointer that is never NULL (an empty array gets a dummy byte): OpenSSL
/// reads NULL as "not given" (no key, no IV, a final call), which an empty value is not.
private func withBytes<R>(_ bytes: ArraySlice<UInt8>, _ body: (UnsafePointer<UInt8>, Int) throws -> R) rethrows -> R {
    var dummy: UInt8 = 0
    return try bytes.withUnsafeBufferPointer { b in
        if let p = b.baseAddress, b.count > 0 { return try body(p, b.count) }
        return try withUnsafePointer(to: &dummy) { try body($0, 0) }
    }
}

private func withBytes<R>(_ bytes: [UInt8], _ body: (UnsafePointer<UInt8>, Int) throws -> R) rethrows -> R {
    try withBytes(bytes[...], body)
}

/// Builds an `OSSL_PARAM` array whose keys and values live (in memory it owns) until it is
/// released; values are wiped before they are freed, since keys and passwords pass through.
final class ParamBuilder {
    private var blocks: [(UnsafeMutableRawPointer, Int)] = []
    private var params: [OSSL_PARAM] = []

    var isEmpty: Bool { params.isEmpty }

    deinit {
        for (p, n) in blocks {
            memset(p, 0, n)
            p.deallocate()
        }
    }

    private func store(_ bytes: UnsafeRawBufferPointer, nul: Bool) -> UnsafeMutableRawPointer {
        let n = bytes.count + (nul ? 1 : 0)
        let p = UnsafeMutableRawPointer.allocate(byteCount: max(n, 1), alignment: 16)
        memset(p, 0, max(n, 1))
        if let b = bytes.baseAddress, bytes.count > 0 { p.copyMemory(from: b, byteCount: bytes.count) }
        blocks.append((p, max(n, 1)))
        return p
    }

    private func key(_ name: String) -> UnsafePointer<CChar> {
        let p = Array(name.utf8).withUnsafeBytes { store($0, nul: true) }
        return UnsafePointer(p.assumingMemoryBound(to: CChar.self))
    }

    func utf8(_ name: String, _ value: String) {
        let k = key(name)
        let bytes = Array(value.utf8)
        let v = bytes.withUnsafeBytes { store($0, nul: true) }
        params.append(ref_OSSL_PARAM_construct_utf8_string(k, v.assumingMemoryBound(to: CChar.self), bytes.count))
    }

    func octets(_ name: String, _ value: [UInt8]) {
        let k = key(name)
        let v = value.withUnsafeBytes { store($0, nul: false) }
        params.append(ref_OSSL_PARAM_construct_octet_string(k, v, value.count))
    }

    func signed(_ name: String, _ value: Int64) {
        let k = key(name)
        let v = withUnsafeBytes(of: value) { store($0, nul: false) }
        params.append(ref_OSSL_PARAM_construct_int64(k, v.assumingMemoryBound(to: Int64.self)))
    }

    func unsigned(_ name: String, _ value: UInt64) {
        let k = key(name)
        let v = withUnsafeBytes(of: value) { store($0, nul: false) }
        params.append(ref_OSSL_PARAM_construct_uint64(k, v.assumingMemoryBound(to: UInt64.self)))
    }

    /// The parameters, terminated, for the duration of `body`.
    func withArray<R>(_ body: (UnsafePointer<OSSL_PARAM>) throws -> R) rethrows -> R {
        let all = params + [ref_OSSL_PARAM_construct_end()]
        return try all.withUnsafeBufferPointer { try body($0.baseAddress!) }
    }
}
