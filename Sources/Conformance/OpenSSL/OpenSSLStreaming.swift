import COpenSSL
import LibCrypto

// Streaming entry points for `speed`: contexts set up once and driven in a loop on raw buffers,
// the way `openssl speed -evp` drives EVP. They are the only way `speed` reaches OpenSSL, so
// that the calls it times are the adapter's, and their cost per call is one EVP call each.

extension OpenSSLImplementation {
    /// Bytes the largest digest writes (`EVP_MAX_MD_SIZE`).
    static let maxDigestSize = Int(EVP_MAX_MD_SIZE)

    /// One-shot digests (`EVP_Digest`: a fresh context, update, final per call).
    struct OneShotDigest {
        let md: OpaquePointer

        /// Digests `count` bytes at `data` into `out` (room for `maxDigestSize` bytes).
        @inline(__always)
        func digest(_ data: UnsafeRawPointer, count: Int, into out: UnsafeMutablePointer<UInt8>) throws {
            var n: UInt32 = 0
            guard ref_EVP_Digest(data, count, out, &n, md, nil) == 1 else {
                throw OpenSSLImplementation.failure(.invalidParameter, "EVP_Digest")
            }
        }
    }

    /// The digest `name`, fetched in this context, for one-shot use.
    func oneShotDigest(_ name: String) throws -> OneShotDigest {
        OneShotDigest(md: try fetch(.digest, name).get())
    }

    /// A MAC context over one underlying digest, keyed once; each message re-initialises it with
    /// the same key (`EVP_MAC_init` with no parameters), updates and finalises.
    final class ReusableMAC {
        private let ctx: OpaquePointer
        private let key: UnsafeMutableBufferPointer<UInt8>

        fileprivate init(_ mac: OpaquePointer, digest: String, key bytes: [UInt8]) throws {
            guard let c = ref_EVP_MAC_CTX_new(mac) else {
                throw OpenSSLImplementation.failure(.invalidParameter, "EVP_MAC_CTX_new")
            }
            let params = ParamBuilder()
            params.utf8("digest", digest)
            let ok = params.withArray { p in
                bytes.withUnsafeBufferPointer { ref_EVP_MAC_init(c, $0.baseAddress, $0.count, p) }
            }
            guard ok == 1 else {
                let e = OpenSSLImplementation.failure(.invalidParameter, "EVP_MAC_init")
                ref_EVP_MAC_CTX_free(c)
                throw e
            }
            ctx = c
            key = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
            _ = key.initialize(from: bytes)
        }

        deinit {
            ref_EVP_MAC_CTX_free(ctx)
            key.deallocate()
        }

        /// Keyed init, update with `count` bytes at `data`, final into `out` (`capacity` bytes).
        @inline(__always)
        func mac(
            _ data: UnsafePointer<UInt8>, count: Int, into out: UnsafeMutablePointer<UInt8>,
            capacity: Int
        ) throws {
            var n = 0
            guard ref_EVP_MAC_init(ctx, key.baseAddress, key.count, nil) == 1,
                ref_EVP_MAC_update(ctx, data, count) == 1,
                ref_EVP_MAC_final(ctx, out, &n, capacity) == 1
            else {
                throw OpenSSLImplementation.failure(.invalidParameter, "EVP_MAC_init/update/final")
            }
        }
    }

    /// `mac` (HMAC) over `digest`, keyed with `key`, ready to be run again and again.
    func reusableMAC(_ mac: String, digest: String, key: [UInt8]) throws -> ReusableMAC {
        try ReusableMAC(fetch(.mac, mac).get(), digest: digest, key: key)
    }

    /// A long-lived encryption context, keyed with the reference's own key and IV lengths,
    /// padding off, updated again and again (as `openssl speed -evp`).
    final class StreamingCipher {
        private let ctx: OpaquePointer
        /// The IV length the context took.
        let ivLength: Int
        /// The key it was keyed with (`message` re-keys with it when asked).
        private let key: [UInt8]

