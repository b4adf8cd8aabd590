import Testing

@testable import LibCrypto

// Expected encodings come from OpenSSL 3.0: `openssl asn1parse -genstr '<type>:<value>' -out o.der`
// (the hex of o.der), and `openssl asn1parse -genconf` for the constructed example; the X.690
// rules (8.1.2.4 high tag numbers, 8.3 INTEGER, 8.6 BIT STRING, 8.19 OID) for the rest.

/// Runs `body` on a reader over `bytes` and checks that it throws `reason` at `offset`.
func expectDERError(
    _ bytes: [UInt8], _ reason: OpenSSLReason, offset: Int, rules: DERRules = .der,
    sourceLocation: SourceLocation = #_sourceLocation, _ body: (inout DERReader) throws -> Void
) {
    var r = DERReader(bytes, rules: rules)
    do {
        try body(&r)
        Issue.record("no error for \(TestHex.encode(bytes))", sourceLocation: sourceLocation)
    } catch let e as CryptoError {
        #expect(e.openSSL == reason, "\(e)", sourceLocation: sourceLocation)
        #expect(e.reason.hasPrefix("DER offset \(offset):"), "\(e)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("not a CryptoError: \(error)", sourceLocation: sourceLocation)
    }
}

@Suite struct EncodingDERKnownAnswers {
    /// `openssl asn1parse -genstr INTEGER:<n>`.
    @Test(arguments: [
        ("0", "020100"), ("127", "02017f"), ("128", "02020080"), ("-128", "020180"), ("-129", "0202ff7f"),
        ("256", "02020100"), ("-1", "0201ff"), ("18446744073709551616", "0209010000000000000000"),
    ])
    func integer(_ decimal: String, _ hex: String) throws {
        let n = try BigNum(decimal: decimal)
        var w = DERWriter()
        w.writeInteger(n)
        #expect(TestHex.encode(w.bytes) == hex)
        var r = DERReader(TestHex.decode(hex))
        #expect(try r.readInteger() == n)
        try r.finish()
    }

