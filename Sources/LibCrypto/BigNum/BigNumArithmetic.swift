// Integer arithmetic on BigNum: addition, subtraction, multiplication, squaring, truncating
// division with remainder, shifts. All VARIABLE TIME (see BigNum.swift): for public values.
// The limb routines work on magnitudes (`[UInt64]`, least significant first); the signed
// operations follow OpenSSL's `BN_add`, `BN_sub`, `BN_mul`, `BN_div`, `BN_lshift`, `BN_rshift`.

extension BigNum {
    // MARK: Magnitude routines

    static func addMagnitudes(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        let (long, short) = a.count >= b.count ? (a, b) : (b, a)
        var out = [UInt64](repeating: 0, count: long.count + 1)
        var carry: UInt64 = 0
        for i in 0..<long.count {
            let (s1, o1) = long[i].addingReportingOverflow(i < short.count ? short[i] : 0)
            let (s2, o2) = s1.addingReportingOverflow(carry)
            out[i] = s2
            carry = (o1 ? 1 : 0) &+ (o2 ? 1 : 0)
        }
        out[long.count] = carry
        while let last = out.last, last == 0 { out.removeLast() }
        return out
    }

    /// `a - b` for magnitudes with `a >= b`.
    static func subtractMagnitudes(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        var out = a
        var borrow: UInt64 = 0
        for i in 0..<a.count {
            let (d1, o1) = a[i].subtractingReportingOverflow(i < b.count ? b[i] : 0)
            let (d2, o2) = d1.subtractingReportingOverflow(borrow)
            out[i] = d2
            borrow = (o1 ? 1 : 0) &+ (o2 ? 1 : 0)
        }
        while let last = out.last, last == 0 { out.removeLast() }
        return out
    }

    static func multiplyMagnitudes(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        if a.isEmpty || b.isEmpty { return [] }
        var out = [UInt64](repeating: 0, count: a.count + b.count)
        out.withUnsafeMutableBufferPointer { r in
            a.withUnsafeBufferPointer { x in
                b.withUnsafeBufferPointer { y in
                    for i in 0..<x.count {
                        let xi = x[i]
                        var carry: UInt64 = 0
                        for j in 0..<y.count {
                            let p = xi.multipliedFullWidth(by: y[j])
                            let (s1, o1) = p.low.addingReportingOverflow(r[i + j])
                            let (s2, o2) = s1.addingReportingOverflow(carry)
                            r[i + j] = s2
                            carry = p.high &+ (o1 ? 1 : 0) &+ (o2 ? 1 : 0)
                        }
                        r[i + y.count] = carry
                    }
                }
            }
        }
        while let last = out.last, last == 0 { out.removeLast() }
        return out
    }

    /// Shifts a magnitude left by `bits`.
    static func shiftLeftMagnitude(_ a: [UInt64], _ bits: Int) -> [UInt64] {
        if a.isEmpty { return [] }
        let words = bits / 64
        let s = UInt64(bits % 64)
        var out = [UInt64](repeating: 0, count: a.count + words + 1)
        for i in 0..<a.count {
            out[i + words] |= a[i] << s
            if s != 0 { out[i + words + 1] = a[i] >> (64 - s) }
        }
        while let last = out.last, last == 0 { out.removeLast() }
        return out
    }

    /// Shifts a magnitude right by `bits` (bits shifted out are lost).
    static func shiftRightMagnitude(_ a: [UInt64], _ bits: Int) -> [UInt64] {
        let words = bits / 64
        guard words < a.count else { return [] }
        let s = UInt64(bits % 64)
        var out = [UInt64](repeating: 0, count: a.count - words)
        for i in 0..<out.count {
            out[i] = a[i + words] >> s
            if s != 0, i + words + 1 < a.count { out[i] |= a[i + words + 1] << (64 - s) }
        }
        while let last = out.last, last == 0 { out.removeLast() }
        return out
    }

