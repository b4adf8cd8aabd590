import COpenSSL
import LibCrypto
import Vectors

// OpenSSL's EVP_PKEY as the reference side of the public-key differential
// (Differential/PKeyDifferential.swift) and of the public-key speed rows: keys generated there or
// read from DER (d2i_AutoPrivateKey_ex, d2i_PUBKEY_ex, d2i_KeyParams), written back as DER
// (i2d_PrivateKey, i2d_PUBKEY), and EVP_PKEY_sign/verify/encrypt/decrypt/derive with the
// options given as `EVP_PKEY_CTX_ctrl_str` strings (rsa_padding_mode, digest, rsa_pss_saltlen,
// rsa_mgf1_md, rsa_oaep_md, dh_pad) and the OAEP label as the `oaep-label` parameter.

/// One EVP_PKEY in the reference library, in a library context of an `OpenSSLImplementation`.
/// The key is not modified after it is made, so it may be used from several threads (each
/// operation makes its own EVP_PKEY_CTX).
public final class OpenSSLPKey: @unchecked Sendable {
    let pkey: OpaquePointer
    let libctx: OpaquePointer

    private init(_ pkey: OpaquePointer, _ libctx: OpaquePointer) {
        self.pkey = pkey
        self.libctx = libctx
    }

    deinit { ref_EVP_PKEY_free(pkey) }

    /// The options of one operation: `EVP_PKEY_CTX_ctrl_str` pairs, then an OAEP label and
    /// unsigned parameters (`pad` for DH: OpenSSL 3.0's `dh_pad` string control is not
    /// translated for provider keys, `command not supported`) through `EVP_PKEY_CTX_set_params`.
    public struct Options: Sendable, CustomStringConvertible {
        public var controls: [(String, String)]
        public var oaepLabel: [UInt8]?
        public var unsignedParameters: [(String, UInt64)]

        public init(
            _ controls: [(String, String)] = [], oaepLabel: [UInt8]? = nil, unsignedParameters: [(String, UInt64)] = []
        ) {
            self.controls = controls
            self.oaepLabel = oaepLabel
            self.unsignedParameters = unsignedParameters
        }

        public var description: String {
            var parts = controls.map { "\($0.0):\($0.1)" }
            if let l = oaepLabel { parts.append("rsa_oaep_label:\(Hex.encode(l))") }
            parts += unsignedParameters.map { "\($0.0)=\($0.1)" }
            return parts.joined(separator: " ")
        }
    }

    static func failure(_ function: String) -> CryptoError {
        CryptoError(.invalidParameter, "\(function): \(OpenSSLImplementation.takeError().text)")
    }

    // MARK: Making keys

    /// A new key of `algorithm` (`RSA`, `DH`, `DHX`) from `EVP_PKEY_keygen` with the given
    /// controls (`rsa_keygen_bits`, `rsa_keygen_primes`) and a group name (`ffdhe2048`, `dh_2048_224`).
    public static func generate(
        _ algorithm: String, controls: [(String, String)] = [], group: String? = nil, in ref: OpenSSLImplementation
    ) throws -> OpenSSLPKey {
        ref_ERR_clear_error()
        guard let ctx = ref_EVP_PKEY_CTX_new_from_name(ref.libctx, algorithm, nil) else {
            throw failure("EVP_PKEY_CTX_new_from_name(\(algorithm))")
        }
        defer { ref_EVP_PKEY_CTX_free(ctx) }
        guard ref_EVP_PKEY_keygen_init(ctx) == 1 else { throw failure("EVP_PKEY_keygen_init") }
        for (k, v) in controls {
            guard ref_EVP_PKEY_CTX_ctrl_str(ctx, k, v) > 0 else { throw failure("EVP_PKEY_CTX_ctrl_str(\(k), \(v))") }
        }
        if let group {
            let params = ParamBuilder()
            params.utf8("group", group)
            guard params.withArray({ ref_EVP_PKEY_CTX_set_params(ctx, $0) }) == 1 else {
                throw failure("EVP_PKEY_CTX_set_params(group=\(group))")
            }
        }
        var out: OpaquePointer? = nil
        guard ref_EVP_PKEY_keygen(ctx, &out) == 1, let key = out else { throw failure("EVP_PKEY_keygen") }
        return OpenSSLPKey(key, ref.libctx)
    }

