// ASN.1 DER (ITU-T X.690, section 10) reader and writer, without dependencies.
//
// The reader is strict DER by default (`DERRules.der`): definite lengths in their shortest form,
// high tag numbers in their shortest form, INTEGERs without padding, BOOLEAN 00/FF, BIT STRING
// unused bits zero. `DERRules.openSSL` accepts what OpenSSL 3.0's d2i functions accept on top of
// that, checked with the 3.0 CLI on crafted files (`openssl rsa -RSAPublicKey_in -inform DER`):
// a long-form length with leading zeros or below 128 (`30 81 06 …` reads), an indefinite length
// on a constructed value ending in `00 00` (`30 80 … 00 00` reads), and key fields that OpenSSL
// reads as BIGNUM (`crypto/asn1/x_bignum.c`, `BN_bin2bn` of the content): padding (`02 04 00 00
// 00 C3` is 195), a set top bit (`02 01 83` is 131, not −125) and empty content (0). OpenSSL's
// ASN1_INTEGER fields (versions) do check padding (`c2i_ibuf`: ILLEGAL_PADDING, and
// ILLEGAL_ZERO_CONTENT for an empty INTEGER) in both modes. A BIT STRING's set unused bits are
// cleared, not refused (`c2i_ASN1_BIT_STRING`; `openssl pkey -pubin` reads cryptography-vectors'
// dsa_public_key_invalid_bit_string.der, whose last byte has its two unused bits set).
//
// Every length is checked against what remains before anything is sliced or allocated, nesting
// is capped at OpenSSL's `ASN1_MAX_CONSTRUCTED_NEST` (30), and every malformed input is a thrown
// `CryptoError` whose reason begins `DER offset N:` (N the byte offset of the element or byte at
// fault in the outermost input) and whose `openSSL` is the ASN1 reason OpenSSL raises for it.

/// An ASN.1 identifier: class, primitive or constructed, and tag number (X.690 8.1.2).
public struct ASN1Tag: Hashable, Sendable, CustomStringConvertible {
    /// The tag class (the identifier's top two bits).
    public enum TagClass: UInt8, Sendable {
        /// UNIVERSAL, the types ASN.1 itself defines.
        case universal = 0
        /// APPLICATION.
        case application = 1
        /// Context-specific (`[n]`).
        case contextSpecific = 2
        /// PRIVATE.
        case `private` = 3
    }

    /// The class.
    public var tagClass: TagClass
    /// True for a constructed encoding (bit 6 of the identifier).
    public var isConstructed: Bool
    /// The tag number (any size the high-tag form gives up to 2^31 − 1).
    public var number: UInt32

    /// A tag from its parts.
    /// - Parameters:
    ///   - tagClass: the class.
    ///   - number: the tag number.
    ///   - constructed: whether the encoding is constructed.
    public init(_ tagClass: TagClass, _ number: UInt32, constructed: Bool) {
        self.tagClass = tagClass
        self.number = number
        self.isConstructed = constructed
    }

    /// A context-specific tag `[number]`.
    /// - Parameters:
    ///   - number: the tag number.
    ///   - constructed: true for an explicit tag or an implicitly tagged constructed type.
    public static func context(_ number: UInt32, constructed: Bool) -> ASN1Tag {
        ASN1Tag(.contextSpecific, number, constructed: constructed)
    }

    /// BOOLEAN (1).
    public static let boolean = ASN1Tag(.universal, 1, constructed: false)
    /// INTEGER (2).
    public static let integer = ASN1Tag(.universal, 2, constructed: false)
    /// BIT STRING (3).
    public static let bitString = ASN1Tag(.universal, 3, constructed: false)
    /// OCTET STRING (4).
    public static let octetString = ASN1Tag(.universal, 4, constructed: false)
    /// NULL (5).
    public static let null = ASN1Tag(.universal, 5, constructed: false)
    /// OBJECT IDENTIFIER (6).
    public static let objectIdentifier = ASN1Tag(.universal, 6, constructed: false)
    /// ENUMERATED (10).
    public static let enumerated = ASN1Tag(.universal, 10, constructed: false)
    /// UTF8String (12).
    public static let utf8String = ASN1Tag(.universal, 12, constructed: false)
    /// SEQUENCE and SEQUENCE OF (16, constructed).
    public static let sequence = ASN1Tag(.universal, 16, constructed: true)
    /// SET and SET OF (17, constructed).
    public static let set = ASN1Tag(.universal, 17, constructed: true)
    /// PrintableString (19).
    public static let printableString = ASN1Tag(.universal, 19, constructed: false)
    /// T61String / TeletexString (20).
    public static let t61String = ASN1Tag(.universal, 20, constructed: false)
    /// IA5String (22).
    public static let ia5String = ASN1Tag(.universal, 22, constructed: false)
    /// UTCTime (23).
    public static let utcTime = ASN1Tag(.universal, 23, constructed: false)
    /// GeneralizedTime (24).
    public static let generalizedTime = ASN1Tag(.universal, 24, constructed: false)
    /// BMPString (30).
    public static let bmpString = ASN1Tag(.universal, 30, constructed: false)

    /// The identifier octets (low-tag form below 31, high-tag form from 31).
    public var encoded: [UInt8] {
        let lead = tagClass.rawValue << 6 | (isConstructed ? 0x20 : 0)
        if number < 31 { return [lead | UInt8(number)] }
        var groups: [UInt8] = []
        var n = number
        repeat {
            groups.append(UInt8(n & 0x7F))
            n >>= 7
        } while n != 0
        var out = [lead | 0x1F]
        for (i, g) in groups.reversed().enumerated() { out.append(i == groups.count - 1 ? g : g | 0x80) }
        return out
    }

    /// `[UNIVERSAL 16] constructed`, `[2] primitive`.
    public var description: String {
        let cls: String
        switch tagClass {
        case .universal: cls = "UNIVERSAL "
        case .application: cls = "APPLICATION "
        case .contextSpecific: cls = ""
        case .private: cls = "PRIVATE "
        }
        return "[\(cls)\(number)] \(isConstructed ? "constructed" : "primitive")"
    }
}

/// Which encodings the reader accepts beyond strict DER.
public struct DERRules: Hashable, Sendable {
    /// Accept a long-form length with leading zero bytes or a value below 128 (BER).
    public var allowsNonMinimalLength: Bool
    /// Accept `0x80` (indefinite length) on a constructed value, ended by `00 00` (BER).
    public var allowsIndefiniteLength: Bool
    /// Read key-field INTEGERs (``DERReader/readBIGNUMField()``) as OpenSSL's BIGNUM template
    /// does: the content as an unsigned magnitude, padding, a set top bit and empty content allowed.
    public var bignumFieldsAsMagnitude: Bool
    /// Read a BIT STRING as OpenSSL's `c2i_ASN1_BIT_STRING` does: unused bits that are set are
    /// cleared instead of refused, and unused bits without data are allowed.
    public var masksUnusedBits: Bool

