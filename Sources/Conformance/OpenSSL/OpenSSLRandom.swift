import COpenSSL
import Foundation
import LibCrypto
import Vectors

// Operations: DRBGs through EVP_RAND over a TEST-RAND parent (injected entropy and nonce), and
// Base64 through EVP_Encode* / EVP_Decode* (libcrypto itself, no provider). Both follow OpenSSL's
// test/evp_test.c (rand_test_run, encode_test_run) call for call.

extension OpenSSLImplementation {
    // MARK: - DRBGs

    public func rand(_ input: RandInput) throws -> [[UInt8]] {
        ref_ERR_clear_error()
        // rand_test_init: a TEST-RAND parent of strength 256, and the DRBG as its child.
        guard let testRand = ref_EVP_RAND_fetch(libctx, "TEST-RAND", "-fips") else {
            throw Self.failure(.unsupportedOperation, "EVP_RAND_fetch(TEST-RAND)")
        }
        let parentContext = ref_EVP_RAND_CTX_new(testRand, nil)
        ref_EVP_RAND_free(testRand)
        guard let parent = parentContext else {
            throw Self.failure(.unsupportedOperation, "EVP_RAND_CTX_new(TEST-RAND)")
        }
        defer { ref_EVP_RAND_CTX_free(parent) }
        let strengthParams = ParamBuilder()
        strengthParams.unsigned(OSSL_RAND_PARAM_STRENGTH, 256)
        guard strengthParams.withArray({ ref_EVP_RAND_CTX_set_params(parent, $0) }) == 1 else {
            throw Self.failure(.invalidParameter, "EVP_RAND_CTX_set_params(TEST-RAND strength)")
        }
        let drbg = try fetched(.rand, input.drbg)
        guard let ctx = ref_EVP_RAND_CTX_new(drbg, parent) else {
            throw Self.failure(.unsupportedOperation, "EVP_RAND_CTX_new(\(input.drbg))")
        }
        defer { ref_EVP_RAND_CTX_free(ctx) }

        // rand_test_run: the mechanism's parameters, then each pass.
        let setup = ParamBuilder()
        setup.signed(OSSL_DRBG_PARAM_USE_DF, input.derivationFunction ? 1 : 0)
        if let c = input.cipher { setup.utf8(OSSL_DRBG_PARAM_CIPHER, c) }
        if let d = input.digest { setup.utf8(OSSL_DRBG_PARAM_DIGEST, d) }
        setup.utf8(OSSL_DRBG_PARAM_MAC, "HMAC")
        guard setup.withArray({ ref_EVP_RAND_CTX_set_params(ctx, $0) }) == 1 else {
            throw Self.failure(.invalidParameter, "EVP_RAND_CTX_set_params(\(input.drbg))")
        }
        let strength = ref_EVP_RAND_get_strength(ctx)
        let pr: Int32 = input.predictionResistance ? 1 : 0
        guard input.outputLength >= 0, input.outputLength <= RandInput.maxOutputLength else {
            throw CryptoError(.invalidLength, "generate length \(input.outputLength) out of range")
        }
        func setEntropy(_ bytes: [UInt8]) throws {
            let p = ParamBuilder()
            p.octets(OSSL_RAND_PARAM_TEST_ENTROPY, bytes)
            guard p.withArray({ ref_EVP_RAND_CTX_set_params(parent, $0) }) == 1 else {
                throw Self.failure(.invalidParameter, "EVP_RAND_CTX_set_params(test_entropy)")
            }
        }
        var outputs: [[UInt8]] = []
        var got = [UInt8](repeating: 0, count: max(input.outputLength, 1))
        defer { got.withUnsafeMutableBytes { if let b = $0.baseAddress { memset(b, 0, $0.count) } } }
        for pass in input.passes {
            let seed = ParamBuilder()
            seed.octets(OSSL_RAND_PARAM_TEST_ENTROPY, pass.entropy)
            seed.octets(OSSL_RAND_PARAM_TEST_NONCE, pass.nonce)
            guard seed.withArray({ ref_EVP_RAND_instantiate(parent, strength, 0, nil, 0, $0) }) == 1 else {
                throw Self.failure(.invalidParameter, "EVP_RAND_instantiate(TEST-RAND)")
            }
            let instantiated = withBytes(pass.personalization) {
                ref_EVP_RAND_instantiate(ctx, strength, pr, $0, $1, nil)
            }
            guard instantiated == 1 else { throw Self.failure(.invalidParameter, "EVP_RAND_instantiate") }
            if let e = pass.reseedEntropy {
                try setEntropy(e)
                let reseeded = withBytes(pass.reseedAdditionalInput) { ref_EVP_RAND_reseed(ctx, pr, nil, 0, $0, $1) }
                guard reseeded == 1 else { throw Self.failure(.invalidParameter, "EVP_RAND_reseed") }
            }
            for (prEntropy, additional) in [
                (pass.predictionResistanceEntropyA, pass.additionalInputA),
                (pass.predictionResistanceEntropyB, pass.additionalInputB),
            ] {
                if let e = prEntropy { try setEntropy(e) }
                let generated = withBytes(additional) { a, n in
                    ref_EVP_RAND_generate(ctx, &got, input.outputLength, strength, pr, a, n)
                }
                guard generated == 1 else { throw Self.failure(.invalidParameter, "EVP_RAND_generate") }
            }
            outputs.append(Array(got.prefix(input.outputLength)))
            guard ref_EVP_RAND_uninstantiate(ctx) == 1, ref_EVP_RAND_uninstantiate(parent) == 1,
                ref_EVP_RAND_verify_zeroization(ctx) == 1, ref_EVP_RAND_get_state(ctx) == 0
            else {
                throw Self.failure(.invalidParameter, "EVP_RAND_uninstantiate")
            }
        }
        return outputs
    }