    /// A new key on the domain parameters `der` (`DSA` with `Dss-Parms`, `DH` with PKCS#3
    /// `DHParameter`, `DHX` with X9.42 `DomainParameters`), read by `d2i_KeyParams`.
    public static func generate(parametersDER der: [UInt8], type: String, in ref: OpenSSLImplementation) throws
        -> OpenSSLPKey
    {
        let nid: Int32
        switch type {
        case "DSA": nid = EVP_PKEY_DSA
        case "DH": nid = EVP_PKEY_DH
        case "DHX": nid = EVP_PKEY_DHX
        default: throw CryptoError(.invalidParameter, "no parameters of type \(type)")
        }
        ref_ERR_clear_error()
        let params = try der.withUnsafeBufferPointer { b -> OpaquePointer in
            var p = b.baseAddress
            guard let k = ref_d2i_KeyParams(nid, nil, &p, b.count) else { throw failure("d2i_KeyParams(\(type))") }
            return k
        }
        defer { ref_EVP_PKEY_free(params) }
        guard let ctx = ref_EVP_PKEY_CTX_new_from_pkey(ref.libctx, params, nil) else {
            throw failure("EVP_PKEY_CTX_new_from_pkey")
        }
        defer { ref_EVP_PKEY_CTX_free(ctx) }
        guard ref_EVP_PKEY_keygen_init(ctx) == 1 else { throw failure("EVP_PKEY_keygen_init") }
        var out: OpaquePointer? = nil
        guard ref_EVP_PKEY_keygen(ctx, &out) == 1, let key = out else { throw failure("EVP_PKEY_keygen") }
        return OpenSSLPKey(key, ref.libctx)
    }

    /// A private key read by `d2i_AutoPrivateKey_ex` (PKCS#8 or a traditional form); the whole
    /// input must be read.
    public static func privateKey(der: [UInt8], in ref: OpenSSLImplementation) throws -> OpenSSLPKey {
        try read(der, "d2i_AutoPrivateKey_ex", ref) { pp, n in ref_d2i_AutoPrivateKey_ex(nil, pp, n, ref.libctx, nil) }
    }

    /// A private key from a DER `EncryptedPrivateKeyInfo`: `d2i_X509_SIG` (the whole input must
    /// be read), `PKCS8_decrypt_ex` with `password`, then `EVP_PKCS82PKEY_ex`.
    public static func encryptedPrivateKey(der: [UInt8], password: [UInt8], in ref: OpenSSLImplementation) throws
        -> OpenSSLPKey
    {
        ref_ERR_clear_error()
        guard password.count < Int(Int32.max) else { throw CryptoError(.invalidLength, "password too long") }
        let sig: OpaquePointer = try der.withUnsafeBufferPointer { b in
            guard let start = b.baseAddress else { throw CryptoError(.invalidParameter, "d2i_X509_SIG: no input") }
            var p: UnsafePointer<UInt8>? = start
            guard let sig = ref_d2i_X509_SIG(nil, &p, b.count) else { throw failure("d2i_X509_SIG") }
            guard (p.map { $0 - start } ?? 0) == b.count else {
                ref_X509_SIG_free(sig)
                throw CryptoError(.invalidParameter, "d2i_X509_SIG did not read all \(b.count) bytes")
            }
            return sig
        }
        defer { ref_X509_SIG_free(sig) }
        let info = password.withUnsafeBufferPointer { pw in
            UnsafeRawPointer(pw.baseAddress).map {
                ref_PKCS8_decrypt_ex(sig, $0.assumingMemoryBound(to: CChar.self), Int32(pw.count), ref.libctx, nil)
            } ?? ref_PKCS8_decrypt_ex(sig, "", 0, ref.libctx, nil)
        }
        guard let info else { throw failure("PKCS8_decrypt_ex") }
        defer { ref_PKCS8_PRIV_KEY_INFO_free(info) }
        guard let key = ref_EVP_PKCS82PKEY_ex(info, ref.libctx, nil) else { throw failure("EVP_PKCS82PKEY_ex") }
        return OpenSSLPKey(key, ref.libctx)
    }

