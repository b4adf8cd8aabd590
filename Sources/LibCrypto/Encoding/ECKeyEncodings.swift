// The elliptic-curve key containers OpenSSL 3.0 reads and writes, as ASN.1 structures over
// `DERReader` / `DERWriter`: SEC 1 `ECParameters` / X9.62 `ECPKParameters` (a named curve, the
// explicit parameters, or implicitlyCA), SEC 1 `ECPrivateKey` (PEM `EC PRIVATE KEY`), and the
// OIDs of RFC 5480 (id-ecPublicKey, prime-field, characteristic-two-field), RFC 8410 (X25519,
// X448, Ed25519, Ed448) and GM/T 0006 (SM2).
//
// What OpenSSL accepts, from its templates in crypto/ec/ec_asn1.c (X9_62_FIELDID, X9_62_CURVE,
// ECPARAMETERS, ECPKPARAMETERS, EC_PRIVATEKEY) and the 3.0 CLI: the version of ECParameters and
// ECPrivateKey is an INT32 and is checked by the EC code, not the template (so it is read here
// as any small integer); the field's parameters depend on its type (an INTEGER p for
// prime-field, a `Characteristic-two` SEQUENCE for characteristic-two-field, kept raw here);
// the curve's `a` and `b` are OCTET STRINGs of any length and its seed an optional BIT STRING;
// the order and the cofactor are INTEGERs (the cofactor optional). `openssl ecparam -genkey`
// writes version 1, the private key as an OCTET STRING of the order's byte length, `[0]` the
// named curve's OID (or the explicit parameters) and `[1]` the public point; inside PKCS#8 the
// parameters move to the AlgorithmIdentifier and `[0]` is left out.
//
// These are encodings only: the curve arithmetic, key checks and the keys themselves are in
// PublicKey/EC. Encoding writes DER as OpenSSL's `i2d` does. Built with trait EC, as OpenSSL's
// no-ec leaves out crypto/ec/ec_asn1.c.

#if EC

extension ASN1ObjectIdentifier {
    private static func knownEC(_ arcs: [UInt64]) -> ASN1ObjectIdentifier { ASN1ObjectIdentifier(checkedArcs: arcs) }
    /// `prime-field`, 1.2.840.10045.1.1 (X9.62, RFC 3279).
    public static let primeField = knownEC([1, 2, 840, 10045, 1, 1])
    /// `characteristic-two-field`, 1.2.840.10045.1.2 (X9.62, RFC 3279).
    public static let characteristicTwoField = knownEC([1, 2, 840, 10045, 1, 2])
    /// `id-X25519`, 1.3.101.110 (RFC 8410).
    public static let x25519 = knownEC([1, 3, 101, 110])
    /// `id-X448`, 1.3.101.111 (RFC 8410).
    public static let x448 = knownEC([1, 3, 101, 111])
    /// `id-Ed25519`, 1.3.101.112 (RFC 8410).
    public static let ed25519 = knownEC([1, 3, 101, 112])
    /// `id-Ed448`, 1.3.101.113 (RFC 8410).
    public static let ed448 = knownEC([1, 3, 101, 113])
    /// `SM2`, 1.2.156.10197.1.301 (GM/T 0006; OpenSSL's `sm2` curve and key type).
    public static let sm2 = knownEC([1, 2, 156, 10197, 1, 301])
}

/// Explicit elliptic-curve domain parameters: SEC 1 / X9.62 `ECParameters`.
public struct ECExplicitParameters: Hashable, Sendable {
    /// The version (1 as OpenSSL writes; 2 and 3 name seeded generation methods in X9.62).
    public var version: Int
    /// The field type: ``ASN1ObjectIdentifier/primeField`` or
    /// ``ASN1ObjectIdentifier/characteristicTwoField``.
    public var fieldType: ASN1ObjectIdentifier
    /// The field's parameters as raw DER: for a prime field an INTEGER p, for a binary field
    /// the `Characteristic-two` SEQUENCE (m, basis, basis parameters).
    public var fieldParameters: [UInt8]
    /// The curve coefficient `a`, as the OCTET STRING's bytes.
    public var a: [UInt8]
    /// The curve coefficient `b`, as the OCTET STRING's bytes.
    public var b: [UInt8]
    /// The seed BIT STRING (bytes, unused bits), or nil.
    public var seed: (bytes: [UInt8], unusedBits: Int)?
    /// The base point, an encoded point (04 ‖ x ‖ y, or compressed).
    public var base: [UInt8]
    /// The order of the base point.
    public var order: BigNum
    /// The cofactor, or nil when absent.
    public var cofactor: BigNum?