    /// A rule set from its parts.
    /// - Parameters:
    ///   - allowsNonMinimalLength: see ``allowsNonMinimalLength``.
    ///   - allowsIndefiniteLength: see ``allowsIndefiniteLength``.
    ///   - bignumFieldsAsMagnitude: see ``bignumFieldsAsMagnitude``.
    ///   - masksUnusedBits: see ``masksUnusedBits``.
    public init(
        allowsNonMinimalLength: Bool, allowsIndefiniteLength: Bool, bignumFieldsAsMagnitude: Bool,
        masksUnusedBits: Bool
    ) {
        self.allowsNonMinimalLength = allowsNonMinimalLength
        self.allowsIndefiniteLength = allowsIndefiniteLength
        self.bignumFieldsAsMagnitude = bignumFieldsAsMagnitude
        self.masksUnusedBits = masksUnusedBits
    }

    /// Strict DER (X.690 section 10): everything above off.
    public static let der = DERRules(
        allowsNonMinimalLength: false, allowsIndefiniteLength: false, bignumFieldsAsMagnitude: false,
        masksUnusedBits: false)
    /// What OpenSSL 3.0's d2i functions accept (see the file comment of DER.swift): everything above on.
    public static let openSSL = DERRules(
        allowsNonMinimalLength: true, allowsIndefiniteLength: true, bignumFieldsAsMagnitude: true,
        masksUnusedBits: true)
}

/// One element as read: its tag, where it is, and its content octets.
public struct DERElement: Hashable, Sendable {
    /// The identifier.
    public let tag: ASN1Tag
    /// The offset of the identifier octet in the outermost input.
    public let offset: Int
    /// The content octets (for an indefinite length, without the `00 00` end-of-contents).
    public let content: ArraySlice<UInt8>
    /// The whole encoding as read (identifier, length, content and any end-of-contents).
    public let encoded: ArraySlice<UInt8>
    /// The offset of the first content octet in the outermost input.
    public var contentOffset: Int { offset + (content.startIndex - encoded.startIndex) }
}

/// Errors and limits shared by the reader and the writer.
public enum ASN1 {
    /// The deepest nesting of constructed values the reader follows (OpenSSL's
    /// `ASN1_MAX_CONSTRUCTED_NEST`); deeper input throws `NESTED_TOO_DEEP`.
    public static let maxDepth = 30

    /// The error for malformed input at `offset`: `invalidParameter`, reason `DER offset N: what`.
    static func error(
        _ reason: OpenSSLReason, at offset: Int, _ what: String, file: String = #fileID, line: Int = #line
    ) -> CryptoError {
        CryptoError(.invalidParameter, "DER offset \(offset): \(what)", openSSL: reason, file: file, line: line)
    }

    /// Parses `bytes` as exactly one element and returns it (trailing bytes are an error).
    /// - Parameters:
    ///   - bytes: the encoding.
    ///   - rules: which BER forms to accept.
    /// - Throws: `invalidParameter` with an ASN1 reason for malformed input or trailing bytes.
    public static func element(_ bytes: [UInt8], rules: DERRules = .der) throws -> DERElement {
        var r = DERReader(bytes, rules: rules)
        let e = try r.readElement()
        try r.finish()
        return e
    }
}

/// A reader over DER bytes: each `read…` consumes one element and checks its tag and content.
///
/// Constructed values are read with a nested reader (``readSequence(_:)``, ``readSet(_:)``,
/// ``readExplicit(_:_:)``) that must be used up: content left over throws
/// `SEQUENCE_LENGTH_MISMATCH`.
public struct DERReader: Sendable {
    private let bytes: ArraySlice<UInt8>
    /// The offset of `bytes.startIndex` in the outermost input.
    private let base: Int
    private var position: Int
    /// How many constructed values enclose this reader's content.
    public let depth: Int
    /// The accepted encodings.
    public let rules: DERRules

    /// A reader over the whole of `bytes`.
    /// - Parameters:
    ///   - bytes: the encoding (offsets in errors count from its first byte).
    ///   - rules: which BER forms to accept; strict DER by default.
    public init(_ bytes: [UInt8], rules: DERRules = .der) {
        self.init(slice: bytes[...], base: 0, depth: 0, rules: rules)
    }

    init(slice: ArraySlice<UInt8>, base: Int, depth: Int, rules: DERRules) {
        self.bytes = slice
        self.base = base - slice.startIndex
        self.position = slice.startIndex
        self.depth = depth
        self.rules = rules
    }

    /// True when every byte has been read.
    public var isAtEnd: Bool { position >= bytes.endIndex }
    /// The offset of the next byte in the outermost input.
    public var offset: Int { base + position }

    /// Throws unless every byte has been read.
    /// - Throws: `invalidParameter` (`SEQUENCE_LENGTH_MISMATCH` inside a constructed value,
    ///   `TOO_LONG` for trailing bytes at the top level).
    public func finish() throws {
        guard isAtEnd else {
            if depth == 0 {
                throw ASN1.error(.asn1TooLong, at: offset, "\(bytes.endIndex - position) bytes after the last element")
            }
            throw ASN1.error(
                .asn1SequenceLengthMismatch, at: offset,
                "\(bytes.endIndex - position) bytes left inside the constructed value")
        }
    }

    // MARK: Header

    /// The tag of the next element without reading it, or nil at the end.
    /// - Throws: `invalidParameter` for a malformed identifier.
    public func peekTag() throws -> ASN1Tag? {
        guard !isAtEnd else { return nil }
        var copy = self
        return try copy.readIdentifier()
    }

    private mutating func readIdentifier() throws -> ASN1Tag {
        let start = offset
        guard position < bytes.endIndex else { throw ASN1.error(.asn1HeaderTooLong, at: start, "no identifier octet") }
        let first = bytes[position]
        position += 1
        let cls = ASN1Tag.TagClass(rawValue: first >> 6) ?? .universal
        let constructed = first & 0x20 != 0
        guard first & 0x1F == 0x1F else { return ASN1Tag(cls, UInt32(first & 0x1F), constructed: constructed) }
        var number: UInt32 = 0
        var count = 0
        while true {
            guard position < bytes.endIndex else {
                throw ASN1.error(.asn1HeaderTooLong, at: start, "the high tag number is cut off")
            }
            let b = bytes[position]
            position += 1
            if count == 0 && b == 0x80 {
                throw ASN1.error(.asn1BadObjectHeader, at: start, "high tag number with a leading zero group")
            }
            // OpenSSL's ASN1_get_object caps the number at INT_MAX (checked before each shift).
            guard number <= UInt32(Int32.max) >> 7 else {
                throw ASN1.error(.asn1HeaderTooLong, at: start, "tag number above 2^31 - 1")
            }
            number = number << 7 | UInt32(b & 0x7F)
            count += 1
            if b & 0x80 == 0 { break }
        }
        if number < 31 {
            throw ASN1.error(.asn1BadObjectHeader, at: start, "tag number \(number) in the high-tag form")
        }
        return ASN1Tag(cls, number, constructed: constructed)
    }