    @Test func primitives() throws {
        // BOOLEAN:TRUE, NULL, OID:1.2.840.113549.1.1.1, OID:2.999.3, OCTETSTRING:abc, BITSTRING:A,
        // FORMAT:HEX,BITSTRING:0A3B.
        var r = DERReader(
            TestHex.decode("0101ff 0500 06092a864886f70d010101 0603883703 0403616263 03020041 0303000a3b"))
        #expect(try r.readBoolean() == true)
        try r.readNull()
        #expect(try r.readObjectIdentifier() == .rsaEncryption)
        #expect(try r.readObjectIdentifier().dotted == "2.999.3")
        #expect(try r.readOctetString() == Array("abc".utf8))
        let a = try r.readBitString()
        #expect(a.bytes == [0x41] && a.unusedBits == 0)
        let b = try r.readBitString()
        #expect(b.bytes == [0x0A, 0x3B] && b.unusedBits == 0)
        try r.finish()

        var w = DERWriter()
        w.writeBoolean(true)
        w.writeNull()
        w.writeObjectIdentifier(try ASN1ObjectIdentifier(dotted: "1.2.840.113549.1.1.1"))
        w.writeObjectIdentifier(try ASN1ObjectIdentifier(dotted: "2.999.3"))
        w.writeOctetString(Array("abc".utf8))
        try w.writeBitString([0x41])
        try w.writeBitString([0x0A, 0x3B])
        #expect(
            TestHex.encode(w.bytes) == "0101ff050006092a864886f70d0101010603883703040361626303020041" + "0303000a3b")
    }

    @Test func strings() throws {
        // PRINTABLESTRING:Test User 1, IA5STRING:a@b.c, BMPSTRING:Ab, T61STRING:abc.
        let cases: [(ASN1Tag, String, String)] = [
            (.printableString, "Test User 1", "130b5465737420557365722031"), (.ia5String, "a@b.c", "16056140622e63"),
            (.bmpString, "Ab", "1e0400410062"), (.t61String, "abc", "1403616263"),
            // U+00E9 is C3 A9 in UTF-8 (RFC 3629).
            (.utf8String, "h\u{E9}", "0c0368c3a9"),
        ]
        for (tag, text, hex) in cases {
            var r = DERReader(TestHex.decode(hex))
            #expect(try r.readString(tag) == text)
            var w = DERWriter()
            try w.writeString(text, tag: tag)
            #expect(TestHex.encode(w.bytes) == hex)
        }
    }

    @Test func times() throws {
        // UTCTIME:991231235959Z and GENTIME:20500101000000Z.
        var r = DERReader(TestHex.decode("170d3939313233313233353935395a 180f32303530303130313030303030305a"))
        let u = try r.readTime()
        #expect(!u.isGeneralized && u.year == 1999 && u.month == 12 && u.second == 59)
        let g = try r.readTime()
        #expect(g.isGeneralized && g.year == 2050 && g.text == "20500101000000Z")
        var w = DERWriter()
        w.writeTime(u)
        w.writeTime(g)
        #expect(TestHex.encode(w.bytes) == "170d3939313233313233353935395a180f32303530303130313030303030305a")
    }

    /// `openssl asn1parse -genconf`: SEQUENCE { INTEGER 5, [0] EXPLICIT INTEGER 7,
    /// [1] IMPLICIT OCTET STRING 'ab', SET { BOOLEAN FALSE } }.
    @Test func constructedAndTagged() throws {
        let der = TestHex.decode("3011020105a003020107810261623103010100")
        var r = DERReader(der)
        let fields = try r.readSequence { s in
            (
                try s.readSmallInteger(), try s.readExplicit(0) { try $0.readSmallInteger() },
                try s.readOctetString(.context(1, constructed: false)), try s.readSet { try $0.readBoolean() }
            )
        }
        #expect(fields.0 == 5 && fields.1 == 7 && fields.2 == Array("ab".utf8) && fields.3 == false)
        try r.finish()
        var w = DERWriter()
        w.writeSequence { s in
            s.writeInteger(5)
            s.writeExplicit(0) { $0.writeInteger(7) }
            s.writeOctetString(Array("ab".utf8), tag: .context(1, constructed: false))
            s.writeSet { $0.writeBoolean(false) }
        }
        #expect(w.bytes == der)
        #expect(try DERNode(der: der).derEncoded == der)
    }

    /// High tag numbers: `IMPLICIT:201A,NULL` and `EXPLICIT:31C,INTEGER:1`; `IMPLICIT:30,NULL`
    /// stays in the low form.
    @Test func highTagNumbers() throws {
        let app = try ASN1.element(TestHex.decode("5f814900"))
        #expect(app.tag == ASN1Tag(.application, 201, constructed: false))
        #expect(TestHex.encode(app.tag.encoded) == "5f8149")
        let ctx = try ASN1.element(TestHex.decode("bf1f03020101"))
        #expect(ctx.tag == .context(31, constructed: true))
        #expect(TestHex.encode(ASN1Tag.context(30, constructed: false).encoded) == "9e")
    }

    @Test func oidDottedForms() throws {
        let oid = try ASN1ObjectIdentifier(dotted: "2.5.4.3")
        #expect(oid.derContent == [0x55, 0x04, 0x03])  // X.690 8.19.5: 2*40+5 = 85
        // An arc of 2^64 - 1 fits; one above does not.
        let big = try ASN1ObjectIdentifier(dotted: "1.2.18446744073709551615")
        #expect(try ASN1ObjectIdentifier(derContent: big.derContent) == big)
        #expect(throws: CryptoError.self) { try ASN1ObjectIdentifier(dotted: "1.2.18446744073709551616") }
        for bad in ["", "1", "3.1", "1.40", "1..2", "1.2.", "a.b", "-1.2"] {
            #expect(throws: CryptoError.self, "\(bad)") { try ASN1ObjectIdentifier(dotted: bad) }
        }
    }

    /// What `openssl rsa -RSAPublicKey_in -inform DER` reads (OpenSSL 3.0.x): a long-form length
    /// 0x81 06, an indefinite length, and a BIGNUM field with padding read as 195. Strict DER
    /// refuses each.
    @Test func openSSLRulesAcceptWhatD2IAccepts() throws {
        let nonMinimal = TestHex.decode("3081 06 020105 020103")
        let indefinite = TestHex.decode("3080 020105 020103 0000")
        let padded = TestHex.decode("3009 0204000000c3 020103")
        for der in [nonMinimal, indefinite] {
            let k = try PKCS1RSAPublicKey.parse(der: der, rules: .openSSL)
            #expect(k.modulus == BigNum(5) && k.publicExponent == BigNum(3))
            #expect(throws: CryptoError.self) { try PKCS1RSAPublicKey.parse(der: der) }
        }
        #expect(try PKCS1RSAPublicKey.parse(der: padded, rules: .openSSL).modulus == BigNum(195))
        expectDERError(padded, .asn1IllegalPadding, offset: 2) { r in
            _ = try r.readSequence { try $0.readBIGNUMField() }
        }
    }
}