    /// Explicit parameters from their parts.
    /// - Parameters:
    ///   - version: the version (1 as OpenSSL writes).
    ///   - fieldType: prime-field or characteristic-two-field.
    ///   - fieldParameters: the field parameters' DER (a prime field's INTEGER p).
    ///   - a: coefficient a's bytes.
    ///   - b: coefficient b's bytes.
    ///   - seed: the seed, or nil.
    ///   - base: the encoded base point.
    ///   - order: the base point's order.
    ///   - cofactor: the cofactor, or nil.
    public init(
        version: Int = 1, fieldType: ASN1ObjectIdentifier, fieldParameters: [UInt8], a: [UInt8], b: [UInt8],
        seed: (bytes: [UInt8], unusedBits: Int)? = nil, base: [UInt8], order: BigNum, cofactor: BigNum?
    ) {
        self.version = version
        self.fieldType = fieldType
        self.fieldParameters = fieldParameters
        self.a = a
        self.b = b
        self.seed = seed
        self.base = base
        self.order = order
        self.cofactor = cofactor
    }

    /// The prime p of a prime field, read from ``fieldParameters``.
    /// - Throws: `invalidParameter` when the field is not a prime field or its parameter is not
    ///   one INTEGER.
    public func prime() throws -> BigNum {
        guard fieldType == .primeField else {
            throw CryptoError(.invalidParameter, "EC parameters: the field is not a prime field (\(fieldType))")
        }
        var r = DERReader(fieldParameters)
        let p = try r.readInteger()
        try r.finish()
        return p
    }

    /// Reads the SEQUENCE.
    /// - Parameter reader: the reader.
    /// - Throws: `invalidParameter` for malformed input.
    public init(from reader: inout DERReader) throws {
        self = try reader.readSequence { r in
            let version = try r.readSmallInteger()
            let (fieldType, fieldParameters) = try r.readSequence { f in
                let type = try f.readObjectIdentifier()
                let params = Array(try f.readElement().encoded)
                return (type, params)
            }
            let (a, b, seed) = try r.readSequence { c in
                let a = try c.readOctetString()
                let b = try c.readOctetString()
                let seed = try c.peekTag() == .bitString ? try c.readBitString() : nil
                return (a, b, seed)
            }
            let base = try r.readOctetString()
            let order = try r.readInteger()
            let cofactor = try r.peekTag() == .integer ? try r.readInteger() : nil
            return ECExplicitParameters(
                version: version, fieldType: fieldType, fieldParameters: fieldParameters, a: a, b: b, seed: seed,
                base: base, order: order, cofactor: cofactor)
        }
    }

    /// Appends the SEQUENCE.
    /// - Parameter writer: the writer.
    public func write(to writer: inout DERWriter) {
        writer.writeSequence { w in
            w.writeInteger(version)
            w.writeSequence { f in
                f.writeObjectIdentifier(fieldType)
                f.writeRaw(fieldParameters)
            }
            w.writeSequence { c in
                c.writeOctetString(a)
                c.writeOctetString(b)
                if let s = seed { c.write(.bitString, content: [UInt8(s.unusedBits & 7)] + s.bytes) }
            }
            w.writeOctetString(base)
            w.writeInteger(order)
            if let h = cofactor { w.writeInteger(h) }
        }
    }

    /// Equal when every field is.
    /// - Parameters:
    ///   - x: parameters.
    ///   - y: other parameters.
    public static func == (x: ECExplicitParameters, y: ECExplicitParameters) -> Bool {
        x.version == y.version && x.fieldType == y.fieldType && x.fieldParameters == y.fieldParameters && x.a == y.a
            && x.b == y.b && x.seed?.bytes == y.seed?.bytes && x.seed?.unusedBits == y.seed?.unusedBits
            && x.base == y.base && x.order == y.order && x.cofactor == y.cofactor
    }

    /// Hashes the fields that `==` compares.
    /// - Parameter h: the hasher.
    public func hash(into h: inout Hasher) {
        h.combine(version)
        h.combine(fieldType)
        h.combine(fieldParameters)
        h.combine(a)
        h.combine(b)
        h.combine(seed?.bytes)
        h.combine(base)
        h.combine(order)
        h.combine(cofactor)
    }
}

/// X9.62 `ECPKParameters` (RFC 5480's `ECParameters` CHOICE): a named curve, explicit parameters,
/// or implicitlyCA. PEM label `EC PARAMETERS`.
public enum ECDomainParameters: DERStructure {
    /// `EC PARAMETERS`.
    public static let pemLabel = "EC PARAMETERS"

