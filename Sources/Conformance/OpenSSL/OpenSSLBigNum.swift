import COpenSSL
import LibCrypto
import Vectors

// OpenSSL's BN_* as the reference side of the bignum differential (BigNumDifferential.swift).
// Operands cross as bytes and a sign (BN_bin2bn, BN_set_negative; BN_bn2bin, BN_is_negative),
// so no text conversion of either side stands between the two.

/// OpenSSL's bignum functions, on the loaded reference libcrypto. One BN_CTX per instance: use
/// an instance from one thread at a time.
public final class OpenSSLBigNum: BigNumBackend {
    private let ctx: OpaquePointer

    /// Loads the reference library if none is (the system's) and makes a BN_CTX.
    /// - Throws: `OpenSSLReference.LoadError` without a library, `CryptoError` if BN_CTX_new fails.
    public init() throws {
        try OpenSSLReference.loadLibrary()
        guard let c = ref_BN_CTX_new() else {
            throw CryptoError(.unsupportedOperation, "BN_CTX_new failed")
        }
        ctx = c
    }

    deinit { ref_BN_CTX_free(ctx) }

    public var name: String { "OpenSSL" }

    struct Failed: Error { var answer: BigNumAnswer }

    /// A new BIGNUM holding `x`.
    private func make(_ x: BigNum) throws -> OpaquePointer {
        let bytes = x.bytes()
        guard let bn = bytes.withUnsafeBufferPointer({ ref_BN_bin2bn($0.baseAddress, Int32($0.count), nil) }) else {
            throw failure("BN_bin2bn")
        }
        if x.isNegative { ref_BN_set_negative(bn, 1) }
        return bn
    }

    private func value(_ bn: OpaquePointer) throws -> BigNum {
        let n = (Int(ref_BN_num_bits(bn)) + 7) / 8
        var buf = [UInt8](repeating: 0, count: max(n, 1))
        let written = Int(ref_BN_bn2bin(bn, &buf))
        guard written >= 0, written <= buf.count else { throw failure("BN_bn2bin") }
        let v = try BigNum(bytes: buf.prefix(written))
        return ref_BN_is_negative(bn) != 0 ? -v : v
    }

    /// The error on OpenSSL's queue (the BN reason code if it is the BN library's).
    private func failure(_ function: String) -> Failed {
        let e = OpenSSLImplementation.takeError()
        let reason = e.library == ERR_LIB_BN ? Int(e.reason) : nil
        return Failed(answer: .failure(reason: reason, text: "\(function): \(e.text)"))
    }

    private func text(_ p: UnsafeMutablePointer<CChar>?, _ function: String) throws -> String {
        guard let p else { throw failure(function) }
        defer { shim_OPENSSL_free(p) }
        return String(cString: p)
    }