    /// A public key read by `d2i_PUBKEY_ex` (SubjectPublicKeyInfo); the whole input must be read.
    public static func publicKey(der: [UInt8], in ref: OpenSSLImplementation) throws -> OpenSSLPKey {
        try read(der, "d2i_PUBKEY_ex", ref) { pp, n in ref_d2i_PUBKEY_ex(nil, pp, n, ref.libctx, nil) }
    }

    /// Domain parameters of `type` (`DSA`, `DH`, `DHX`) read by `d2i_KeyParams`; the whole
    /// input must be read.
    public static func parameters(der: [UInt8], type: String, in ref: OpenSSLImplementation) throws -> OpenSSLPKey {
        let nid: Int32
        switch type {
        case "DSA": nid = EVP_PKEY_DSA
        case "DH": nid = EVP_PKEY_DH
        case "DHX": nid = EVP_PKEY_DHX
        default: throw CryptoError(.invalidParameter, "no parameters of type \(type)")
        }
        return try read(der, "d2i_KeyParams(\(type))", ref) { pp, n in ref_d2i_KeyParams(nid, nil, pp, n) }
    }

    /// What the PEM readers read: `PEM_read_bio_PrivateKey_ex`, `PEM_read_bio_PUBKEY_ex`,
    /// `PEM_read_bio_Parameters_ex`.
    public enum PEMKind: String, Sendable { case privateKey, publicKey, parameters }

    /// A key or parameters read from PEM text by OpenSSL's reader of `kind`, with `password`
    /// given by the password callback (none: an encrypted key fails to read).
    public static func pem(_ text: [UInt8], _ kind: PEMKind, password: [UInt8]? = nil, in ref: OpenSSLImplementation)
        throws -> OpenSSLPKey
    {
        ref_ERR_clear_error()
        guard text.count < Int(Int32.max) else { throw CryptoError(.invalidLength, "PEM text too long") }
        let pass = password ?? []
        let key: OpaquePointer? = text.withUnsafeBytes { b -> OpaquePointer? in
            pass.withUnsafeBufferPointer { pw -> OpaquePointer? in
                guard let bio = ref_BIO_new_mem_buf(b.baseAddress, Int32(b.count)) else { return nil }
                defer { _ = ref_BIO_free(bio) }
                var secret = ref_password(
                    data: UnsafeRawPointer(pw.baseAddress)?.assumingMemoryBound(to: CChar.self),
                    length: Int32(pw.count))
                return withUnsafeMutablePointer(to: &secret) { sp -> OpaquePointer? in
                    // No password: a null `u`, for which the callback gives none (-1).
                    let u: UnsafeMutableRawPointer? = password == nil ? nil : UnsafeMutableRawPointer(sp)
                    switch kind {
                    case .privateKey:
                        return ref_PEM_read_bio_PrivateKey_ex(bio, nil, ref_password_callback, u, ref.libctx, nil)
                    case .publicKey:
                        return ref_PEM_read_bio_PUBKEY_ex(bio, nil, ref_password_callback, u, ref.libctx, nil)
                    case .parameters: return ref_PEM_read_bio_Parameters_ex(bio, nil, ref.libctx, nil)
                    }
                }
            }
        }
        guard let key else { throw failure("PEM_read_bio (\(kind.rawValue))") }
        return OpenSSLPKey(key, ref.libctx)
    }