        fileprivate init(
            _ cipher: OpaquePointer, wrap: Bool, tagLength: Int?,
            key makeKey: (Int) -> [UInt8], iv makeIV: (Int) -> [UInt8]
        ) throws {
            guard let c = ref_EVP_CIPHER_CTX_new() else {
                throw OpenSSLImplementation.failure(.invalidParameter, "EVP_CIPHER_CTX_new")
            }
            var ok = false
            defer { if !ok { ref_EVP_CIPHER_CTX_free(c) } }
            if wrap { ref_EVP_CIPHER_CTX_set_flags(c, EVP_CIPHER_CTX_FLAG_WRAP_ALLOW) }
            guard ref_EVP_CipherInit_ex2(c, cipher, nil, nil, 1, nil) == 1 else {
                throw OpenSSLImplementation.failure(.invalidParameter, "EVP_CipherInit_ex2")
            }
            if let t = tagLength, ref_EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_AEAD_SET_TAG, Int32(t), nil) != 1 {
                throw OpenSSLImplementation.failure(.invalidParameter, "EVP_CTRL_AEAD_SET_TAG")
            }
            let key = makeKey(Int(ref_EVP_CIPHER_CTX_get_key_length(c)))
            let ivLength = Int(ref_EVP_CIPHER_CTX_get_iv_length(c))
            let iv = makeIV(ivLength)
            let keyed = key.withUnsafeBufferPointer { k in
                iv.withUnsafeBufferPointer { v in
                    ref_EVP_CipherInit_ex2(c, nil, k.baseAddress, iv.isEmpty ? nil : v.baseAddress, 1, nil)
                }
            }
            guard keyed == 1 else { throw OpenSSLImplementation.failure(.invalidParameter, "EVP_CipherInit_ex2 (key)") }
            _ = ref_EVP_CIPHER_CTX_set_padding(c, 0)
            ref_ERR_clear_error()
            ok = true
            ctx = c
            self.ivLength = ivLength
            self.key = key
        }

        deinit { ref_EVP_CIPHER_CTX_free(ctx) }

        /// One `EVP_CipherUpdate` of `count` bytes at `input` into `output` (which may be `input`).
        @inline(__always)
        func update(_ input: UnsafePointer<UInt8>, count: Int32, into output: UnsafeMutablePointer<UInt8>) throws {
            var written: Int32 = 0
            guard ref_EVP_CipherUpdate(ctx, output, &written, input, count) == 1 else {
                throw OpenSSLImplementation.failure(.invalidParameter, "EVP_CipherUpdate")
            }
        }

        /// One whole message of a cipher that cannot stream (CCM, SIV), in place: set the nonce
        /// (`iv`, `ivLength` bytes; nil keeps none), announce the length (CCM only: for SIV a
        /// NULL-output update is AAD), encrypt, final, read the tag into `tail` (at least 64 bytes).
        /// Without `announceLength` the context is re-keyed too: OpenSSL's SIV context encrypts
        /// once per key set (`crypto/modes/siv128.c`'s `crypto_ok`), as LibCrypto's per-message
        /// context is keyed per message.
        @inline(__always)
        /// One whole message (CTS's one-shot update, `ctx->updated` reset by the init): set
        /// the IV again, one update in place, final into `tail`.
        func oneMessage(
            _ data: UnsafeMutablePointer<UInt8>, count: Int32, iv: UnsafePointer<UInt8>,
            tail: UnsafeMutablePointer<UInt8>
        ) throws {
            var written: Int32 = 0
            guard ref_EVP_CipherInit_ex2(ctx, nil, nil, iv, -1, nil) == 1,
                ref_EVP_CipherUpdate(ctx, data, &written, data, count) == 1,
                ref_EVP_CipherFinal_ex(ctx, tail, &written) == 1
            else {
                throw OpenSSLImplementation.failure(.invalidParameter, "one-message encryption")
            }
        }

        func message(
            _ data: UnsafeMutablePointer<UInt8>, count: Int32, iv: UnsafePointer<UInt8>?,
            tagLength: Int32, tail: UnsafeMutablePointer<UInt8>, announceLength: Bool = true
        ) throws {
            var written: Int32 = 0
            let initialized = key.withUnsafeBufferPointer { k in
                ref_EVP_CipherInit_ex2(ctx, nil, announceLength ? nil : k.baseAddress, iv, -1, nil)
            }
            guard initialized == 1,
                !announceLength || ref_EVP_CipherUpdate(ctx, nil, &written, nil, count) == 1,
                ref_EVP_CipherUpdate(ctx, data, &written, data, count) == 1,
                ref_EVP_CipherFinal_ex(ctx, tail, &written) == 1,
                ref_EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, tagLength, tail) == 1
            else {
                throw OpenSSLImplementation.failure(.invalidParameter, "one-message AEAD encryption")
            }
        }
    }

    /// An encryption context for the cipher `name` (see `StreamingCipher`); `wrap` allows key
    /// wrap, `tagLength` sets an AEAD tag length before the key. `key` and `iv` are asked for
    /// bytes of the lengths the reference takes.
    func streamingCipher(
        _ name: String, wrap: Bool = false, tagLength: Int? = nil,
        key: (Int) -> [UInt8], iv: (Int) -> [UInt8]
    ) throws -> StreamingCipher {
        try StreamingCipher(fetch(.cipher, name).get(), wrap: wrap, tagLength: tagLength, key: key, iv: iv)
    }
}