    /// Quotient and remainder of magnitudes, `v` non-empty (Knuth, TAOCP vol. 2, 4.3.1,
    /// Algorithm D, on 64-bit digits).
    static func divideMagnitudes(_ u: [UInt64], _ v: [UInt64]) -> (quotient: [UInt64], remainder: [UInt64]) {
        if compareMagnitudes(u, v) < 0 { return ([], u) }
        if v.count == 1 {
            var q = u
            let r = divideInPlace(&q, by: v[0])
            return (q, r == 0 ? [] : [r])
        }
        let shift = v[v.count - 1].leadingZeroBitCount
        let n = v.count
        let m = u.count - n
        var vn = [UInt64](repeating: 0, count: n)
        var un = [UInt64](repeating: 0, count: u.count + 1)
        let s = UInt64(shift)
        for i in 0..<n {
            vn[i] = v[i] << s
            if s != 0, i > 0 { vn[i] |= v[i - 1] >> (64 - s) }
        }
        for i in 0..<u.count {
            un[i] |= u[i] << s
            if s != 0 { un[i + 1] = u[i] >> (64 - s) }
        }
        var q = [UInt64](repeating: 0, count: m + 1)
        let vTop = vn[n - 1]
        let vNext = vn[n - 2]
        var j = m
        while j >= 0 {
            let ujn = un[j + n]
            let ujn1 = un[j + n - 1]
            let ujn2 = un[j + n - 2]
            var qhat: UInt64
            var rhat: UInt64
            var rhatOverflow = false
            if ujn >= vTop {
                // ujn == vTop here (the running remainder is below vn): qhat = b - 1.
                qhat = UInt64.max
                let (r, o) = ujn1.addingReportingOverflow(vTop)
                rhat = r
                rhatOverflow = o
            } else {
                (qhat, rhat) = vTop.dividingFullWidth((ujn, ujn1))
            }
            while !rhatOverflow {
                let p = qhat.multipliedFullWidth(by: vNext)
                guard p.high > rhat || (p.high == rhat && p.low > ujn2) else { break }
                qhat &-= 1
                let (r, o) = rhat.addingReportingOverflow(vTop)
                rhat = r
                rhatOverflow = o
            }
            var borrow: UInt64 = 0
            var carry: UInt64 = 0
            for i in 0..<n {
                let p = qhat.multipliedFullWidth(by: vn[i])
                let (plo, c1) = p.low.addingReportingOverflow(carry)
                carry = p.high &+ (c1 ? 1 : 0)
                let (t1, b1) = un[i + j].subtractingReportingOverflow(plo)
                let (t2, b2) = t1.subtractingReportingOverflow(borrow)
                un[i + j] = t2
                borrow = (b1 ? 1 : 0) &+ (b2 ? 1 : 0)
            }
            let (t1, b1) = un[j + n].subtractingReportingOverflow(carry)
            let (t2, b2) = t1.subtractingReportingOverflow(borrow)
            un[j + n] = t2
            if b1 || b2 {
                qhat &-= 1
                var c: UInt64 = 0
                for i in 0..<n {
                    let (s1, o1) = un[i + j].addingReportingOverflow(vn[i])
                    let (s2, o2) = s1.addingReportingOverflow(c)
                    un[i + j] = s2
                    c = (o1 ? 1 : 0) &+ (o2 ? 1 : 0)
                }
                un[j + n] &+= c
            }
            q[j] = qhat
            j -= 1
        }
        var r = [UInt64](repeating: 0, count: n)
        for i in 0..<n {
            r[i] = un[i] >> s
            if s != 0 { r[i] |= un[i + 1] << (64 - s) }
        }
        while let last = q.last, last == 0 { q.removeLast() }
        while let last = r.last, last == 0 { r.removeLast() }
        return (q, r)
    }

    // MARK: Signed arithmetic

