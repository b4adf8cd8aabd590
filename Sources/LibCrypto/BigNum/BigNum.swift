// BigNum: OpenSSL's BIGNUM as a Swift value. Arbitrary-precision signed integers on 64-bit
// limbs (sign and magnitude, as OpenSSL's `BIGNUM` has `neg` and `d[]`), with OpenSSL's
// semantics where they differ from mathematics' (truncating division, `BN_nnmod`, the hex form
// of `BN_bn2hex`).
//
// Timing. Everything in this file and in BigNumArithmetic.swift, BigNumModular.swift and
// BigNumPrime.swift is VARIABLE TIME: its running time and memory accesses depend on the values
// (their lengths at least, and for division, GCD, inverse and `modExp` the values themselves).
// Use those entry points on public data only (moduli, public exponents, signatures to verify,
// prime candidates that are public). The constant-time entry points are in Montgomery.swift:
// `MontgomeryContext.multiply`, `toMontgomery`, `fromMontgomery`,
// `BigNum.modExpConstantTime(_:modulus:)` and `BigNum.inverseModPrimeConstantTime(_:)`: their
// branches, loop bounds and memory addresses depend only on the modulus' limb count and the
// exponent's limb count, never on the secret values.
//
// Sizes. A number is at most `BigNum.maxBits` (2^20) bits where it is created from outside
// input: parsing hex, decimal or bytes, a left shift, a non-modular power and random numbers
// throw `CryptoError` above it instead of allocating without bound. (OpenSSL caps RSA moduli at
// 16,384 bits, `OPENSSL_RSA_MAX_MODULUS_BITS`; 2^20 leaves room for every test file.) Sums and
// products of capped numbers may exceed the cap by their ordinary growth (a product of two
// 2^20-bit numbers has 2^21 bits); they never grow without bound from one input.

/// An arbitrary-precision signed integer with OpenSSL's `BIGNUM` semantics.
///
/// Stored as sign and magnitude on 64-bit limbs, least significant first, with no leading zero
/// limbs; zero is never negative (as `BN_is_negative` of zero is false). Arithmetic is variable
/// time; secrets take the constant-time paths of ``MontgomeryContext``,
/// ``modExpConstantTime(_:modulus:)`` and ``inverseModPrimeConstantTime(_:)``.
public struct BigNum: Sendable, Hashable {
    /// The magnitude, least significant limb first, without leading zero limbs.
    public internal(set) var limbs: [UInt64]
    /// True for a number below zero (never for zero).
    public internal(set) var isNegative: Bool

    /// The largest number of bits a number parsed, shifted, raised or drawn at random may have
    /// (2^20); above it those entry points throw `invalidParameter` with OpenSSL's reason
    /// `BIGNUM_TOO_LONG`.
    public static let maxBits = 1 << 20

    /// Zero.
    public static let zero = BigNum()
    /// One.
    public static let one = BigNum(1)

    /// Zero.
    public init() {
        limbs = []
        isNegative = false
    }

    /// The value of `value`.
    /// - Parameter value: a machine integer.
    public init(_ value: Int) {
        limbs = value == 0 ? [] : [UInt64(value.magnitude)]
        isNegative = value < 0
    }

    /// The value of `value`.
    /// - Parameter value: an unsigned machine word.
    public init(_ value: UInt64) {
        limbs = value == 0 ? [] : [value]
        isNegative = false
    }

    /// A number from its limbs (least significant first) and sign; leading zero limbs are
    /// dropped and a zero magnitude is never negative.
    init(limbs: [UInt64], negative: Bool = false) {
        self.limbs = limbs
        self.isNegative = negative
        normalize()
    }

    /// A non-negative number from limbs computed from secrets (the result of a constant-time
    /// operation). The significant limb count is found by a mask scan over every limb, without a
    /// branch on a value, and then declassified: a `BigNum`'s limb count is public by design, as
    /// OpenSSL's `top` is (`bn_correct_top` on the result of `BN_mod_exp_mont_consttime`). The
    /// limbs' values stay secret; `init(limbs:)`'s `normalize()` would branch on the top limbs.
    init(secretLimbs: [UInt64]) {
        // UInt64 throughout: converting a secret Int to UInt64 checks its sign, with a branch.
        var count: UInt64 = 0
        var position: UInt64 = 0
        for l in secretLimbs {
            position &+= 1
            let mask = CTLimb.mask((l | (0 &- l)) >> 63)  // all ones when l ≠ 0
            count = CTLimb.select(mask, position, count)
        }
        // Public by design (see above): the caller gets a BigNum whose limb count it can read.
        let significant = ConstantTime.declassify(Int(truncatingIfNeeded: count))
        limbs = Array(secretLimbs[0..<significant])
        isNegative = false
    }