    /// Reads a length; nil for the indefinite form.
    private mutating func readLength(constructed: Bool, start: Int) throws -> Int? {
        guard position < bytes.endIndex else { throw ASN1.error(.asn1HeaderTooLong, at: start, "no length octet") }
        let first = bytes[position]
        position += 1
        if first < 0x80 { return Int(first) }
        if first == 0x80 {
            guard rules.allowsIndefiniteLength else {
                throw ASN1.error(.asn1BadObjectHeader, at: start, "indefinite length (BER, not DER)")
            }
            guard constructed else {
                throw ASN1.error(.asn1HeaderTooLong, at: start, "indefinite length on a primitive value")
            }
            return nil
        }
        let n = Int(first & 0x7F)
        guard n != 0x7F else { throw ASN1.error(.asn1HeaderTooLong, at: start, "reserved length octet 0xFF") }
        guard n <= bytes.endIndex - position else {
            throw ASN1.error(.asn1HeaderTooLong, at: start, "\(n) length octets, \(bytes.endIndex - position) left")
        }
        var value: UInt64 = 0
        var significant = 0
        for i in 0..<n {
            let b = bytes[position + i]
            if significant == 0 && b == 0 {
                guard rules.allowsNonMinimalLength else {
                    throw ASN1.error(.asn1BadObjectHeader, at: start, "length with a leading zero octet")
                }
                continue
            }
            significant += 1
            guard significant <= 7 else { throw ASN1.error(.asn1TooLong, at: start, "length of more than 7 octets") }
            value = value << 8 | UInt64(b)
        }
        position += n
        if value < 0x80 && !rules.allowsNonMinimalLength {
            throw ASN1.error(.asn1BadObjectHeader, at: start, "length \(value) in the long form")
        }
        return Int(value)
    }

    /// Reads the next element whatever its tag.
    /// - Throws: `invalidParameter` for a truncated or malformed header (`HEADER_TOO_LONG`,
    ///   `BAD_OBJECT_HEADER`), a length beyond the input (`TOO_LONG`), or nesting deeper than
    ///   ``ASN1/maxDepth`` (`NESTED_TOO_DEEP`).
    public mutating func readElement() throws -> DERElement {
        let startPosition = position
        let start = offset
        let tag = try readIdentifier()
        guard let length = try readLength(constructed: tag.isConstructed, start: start) else {
            // Indefinite: children up to an end-of-contents at this level.
            guard depth < ASN1.maxDepth else {
                throw ASN1.error(.asn1NestedTooDeep, at: start, "more than \(ASN1.maxDepth) nested values")
            }
            let contentStart = position
            var inner = DERReader(
                slice: bytes[position...], base: base + position, depth: depth + 1, rules: rules)
            while true {
                guard inner.bytes.endIndex - inner.position >= 2 else {
                    throw ASN1.error(.asn1TooLong, at: start, "indefinite length without end-of-contents")
                }
                if inner.bytes[inner.position] == 0 && inner.bytes[inner.position + 1] == 0 { break }
                _ = try inner.readElement()
            }
            position = inner.position + 2
            return DERElement(
                tag: tag, offset: start, content: bytes[contentStart..<inner.position],
                encoded: bytes[startPosition..<position])
        }
        guard length <= bytes.endIndex - position else {
            throw ASN1.error(.asn1TooLong, at: start, "length \(length) but \(bytes.endIndex - position) bytes left")
        }
        if tag.isConstructed && depth >= ASN1.maxDepth {
            throw ASN1.error(.asn1NestedTooDeep, at: start, "more than \(ASN1.maxDepth) nested values")
        }
        let content = bytes[position..<(position + length)]
        position += length
        if tag == ASN1Tag(.universal, 0, constructed: false) && length == 0 {
            throw ASN1.error(.asn1UnexpectedEOC, at: start, "end-of-contents outside an indefinite length")
        }
        return DERElement(tag: tag, offset: start, content: content, encoded: bytes[startPosition..<position])
    }

    /// Reads the next element, which must have `tag`.
    /// - Parameter tag: the expected identifier.
    /// - Throws: `invalidParameter` (`WRONG_TAG`, or a header error of ``readElement()``).
    public mutating func readElement(_ tag: ASN1Tag) throws -> DERElement {
        let start = offset
        guard let next = try peekTag() else {
            throw ASN1.error(.asn1HeaderTooLong, at: start, "expected \(tag), found the end of the input")
        }
        guard next == tag else { throw ASN1.error(.asn1WrongTag, at: start, "expected \(tag), found \(next)") }
        return try readElement()
    }

    /// Reads the next element if it has `tag` (an OPTIONAL or DEFAULT field), else nil.
    /// - Parameter tag: the identifier of the optional field.
    /// - Throws: `invalidParameter` for a malformed element.
    public mutating func readOptionalElement(_ tag: ASN1Tag) throws -> DERElement? {
        guard try peekTag() == tag else { return nil }
        return try readElement()
    }

    /// A reader over the content of a constructed element.
    /// - Parameter element: an element this reader returned.
    public func reader(for element: DERElement) -> DERReader {
        DERReader(slice: element.content, base: element.contentOffset, depth: depth + 1, rules: rules)
    }

    // MARK: Constructed

    /// Reads a constructed element with `tag` and gives `body` a reader over its content, which
    /// `body` must read to the end.
    /// - Parameters:
    ///   - tag: a constructed identifier (``ASN1Tag/sequence``, an implicit `[n]` …).
    ///   - body: reads the content.
    /// - Throws: `invalidParameter` for a wrong tag or content left over, or what `body` throws.
    public mutating func readConstructed<T>(_ tag: ASN1Tag, _ body: (inout DERReader) throws -> T) throws -> T {
        let e = try readElement(tag)
        var inner = reader(for: e)
        let value = try body(&inner)
        try inner.finish()
        return value
    }

    /// Reads a SEQUENCE (see ``readConstructed(_:_:)``).
    /// - Parameter body: reads the content.
    /// - Throws: as ``readConstructed(_:_:)``.
    public mutating func readSequence<T>(_ body: (inout DERReader) throws -> T) throws -> T {
        try readConstructed(.sequence, body)
    }

    /// Reads a SET (see ``readConstructed(_:_:)``). SET OF order is not checked.
    /// - Parameter body: reads the content.
    /// - Throws: as ``readConstructed(_:_:)``.
    public mutating func readSet<T>(_ body: (inout DERReader) throws -> T) throws -> T {
        try readConstructed(.set, body)
    }