    /// `a + b` (`BN_add`).
    /// - Parameters:
    ///   - a: the left operand.
    ///   - b: the right operand.
    public static func + (a: BigNum, b: BigNum) -> BigNum {
        if a.isNegative == b.isNegative {
            return BigNum(limbs: addMagnitudes(a.limbs, b.limbs), negative: a.isNegative)
        }
        // Signs differ: subtract the smaller magnitude from the larger; the larger's sign wins.
        if compareMagnitudes(a.limbs, b.limbs) >= 0 {
            return BigNum(limbs: subtractMagnitudes(a.limbs, b.limbs), negative: a.isNegative)
        }
        return BigNum(limbs: subtractMagnitudes(b.limbs, a.limbs), negative: b.isNegative)
    }

    /// `-a`; zero stays zero.
    /// - Parameter a: the operand.
    public static prefix func - (a: BigNum) -> BigNum { BigNum(limbs: a.limbs, negative: !a.isNegative) }

    /// `a - b` (`BN_sub`).
    /// - Parameters:
    ///   - a: the left operand.
    ///   - b: the right operand.
    public static func - (a: BigNum, b: BigNum) -> BigNum { a + (-b) }

    /// `a * b` (`BN_mul`).
    /// - Parameters:
    ///   - a: the left operand.
    ///   - b: the right operand.
    public static func * (a: BigNum, b: BigNum) -> BigNum {
        BigNum(limbs: multiplyMagnitudes(a.limbs, b.limbs), negative: a.isNegative != b.isNegative)
    }

    /// `a += b`.
    /// - Parameters:
    ///   - a: the number to add to.
    ///   - b: the number added.
    public static func += (a: inout BigNum, b: BigNum) { a = a + b }
    /// `a -= b`.
    /// - Parameters:
    ///   - a: the number to subtract from.
    ///   - b: the number subtracted.
    public static func -= (a: inout BigNum, b: BigNum) { a = a - b }
    /// `a *= b`.
    /// - Parameters:
    ///   - a: the number to multiply.
    ///   - b: the factor.
    public static func *= (a: inout BigNum, b: BigNum) { a = a * b }

    /// The square, never negative (`BN_sqr`).
    public func squared() -> BigNum { BigNum(limbs: Self.multiplyMagnitudes(limbs, limbs)) }

    /// `|a| + |b|` (`BN_uadd`).
    /// - Parameters:
    ///   - a: the first operand; its sign is ignored.
    ///   - b: the second operand; its sign is ignored.
    public static func addingMagnitudes(_ a: BigNum, _ b: BigNum) -> BigNum {
        BigNum(limbs: addMagnitudes(a.limbs, b.limbs))
    }

    /// `|a| - |b|` for `|a| >= |b|` (`BN_usub`).
    /// - Parameters:
    ///   - a: the first operand; its sign is ignored.
    ///   - b: the second operand; its sign is ignored.
    /// - Throws: `invalidParameter` (`ARG2_LT_ARG3`) if `|a| < |b|`.
    public static func subtractingMagnitudes(_ a: BigNum, _ b: BigNum) throws -> BigNum {
        guard compareMagnitudes(a.limbs, b.limbs) >= 0 else {
            throw CryptoError(.invalidParameter, "|a| < |b| in a magnitude subtraction", openSSL: .bnArg2LessThanArg3)
        }
        return BigNum(limbs: subtractMagnitudes(a.limbs, b.limbs))
    }

    // MARK: Division

    /// Truncating division (`BN_div`): the quotient rounds toward zero and the remainder has the
    /// sign of the dividend, so `quotient * divisor + remainder == self` and
    /// `|remainder| < |divisor|`.
    /// - Parameter divisor: the number to divide by.
    /// - Throws: `invalidParameter` (`DIV_BY_ZERO`) if `divisor` is zero.
    public func quotientAndRemainder(dividingBy divisor: BigNum) throws -> (quotient: BigNum, remainder: BigNum) {
        guard !divisor.isZero else { throw Self.divisionByZero() }
        let (q, r) = Self.divideMagnitudes(limbs, divisor.limbs)
        return (BigNum(limbs: q, negative: isNegative != divisor.isNegative), BigNum(limbs: r, negative: isNegative))
    }