    mutating func normalize() {
        while let last = limbs.last, last == 0 { limbs.removeLast() }
        if limbs.isEmpty { isNegative = false }
    }

    static func tooLong(_ what: String, file: String = #fileID, line: Int = #line) -> CryptoError {
        CryptoError(
            .invalidParameter, "\(what) is longer than BigNum.maxBits (\(maxBits) bits)", openSSL: .bnBignumTooLong,
            file: file, line: line)
    }

    // MARK: Properties

    /// True for zero (`BN_is_zero`).
    public var isZero: Bool { limbs.isEmpty }
    /// True for one (`BN_is_one`); minus one is not.
    public var isOne: Bool { !isNegative && limbs.count == 1 && limbs[0] == 1 }
    /// True if the magnitude is odd (`BN_is_odd`).
    public var isOdd: Bool { (limbs.first ?? 0) & 1 == 1 }
    /// The number of significant bits of the magnitude, 0 for zero (`BN_num_bits`).
    public var bitWidth: Int {
        guard let top = limbs.last else { return 0 }
        return limbs.count * 64 - top.leadingZeroBitCount
    }
    /// The number of bytes of the magnitude, 0 for zero (`BN_num_bytes`).
    public var byteCount: Int { (bitWidth + 7) / 8 }
    /// The absolute value.
    public var magnitude: BigNum { BigNum(limbs: limbs) }
    /// The magnitude if it fits one 64-bit word, else nil (`BN_get_word`, which returns all ones
    /// for a number that does not fit).
    public var word: UInt64? {
        switch limbs.count {
        case 0: return 0
        case 1: return limbs[0]
        default: return nil
        }
    }

    /// Whether bit `index` of the magnitude is set (`BN_is_bit_set`); false beyond the top and
    /// for a negative index.
    /// - Parameter index: the bit position, 0 for the least significant bit.
    public func bit(_ index: Int) -> Bool {
        guard index >= 0, index / 64 < limbs.count else { return false }
        return (limbs[index / 64] >> UInt64(index % 64)) & 1 == 1
    }

    /// The number of trailing zero bits of the magnitude; 0 for zero.
    public var trailingZeroBitCount: Int {
        for (i, l) in limbs.enumerated() where l != 0 { return i * 64 + l.trailingZeroBitCount }
        return 0
    }

    // MARK: Bytes

    /// A non-negative number from big-endian bytes (`BN_bin2bn`); leading zero bytes are allowed.
    /// - Parameter bytes: the magnitude, most significant byte first.
    /// - Throws: `invalidParameter` (`BIGNUM_TOO_LONG`) for more than ``maxBits`` / 8 bytes.
    public init(bytes: some Collection<UInt8>) throws {
        guard bytes.count <= Self.maxBits / 8 else { throw Self.tooLong("a \(bytes.count)-byte number") }
        var out = [UInt64](repeating: 0, count: (bytes.count + 7) / 8)
        var shift: UInt64 = 0
        var index = 0
        for b in bytes.reversed() {
            out[index] |= UInt64(b) << shift
            shift += 8
            if shift == 64 {
                shift = 0
                index += 1
            }
        }
        self.init(limbs: out)
    }