    /// The private key as encrypted PEM, written by OpenSSL: `PEM_write_bio_PKCS8PrivateKey`
    /// (PKCS#8 `EncryptedPrivateKeyInfo`, PBES2 with OpenSSL 3.0's defaults) or, with
    /// `traditional`, `PEM_write_bio_PrivateKey_traditional` (`Proc-Type`/`DEK-Info`), under
    /// `cipher` (fetched by name in this library context) and `password`.
    public func encryptedPEM(cipher: String, password: [UInt8], traditional: Bool) throws -> [UInt8] {
        ref_ERR_clear_error()
        guard password.count < 1024 else { throw CryptoError(.invalidLength, "password too long") }
        guard let c = ref_EVP_CIPHER_fetch(libctx, cipher, nil) else {
            throw Self.failure("EVP_CIPHER_fetch(\(cipher))")
        }
        defer { ref_EVP_CIPHER_free(c) }
        guard let bio = ref_BIO_new(ref_BIO_s_mem()) else { throw Self.failure("BIO_new") }
        defer { _ = ref_BIO_free(bio) }
        let pw = password + [0]
        let ok = pw.withUnsafeBufferPointer { b -> Int32 in
            let n = Int32(password.count)
            if traditional {
                return ref_PEM_write_bio_PrivateKey_traditional(bio, pkey, c, b.baseAddress, n, nil, nil)
            }
            return UnsafeRawPointer(b.baseAddress!).withMemoryRebound(to: CChar.self, capacity: b.count) {
                ref_PEM_write_bio_PKCS8PrivateKey(bio, pkey, c, $0, n, nil, nil)
            }
        }
        guard ok == 1 else {
            throw Self.failure(traditional ? "PEM_write_bio_PrivateKey_traditional" : "PEM_write_bio_PKCS8PrivateKey")
        }
        var data: UnsafeMutablePointer<CChar>? = nil
        let n = ref_BIO_ctrl(bio, BIO_CTRL_INFO, 0, &data)
        guard n > 0, let data else { throw Self.failure("BIO_get_mem_data") }
        return Array(UnsafeRawBufferPointer(start: data, count: n))
    }

    /// The key's type as OpenSSL names it (`EVP_PKEY_get0_type_name`: `RSA`, `RSA-PSS`, `DSA`,
    /// `DH`, `DHX`, `EC`, `ED25519`).
    public var typeName: String {
        guard let p = ref_EVP_PKEY_get0_type_name(pkey) else { return "?" }
        return String(cString: p)
    }

    /// OpenSSL's own validity check of what was read: `EVP_PKEY_public_check` for a key,
    /// `EVP_PKEY_param_check` for parameters. Throws when it refuses.
    public func validityCheck(parametersOnly: Bool) throws {
        ref_ERR_clear_error()
        guard let ctx = ref_EVP_PKEY_CTX_new_from_pkey(libctx, pkey, nil) else {
            throw Self.failure("EVP_PKEY_CTX_new_from_pkey")
        }
        defer { ref_EVP_PKEY_CTX_free(ctx) }
        let name = parametersOnly ? "EVP_PKEY_param_check" : "EVP_PKEY_public_check"
        guard (parametersOnly ? ref_EVP_PKEY_param_check(ctx) : ref_EVP_PKEY_public_check(ctx)) == 1 else {
            throw Self.failure(name)
        }
    }

    /// `i2d_KeyParams`: the domain parameters alone.
    public func parametersDER() throws -> [UInt8] {
        try write("i2d_KeyParams") { ref_i2d_KeyParams(pkey, $0) }
    }