    static func divisionByZero(file: String = #fileID, line: Int = #line) -> CryptoError {
        CryptoError(.invalidParameter, "division by zero", openSSL: .bnDivByZero, file: file, line: line)
    }

    /// The non-negative remainder (`BN_nnmod`): in `[0, |modulus|)` whatever the signs.
    /// - Parameter modulus: the modulus; its sign is ignored.
    /// - Throws: `invalidParameter` (`DIV_BY_ZERO`) if `modulus` is zero.
    public func nonNegativeRemainder(modulo modulus: BigNum) throws -> BigNum {
        guard !modulus.isZero else { throw Self.divisionByZero() }
        let r = BigNum(limbs: Self.divideMagnitudes(limbs, modulus.limbs).remainder)
        return isNegative && !r.isZero ? BigNum(limbs: Self.subtractMagnitudes(modulus.limbs, r.limbs)) : r
    }

    /// Division of the magnitude by a word, keeping the sign (`BN_div_word`): returns the
    /// quotient (with this number's sign, zero non-negative) and the remainder of the magnitude.
    /// - Parameter word: the divisor.
    /// - Throws: `invalidParameter` (`DIV_BY_ZERO`) if `word` is zero.
    public func quotientAndRemainder(dividingBy word: UInt64) throws -> (quotient: BigNum, remainder: UInt64) {
        guard word != 0 else { throw Self.divisionByZero() }
        var q = limbs
        let r = Self.divideInPlace(&q, by: word)
        return (BigNum(limbs: q, negative: isNegative), r)
    }

    /// The magnitude modulo a word (`BN_mod_word`).
    /// - Parameter word: the divisor.
    /// - Throws: `invalidParameter` (`DIV_BY_ZERO`) if `word` is zero.
    public func remainder(dividingBy word: UInt64) throws -> UInt64 {
        guard word != 0 else { throw Self.divisionByZero() }
        var rem: UInt64 = 0
        for l in limbs.reversed() { rem = word.dividingFullWidth((rem, l)).remainder }
        return rem
    }

    // MARK: Shifts

    /// The magnitude shifted left by `count` bits, the sign kept (`BN_lshift`).
    /// - Parameter count: the shift, non-negative.
    /// - Throws: `invalidParameter` (`INVALID_SHIFT`) for a negative count, or
    ///   (`BIGNUM_TOO_LONG`) if the result would exceed ``maxBits``.
    public func shiftedLeft(by count: Int) throws -> BigNum {
        guard count >= 0 else {
            throw CryptoError(.invalidParameter, "negative shift \(count)", openSSL: .bnInvalidShift)
        }
        if isZero { return self }
        guard count <= Self.maxBits, bitWidth + count <= Self.maxBits else {
            throw Self.tooLong("a left shift by \(count) bits")
        }
        return BigNum(limbs: Self.shiftLeftMagnitude(limbs, count), negative: isNegative)
    }

    /// The magnitude shifted right by `count` bits, the sign kept (`BN_rshift`): rounds toward
    /// zero, so `-1 >> 1` is 0.
    /// - Parameter count: the shift, non-negative (any size: a shift past the top gives zero).
    /// - Throws: `invalidParameter` (`INVALID_SHIFT`) for a negative count.
    public func shiftedRight(by count: Int) throws -> BigNum {
        guard count >= 0 else {
            throw CryptoError(.invalidParameter, "negative shift \(count)", openSSL: .bnInvalidShift)
        }
        return BigNum(limbs: Self.shiftRightMagnitude(limbs, count), negative: isNegative)
    }
}