    /// The magnitude as big-endian bytes without leading zeros, empty for zero (`BN_bn2bin`;
    /// the sign is dropped, as OpenSSL drops it).
    public func bytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(byteCount)
        for i in stride(from: byteCount - 1, through: 0, by: -1) {
            out.append(UInt8(truncatingIfNeeded: limbs[i / 8] >> UInt64((i % 8) * 8)))
        }
        return out
    }

    /// The magnitude as exactly `length` big-endian bytes, zero-padded on the left
    /// (`BN_bn2binpad`).
    /// - Parameter length: the output length in bytes.
    /// - Throws: `invalidParameter` if the magnitude needs more than `length` bytes or `length`
    ///   is negative.
    public func bytes(paddedTo length: Int) throws -> [UInt8] {
        guard length >= 0, byteCount <= length else {
            throw CryptoError(.invalidParameter, "\(byteCount)-byte number does not fit \(length) bytes")
        }
        var out = [UInt8](repeating: 0, count: length)
        for i in 0..<min(length, limbs.count * 8) {
            out[length - 1 - i] = UInt8(truncatingIfNeeded: limbs[i / 8] >> UInt64((i % 8) * 8))
        }
        return out
    }

    // MARK: Hex

    /// Parses OpenSSL's hex form (`BN_hex2bn`): an optional `-`, then one or more hex digits in
    /// either case. Unlike `BN_hex2bn`, which stops at the first non-hex character and reports
    /// how far it read, the whole string must be the number (as OpenSSL's tests require of
    /// their data). `-0` is zero, not negative.
    /// - Parameter hex: the text.
    /// - Throws: `invalidParameter` for an empty string, a character that is not a hex digit, or
    ///   more digits than ``maxBits`` / 4 (`BIGNUM_TOO_LONG`).
    public init(hex: some StringProtocol) throws {
        var digits = Substring(hex).utf8[...]
        var negative = false
        if digits.first == UInt8(ascii: "-") {
            negative = true
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty else { throw CryptoError(.invalidParameter, "no hex digits in '\(hex.prefix(40))'") }
        guard digits.count <= Self.maxBits / 4 else { throw Self.tooLong("a \(digits.count)-digit hex number") }
        var out = [UInt64](repeating: 0, count: (digits.count + 15) / 16)
        var shift: UInt64 = 0
        var index = 0
        for c in digits.reversed() {
            guard let v = Self.hexValue(c) else {
                throw CryptoError(
                    .invalidParameter, "'\(Character(Unicode.Scalar(c)))' is not a hex digit", openSSL: .bnEncodingError
                )
            }
            out[index] |= UInt64(v) << shift
            shift += 4
            if shift == 64 {
                shift = 0
                index += 1
            }
        }
        self.init(limbs: out, negative: negative)
    }

    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// OpenSSL's hex form (`BN_bn2hex`): upper case, whole bytes (an even number of digits, so
    /// 5 is `05`), a leading `-` for a negative number, and `0` for zero.
    public var hexString: String {
        if isZero { return "0" }
        let digits = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = isNegative ? [UInt8(ascii: "-")] : []
        for b in bytes() {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: Decimal

    /// The largest number of decimal digits ``init(decimal:)`` takes: the digits of a
    /// ``maxBits``-bit number (315,653).
    public static let maxDecimalDigits = 315_653

    /// Parses a decimal number with an optional leading `-` (`BN_dec2bn`, but the whole string
    /// must be the number). `-0` is zero.
    /// - Parameter decimal: the text.
    /// - Throws: `invalidParameter` for an empty string, a non-digit, or more than
    ///   ``maxDecimalDigits`` digits (`BIGNUM_TOO_LONG`).
    public init(decimal: some StringProtocol) throws {
        var digits = Substring(decimal).utf8[...]
        var negative = false
        if digits.first == UInt8(ascii: "-") {
            negative = true
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty else { throw CryptoError(.invalidParameter, "no decimal digits") }
        guard digits.count <= Self.maxDecimalDigits else {
            throw Self.tooLong("a \(digits.count)-digit decimal number")
        }
        var mag: [UInt64] = []
        var chunk: UInt64 = 0
        var chunkDigits = 0
        func flush() {
            var scale: UInt64 = 1
            for _ in 0..<chunkDigits { scale &*= 10 }
            Self.multiplyAdd(&mag, scale, chunk)
            chunk = 0
            chunkDigits = 0
        }
        for c in digits {
            guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else {
                throw CryptoError(.invalidParameter, "'\(Character(Unicode.Scalar(c)))' is not a decimal digit")
            }
            chunk = chunk * 10 + UInt64(c - UInt8(ascii: "0"))
            chunkDigits += 1
            if chunkDigits == 19 { flush() }
        }
        if chunkDigits > 0 { flush() }
        self.init(limbs: mag, negative: negative)
    }

    /// `mag = mag * m + a` in place.
    static func multiplyAdd(_ mag: inout [UInt64], _ m: UInt64, _ a: UInt64) {
        var carry = a
        for i in mag.indices {
            let p = mag[i].multipliedFullWidth(by: m)
            let (lo, o) = p.low.addingReportingOverflow(carry)
            mag[i] = lo
            carry = p.high &+ (o ? 1 : 0)
        }
        if carry != 0 { mag.append(carry) }
    }

    /// The decimal form (`BN_bn2dec`): a leading `-` for a negative number, `0` for zero.
    public var decimalString: String {
        if isZero { return "0" }
        let base: UInt64 = 10_000_000_000_000_000_000  // 10^19
        var mag = limbs
        var chunks: [UInt64] = []
        while !mag.isEmpty {
            chunks.append(Self.divideInPlace(&mag, by: base))
        }
        var out = isNegative ? "-" : ""
        out += String(chunks.last ?? 0)
        for c in chunks.dropLast().reversed() {
            let s = String(c)
            out += String(repeating: "0", count: 19 - s.count) + s
        }
        return out
    }

    /// Divides the magnitude `mag` by `d` (non-zero) in place, normalizing, and returns the remainder.
    static func divideInPlace(_ mag: inout [UInt64], by d: UInt64) -> UInt64 {
        var rem: UInt64 = 0
        for i in stride(from: mag.count - 1, through: 0, by: -1) {
            let (q, r) = d.dividingFullWidth((rem, mag[i]))
            mag[i] = q
            rem = r
        }
        while let last = mag.last, last == 0 { mag.removeLast() }
        return rem
    }
}

extension BigNum: ExpressibleByIntegerLiteral {
    /// A number from an integer literal.
    /// - Parameter value: the literal.
    public init(integerLiteral value: Int) { self.init(value) }
}

extension BigNum: CustomStringConvertible {
    /// The hex form of ``hexString`` (`BN_print`'s, with upper-case digits).
    public var description: String { hexString }
}

extension BigNum: Comparable {
    /// Signed comparison (`BN_cmp`).
    /// - Parameters:
    ///   - a: the left operand.
    ///   - b: the right operand.
    public static func < (a: BigNum, b: BigNum) -> Bool { compare(a, b) < 0 }

    /// -1, 0 or 1 as `a` is below, equal to or above `b` (`BN_cmp`).
    /// - Parameters:
    ///   - a: the left operand.
    ///   - b: the right operand.
    public static func compare(_ a: BigNum, _ b: BigNum) -> Int {
        if a.isNegative != b.isNegative { return a.isNegative ? -1 : 1 }
        let m = compareMagnitudes(a.limbs, b.limbs)
        return a.isNegative ? -m : m
    }

    /// -1, 0 or 1 comparing the magnitudes (`BN_ucmp`).
    /// - Parameters:
    ///   - a: the left operand.
    ///   - b: the right operand.
    public static func compareMagnitudes(_ a: BigNum, _ b: BigNum) -> Int { compareMagnitudes(a.limbs, b.limbs) }

    static func compareMagnitudes(_ a: [UInt64], _ b: [UInt64]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        var i = a.count - 1
        while i >= 0 {
            if a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
            i -= 1
        }
        return 0
    }
}

extension OpenSSLReason {
    private static func bn(_ name: String, _ code: Int, _ text: String) -> OpenSSLReason {
        OpenSSLReason(library: "BN", name: name, code: code, text: text)
    }

    /// Division (or reduction) by zero (`BN_R_DIV_BY_ZERO`).
    public static let bnDivByZero = bn("DIV_BY_ZERO", 103, "div by zero")
    /// The number has no inverse for that modulus (`BN_R_NO_INVERSE`).
    public static let bnNoInverse = bn("NO_INVERSE", 108, "no inverse")
    /// Montgomery arithmetic asked of an even modulus (`BN_R_CALLED_WITH_EVEN_MODULUS`).
    public static let bnCalledWithEvenModulus = bn("CALLED_WITH_EVEN_MODULUS", 102, "called with even modulus")
    /// A number above the size limit (`BN_R_BIGNUM_TOO_LONG`).
    public static let bnBignumTooLong = bn("BIGNUM_TOO_LONG", 114, "bignum too long")
    /// Text that is not a number (`BN_R_ENCODING_ERROR`).
    public static let bnEncodingError = bn("ENCODING_ERROR", 104, "encoding error")
    /// A square root of a non-residue (`BN_R_NOT_A_SQUARE`).
    public static let bnNotASquare = bn("NOT_A_SQUARE", 111, "not a square")
    /// A modulus that a prime-only algorithm found composite (`BN_R_P_IS_NOT_PRIME`).
    public static let bnPIsNotPrime = bn("P_IS_NOT_PRIME", 112, "p is not prime")
    /// A search that gave up (`BN_R_TOO_MANY_ITERATIONS`).
    public static let bnTooManyIterations = bn("TOO_MANY_ITERATIONS", 113, "too many iterations")
    /// An input that must be reduced modulo the modulus and is not (`BN_R_INPUT_NOT_REDUCED`).
    public static let bnInputNotReduced = bn("INPUT_NOT_REDUCED", 110, "input not reduced")
    /// A negative or otherwise impossible shift count (`BN_R_INVALID_SHIFT`).
    public static let bnInvalidShift = bn("INVALID_SHIFT", 119, "invalid shift")
    /// A random range that is zero or negative (`BN_R_INVALID_RANGE`).
    public static let bnInvalidRange = bn("INVALID_RANGE", 115, "invalid range")
    /// `BN_usub` with a smaller first operand (`BN_R_ARG2_LT_ARG3`).
    public static let bnArg2LessThanArg3 = bn("ARG2_LT_ARG3", 100, "arg2 lt arg3")
}