    private static func read(
        _ der: [UInt8], _ function: String, _ ref: OpenSSLImplementation,
        _ body: (UnsafeMutablePointer<UnsafePointer<UInt8>?>, Int) -> OpaquePointer?
    ) throws -> OpenSSLPKey {
        ref_ERR_clear_error()
        return try der.withUnsafeBufferPointer { b in
            guard let start = b.baseAddress else { throw CryptoError(.invalidParameter, "\(function): no input") }
            var p: UnsafePointer<UInt8>? = start
            guard let key = body(&p, b.count) else { throw failure(function) }
            let used = p.map { $0 - start } ?? 0
            guard used == b.count else {
                ref_EVP_PKEY_free(key)
                throw CryptoError(.invalidParameter, "\(function) read \(used) of \(b.count) bytes")
            }
            return OpenSSLPKey(key, ref.libctx)
        }
    }

    // MARK: Writing keys

    /// `i2d_PrivateKey`: the type-specific form where there is one (PKCS#1 for RSA, the
    /// traditional DSA form), PKCS#8 otherwise (DH).
    public func privateDER() throws -> [UInt8] {
        try write("i2d_PrivateKey") { ref_i2d_PrivateKey(pkey, $0) }
    }

    /// `i2d_PUBKEY`: the SubjectPublicKeyInfo.
    public func publicDER() throws -> [UInt8] {
        try write("i2d_PUBKEY") { ref_i2d_PUBKEY(pkey, $0) }
    }

    private func write(_ function: String, _ body: (UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>?) -> Int32)
        throws -> [UInt8]
    {
        ref_ERR_clear_error()
        let n = Int(body(nil))
        guard n > 0 else { throw Self.failure(function) }
        var out = [UInt8](repeating: 0, count: n)
        let written = out.withUnsafeMutableBufferPointer { b -> Int in
            var p = b.baseAddress
            return Int(body(&p))
        }
        guard written == n else { throw Self.failure(function) }
        return out
    }

    // MARK: Operations

    private func context(
        _ initialise: (OpaquePointer) -> Int32, _ name: String, _ options: Options
    ) throws -> OpaquePointer {
        ref_ERR_clear_error()
        guard let ctx = ref_EVP_PKEY_CTX_new_from_pkey(libctx, pkey, nil) else {
            throw Self.failure("EVP_PKEY_CTX_new_from_pkey")
        }
        guard initialise(ctx) == 1 else {
            ref_EVP_PKEY_CTX_free(ctx)
            throw Self.failure(name)
        }
        for (k, v) in options.controls where ref_EVP_PKEY_CTX_ctrl_str(ctx, k, v) <= 0 {
            let e = Self.failure("EVP_PKEY_CTX_ctrl_str(\(k), \(v))")
            ref_EVP_PKEY_CTX_free(ctx)
            throw e
        }
        if options.oaepLabel != nil || !options.unsignedParameters.isEmpty {
            let params = ParamBuilder()
            if let label = options.oaepLabel { params.octets("oaep-label", label) }
            for (k, v) in options.unsignedParameters { params.unsigned(k, v) }
            guard params.withArray({ ref_EVP_PKEY_CTX_set_params(ctx, $0) }) == 1 else {
                let e = Self.failure("EVP_PKEY_CTX_set_params(\(options))")
                ref_EVP_PKEY_CTX_free(ctx)
                throw e
            }
        }
        return ctx
    }

    /// Runs a two-call (size, then output) EVP_PKEY operation.
    private func output(
        _ name: String, _ body: (UnsafeMutablePointer<UInt8>?, UnsafeMutablePointer<Int>) -> Int32
    ) throws -> [UInt8] {
        var n = 0
        guard body(nil, &n) == 1 else { throw Self.failure(name) }
        var out = [UInt8](repeating: 0, count: max(n, 1))
        guard out.withUnsafeMutableBufferPointer({ body($0.baseAddress, &n) }) == 1 else { throw Self.failure(name) }
        return Array(out.prefix(n))
    }

    /// `EVP_PKEY_sign` of `tbs` (a digest, or the data for raw paddings).
    public func sign(_ tbs: [UInt8], _ options: Options) throws -> [UInt8] {
        let ctx = try context({ ref_EVP_PKEY_sign_init($0) }, "EVP_PKEY_sign_init", options)
        defer { ref_EVP_PKEY_CTX_free(ctx) }
        return try withBytes(tbs) { t, tn in
            try output("EVP_PKEY_sign") { ref_EVP_PKEY_sign(ctx, $0, $1, t, tn) }
        }
    }