    /// Reads an explicit tag `[number]` that wraps exactly one element.
    /// - Parameters:
    ///   - number: the context-specific tag number.
    ///   - body: reads the one inner element.
    /// - Throws: `invalidParameter` (`WRONG_TAG`, `EXPLICIT_TAG_NOT_CONSTRUCTED` for a
    ///   primitive `[n]`, `SEQUENCE_LENGTH_MISMATCH` for more than one inner element).
    public mutating func readExplicit<T>(_ number: UInt32, _ body: (inout DERReader) throws -> T) throws -> T {
        if let t = try peekTag(), t == .context(number, constructed: false) {
            throw ASN1.error(.asn1ExplicitTagNotConstructed, at: offset, "explicit [\(number)] is primitive")
        }
        return try readConstructed(.context(number, constructed: true), body)
    }

    /// Reads an explicit `[number]` if it is next, else nil.
    /// - Parameters:
    ///   - number: the context-specific tag number.
    ///   - body: reads the one inner element.
    /// - Throws: as ``readExplicit(_:_:)``.
    public mutating func readOptionalExplicit<T>(_ number: UInt32, _ body: (inout DERReader) throws -> T) throws -> T? {
        guard let t = try peekTag(), t.tagClass == .contextSpecific, t.number == number else { return nil }
        return try readExplicit(number, body)
    }

    // MARK: Primitives

    /// Reads an INTEGER (or a value implicitly tagged `tag`) as a signed BigNum.
    /// - Parameter tag: the identifier, ``ASN1Tag/integer`` unless implicitly tagged.
    /// - Throws: `invalidParameter` (`ILLEGAL_ZERO_CONTENT` for empty content, `ILLEGAL_PADDING`
    ///   for a non-minimal encoding, as OpenSSL's `c2i_ibuf`; `BIGNUM_TOO_LONG` above
    ///   ``BigNum/maxBits``).
    public mutating func readInteger(_ tag: ASN1Tag = .integer) throws -> BigNum {
        let e = try readElement(tag)
        return try ASN1.integer(e.content, at: e.offset)
    }

    /// Reads an INTEGER that must fit `Int` (a version, a length).
    /// - Parameter tag: the identifier, ``ASN1Tag/integer`` unless implicitly tagged.
    /// - Throws: as ``readInteger(_:)``, and `TOO_LARGE` for a value outside `Int`.
    public mutating func readSmallInteger(_ tag: ASN1Tag = .integer) throws -> Int {
        let start = offset
        let n = try readInteger(tag)
        guard n.limbs.count <= 1, let w = n.word, w <= UInt64(Int.max) else {
            throw ASN1.error(.asn1TooLarge, at: start, "INTEGER does not fit 64 bits")
        }
        return n.isNegative ? -Int(w) : Int(w)
    }

    /// Reads an INTEGER field that OpenSSL declares as BIGNUM (key components, domain
    /// parameters). Under ``DERRules/der`` it must be minimal and non-negative; under
    /// ``DERRules/openSSL`` the content is read as an unsigned magnitude as `BN_bin2bn` does.
    /// - Throws: `invalidParameter` (`WRONG_TAG`, `ILLEGAL_PADDING`, `ILLEGAL_ZERO_CONTENT`,
    ///   `ILLEGAL_NEGATIVE_VALUE`, `BIGNUM_TOO_LONG`).
    public mutating func readBIGNUMField() throws -> BigNum {
        let e = try readElement(.integer)
        if rules.bignumFieldsAsMagnitude { return try BigNum(bytes: e.content) }
        let n = try ASN1.integer(e.content, at: e.offset)
        guard !n.isNegative else { throw ASN1.error(.asn1IllegalNegativeValue, at: e.offset, "negative key field") }
        return n
    }

    /// Reads a BOOLEAN.
    /// - Throws: `invalidParameter` (`BOOLEAN_IS_WRONG_LENGTH`, `ILLEGAL_BOOLEAN` for a value
    ///   other than 00 or FF, which DER forbids and OpenSSL accepts).
    public mutating func readBoolean() throws -> Bool {
        let e = try readElement(.boolean)
        guard e.content.count == 1 else {
            throw ASN1.error(.asn1BooleanIsWrongLength, at: e.offset, "BOOLEAN of \(e.content.count) bytes")
        }
        let v = e.content[e.content.startIndex]
        guard v == 0 || v == 0xFF else { throw ASN1.error(.asn1IllegalBoolean, at: e.offset, "BOOLEAN value \(v)") }
        return v == 0xFF
    }

    /// Reads a NULL.
    /// - Throws: `invalidParameter` (`NULL_IS_WRONG_LENGTH` for content).
    public mutating func readNull() throws {
        let e = try readElement(.null)
        guard e.content.isEmpty else {
            throw ASN1.error(.asn1NullIsWrongLength, at: e.offset, "NULL with \(e.content.count) content bytes")
        }
    }

    /// Reads a BIT STRING: the bytes and the number of unused bits in the last one.
    /// - Parameter tag: the identifier, ``ASN1Tag/bitString`` unless implicitly tagged.
    /// - Throws: `invalidParameter` (`INVALID_BIT_STRING_BITS_LEFT` for more than 7 unused bits,
    ///   and, unless ``DERRules/masksUnusedBits``, unused bits without data or not zero).
    public mutating func readBitString(_ tag: ASN1Tag = .bitString) throws -> (bytes: [UInt8], unusedBits: Int) {
        let e = try readElement(tag)
        guard let first = e.content.first else {
            throw ASN1.error(.asn1InvalidBitStringBitsLeft, at: e.offset, "BIT STRING without its unused-bits octet")
        }
        var data = Array(e.content.dropFirst())
        guard first <= 7 else {
            throw ASN1.error(.asn1InvalidBitStringBitsLeft, at: e.offset, "\(first) unused bits (at most 7)")
        }
        if first > 0 && rules.masksUnusedBits {
            if !data.isEmpty { data[data.count - 1] &= 0xFF << first }
        } else if first > 0 {
            guard let last = data.last else {
                throw ASN1.error(.asn1InvalidBitStringBitsLeft, at: e.offset, "unused bits in an empty BIT STRING")
            }
            guard last & UInt8((1 << Int(first)) - 1) == 0 else {
                throw ASN1.error(.asn1InvalidBitStringBitsLeft, at: e.offset, "unused bits are not zero (DER)")
            }
        }
        return (data, Int(first))
    }

    /// Reads an OCTET STRING.
    /// - Parameter tag: the identifier, ``ASN1Tag/octetString`` unless implicitly tagged.
    /// - Throws: `invalidParameter` (`WRONG_TAG`; a constructed, BER, OCTET STRING is a wrong tag).
    public mutating func readOctetString(_ tag: ASN1Tag = .octetString) throws -> [UInt8] {
        Array(try readElement(tag).content)
    }

    /// Reads an OBJECT IDENTIFIER.
    /// - Throws: `invalidParameter` (`INVALID_OBJECT_ENCODING`, `TOO_LARGE` for an arc above 2^64 − 1).
    public mutating func readObjectIdentifier() throws -> ASN1ObjectIdentifier {
        let e = try readElement(.objectIdentifier)
        return try ASN1ObjectIdentifier(derContent: e.content, offset: e.offset)
    }