    public func run(_ c: BigNumCase) -> BigNumAnswer {
        ref_ERR_clear_error()
        var owned: [OpaquePointer] = []
        defer { for bn in owned { ref_BN_free(bn) } }
        func fresh() throws -> OpaquePointer {
            guard let bn = ref_BN_new() else { throw failure("BN_new") }
            owned.append(bn)
            return bn
        }
        func check(_ ok: Int32, _ function: String) throws { if ok != 1 { throw failure(function) } }
        do {
            var x: [OpaquePointer] = []
            for v in c.operands {
                let bn = try make(v)
                owned.append(bn)
                x.append(bn)
            }
            func at(_ i: Int) throws -> OpaquePointer { i < x.count ? x[i] : try fresh() }
            let r = try fresh()
            let a = try at(0)
            let b = try at(1)
            switch c.operation {
            case .add: try check(ref_BN_add(r, a, b), "BN_add")
            case .sub: try check(ref_BN_sub(r, a, b), "BN_sub")
            case .uadd: try check(ref_BN_uadd(r, a, b), "BN_uadd")
            case .usub: try check(ref_BN_usub(r, a, b), "BN_usub")
            case .mul: try check(ref_BN_mul(r, a, b, ctx), "BN_mul")
            case .sqr: try check(ref_BN_sqr(r, a, ctx), "BN_sqr")
            case .div:
                let rem = try fresh()
                try check(ref_BN_div(r, rem, a, b, ctx), "BN_div")
                return .numbers([try value(r), try value(rem)])
            case .nnmod: try check(ref_BN_nnmod(r, a, b, ctx), "BN_nnmod")
            case .divWord:
                // (BN_ULONG)-1 is the error return: a remainder is always below the word.
                let rem = ref_BN_div_word(a, UInt(c.word))
                guard rem != UInt.max else { throw failure("BN_div_word") }
                return .numbers([try value(a), BigNum(UInt64(rem))])
            case .modWord:
                let rem = ref_BN_mod_word(a, UInt(c.word))
                guard rem != UInt.max else { throw failure("BN_mod_word") }
                return .numbers([BigNum(UInt64(rem))])
            case .modMul: try check(ref_BN_mod_mul(r, a, b, try at(2), ctx), "BN_mod_mul")
            case .modSqr: try check(ref_BN_mod_sqr(r, a, b, ctx), "BN_mod_sqr")
            case .exp: try check(ref_BN_exp(r, a, b, ctx), "BN_exp")
            case .modExp: try check(ref_BN_mod_exp(r, a, b, try at(2), ctx), "BN_mod_exp")
            case .modExpConstantTime:
                try check(ref_BN_mod_exp_mont_consttime(r, a, b, try at(2), ctx, nil), "BN_mod_exp_mont_consttime")
            case .modInverse, .modInversePrime:
                guard ref_BN_mod_inverse(r, a, b, ctx) != nil else { throw failure("BN_mod_inverse") }
            case .gcd: try check(ref_BN_gcd(r, a, b, ctx), "BN_gcd")
            case .lshift: try check(ref_BN_lshift(r, a, Int32(clamping: c.count)), "BN_lshift")
            case .rshift: try check(ref_BN_rshift(r, a, Int32(clamping: c.count)), "BN_rshift")
            case .kronecker:
                let k = ref_BN_kronecker(a, b, ctx)
                guard k != -2 else { throw failure("BN_kronecker") }
                return .integer(Int(k))
            case .modSqrt:
                guard ref_BN_mod_sqrt(r, a, b, ctx) != nil else { throw failure("BN_mod_sqrt") }
            case .checkPrime:
                let p = ref_BN_check_prime(a, ctx, nil)
                guard p >= 0 else { throw failure("BN_check_prime") }
                return .integer(Int(p))
            case .cmp: return .integer(Int(ref_BN_cmp(a, b)).signum())
            case .ucmp: return .integer(Int(ref_BN_ucmp(a, b)).signum())
            case .toText:
                let n = (Int(ref_BN_num_bits(a)) + 7) / 8
                var buf = [UInt8](repeating: 0, count: max(n, 1))
                let written = Int(ref_BN_bn2bin(a, &buf))
                return .text([
                    try text(ref_BN_bn2hex(a), "BN_bn2hex"), try text(ref_BN_bn2dec(a), "BN_bn2dec"),
                    Hex.encode(buf.prefix(max(0, written))),
                ])
            case .fromHex, .fromDecimal:
                var parsed: OpaquePointer? = nil
                let used = c.operation == .fromHex ? ref_BN_hex2bn(&parsed, c.text) : ref_BN_dec2bn(&parsed, c.text)
                if let p = parsed { owned.append(p) }
                // The whole text must be read (LibCrypto takes nothing less).
                guard used == c.text.utf8.count, let p = parsed else {
                    return .failure(reason: nil, text: "read \(used) of \(c.text.utf8.count) characters")
                }
                return .numbers([try value(p)])
            }
            return .numbers([try value(r)])
        } catch let f as Failed {
            return f.answer
        } catch {
            return .failure(reason: nil, text: "\(error)")
        }
    }
}