    /// A DRBG instantiated once over a `TEST-RAND` parent (entropy and nonce fixed), for
    /// `confrun speed`: each ``ReusableDRBG/generate(_:count:)`` is one `EVP_RAND_generate`.
    final class ReusableDRBG {
        private let ctx: OpaquePointer
        private let parent: OpaquePointer
        fileprivate var strength: UInt32 = 0

        fileprivate init(ctx: OpaquePointer, parent: OpaquePointer) {
            self.ctx = ctx
            self.parent = parent
        }

        deinit {
            ref_EVP_RAND_CTX_free(ctx)
            ref_EVP_RAND_CTX_free(parent)
        }

        /// One request of `count` bytes, no additional input, no prediction resistance.
        func generate(_ out: UnsafeMutablePointer<UInt8>, count: Int) throws {
            guard ref_EVP_RAND_generate(ctx, out, count, strength, 0, nil, 0) == 1 else {
                throw OpenSSLImplementation.failure(.invalidParameter, "EVP_RAND_generate")
            }
        }
    }

    /// `drbg` (`CTR-DRBG`, `HASH-DRBG`, `HMAC-DRBG`) with its `cipher` or `digest`, derivation
    /// function on, instantiated from `entropy` and `nonce` through a `TEST-RAND` parent of
    /// strength 256 (as ``rand(_:)`` does), with reseeding by request count off.
    func reusableDRBG(
        _ drbg: String, cipher: String?, digest: String?, entropy: [UInt8], nonce: [UInt8]
    ) throws -> ReusableDRBG {
        ref_ERR_clear_error()
        guard let testRand = ref_EVP_RAND_fetch(libctx, "TEST-RAND", "-fips") else {
            throw Self.failure(.unsupportedOperation, "EVP_RAND_fetch(TEST-RAND)")
        }
        let parentContext = ref_EVP_RAND_CTX_new(testRand, nil)
        ref_EVP_RAND_free(testRand)
        guard let parent = parentContext else {
            throw Self.failure(.unsupportedOperation, "EVP_RAND_CTX_new(TEST-RAND)")
        }
        let mechanism: OpaquePointer
        do { mechanism = try fetched(.rand, drbg) } catch {
            ref_EVP_RAND_CTX_free(parent)
            throw error
        }
        guard let ctx = ref_EVP_RAND_CTX_new(mechanism, parent) else {
            ref_EVP_RAND_CTX_free(parent)
            throw Self.failure(.unsupportedOperation, "EVP_RAND_CTX_new(\(drbg))")
        }
        let parentParams = ParamBuilder()
        parentParams.unsigned(OSSL_RAND_PARAM_STRENGTH, 256)
        parentParams.octets(OSSL_RAND_PARAM_TEST_ENTROPY, entropy)
        parentParams.octets(OSSL_RAND_PARAM_TEST_NONCE, nonce)
        let setup = ParamBuilder()
        setup.signed(OSSL_DRBG_PARAM_USE_DF, 1)
        if let c = cipher { setup.utf8(OSSL_DRBG_PARAM_CIPHER, c) }
        if let d = digest { setup.utf8(OSSL_DRBG_PARAM_DIGEST, d) }
        setup.utf8(OSSL_DRBG_PARAM_MAC, "HMAC")
        // No reseed by request count: the TEST-RAND parent's entropy would run out.
        setup.unsigned(OSSL_DRBG_PARAM_RESEED_REQUESTS, 0)
        // From here the object owns both contexts and frees them on any failure.
        let object = ReusableDRBG(ctx: ctx, parent: parent)
        guard parentParams.withArray({ ref_EVP_RAND_CTX_set_params(parent, $0) }) == 1,
            setup.withArray({ ref_EVP_RAND_CTX_set_params(ctx, $0) }) == 1,
            ref_EVP_RAND_instantiate(parent, 256, 0, nil, 0, nil) == 1
        else {
            throw Self.failure(.invalidParameter, "EVP_RAND_CTX_set_params(\(drbg))")
        }
        object.strength = ref_EVP_RAND_get_strength(ctx)
        guard ref_EVP_RAND_instantiate(ctx, object.strength, 0, nil, 0, nil) == 1 else {
            throw Self.failure(.invalidParameter, "EVP_RAND_instantiate(\(drbg))")
        }
        return object
    }