    /// Reads a character string of one of the string types and checks its characters.
    /// - Parameter tag: ``ASN1Tag/utf8String``, ``ASN1Tag/printableString``,
    ///   ``ASN1Tag/ia5String``, ``ASN1Tag/t61String`` or ``ASN1Tag/bmpString``.
    /// - Throws: `invalidParameter` (`INVALID_UTF8STRING`, `ILLEGAL_CHARACTERS`,
    ///   `INVALID_BMPSTRING_LENGTH`, `UNSUPPORTED_TYPE` for another tag).
    public mutating func readString(_ tag: ASN1Tag) throws -> String {
        let start = offset
        guard ASN1.stringTags.contains(tag) else {
            throw ASN1.error(.asn1UnsupportedType, at: start, "\(tag) is not a string type")
        }
        let e = try readElement(tag)
        return try ASN1.decodeString(e.content, tag: tag, at: e.offset)
    }

    /// Reads a UTCTime or GeneralizedTime.
    /// - Throws: `invalidParameter` (`WRONG_TAG`, `ILLEGAL_TIME_VALUE` for a value that is not
    ///   the DER form `YYMMDDHHMMSSZ` / `YYYYMMDDHHMMSS[.f+]Z`).
    public mutating func readTime() throws -> ASN1Time {
        let start = offset
        guard let t = try peekTag(), t == .utcTime || t == .generalizedTime else {
            throw ASN1.error(.asn1WrongTag, at: start, "expected UTCTime or GeneralizedTime")
        }
        let e = try readElement()
        return try ASN1Time(derContent: e.content, generalized: t == .generalizedTime, offset: e.offset)
    }
}

extension ASN1 {
    static let stringTags: Set<ASN1Tag> = [.utf8String, .printableString, .ia5String, .t61String, .bmpString]

    /// A signed INTEGER's content, checked as OpenSSL's `c2i_ibuf` checks it.
    static func integer(_ c: ArraySlice<UInt8>, at offset: Int) throws -> BigNum {
        guard let first = c.first else { throw error(.asn1IllegalZeroContent, at: offset, "INTEGER without content") }
        if c.count > 1 {
            let second = c[c.startIndex + 1]
            if (first == 0 && second & 0x80 == 0) || (first == 0xFF && second & 0x80 != 0) {
                throw error(.asn1IllegalPadding, at: offset, "INTEGER with a redundant leading byte")
            }
        }
        guard first & 0x80 != 0 else { return try BigNum(bytes: c) }
        // Two's complement: magnitude = ~c + 1.
        var mag = c.map { ~$0 }
        var i = mag.count - 1
        while i >= 0 {
            mag[i] &+= 1
            if mag[i] != 0 { break }
            i -= 1
        }
        var n = try BigNum(bytes: mag)
        n.isNegative = !n.isZero
        return n
    }

    /// The minimal two's-complement content of `n`.
    static func integerContent(_ n: BigNum) -> [UInt8] {
        if n.isZero { return [0] }
        var mag = n.bytes()
        if !n.isNegative {
            if mag[0] & 0x80 != 0 { mag.insert(0, at: 0) }
            return mag
        }
        // Two's complement of the magnitude, then drop a redundant 0xFF.
        if mag[0] & 0x80 != 0 { mag.insert(0, at: 0) }
        for i in mag.indices { mag[i] = ~mag[i] }
        var i = mag.count - 1
        while i >= 0 {
            mag[i] &+= 1
            if mag[i] != 0 { break }
            i -= 1
        }
        if mag.count > 1 && mag[0] == 0xFF && mag[1] & 0x80 != 0 { mag.removeFirst() }
        return mag
    }

    static func isPrintable(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default: return " '()+,-./:=?".utf8.contains(c)
        }
    }

    static func decodeString(_ c: ArraySlice<UInt8>, tag: ASN1Tag, at offset: Int) throws -> String {
        switch tag {
        case .utf8String:
            var it = c.makeIterator()
            var decoder = UTF8()
            var s = ""
            while true {
                switch decoder.decode(&it) {
                case .scalarValue(let u): s.unicodeScalars.append(u)
                case .emptyInput: return s
                case .error: throw error(.asn1InvalidUTF8String, at: offset, "UTF8String is not valid UTF-8")
                }
            }
        case .printableString:
            guard c.allSatisfy(isPrintable) else {
                throw error(.asn1IllegalCharacters, at: offset, "PrintableString with a character outside its set")
            }
            return String(decoding: c, as: UTF8.self)
        case .ia5String:
            guard c.allSatisfy({ $0 < 0x80 }) else {
                throw error(.asn1IllegalCharacters, at: offset, "IA5String with a byte above 0x7F")
            }
            return String(decoding: c, as: UTF8.self)
        case .t61String:
            // OpenSSL treats T61String as ISO 8859-1; so do we.
            var s = ""
            for b in c { s.unicodeScalars.append(Unicode.Scalar(b)) }
            return s
        case .bmpString:
            guard c.count % 2 == 0 else {
                throw error(.asn1InvalidBMPStringLength, at: offset, "BMPString of odd length \(c.count)")
            }
            var s = ""
            var i = c.startIndex
            while i < c.endIndex {
                let u = UInt32(c[i]) << 8 | UInt32(c[i + 1])
                guard let scalar = Unicode.Scalar(u) else {
                    throw error(.asn1IllegalCharacters, at: offset, "BMPString with a surrogate code unit")
                }
                s.unicodeScalars.append(scalar)
                i += 2
            }
            return s
        default:
            throw error(.asn1UnsupportedType, at: offset, "\(tag) is not a string type")
        }
    }
}

// MARK: - Generic trees

/// Any DER value as a tree: a primitive element's content, or a constructed element's children.
/// Re-encoding a tree read under ``DERRules/der`` gives the bytes it was read from.
public indirect enum DERNode: Hashable, Sendable {
    /// A primitive element and its content octets.
    case primitive(ASN1Tag, [UInt8])
    /// A constructed element and its children.
    case constructed(ASN1Tag, [DERNode])

    /// Reads exactly one element, and the children of every constructed one.
    /// - Parameters:
    ///   - bytes: the encoding.
    ///   - rules: which BER forms to accept.
    /// - Throws: `invalidParameter` with an ASN1 reason for malformed input or trailing bytes.
    public init(der bytes: [UInt8], rules: DERRules = .der) throws {
        var r = DERReader(bytes, rules: rules)
        self = try DERNode.read(&r)
        try r.finish()
    }

    static func read(_ r: inout DERReader) throws -> DERNode {
        let e = try r.readElement()
        guard e.tag.isConstructed else { return .primitive(e.tag, Array(e.content)) }
        var inner = r.reader(for: e)
        var children: [DERNode] = []
        while !inner.isAtEnd { children.append(try read(&inner)) }
        return .constructed(e.tag, children)
    }

    /// The DER encoding (definite, shortest lengths).
    public var derEncoded: [UInt8] {
        var w = DERWriter()
        write(to: &w)
        return w.bytes
    }

    func write(to w: inout DERWriter) {
        switch self {
        case .primitive(let tag, let content): w.write(tag, content: content)
        case .constructed(let tag, let children):
            w.writeConstructed(tag) { inner in for c in children { c.write(to: &inner) } }
        }
    }
}