@Suite struct EncodingDERMalformed {
    @Test func truncated() {
        expectDERError([], .asn1HeaderTooLong, offset: 0) { _ = try $0.readElement() }
        expectDERError([0x30], .asn1HeaderTooLong, offset: 0) { _ = try $0.readElement() }
        expectDERError([0x04, 0x05, 1, 2], .asn1TooLong, offset: 0) { _ = try $0.readElement() }
        expectDERError([0x30, 0x82, 0x01], .asn1HeaderTooLong, offset: 0) { _ = try $0.readElement() }
        expectDERError([0x1F, 0x81], .asn1HeaderTooLong, offset: 0) { _ = try $0.readElement() }
        // A SEQUENCE whose inner INTEGER claims more than the SEQUENCE holds.
        expectDERError([0x30, 0x03, 0x02, 0x05, 0x01], .asn1TooLong, offset: 2) { r in
            try r.readSequence { _ = try $0.readInteger() }
        }
    }

    @Test func lengths() {
        // Overlong (non-minimal) forms, indefinite length, the reserved 0xFF, and a huge length.
        expectDERError([0x04, 0x81, 0x01, 0xAA], .asn1BadObjectHeader, offset: 0) { _ = try $0.readElement() }
        expectDERError([0x04, 0x82, 0x00, 0x81] + [UInt8](repeating: 0, count: 0x81), .asn1BadObjectHeader, offset: 0) {
            _ = try $0.readElement()
        }
        expectDERError([0x30, 0x80, 0x00, 0x00], .asn1BadObjectHeader, offset: 0) { _ = try $0.readElement() }
        expectDERError([0x04, 0x80, 0x00, 0x00], .asn1HeaderTooLong, offset: 0, rules: .openSSL) {
            _ = try $0.readElement()
        }
        expectDERError([0x30, 0x80, 0x02, 0x01, 0x00], .asn1TooLong, offset: 0, rules: .openSSL) {
            _ = try $0.readElement()
        }
        expectDERError([0x04, 0xFF], .asn1HeaderTooLong, offset: 0) { _ = try $0.readElement() }
        expectDERError([0x04, 0x88, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF], .asn1TooLong, offset: 0) {
            _ = try $0.readElement()
        }
        expectDERError([0x04, 0x84, 0x7F, 0xFF, 0xFF, 0xFF, 0x00], .asn1TooLong, offset: 0) { _ = try $0.readElement() }
        // High tag number: leading 0x80 group, a number below 31, a number above 2^31 - 1.
        expectDERError([0x1F, 0x80, 0x21, 0x00], .asn1BadObjectHeader, offset: 0) { _ = try $0.readElement() }
        expectDERError([0x1F, 0x1E, 0x00], .asn1BadObjectHeader, offset: 0) { _ = try $0.readElement() }
        expectDERError([0x1F, 0x8F, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 0x00], .asn1HeaderTooLong, offset: 0) {
            _ = try $0.readElement()
        }
    }