    // MARK: - Base64

    public var supportsBase64: Bool { true }

    /// `EVP_EncodeInit`, one `EVP_EncodeUpdate`, `EVP_EncodeFinal` (as evp_test's canonical case).
    public func base64Encode(_ bytes: [UInt8]) throws -> [UInt8] {
        // EVP_EncodeUpdate takes an int length, and its output is about 4/3 of it.
        guard bytes.count <= 1 << 28 else { throw CryptoError(.invalidLength, "Base64 input too long") }
        guard let ctx = ref_EVP_ENCODE_CTX_new() else {
            throw Self.failure(.unsupportedOperation, "EVP_ENCODE_CTX_new")
        }
        defer { ref_EVP_ENCODE_CTX_free(ctx) }
        let n = bytes.count
        // EVP_ENCODE_LENGTH(n)
        var out = [UInt8](repeating: 0, count: (n + 2) / 3 * 4 + (n / 48 + 1) * 2 + 80)
        var chunk: Int32 = 0
        ref_EVP_EncodeInit(ctx)
        let ok = withBytes(bytes) { p, count in ref_EVP_EncodeUpdate(ctx, &out, &chunk, p, Int32(count)) }
        // Given nothing, EVP_EncodeUpdate returns 0 with no error and writes nothing (evp_test's
        // empty canonical stanza passes only because it then skips to its end with no error set).
        if bytes.isEmpty { chunk = 0 } else if ok != 1 { throw Self.failure(.invalidParameter, "EVP_EncodeUpdate") }
        var total = Int(chunk)
        var last: Int32 = 0
        out.withUnsafeMutableBufferPointer { b in ref_EVP_EncodeFinal(ctx, b.baseAddress! + total, &last) }
        total += Int(last)
        return Array(out.prefix(total))
    }

    /// `EVP_DecodeInit`, one `EVP_DecodeUpdate` (fails below 0), `EVP_DecodeFinal` (fails unless 1).
    public func base64Decode(_ text: [UInt8]) throws -> [UInt8] {
        guard text.count <= 1 << 28 else { throw CryptoError(.invalidLength, "Base64 input too long") }
        guard let ctx = ref_EVP_ENCODE_CTX_new() else {
            throw Self.failure(.unsupportedOperation, "EVP_ENCODE_CTX_new")
        }
        defer { ref_EVP_ENCODE_CTX_free(ctx) }
        // EVP_DECODE_LENGTH(n)
        var out = [UInt8](repeating: 0, count: (text.count + 3) / 4 * 3 + 80)
        var chunk: Int32 = 0
        ref_EVP_DecodeInit(ctx)
        let r = withBytes(text) { p, count in ref_EVP_DecodeUpdate(ctx, &out, &chunk, p, Int32(count)) }
        guard r >= 0 else { throw CryptoError(.invalidParameter, "EVP_DecodeUpdate: DECODE_ERROR") }
        var total = Int(chunk)
        var last: Int32 = 0
        let f = out.withUnsafeMutableBufferPointer { b in ref_EVP_DecodeFinal(ctx, b.baseAddress! + total, &last) }
        guard f == 1 else { throw CryptoError(.invalidParameter, "EVP_DecodeFinal: DECODE_ERROR") }
        total += Int(last)
        return Array(out.prefix(total))
    }
}