// MARK: - Object identifiers

/// An OBJECT IDENTIFIER (X.690 8.19) as its arcs, each at most 2^64 − 1.
public struct ASN1ObjectIdentifier: Hashable, Sendable, CustomStringConvertible {
    /// The arcs, first to last (at least two).
    public let arcs: [UInt64]

    /// An identifier from its dotted form, `1.2.840.113549.1.1.1`.
    /// - Parameter dotted: the arcs in decimal, separated by dots.
    /// - Throws: `invalidParameter` (`INVALID_OBJECT_ENCODING`) for fewer than two arcs, an
    ///   empty or non-decimal arc, a first arc above 2, a second arc above 39 under 0 or 1,
    ///   an arc above 2^64 − 1, or a first pair whose encoding overflows.
    public init(dotted: String) throws {
        var arcs: [UInt64] = []
        for part in dotted.split(separator: ".", omittingEmptySubsequences: false) {
            guard !part.isEmpty, part.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let v = UInt64(part) else {
                throw ASN1.error(.asn1InvalidObjectEncoding, at: 0, "'\(dotted)' is not a dotted OID")
            }
            arcs.append(v)
        }
        try self.init(arcs: arcs)
    }

    /// An identifier from its arcs.
    /// - Parameter arcs: the arcs, at least two, with the X.660 limits on the first two.
    /// - Throws: `invalidParameter` (`INVALID_OBJECT_ENCODING`) as ``init(dotted:)``.
    public init(arcs: [UInt64]) throws {
        guard arcs.count >= 2, arcs[0] <= 2, arcs[0] == 2 || arcs[1] < 40,
            arcs[1] <= UInt64.max - arcs[0] * 40
        else {
            throw ASN1.error(.asn1InvalidObjectEncoding, at: 0, "arcs \(arcs) do not make an OID")
        }
        self.arcs = arcs
    }

    /// An identifier from arcs known to be valid (constants in this module).
    init(checkedArcs: [UInt64]) { arcs = checkedArcs }

    /// Decodes the content octets of an OBJECT IDENTIFIER.
    /// - Parameters:
    ///   - derContent: the content (without tag and length).
    ///   - offset: the element's offset, for errors.
    /// - Throws: `invalidParameter` (`INVALID_OBJECT_ENCODING` for empty content, a subidentifier
    ///   with a leading 0x80 or cut off, as OpenSSL's `c2i_ASN1_OBJECT`; `TOO_LARGE` for an arc
    ///   above 2^64 − 1).
    public init(derContent: some Collection<UInt8>, offset: Int = 0) throws {
        guard !derContent.isEmpty else {
            throw ASN1.error(.asn1InvalidObjectEncoding, at: offset, "OBJECT IDENTIFIER without content")
        }
        var subs: [UInt64] = []
        var value: UInt64 = 0
        var fresh = true
        for b in derContent {
            if fresh && b == 0x80 {
                throw ASN1.error(.asn1InvalidObjectEncoding, at: offset, "subidentifier with a leading 0x80")
            }
            guard value >> 57 == 0 else {
                throw ASN1.error(.asn1TooLarge, at: offset, "OID arc above 2^64 - 1")
            }
            value = value << 7 | UInt64(b & 0x7F)
            fresh = b & 0x80 == 0
            if fresh {
                subs.append(value)
                value = 0
            }
        }
        guard fresh else { throw ASN1.error(.asn1InvalidObjectEncoding, at: offset, "last subidentifier cut off") }
        let first = subs[0]
        let pair: [UInt64] = first < 40 ? [0, first] : first < 80 ? [1, first - 40] : [2, first - 80]
        self.arcs = pair + subs.dropFirst()
    }

    /// The content octets (without tag and length).
    public var derContent: [UInt8] {
        var out: [UInt8] = []
        func put(_ v: UInt64) {
            var groups: [UInt8] = []
            var n = v
            repeat {
                groups.append(UInt8(n & 0x7F))
                n >>= 7
            } while n != 0
            for (i, g) in groups.reversed().enumerated() { out.append(i == groups.count - 1 ? g : g | 0x80) }
        }
        put(arcs[0] * 40 + arcs[1])
        for a in arcs.dropFirst(2) { put(a) }
        return out
    }

    /// The dotted form, `1.2.840.113549.1.1.1`.
    public var dotted: String { arcs.map(String.init).joined(separator: ".") }
    /// The dotted form.
    public var description: String { dotted }
}

// MARK: - Time

/// A UTCTime or GeneralizedTime in its DER form (X.690 11.7 and 11.8): Zulu time, seconds
/// present, a GeneralizedTime fraction without trailing zeros.
public struct ASN1Time: Hashable, Sendable, CustomStringConvertible {
    /// True for GeneralizedTime, false for UTCTime.
    public let isGeneralized: Bool
    /// The full year; a UTCTime's two digits YY are 19YY for YY ≥ 50 and 20YY below (RFC 5280).
    public let year: Int
    /// 1–12.
    public let month: Int
    /// 1–31 (checked against the month and leap years).
    public let day: Int
    /// 0–23.
    public let hour: Int
    /// 0–59.
    public let minute: Int
    /// 0–59 (60 is refused, as OpenSSL's `ASN1_TIME` check refuses it).
    public let second: Int
    /// The fraction digits of a GeneralizedTime (no trailing zero), empty if none.
    public let fraction: String