    @Test func trailingAndLeftOver() {
        expectDERError([0x05, 0x00, 0x05], .asn1TooLong, offset: 2) { r in
            try r.readNull()
            try r.finish()
        }
        expectDERError([0x30, 0x04, 0x05, 0x00, 0x05, 0x00], .asn1SequenceLengthMismatch, offset: 4) { r in
            try r.readSequence { try $0.readNull() }
        }
    }

    @Test func wrongTags() {
        expectDERError([0x04, 0x00], .asn1WrongTag, offset: 0) { _ = try $0.readInteger() }
        expectDERError([0x31, 0x00], .asn1WrongTag, offset: 0) { try $0.readSequence { _ in } }
        // A primitive [0] where an explicit tag must be constructed.
        expectDERError([0x80, 0x01, 0x00], .asn1ExplicitTagNotConstructed, offset: 0) { r in
            _ = try r.readExplicit(0) { try $0.readSmallInteger() }
        }
        // A constructed (BER) OCTET STRING is not an OCTET STRING in DER.
        expectDERError([0x24, 0x03, 0x04, 0x01, 0x00], .asn1WrongTag, offset: 0) { _ = try $0.readOctetString() }
        // End-of-contents where a value belongs.
        expectDERError([0x00, 0x00], .asn1UnexpectedEOC, offset: 0) { _ = try $0.readElement() }
    }

    @Test func nestingBomb() {
        // 31 nested SEQUENCEs pass the cap of 30; 30 are fine. Also as indefinite lengths.
        func nested(_ depth: Int) -> [UInt8] {
            var der: [UInt8] = [0x05, 0x00]
            for _ in 0..<depth { der = [0x30] + DERWriter.lengthOctets(der.count) + der }
            return der
        }
        #expect((try? DERNode(der: nested(30))) != nil)
        expectDERError(nested(31), .asn1NestedTooDeep, offset: 60) { r in
            var node = r
            _ = try DERNode.read(&node)
        }
        let bomb: [UInt8] = (0..<200_000).map { $0 % 2 == 0 ? 0x30 : 0x80 }
        expectDERError(bomb, .asn1NestedTooDeep, offset: 60, rules: .openSSL) { _ = try $0.readElement() }
    }

    @Test func integers() {
        expectDERError([0x02, 0x00], .asn1IllegalZeroContent, offset: 0) { _ = try $0.readInteger() }
        expectDERError([0x02, 0x02, 0x00, 0x7F], .asn1IllegalPadding, offset: 0) { _ = try $0.readInteger() }
        expectDERError([0x02, 0x02, 0xFF, 0x80], .asn1IllegalPadding, offset: 0) { _ = try $0.readInteger() }
        expectDERError([0x02, 0x01, 0x80], .asn1IllegalNegativeValue, offset: 0) { _ = try $0.readBIGNUMField() }
        expectDERError([0x02, 0x09, 0x01, 0, 0, 0, 0, 0, 0, 0, 0], .asn1TooLarge, offset: 0) {
            _ = try $0.readSmallInteger()
        }
        // More than BigNum.maxBits: refused before any allocation of the number.
        let huge: [UInt8] = [0x02, 0x83, 0x02, 0x00, 0x01, 0x01] + [UInt8](repeating: 0, count: 0x20000)
        do {
            var r = DERReader(huge)
            _ = try r.readInteger()
            Issue.record("no error")
        } catch let e as CryptoError {
            #expect(e.openSSL == .bnBignumTooLong)
        } catch { Issue.record("\(error)") }
    }