    /// A named curve's OID.
    case named(ASN1ObjectIdentifier)
    /// Explicit parameters.
    case explicit(ECExplicitParameters)
    /// `implicitlyCA` (NULL): the parameters are inherited; OpenSSL reads it and cannot use it.
    case implicitlyCA

    /// Reads the CHOICE.
    /// - Parameter reader: the reader.
    /// - Throws: `invalidParameter` for malformed input or another element (`WRONG_TAG`).
    public init(from reader: inout DERReader) throws {
        switch try reader.peekTag() {
        case .objectIdentifier?: self = .named(try reader.readObjectIdentifier())
        case .null?:
            try reader.readNull()
            self = .implicitlyCA
        case .sequence?: self = .explicit(try ECExplicitParameters(from: &reader))
        default:
            throw ASN1.error(
                .asn1WrongTag, at: reader.offset, "EC parameters: neither an OID, a SEQUENCE nor NULL")
        }
    }

    /// Appends the chosen element.
    /// - Parameter writer: the writer.
    public func write(to writer: inout DERWriter) {
        switch self {
        case .named(let oid): writer.writeObjectIdentifier(oid)
        case .explicit(let p): p.write(to: &writer)
        case .implicitlyCA: writer.writeNull()
        }
    }
}

/// SEC 1 `ECPrivateKey` (RFC 5915): OpenSSL's traditional EC key, also the private key inside an
/// EC PKCS#8 key. PEM label `EC PRIVATE KEY`.
public struct SEC1ECPrivateKey: DERStructure {
    /// `EC PRIVATE KEY`.
    public static let pemLabel = "EC PRIVATE KEY"
    /// The version (1; OpenSSL's EC code refuses another when it decodes the key).
    public var version: Int
    /// The private scalar, big-endian (OpenSSL writes it padded to the order's byte length).
    public var privateKey: [UInt8]
    /// `[0]` the domain parameters, or nil (left out inside PKCS#8).
    public var parameters: ECDomainParameters?
    /// `[1]` the public point as a BIT STRING (bytes, unused bits), or nil.
    public var publicKey: (bytes: [UInt8], unusedBits: Int)?

    /// A key from its parts.
    /// - Parameters:
    ///   - version: 1.
    ///   - privateKey: the scalar's bytes.
    ///   - parameters: the domain parameters, or nil.
    ///   - publicKey: the encoded public point, or nil.
    public init(
        version: Int = 1, privateKey: [UInt8], parameters: ECDomainParameters?,
        publicKey: (bytes: [UInt8], unusedBits: Int)?
    ) {
        self.version = version
        self.privateKey = privateKey
        self.parameters = parameters
        self.publicKey = publicKey
    }

    /// Reads the SEQUENCE.
    /// - Parameter reader: the reader.
    /// - Throws: `invalidParameter` for malformed input.
    public init(from reader: inout DERReader) throws {
        self = try reader.readSequence { r in
            let version = try r.readSmallInteger()
            let key = try r.readOctetString()
            let params = try r.readOptionalExplicit(0) { try ECDomainParameters(from: &$0) }
            let pub = try r.readOptionalExplicit(1) { try $0.readBitString() }
            return SEC1ECPrivateKey(version: version, privateKey: key, parameters: params, publicKey: pub)
        }
    }

    /// Appends the SEQUENCE.
    /// - Parameter writer: the writer.
    public func write(to writer: inout DERWriter) {
        writer.writeSequence { w in
            w.writeInteger(version)
            w.writeOctetString(privateKey)
            if let p = parameters { w.writeExplicit(0) { p.write(to: &$0) } }
            if let p = publicKey {
                w.writeExplicit(1) { $0.write(.bitString, content: [UInt8(p.unusedBits & 7)] + p.bytes) }
            }
        }
    }

    /// Equal when every field is.
    /// - Parameters:
    ///   - x: a key.
    ///   - y: another key.
    public static func == (x: SEC1ECPrivateKey, y: SEC1ECPrivateKey) -> Bool {
        x.version == y.version && x.privateKey == y.privateKey && x.parameters == y.parameters
            && x.publicKey?.bytes == y.publicKey?.bytes && x.publicKey?.unusedBits == y.publicKey?.unusedBits
    }

    /// Hashes the fields that `==` compares.
    /// - Parameter h: the hasher.
    public func hash(into h: inout Hasher) {
        h.combine(version)
        h.combine(privateKey)
        h.combine(parameters)
        h.combine(publicKey?.bytes)
        h.combine(publicKey?.unusedBits)
    }
}
#endif