    /// The content text, e.g. `250101120000Z`.
    public var text: String {
        func d(_ v: Int, _ n: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, n - s.count)) + s
        }
        let y = isGeneralized ? d(year, 4) : d(year % 100, 2)
        return y + d(month, 2) + d(day, 2) + d(hour, 2) + d(minute, 2) + d(second, 2)
            + (fraction.isEmpty ? "" : "." + fraction) + "Z"
    }

    /// The content text.
    public var description: String { text }

    /// Parses the content of a UTCTime or GeneralizedTime.
    /// - Parameters:
    ///   - derContent: the content octets.
    ///   - generalized: true for GeneralizedTime.
    ///   - offset: the element's offset, for errors.
    /// - Throws: `invalidParameter` (`ILLEGAL_TIME_VALUE`) for anything but the DER form or an
    ///   impossible date.
    public init(derContent: some Collection<UInt8>, generalized: Bool, offset: Int = 0) throws {
        let c = Array(derContent)
        func bad(_ why: String) -> CryptoError {
            ASN1.error(.asn1IllegalTimeValue, at: offset, "\(generalized ? "GeneralizedTime" : "UTCTime"): \(why)")
        }
        let yearDigits = generalized ? 4 : 2
        let fixed = yearDigits + 10
        guard c.count >= fixed + 1, c.last == UInt8(ascii: "Z") else {
            throw bad("not the form \(generalized ? "YYYYMMDDHHMMSS[.f]Z" : "YYMMDDHHMMSSZ")")
        }
        func num(_ from: Int, _ n: Int) throws -> Int {
            var v = 0
            for i in from..<(from + n) {
                guard c[i] >= 48 && c[i] <= 57 else { throw bad("non-digit") }
                v = v * 10 + Int(c[i] - 48)
            }
            return v
        }
        var y = try num(0, yearDigits)
        if !generalized { y += y >= 50 ? 1900 : 2000 }
        let mo = try num(yearDigits, 2)
        let d = try num(yearDigits + 2, 2)
        let h = try num(yearDigits + 4, 2)
        let mi = try num(yearDigits + 6, 2)
        let s = try num(yearDigits + 8, 2)
        var frac = ""
        if c.count > fixed + 1 {
            guard generalized, c[fixed] == UInt8(ascii: "."), c.count > fixed + 2 else {
                throw bad("trailing characters")
            }
            let digits = c[(fixed + 1)..<(c.count - 1)]
            guard digits.allSatisfy({ $0 >= 48 && $0 <= 57 }), digits.last != UInt8(ascii: "0") else {
                throw bad("fraction with a non-digit or a trailing zero")
            }
            frac = String(decoding: digits, as: UTF8.self)
        }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(mo), d >= 1, d <= days[mo - 1], h < 24, mi < 60, s < 60 else {
            throw bad("date or time out of range")
        }
        isGeneralized = generalized
        year = y
        month = mo
        day = d
        hour = h
        minute = mi
        second = s
        fraction = frac
    }
}

// MARK: - Writer

/// Writes DER: each `write…` appends one element; constructed values are written by a closure
/// and their length is filled in after.
public struct DERWriter: Sendable {
    /// The encoding so far.
    public private(set) var bytes: [UInt8] = []

    /// An empty writer.
    public init() {}

    /// The definite, shortest length octets for `length`.
    /// - Parameter length: a non-negative length.
    public static func lengthOctets(_ length: Int) -> [UInt8] {
        if length < 0x80 { return [UInt8(length)] }
        var v = UInt64(length)
        var out: [UInt8] = []
        while v != 0 {
            out.insert(UInt8(v & 0xFF), at: 0)
            v >>= 8
        }
        return [0x80 | UInt8(out.count)] + out
    }

    /// Appends an element with `tag` and `content`.
    /// - Parameters:
    ///   - tag: the identifier.
    ///   - content: the content octets.
    public mutating func write(_ tag: ASN1Tag, content: some Collection<UInt8>) {
        bytes += tag.encoded
        bytes += Self.lengthOctets(content.count)
        bytes += content
    }

    /// Appends bytes that are already a DER encoding (an ANY field kept raw).
    /// - Parameter encoded: one or more whole elements.
    public mutating func writeRaw(_ encoded: some Collection<UInt8>) { bytes += encoded }

    /// Appends a constructed element whose content `body` writes.
    /// - Parameters:
    ///   - tag: a constructed identifier.
    ///   - body: writes the content.
    public mutating func writeConstructed(_ tag: ASN1Tag, _ body: (inout DERWriter) throws -> Void) rethrows {
        var inner = DERWriter()
        try body(&inner)
        write(tag, content: inner.bytes)
    }

    /// Appends a SEQUENCE.
    /// - Parameter body: writes the content.
    public mutating func writeSequence(_ body: (inout DERWriter) throws -> Void) rethrows {
        try writeConstructed(.sequence, body)
    }

    /// Appends a SET (elements in the order written; a SET OF is the caller's to sort).
    /// - Parameter body: writes the content.
    public mutating func writeSet(_ body: (inout DERWriter) throws -> Void) rethrows {
        try writeConstructed(.set, body)
    }

    /// Appends an explicit `[number]` around what `body` writes.
    /// - Parameters:
    ///   - number: the context-specific tag number.
    ///   - body: writes the inner element.
    public mutating func writeExplicit(_ number: UInt32, _ body: (inout DERWriter) throws -> Void) rethrows {
        try writeConstructed(.context(number, constructed: true), body)
    }

    /// Appends an INTEGER in its minimal two's-complement form.
    /// - Parameters:
    ///   - value: the number.
    ///   - tag: the identifier, ``ASN1Tag/integer`` unless implicitly tagged.
    public mutating func writeInteger(_ value: BigNum, tag: ASN1Tag = .integer) {
        write(tag, content: ASN1.integerContent(value))
    }

    /// Appends an INTEGER.
    /// - Parameters:
    ///   - value: the number.
    ///   - tag: the identifier, ``ASN1Tag/integer`` unless implicitly tagged.
    public mutating func writeInteger(_ value: Int, tag: ASN1Tag = .integer) {
        writeInteger(BigNum(value), tag: tag)
    }

    /// Appends a BOOLEAN (FF for true).
    /// - Parameter value: the value.
    public mutating func writeBoolean(_ value: Bool) { write(.boolean, content: [value ? 0xFF : 0]) }

    /// Appends a NULL.
    public mutating func writeNull() { write(.null, content: []) }

    /// Appends a BIT STRING.
    /// - Parameters:
    ///   - data: the bits, packed big-endian.
    ///   - unusedBits: 0–7 unused (zero) bits at the end of the last byte; 0 for empty data.
    ///   - tag: the identifier, ``ASN1Tag/bitString`` unless implicitly tagged.
    /// - Throws: `invalidParameter` (`INVALID_BIT_STRING_BITS_LEFT`) for unused bits outside
    ///   0–7, with empty data, or not zero.
    public mutating func writeBitString(_ data: [UInt8], unusedBits: Int = 0, tag: ASN1Tag = .bitString) throws {
        guard (0...7).contains(unusedBits),
            unusedBits == 0 || (data.last.map { $0 & UInt8((1 << unusedBits) - 1) == 0 } ?? false)
        else {
            throw ASN1.error(.asn1InvalidBitStringBitsLeft, at: bytes.count, "\(unusedBits) unused bits do not fit")
        }
        write(tag, content: [UInt8(unusedBits)] + data)
    }

    /// Appends an OCTET STRING.
    /// - Parameters:
    ///   - data: the octets.
    ///   - tag: the identifier, ``ASN1Tag/octetString`` unless implicitly tagged.
    public mutating func writeOctetString(_ data: some Collection<UInt8>, tag: ASN1Tag = .octetString) {
        write(tag, content: data)
    }

    /// Appends an OBJECT IDENTIFIER.
    /// - Parameter oid: the identifier.
    public mutating func writeObjectIdentifier(_ oid: ASN1ObjectIdentifier) {
        write(.objectIdentifier, content: oid.derContent)
    }

