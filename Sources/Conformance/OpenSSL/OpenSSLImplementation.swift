import COpenSSL
import Foundation
import LibCrypto
import Vectors

// The adapter's core: a library context with the `default` and `legacy` providers. Its work is
// in the files beside this one: capability discovery (OpenSSLCapabilities), the operations
// (OpenSSLDigests, OpenSSLCiphers, OpenSSLKDFs, OpenSSLRandom), error translation (OpenSSLErrors), OSSL_PARAM
// building (OpenSSLParams) and the streaming entry points of `speed` (OpenSSLStreaming).

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

    let libctx: OpaquePointer
    private var loaded: [OpaquePointer] = []
    let lock = NSLock()
    /// Fetched algorithms by "kind|lowercased name", and the reasons for those the reference lacks.
    var fetchedObjects: [String: (FetchKind, OpaquePointer)] = [:]
    var missing: [String: String] = [:]

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

    // No deinit: the fetched algorithms, providers and library context are left to process
    // exit. Interop's per-thread references are released on their worker threads as those
    // exit, concurrently with other threads' libcrypto calls, and a CI run of `confrun all`
    // crashed once in a libcrypto read lock (pthread_rwlock_rdlock) on a worker thread during
    // the matrix stage, after the DRBG targets (EVP_RAND) joined interop. Not tearing
    // libcrypto state down concurrently removes that path; a run makes a handful of these.
}