    @Test func otherPrimitives() {
        expectDERError([0x01, 0x02, 0xFF, 0xFF], .asn1BooleanIsWrongLength, offset: 0) { _ = try $0.readBoolean() }
        expectDERError([0x01, 0x01, 0x01], .asn1IllegalBoolean, offset: 0) { _ = try $0.readBoolean() }
        expectDERError([0x05, 0x01, 0x00], .asn1NullIsWrongLength, offset: 0) { try $0.readNull() }
        // BIT STRING: 8 unused bits (what `openssl asn1parse` prints without complaint, 03 02 08 00),
        // no unused-bits octet, unused bits with no data, unused bits set.
        expectDERError([0x03, 0x02, 0x08, 0x00], .asn1InvalidBitStringBitsLeft, offset: 0) {
            _ = try $0.readBitString()
        }
        expectDERError([0x03, 0x00], .asn1InvalidBitStringBitsLeft, offset: 0) { _ = try $0.readBitString() }
        expectDERError([0x03, 0x01, 0x01], .asn1InvalidBitStringBitsLeft, offset: 0) { _ = try $0.readBitString() }
        expectDERError([0x03, 0x02, 0x01, 0x01], .asn1InvalidBitStringBitsLeft, offset: 0) {
            _ = try $0.readBitString()
        }
        // OpenSSL's c2i_ASN1_BIT_STRING clears set unused bits instead.
        var r = DERReader([0x03, 0x02, 0x02, 0xAF], rules: .openSSL)
        #expect((try? r.readBitString())?.bytes == [0xAC])
        expectDERError([0x03, 0x02, 0x08, 0x00], .asn1InvalidBitStringBitsLeft, offset: 0, rules: .openSSL) {
            _ = try $0.readBitString()
        }
        // OID: empty, a leading 0x80 (`openssl asn1parse` prints BAD OBJECT for 06 03 80 01 01),
        // cut off, and an arc of 2^64 (ten groups).
        expectDERError([0x06, 0x00], .asn1InvalidObjectEncoding, offset: 0) { _ = try $0.readObjectIdentifier() }
        expectDERError([0x06, 0x03, 0x80, 0x01, 0x01], .asn1InvalidObjectEncoding, offset: 0) {
            _ = try $0.readObjectIdentifier()
        }
        expectDERError([0x06, 0x02, 0x2A, 0x86], .asn1InvalidObjectEncoding, offset: 0) {
            _ = try $0.readObjectIdentifier()
        }
        expectDERError(
            [0x06, 0x0B, 0x2A, 0x82, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00], .asn1TooLarge, offset: 0
        ) { _ = try $0.readObjectIdentifier() }
        // Strings.
        expectDERError([0x0C, 0x01, 0xFF], .asn1InvalidUTF8String, offset: 0) { _ = try $0.readString(.utf8String) }
        expectDERError([0x13, 0x01, 0x40], .asn1IllegalCharacters, offset: 0) {
            _ = try $0.readString(.printableString)
        }
        expectDERError([0x16, 0x01, 0x80], .asn1IllegalCharacters, offset: 0) { _ = try $0.readString(.ia5String) }
        expectDERError([0x1E, 0x03, 0, 0x41, 0], .asn1InvalidBMPStringLength, offset: 0) {
            _ = try $0.readString(.bmpString)
        }
        // Times: no seconds, no Z, 13th month, February 30th, a fraction with a trailing zero.
        for (tag, text) in [
            (0x17, "9912312359Z"), (0x17, "991231235959"), (0x17, "991331235959Z"), (0x18, "20230230000000Z"),
            (0x18, "20230101000000.50Z"),
        ] {
            let t = Array(text.utf8)
            expectDERError([UInt8(tag), UInt8(t.count)] + t, .asn1IllegalTimeValue, offset: 0) {
                _ = try $0.readTime()
            }
        }
    }

    @Test func offsetsCountFromTheOutermostInput() {
        // The bad INTEGER is at offset 4 inside two SEQUENCEs.
        expectDERError([0x30, 0x06, 0x30, 0x04, 0x02, 0x02, 0x00, 0x01], .asn1IllegalPadding, offset: 4) { r in
            try r.readSequence { s in try s.readSequence { _ = try $0.readInteger() } }
        }
    }
}