    /// Appends a character string.
    /// - Parameters:
    ///   - value: the text.
    ///   - tag: one of the string tags of ``DERReader/readString(_:)``.
    /// - Throws: `invalidParameter` (`ILLEGAL_CHARACTERS`) for a character the type cannot hold,
    ///   `UNSUPPORTED_TYPE` for another tag.
    public mutating func writeString(_ value: String, tag: ASN1Tag) throws {
        let at = bytes.count
        var content: [UInt8]
        switch tag {
        case .utf8String: content = Array(value.utf8)
        case .printableString, .ia5String:
            content = Array(value.utf8)
            let ok = tag == .printableString ? content.allSatisfy(ASN1.isPrintable) : content.allSatisfy { $0 < 0x80 }
            guard ok else { throw ASN1.error(.asn1IllegalCharacters, at: at, "\(tag) cannot hold '\(value)'") }
        case .t61String:
            content = []
            for u in value.unicodeScalars {
                guard u.value < 256 else { throw ASN1.error(.asn1IllegalCharacters, at: at, "T61String above U+00FF") }
                content.append(UInt8(u.value))
            }
        case .bmpString:
            content = []
            for u in value.unicodeScalars {
                guard u.value < 0x10000 else {
                    throw ASN1.error(.asn1IllegalCharacters, at: at, "BMPString above U+FFFF")
                }
                content += [UInt8(u.value >> 8), UInt8(u.value & 0xFF)]
            }
        default:
            throw ASN1.error(.asn1UnsupportedType, at: at, "\(tag) is not a string type")
        }
        write(tag, content: content)
    }

    /// Appends a UTCTime or GeneralizedTime, as `time` says.
    /// - Parameter time: the time.
    public mutating func writeTime(_ time: ASN1Time) {
        write(time.isGeneralized ? .generalizedTime : .utcTime, content: Array(time.text.utf8))
    }
}

// MARK: - Reasons

extension OpenSSLReason {
    private static func asn1(_ name: String, _ code: Int) -> OpenSSLReason {
        OpenSSLReason(
            library: "ASN1", name: name, code: code, text: String(name.lowercased().map { $0 == "_" ? " " : $0 }))
    }

    /// A header that is cut off or malformed (`ASN1_R_HEADER_TOO_LONG`).
    public static let asn1HeaderTooLong = asn1("HEADER_TOO_LONG", 123)
    /// A length beyond the input, or bytes after the last element (`ASN1_R_TOO_LONG`).
    public static let asn1TooLong = asn1("TOO_LONG", 155)
    /// An element with another tag than the field's (`ASN1_R_WRONG_TAG`).
    public static let asn1WrongTag = asn1("WRONG_TAG", 168)
    /// Constructed values nested deeper than the cap (`ASN1_R_NESTED_TOO_DEEP`).
    public static let asn1NestedTooDeep = asn1("NESTED_TOO_DEEP", 201)
    /// A header that DER forbids: a non-minimal length or tag, an indefinite length
    /// (`ASN1_R_BAD_OBJECT_HEADER`).
    public static let asn1BadObjectHeader = asn1("BAD_OBJECT_HEADER", 102)
    /// An INTEGER with a redundant leading byte (`ASN1_R_ILLEGAL_PADDING`).
    public static let asn1IllegalPadding = asn1("ILLEGAL_PADDING", 221)
    /// An INTEGER without content (`ASN1_R_ILLEGAL_ZERO_CONTENT`).
    public static let asn1IllegalZeroContent = asn1("ILLEGAL_ZERO_CONTENT", 222)
    /// A negative value where only non-negative ones are allowed (`ASN1_R_ILLEGAL_NEGATIVE_VALUE`).
    public static let asn1IllegalNegativeValue = asn1("ILLEGAL_NEGATIVE_VALUE", 226)
    /// A value too large for its field (`ASN1_R_TOO_LARGE`).
    public static let asn1TooLarge = asn1("TOO_LARGE", 223)
    /// A BIT STRING whose unused-bits octet is wrong (`ASN1_R_INVALID_BIT_STRING_BITS_LEFT`).
    public static let asn1InvalidBitStringBitsLeft = asn1("INVALID_BIT_STRING_BITS_LEFT", 220)
    /// A malformed OBJECT IDENTIFIER (`ASN1_R_INVALID_OBJECT_ENCODING`).
    public static let asn1InvalidObjectEncoding = asn1("INVALID_OBJECT_ENCODING", 216)
    /// Content left over inside a constructed value (`ASN1_R_SEQUENCE_LENGTH_MISMATCH`).
    public static let asn1SequenceLengthMismatch = asn1("SEQUENCE_LENGTH_MISMATCH", 148)
    /// A BOOLEAN whose content is not one byte (`ASN1_R_BOOLEAN_IS_WRONG_LENGTH`).
    public static let asn1BooleanIsWrongLength = asn1("BOOLEAN_IS_WRONG_LENGTH", 106)
    /// A BOOLEAN other than 00 or FF (`ASN1_R_ILLEGAL_BOOLEAN`).
    public static let asn1IllegalBoolean = asn1("ILLEGAL_BOOLEAN", 176)
    /// A NULL with content (`ASN1_R_NULL_IS_WRONG_LENGTH`).
    public static let asn1NullIsWrongLength = asn1("NULL_IS_WRONG_LENGTH", 144)
    /// A UTF8String that is not UTF-8 (`ASN1_R_INVALID_UTF8STRING`).
    public static let asn1InvalidUTF8String = OpenSSLReason(
        library: "ASN1", name: "INVALID_UTF8STRING", code: 134, text: "invalid utf8string")
    /// A BMPString of odd length (`ASN1_R_INVALID_BMPSTRING_LENGTH`).
    public static let asn1InvalidBMPStringLength = OpenSSLReason(
        library: "ASN1", name: "INVALID_BMPSTRING_LENGTH", code: 129, text: "invalid bmpstring length")
    /// A character the string type cannot hold (`ASN1_R_ILLEGAL_CHARACTERS`).
    public static let asn1IllegalCharacters = asn1("ILLEGAL_CHARACTERS", 124)
    /// A time that is not the DER form or not a date (`ASN1_R_ILLEGAL_TIME_VALUE`).
    public static let asn1IllegalTimeValue = asn1("ILLEGAL_TIME_VALUE", 184)
    /// A primitive `[n]` where an explicit tag must be constructed (`ASN1_R_EXPLICIT_TAG_NOT_CONSTRUCTED`).
    public static let asn1ExplicitTagNotConstructed = asn1("EXPLICIT_TAG_NOT_CONSTRUCTED", 120)
    /// A type the operation does not handle (`ASN1_R_UNSUPPORTED_TYPE`).
    public static let asn1UnsupportedType = asn1("UNSUPPORTED_TYPE", 196)
    /// An end-of-contents outside an indefinite length (`ASN1_R_UNEXPECTED_EOC`).
    public static let asn1UnexpectedEOC = asn1("UNEXPECTED_EOC", 159)
    /// A version or field value the structure does not allow (`ASN1_R_DECODE_ERROR`).
    public static let asn1DecodeError = asn1("DECODE_ERROR", 110)
}