    /// `EVP_PKEY_verify`: returns normally when the signature verifies; throws otherwise.
    public func verify(signature: [UInt8], _ tbs: [UInt8], _ options: Options) throws {
        let ctx = try context({ ref_EVP_PKEY_verify_init($0) }, "EVP_PKEY_verify_init", options)
        defer { ref_EVP_PKEY_CTX_free(ctx) }
        let r = withBytes(signature) { s, sn in withBytes(tbs) { t, tn in ref_EVP_PKEY_verify(ctx, s, sn, t, tn) } }
        guard r == 1 else {
            throw CryptoError(
                .authenticationFailure, "EVP_PKEY_verify returned \(r): \(OpenSSLImplementation.takeError().text)")
        }
    }

    /// `EVP_DigestSignInit_ex` / `EVP_DigestVerifyInit_ex` with the digest (none for Ed25519 and
    /// Ed448, whose one-shot sign is how OpenSSL 3.0 signs with them) on a fresh
    /// EVP_MD_CTX, then, when not empty, SM2's distinguishing identifier as the `hexdistid`
    /// control on the context the init made (as `openssl pkeyutl -pkeyopt distid:…` sets it;
    /// OpenSSL 3.0.22 refuses `distid` among the init's own parameters).
    private func digestContext(verify: Bool, digest: String?, distid: [UInt8]) throws -> OpaquePointer {
        ref_ERR_clear_error()
        guard let md = ref_EVP_MD_CTX_new() else { throw Self.failure("EVP_MD_CTX_new") }
        var pctx: OpaquePointer? = nil
        let r =
            verify
            ? ref_EVP_DigestVerifyInit_ex(md, &pctx, digest, libctx, nil, pkey, nil)
            : ref_EVP_DigestSignInit_ex(md, &pctx, digest, libctx, nil, pkey, nil)
        guard r == 1, let pctx else {
            ref_EVP_MD_CTX_free(md)
            throw Self.failure(verify ? "EVP_DigestVerifyInit_ex" : "EVP_DigestSignInit_ex")
        }
        if !distid.isEmpty, ref_EVP_PKEY_CTX_ctrl_str(pctx, "hexdistid", Hex.encode(distid)) <= 0 {
            let e = Self.failure("EVP_PKEY_CTX_ctrl_str(hexdistid, \(Hex.encode(distid)))")
            ref_EVP_MD_CTX_free(md)
            throw e
        }
        return md
    }

    /// `EVP_DigestSign` of `message` (one shot) with `digest` (nil: none, as for EdDSA) and the SM2 `distid`.
    public func digestSign(_ message: [UInt8], digest: String? = nil, distid: [UInt8] = []) throws -> [UInt8] {
        let md = try digestContext(verify: false, digest: digest, distid: distid)
        defer { ref_EVP_MD_CTX_free(md) }
        return try withBytes(message) { m, mn in
            try output("EVP_DigestSign") { ref_EVP_DigestSign(md, $0, $1, m, mn) }
        }
    }

    /// `EVP_DigestVerify` (one shot): returns normally when the signature verifies.
    public func digestVerify(signature: [UInt8], _ message: [UInt8], digest: String? = nil, distid: [UInt8] = []) throws
    {
        let md = try digestContext(verify: true, digest: digest, distid: distid)
        defer { ref_EVP_MD_CTX_free(md) }
        let r = withBytes(signature) { s, sn in
            withBytes(message) { m, mn in ref_EVP_DigestVerify(md, s, sn, m, mn) }
        }
        guard r == 1 else {
            throw CryptoError(
                .authenticationFailure, "EVP_DigestVerify returned \(r): \(OpenSSLImplementation.takeError().text)")
        }
    }

    /// `EVP_PKEY_encrypt`.
    public func encrypt(_ input: [UInt8], _ options: Options) throws -> [UInt8] {
        let ctx = try context({ ref_EVP_PKEY_encrypt_init($0) }, "EVP_PKEY_encrypt_init", options)
        defer { ref_EVP_PKEY_CTX_free(ctx) }
        return try withBytes(input) { i, n in try output("EVP_PKEY_encrypt") { ref_EVP_PKEY_encrypt(ctx, $0, $1, i, n) }
        }
    }

    /// `EVP_PKEY_decrypt`.
    public func decrypt(_ input: [UInt8], _ options: Options) throws -> [UInt8] {
        let ctx = try context({ ref_EVP_PKEY_decrypt_init($0) }, "EVP_PKEY_decrypt_init", options)
        defer { ref_EVP_PKEY_CTX_free(ctx) }
        return try withBytes(input) { i, n in try output("EVP_PKEY_decrypt") { ref_EVP_PKEY_decrypt(ctx, $0, $1, i, n) }
        }
    }

    /// `EVP_PKEY_encapsulate` with the KEM operation `RSASVE`: (wrapped key, secret).
    public func encapsulateRSASVE() throws -> (ciphertext: [UInt8], secret: [UInt8]) {
        let ctx = try context({ ref_EVP_PKEY_encapsulate_init($0, nil) }, "EVP_PKEY_encapsulate_init", Options([]))
        defer { ref_EVP_PKEY_CTX_free(ctx) }
        guard ref_EVP_PKEY_CTX_set_kem_op(ctx, "RSASVE") == 1 else { throw Self.failure("EVP_PKEY_CTX_set_kem_op") }
        var wn = 0
        var sn = 0
        guard ref_EVP_PKEY_encapsulate(ctx, nil, &wn, nil, &sn) == 1 else { throw Self.failure("EVP_PKEY_encapsulate") }
        var wrapped = [UInt8](repeating: 0, count: max(wn, 1))
        var secret = [UInt8](repeating: 0, count: max(sn, 1))
        let r = wrapped.withUnsafeMutableBufferPointer { w in
            secret.withUnsafeMutableBufferPointer { s in
                ref_EVP_PKEY_encapsulate(ctx, w.baseAddress, &wn, s.baseAddress, &sn)
            }
        }
        guard r == 1 else { throw Self.failure("EVP_PKEY_encapsulate") }
        return (Array(wrapped.prefix(wn)), Array(secret.prefix(sn)))
    }

    /// `EVP_PKEY_decapsulate` with the KEM operation `RSASVE`: the secret.
    public func decapsulateRSASVE(_ ciphertext: [UInt8]) throws -> [UInt8] {
        let ctx = try context({ ref_EVP_PKEY_decapsulate_init($0, nil) }, "EVP_PKEY_decapsulate_init", Options([]))
        defer { ref_EVP_PKEY_CTX_free(ctx) }
        guard ref_EVP_PKEY_CTX_set_kem_op(ctx, "RSASVE") == 1 else { throw Self.failure("EVP_PKEY_CTX_set_kem_op") }
        return try withBytes(ciphertext) { c, cn in
            try output("EVP_PKEY_decapsulate") { ref_EVP_PKEY_decapsulate(ctx, $0, $1, c, cn) }
        }
    }

    /// `EVP_PKEY_derive` with `peer` (`dh_pad` in the options for a padded secret).
    public func derive(peer: OpenSSLPKey, _ options: Options) throws -> [UInt8] {
        let ctx = try context({ ref_EVP_PKEY_derive_init($0) }, "EVP_PKEY_derive_init", options)
        defer { ref_EVP_PKEY_CTX_free(ctx) }
        guard ref_EVP_PKEY_derive_set_peer(ctx, peer.pkey) == 1 else { throw Self.failure("EVP_PKEY_derive_set_peer") }
        return try output("EVP_PKEY_derive") { ref_EVP_PKEY_derive(ctx, $0, $1) }
    }
}
