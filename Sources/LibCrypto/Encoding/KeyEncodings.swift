// The key containers OpenSSL 3.0 reads and writes, as ASN.1 structures over `DERReader` /
// `DERWriter`: PKCS#1 RSAPublicKey and RSAPrivateKey (RFC 8017 A.1, with otherPrimeInfos),
// PKCS#8 PrivateKeyInfo (RFC 5208 / RFC 5958), SubjectPublicKeyInfo (RFC 5280 4.1), DSA
// parameters and OpenSSL's traditional DSA private key, PKCS#3 DH parameters and X9.42
// DomainParameters (RFC 3279 2.3.3).
//
// What OpenSSL accepts, from its templates (crypto/rsa/rsa_asn1.c, crypto/dsa/dsa_asn1.c,
// crypto/dh/dh_asn1.c, crypto/asn1/p8_pkey.c, crypto/x509/x_pubkey.c) and checked with the 3.0
// CLI: versions are not checked at this level (`openssl rsa` and `openssl dsa` read a key of
// version 17; `openssl pkey` reads a PKCS#8 key of version 1), key fields are BIGNUMs (see
// `DERRules.openSSL`), and the PKCS#8 template has no `[1] publicKey` (RFC 5958's v2 field):
// under `DERRules.openSSL` it is refused as OpenSSL refuses it, under `DERRules.der` it is read.
// Encoding writes DER as OpenSSL's `i2d` does, so re-encoding a key OpenSSL wrote gives its bytes.
//
// The DSA structures are built with trait DSA and the DH ones with trait DH, as OpenSSL's
// no-dsa and no-dh leave out crypto/dsa/dsa_asn1.c and crypto/dh/dh_asn1.c; the OIDs and the
// PKCS#8 and SubjectPublicKeyInfo containers are in every build.
//
// Encrypted keys (a traditional PEM block with `Proc-Type: 4,ENCRYPTED`, an `ENCRYPTED PRIVATE
// KEY` block, a DER EncryptedPrivateKeyInfo) need a password, which `parse(pem:)` does not
// take: it throws `unsupportedOperation` saying so. EncryptedKeys.swift decrypts them
// (`PEMBlock.decrypted(password:)`, `EncryptedPrivateKeyInfo.decrypt(password:)`).

/// A structure that reads from and writes to DER, with PEM helpers for its OpenSSL label.
public protocol DERStructure: Sendable, Hashable {
    /// The PEM label OpenSSL writes it under (`RSA PRIVATE KEY`, `PUBLIC KEY`, ...).
    static var pemLabel: String { get }
    /// Reads one element of this structure.
    /// - Parameter reader: the reader, positioned at the element.
    /// - Throws: `invalidParameter` with an ASN1 reason for malformed input.
    init(from reader: inout DERReader) throws
    /// Appends the DER encoding.
    /// - Parameter writer: the writer.
    func write(to writer: inout DERWriter)
}

extension DERStructure {
    /// Parses exactly one DER encoding of the structure.
    /// - Parameters:
    ///   - der: the bytes.
    ///   - rules: the accepted encodings (``DERRules/der`` by default, ``DERRules/openSSL`` for
    ///     what OpenSSL's d2i accepts).
    /// - Throws: `invalidParameter` with the byte offset and an ASN1 reason; trailing bytes
    ///   are `TOO_LONG`.
    public static func parse(der: [UInt8], rules: DERRules = .der) throws -> Self {
        var r = DERReader(der, rules: rules)
        let value = try Self(from: &r)
        try r.finish()
        return value
    }

    /// The DER encoding, as OpenSSL's `i2d` writes it.
    public func derEncoded() -> [UInt8] {
        var w = DERWriter()
        write(to: &w)
        return w.bytes
    }

    /// Parses the first PEM block labelled ``pemLabel`` in `pem` (blocks with other labels are
    /// skipped).
    /// - Parameters:
    ///   - pem: PEM text.
    ///   - rules: the accepted DER encodings inside the block.
    /// - Throws: the errors of ``PEM/parse(_:label:)`` and ``parse(der:rules:)``;
    ///   `unsupportedOperation` for an encrypted block (or only an `ENCRYPTED` form of the label).
    public static func parse(pem: String, rules: DERRules = .der) throws -> Self {
        let blocks = try PEM.parseAll(text: pem)
        if let b = blocks.first(where: { $0.label == pemLabel }) {
            if b.isEncrypted {
                let dek = b.headers.first { $0.name == "DEK-Info" }?.value ?? "no DEK-Info"
                throw CryptoError(
                    .unsupportedOperation,
                    "encrypted key: decrypt it first with PEMBlock.decrypted(password:) (PEM line \(b.line), '\(pemLabel)' with \(dek))",
                    openSSL: .pemUnsupportedEncryption)
            }
            return try parse(der: b.data, rules: rules)
        }
        if let b = blocks.first(where: { $0.label == "ENCRYPTED " + pemLabel || $0.label == "ENCRYPTED PRIVATE KEY" }),
            pemLabel.hasSuffix("PRIVATE KEY")
        {
            throw CryptoError(
                .unsupportedOperation,
                "encrypted key: decrypt it first with EncryptedPrivateKeyInfo (PEM line \(b.line), '\(b.label)')",
                openSSL: .pemUnsupportedEncryption)
        }
        throw PEM.error(.pemNoStartLine, line: 1, "no '-----BEGIN \(pemLabel)-----' block")
    }

    /// The PEM form under ``pemLabel``, as `PEM_write_bio` writes it.
    public func pemEncoded() -> String { PEM.encode(label: Self.pemLabel, data: derEncoded()) }
}

extension ASN1ObjectIdentifier {
    private static func known(_ arcs: [UInt64]) -> ASN1ObjectIdentifier { ASN1ObjectIdentifier(checkedArcs: arcs) }
    /// `rsaEncryption`, 1.2.840.113549.1.1.1 (PKCS#1).
    public static let rsaEncryption = known([1, 2, 840, 113_549, 1, 1, 1])
    /// `RSASSA-PSS`, 1.2.840.113549.1.1.10 (PKCS#1).
    public static let rsassaPSS = known([1, 2, 840, 113_549, 1, 1, 10])
    /// `dsaEncryption` (id-dsa), 1.2.840.10040.4.1 (RFC 3279).
    public static let dsa = known([1, 2, 840, 10040, 4, 1])
    /// `dhKeyAgreement`, 1.2.840.113549.1.3.1 (PKCS#3).
    public static let dhKeyAgreement = known([1, 2, 840, 113_549, 1, 3, 1])
    /// `dhpublicnumber` (X9.42 DH), 1.2.840.10046.2.1 (RFC 3279).
    public static let dhPublicNumber = known([1, 2, 840, 10046, 2, 1])
    /// `id-ecPublicKey`, 1.2.840.10045.2.1 (RFC 5480).
    public static let ecPublicKey = known([1, 2, 840, 10045, 2, 1])
}

/// An AlgorithmIdentifier (RFC 5280 4.1.1.2): an OID and its parameters kept as raw DER.
public struct AlgorithmIdentifier: Hashable, Sendable {
    /// The algorithm.
    public var algorithm: ASN1ObjectIdentifier
    /// The parameters' whole DER encoding (a NULL is `05 00`), or nil when absent.
    public var parameters: [UInt8]?

    /// An identifier from its parts.
    /// - Parameters:
    ///   - algorithm: the OID.
    ///   - parameters: the parameters' DER, or nil.
    public init(algorithm: ASN1ObjectIdentifier, parameters: [UInt8]?) {
        self.algorithm = algorithm
        self.parameters = parameters
    }

    /// Reads the SEQUENCE.
    /// - Parameter reader: the reader.
    /// - Throws: `invalidParameter` for a malformed identifier.
    public init(from reader: inout DERReader) throws {
        (algorithm, parameters) = try reader.readSequence { r in
            let oid = try r.readObjectIdentifier()
            let params = r.isAtEnd ? nil : Array(try r.readElement().encoded)
            return (oid, params)
        }
    }

    /// Appends the SEQUENCE.
    /// - Parameter writer: the writer.
    public func write(to writer: inout DERWriter) {
        writer.writeSequence { w in
            w.writeObjectIdentifier(algorithm)
            if let p = parameters { w.writeRaw(p) }
        }
    }
}

// MARK: - PKCS#1

/// PKCS#1 `RSAPublicKey` (RFC 8017 A.1.1): modulus and public exponent. PEM label
/// `RSA PUBLIC KEY`.
public struct PKCS1RSAPublicKey: DERStructure {
    /// `RSA PUBLIC KEY`.
    public static let pemLabel = "RSA PUBLIC KEY"
    /// n.
    public var modulus: BigNum
    /// e.
    public var publicExponent: BigNum

    /// A key from its parts.
    /// - Parameters:
    ///   - modulus: n.
    ///   - publicExponent: e.
    public init(modulus: BigNum, publicExponent: BigNum) {
        self.modulus = modulus
        self.publicExponent = publicExponent
    }

    /// Reads the SEQUENCE.
    /// - Parameter reader: the reader.
    /// - Throws: `invalidParameter` for malformed input.
    public init(from reader: inout DERReader) throws {
        (modulus, publicExponent) = try reader.readSequence { r in (try r.readBIGNUMField(), try r.readBIGNUMField()) }
    }

    /// Appends the SEQUENCE.
    /// - Parameter writer: the writer.
    public func write(to writer: inout DERWriter) {
        writer.writeSequence { w in
            w.writeInteger(modulus)
            w.writeInteger(publicExponent)
        }
    }
}

/// PKCS#1 `RSAPrivateKey` (RFC 8017 A.1.2), two-prime (version 0) or multi-prime (version 1,
/// with `otherPrimeInfos`). PEM label `RSA PRIVATE KEY` (OpenSSL's "traditional" form).
public struct PKCS1RSAPrivateKey: DERStructure {
    /// `RSA PRIVATE KEY`.
    public static let pemLabel = "RSA PRIVATE KEY"

    /// One `OtherPrimeInfo`: r_i, d_i and t_i.
    public struct OtherPrimeInfo: Hashable, Sendable {
        /// r_i, the prime.
        public var prime: BigNum
        /// d_i = d mod (r_i − 1).
        public var exponent: BigNum
        /// t_i, the CRT coefficient.
        public var coefficient: BigNum

        /// A prime's triple.
        /// - Parameters:
        ///   - prime: r_i.
        ///   - exponent: d_i.
        ///   - coefficient: t_i.
        public init(prime: BigNum, exponent: BigNum, coefficient: BigNum) {
            self.prime = prime
            self.exponent = exponent
            self.coefficient = coefficient
        }
    }

    /// 0 for two primes, 1 for more (OpenSSL reads any value and writes what it read).
    public var version: Int
    /// n.
    public var modulus: BigNum
    /// e.
    public var publicExponent: BigNum
    /// d.
    public var privateExponent: BigNum
    /// p.
    public var prime1: BigNum
    /// q.
    public var prime2: BigNum
    /// d mod (p − 1).
    public var exponent1: BigNum
    /// d mod (q − 1).
    public var exponent2: BigNum
    /// q⁻¹ mod p.
    public var coefficient: BigNum
    /// The third and further primes; empty for a two-prime key.
    public var otherPrimeInfos: [OtherPrimeInfo]

    /// A key from its parts.
    /// - Parameters:
    ///   - version: 0, or 1 with `otherPrimeInfos`.
    ///   - modulus: n.
    ///   - publicExponent: e.
    ///   - privateExponent: d.
    ///   - prime1: p.
    ///   - prime2: q.
    ///   - exponent1: d mod (p − 1).
    ///   - exponent2: d mod (q − 1).
    ///   - coefficient: q⁻¹ mod p.
    ///   - otherPrimeInfos: further primes.
    public init(
        version: Int, modulus: BigNum, publicExponent: BigNum, privateExponent: BigNum, prime1: BigNum,
        prime2: BigNum, exponent1: BigNum, exponent2: BigNum, coefficient: BigNum,
        otherPrimeInfos: [OtherPrimeInfo] = []
    ) {
        self.version = version
        self.modulus = modulus
        self.publicExponent = publicExponent
        self.privateExponent = privateExponent
        self.prime1 = prime1
        self.prime2 = prime2
        self.exponent1 = exponent1
        self.exponent2 = exponent2
        self.coefficient = coefficient
        self.otherPrimeInfos = otherPrimeInfos
    }

    /// Reads the SEQUENCE.
    /// - Parameter reader: the reader.
    /// - Throws: `invalidParameter` for malformed input; `DECODE_ERROR` for a version-1 key
    ///   without other primes (OpenSSL's `ossl_rsa_multip_calc_product` fails on it).
    public init(from reader: inout DERReader) throws {
        let start = reader.offset
        self = try reader.readSequence { r in
            let v = try r.readSmallInteger()
            let f = try (0..<8).map { _ in try r.readBIGNUMField() }
            var others: [OtherPrimeInfo] = []
            if !r.isAtEnd {
                others = try r.readSequence { s in
                    var list: [OtherPrimeInfo] = []
                    while !s.isAtEnd {
                        list.append(
                            try s.readSequence { t in
                                OtherPrimeInfo(
                                    prime: try t.readBIGNUMField(), exponent: try t.readBIGNUMField(),
                                    coefficient: try t.readBIGNUMField())
                            })
                    }
                    return list
                }
            }
            return PKCS1RSAPrivateKey(
                version: v, modulus: f[0], publicExponent: f[1], privateExponent: f[2], prime1: f[3], prime2: f[4],
                exponent1: f[5], exponent2: f[6], coefficient: f[7], otherPrimeInfos: others)
        }
        if version == 1 && otherPrimeInfos.isEmpty {
            throw ASN1.error(.asn1DecodeError, at: start, "multi-prime RSA key (version 1) without other primes")
        }
    }

    /// Appends the SEQUENCE.
    /// - Parameter writer: the writer.
    public func write(to writer: inout DERWriter) {
        writer.writeSequence { w in
            w.writeInteger(version)
            for n in [
                modulus, publicExponent, privateExponent, prime1, prime2, exponent1, exponent2, coefficient,
            ] {
                w.writeInteger(n)
            }
            if !otherPrimeInfos.isEmpty {
                w.writeSequence { s in
                    for o in otherPrimeInfos {
                        s.writeSequence { t in
                            t.writeInteger(o.prime)
                            t.writeInteger(o.exponent)
                            t.writeInteger(o.coefficient)
                        }
                    }
                }
            }
        }
    }

    /// The public half.
    public var publicKey: PKCS1RSAPublicKey { PKCS1RSAPublicKey(modulus: modulus, publicExponent: publicExponent) }
}

// MARK: - PKCS#8 and SPKI

/// PKCS#8 `PrivateKeyInfo` (RFC 5208; RFC 5958 `OneAsymmetricKey`). PEM label `PRIVATE KEY`.
public struct PKCS8PrivateKeyInfo: DERStructure {
    /// `PRIVATE KEY`.
    public static let pemLabel = "PRIVATE KEY"
    /// 0 (v1), or 1 (v2, RFC 5958); OpenSSL reads any value.
    public var version: Int
    /// The key's algorithm and parameters.
    public var algorithm: AlgorithmIdentifier
    /// The algorithm-specific private key (for RSA, a PKCS#1 `RSAPrivateKey`).
    public var privateKey: [UInt8]
    /// The whole `[0] IMPLICIT SET OF Attribute` element as read (raw DER), or nil.
    public var attributes: [UInt8]?
    /// RFC 5958's `[1] IMPLICIT BIT STRING` public key (bytes, unused bits), or nil. OpenSSL
    /// 3.0's template does not have it: ``DERRules/openSSL`` refuses it.
    public var publicKey: (bytes: [UInt8], unusedBits: Int)?

    /// A key from its parts.
    /// - Parameters:
    ///   - version: 0, or 1 with a public key.
    ///   - algorithm: the algorithm identifier.
    ///   - privateKey: the algorithm-specific key.
    ///   - attributes: the raw `[0]` element, or nil.
    ///   - publicKey: the v2 public key, or nil.
    public init(
        version: Int = 0, algorithm: AlgorithmIdentifier, privateKey: [UInt8], attributes: [UInt8]? = nil,
        publicKey: (bytes: [UInt8], unusedBits: Int)? = nil
    ) {
        self.version = version
        self.algorithm = algorithm
        self.privateKey = privateKey
        self.attributes = attributes
        self.publicKey = publicKey
    }

    /// Reads the SEQUENCE.
    /// - Parameter reader: the reader.
    /// - Throws: `invalidParameter` for malformed input; `unsupportedOperation` for a PKCS#8
    ///   `EncryptedPrivateKeyInfo` (a SEQUENCE where the version belongs).
    public init(from reader: inout DERReader) throws {
        self = try reader.readSequence { r in
            if try r.peekTag() == .sequence {
                throw CryptoError(
                    .unsupportedOperation,
                    "encrypted key: decrypt it first with EncryptedPrivateKeyInfo (DER offset \(r.offset))",
                    openSSL: .pemUnsupportedEncryption)
            }
            let version = try r.readSmallInteger()
            let alg = try AlgorithmIdentifier(from: &r)
            let key = try r.readOctetString()
            let attrs = try r.readOptionalElement(.context(0, constructed: true)).map { Array($0.encoded) }
            var pub: (bytes: [UInt8], unusedBits: Int)? = nil
            if try r.peekTag() == .context(1, constructed: false) {
                if r.rules.bignumFieldsAsMagnitude {
                    throw ASN1.error(
                        .asn1SequenceLengthMismatch, at: r.offset,
                        "[1] publicKey: OpenSSL 3.0's PKCS#8 has no such field")
                }
                pub = try r.readBitString(.context(1, constructed: false))
            }
            return PKCS8PrivateKeyInfo(
                version: version, algorithm: alg, privateKey: key, attributes: attrs, publicKey: pub)
        }
    }

    /// Appends the SEQUENCE.
    /// - Parameter writer: the writer.
    public func write(to writer: inout DERWriter) {
        writer.writeSequence { w in
            w.writeInteger(version)
            algorithm.write(to: &w)
            w.writeOctetString(privateKey)
            if let a = attributes { w.writeRaw(a) }
            if let p = publicKey {
                w.write(.context(1, constructed: false), content: [UInt8(p.unusedBits & 7)] + p.bytes)
            }
        }
    }

    /// Equal when every field is.
    /// - Parameters:
    ///   - a: a key.
    ///   - b: another key.
    public static func == (a: PKCS8PrivateKeyInfo, b: PKCS8PrivateKeyInfo) -> Bool {
        a.version == b.version && a.algorithm == b.algorithm && a.privateKey == b.privateKey
            && a.attributes == b.attributes && a.publicKey?.bytes == b.publicKey?.bytes
            && a.publicKey?.unusedBits == b.publicKey?.unusedBits
    }

    /// Hashes the fields that `==` compares.
    /// - Parameter h: the hasher.
    public func hash(into h: inout Hasher) {
        h.combine(version)
        h.combine(algorithm)
        h.combine(privateKey)
        h.combine(attributes)
        h.combine(publicKey?.bytes)
        h.combine(publicKey?.unusedBits)
    }
}

/// `SubjectPublicKeyInfo` (RFC 5280 4.1): algorithm and the public key as a BIT STRING. PEM
/// label `PUBLIC KEY`.
public struct SubjectPublicKeyInfo: DERStructure {
    /// `PUBLIC KEY`.
    public static let pemLabel = "PUBLIC KEY"
    /// The key's algorithm and parameters.
    public var algorithm: AlgorithmIdentifier
    /// The BIT STRING's bytes (for RSA, a PKCS#1 `RSAPublicKey`; for DSA and DH, an INTEGER).
    public var subjectPublicKey: [UInt8]
    /// The BIT STRING's unused bits (0 for every key type OpenSSL writes).
    public var unusedBits: Int

    /// A key from its parts.
    /// - Parameters:
    ///   - algorithm: the algorithm identifier.
    ///   - subjectPublicKey: the key bytes.
    ///   - unusedBits: unused bits in the last byte.
    public init(algorithm: AlgorithmIdentifier, subjectPublicKey: [UInt8], unusedBits: Int = 0) {
        self.algorithm = algorithm
        self.subjectPublicKey = subjectPublicKey
        self.unusedBits = unusedBits
    }

    /// Reads the SEQUENCE.
    /// - Parameter reader: the reader.
    /// - Throws: `invalidParameter` for malformed input.
    public init(from reader: inout DERReader) throws {
        self = try reader.readSequence { r in
            let alg = try AlgorithmIdentifier(from: &r)
            let bits = try r.readBitString()
            return SubjectPublicKeyInfo(algorithm: alg, subjectPublicKey: bits.bytes, unusedBits: bits.unusedBits)
        }
    }

    /// Appends the SEQUENCE.
    /// - Parameter writer: the writer.
    public func write(to writer: inout DERWriter) {
        writer.writeSequence { w in
            algorithm.write(to: &w)
            w.write(.bitString, content: [UInt8(unusedBits & 7)] + subjectPublicKey)
        }
    }
}

#if DSA
// MARK: - DSA

/// DSA domain parameters `Dss-Parms` (RFC 3279 2.3.2): p, q, g. PEM label `DSA PARAMETERS`.
public struct DSSParameters: DERStructure {
    /// `DSA PARAMETERS`.
    public static let pemLabel = "DSA PARAMETERS"
    /// p.
    public var p: BigNum
    /// q.
    public var q: BigNum
    /// g.
    public var g: BigNum

    /// Parameters from their parts.
    /// - Parameters:
    ///   - p: the modulus.
    ///   - q: the subgroup order.
    ///   - g: the generator.
    public init(p: BigNum, q: BigNum, g: BigNum) {
        self.p = p
        self.q = q
        self.g = g
    }

    /// Reads the SEQUENCE.
    /// - Parameter reader: the reader.
    /// - Throws: `invalidParameter` for malformed input.
    public init(from reader: inout DERReader) throws {
        (p, q, g) = try reader.readSequence { r in
            (try r.readBIGNUMField(), try r.readBIGNUMField(), try r.readBIGNUMField())
        }
    }

    /// Appends the SEQUENCE.
    /// - Parameter writer: the writer.
    public func write(to writer: inout DERWriter) {
        writer.writeSequence { w in
            w.writeInteger(p)
            w.writeInteger(q)
            w.writeInteger(g)
        }
    }
}

/// OpenSSL's traditional DSA private key (`DSAPrivateKey` in crypto/dsa/dsa_asn1.c): version,
/// p, q, g, public key y, private key x. PEM label `DSA PRIVATE KEY`.
public struct DSATraditionalPrivateKey: DERStructure {
    /// `DSA PRIVATE KEY`.
    public static let pemLabel = "DSA PRIVATE KEY"
    /// 0 (OpenSSL reads any value).
    public var version: Int
    /// The domain parameters.
    public var parameters: DSSParameters
    /// y.
    public var publicKey: BigNum
    /// x.
    public var privateKey: BigNum

    /// A key from its parts.
    /// - Parameters:
    ///   - version: 0.
    ///   - parameters: p, q, g.
    ///   - publicKey: y.
    ///   - privateKey: x.
    public init(version: Int = 0, parameters: DSSParameters, publicKey: BigNum, privateKey: BigNum) {
        self.version = version
        self.parameters = parameters
        self.publicKey = publicKey
        self.privateKey = privateKey
    }

    /// Reads the SEQUENCE.
    /// - Parameter reader: the reader.
    /// - Throws: `invalidParameter` for malformed input.
    public init(from reader: inout DERReader) throws {
        self = try reader.readSequence { r in
            let v = try r.readSmallInteger()
            let f = try (0..<5).map { _ in try r.readBIGNUMField() }
            return DSATraditionalPrivateKey(
                version: v, parameters: DSSParameters(p: f[0], q: f[1], g: f[2]), publicKey: f[3], privateKey: f[4])
        }
    }

    /// Appends the SEQUENCE.
    /// - Parameter writer: the writer.
    public func write(to writer: inout DERWriter) {
        writer.writeSequence { w in
            w.writeInteger(version)
            for n in [parameters.p, parameters.q, parameters.g, publicKey, privateKey] { w.writeInteger(n) }
        }
    }
}

#endif

#if DH
// MARK: - DH

/// PKCS#3 `DHParameter`: p, g and an optional private-value length. PEM label `DH PARAMETERS`.
public struct PKCS3DHParameters: DERStructure {
    /// `DH PARAMETERS`.
    public static let pemLabel = "DH PARAMETERS"
    /// p.
    public var p: BigNum
    /// g.
    public var g: BigNum
    /// The private value's length in bits, or nil.
    public var privateValueLength: Int?

    /// Parameters from their parts.
    /// - Parameters:
    ///   - p: the prime.
    ///   - g: the generator.
    ///   - privateValueLength: the private value's bits, or nil.
    public init(p: BigNum, g: BigNum, privateValueLength: Int? = nil) {
        self.p = p
        self.g = g
        self.privateValueLength = privateValueLength
    }

    /// Reads the SEQUENCE.
    /// - Parameter reader: the reader.
    /// - Throws: `invalidParameter` for malformed input.
    public init(from reader: inout DERReader) throws {
        (p, g, privateValueLength) = try reader.readSequence { r in
            let p = try r.readBIGNUMField()
            let g = try r.readBIGNUMField()
            let l = r.isAtEnd ? nil : try r.readSmallInteger()
            return (p, g, l)
        }
    }

    /// Appends the SEQUENCE.
    /// - Parameter writer: the writer.
    public func write(to writer: inout DERWriter) {
        writer.writeSequence { w in
            w.writeInteger(p)
            w.writeInteger(g)
            if let l = privateValueLength { w.writeInteger(l) }
        }
    }
}

/// X9.42 `DomainParameters` (RFC 3279 2.3.3): p, g, q, optional j and validation parameters.
/// PEM label `X9.42 DH PARAMETERS`.
public struct X942DHParameters: DERStructure {
    /// `X9.42 DH PARAMETERS`.
    public static let pemLabel = "X9.42 DH PARAMETERS"

    /// `ValidationParms`: the generation seed and counter.
    public struct ValidationParameters: Hashable, Sendable {
        /// The seed (a BIT STRING's bytes).
        public var seed: [UInt8]
        /// The seed's unused bits (0 for OpenSSL's).
        public var seedUnusedBits: Int
        /// pgenCounter.
        public var counter: BigNum

        /// Validation parameters from their parts.
        /// - Parameters:
        ///   - seed: the seed bytes.
        ///   - seedUnusedBits: unused bits of the seed.
        ///   - counter: the counter.
        public init(seed: [UInt8], seedUnusedBits: Int = 0, counter: BigNum) {
            self.seed = seed
            self.seedUnusedBits = seedUnusedBits
            self.counter = counter
        }
    }

    /// p.
    public var p: BigNum
    /// g.
    public var g: BigNum
    /// q.
    public var q: BigNum
    /// j, the cofactor, or nil.
    public var j: BigNum?
    /// The validation parameters, or nil.
    public var validation: ValidationParameters?

    /// Parameters from their parts.
    /// - Parameters:
    ///   - p: the prime.
    ///   - g: the generator.
    ///   - q: the subgroup order.
    ///   - j: the cofactor, or nil.
    ///   - validation: seed and counter, or nil.
    public init(p: BigNum, g: BigNum, q: BigNum, j: BigNum? = nil, validation: ValidationParameters? = nil) {
        self.p = p
        self.g = g
        self.q = q
        self.j = j
        self.validation = validation
    }

    /// Reads the SEQUENCE.
    /// - Parameter reader: the reader.
    /// - Throws: `invalidParameter` for malformed input.
    public init(from reader: inout DERReader) throws {
        self = try reader.readSequence { r in
            let p = try r.readBIGNUMField()
            let g = try r.readBIGNUMField()
            let q = try r.readBIGNUMField()
            let j = try r.peekTag() == .integer ? try r.readBIGNUMField() : nil
            let v =
                try r.isAtEnd
                ? nil
                : r.readSequence { s in
                    let seed = try s.readBitString()
                    return ValidationParameters(
                        seed: seed.bytes, seedUnusedBits: seed.unusedBits, counter: try s.readBIGNUMField())
                }
            return X942DHParameters(p: p, g: g, q: q, j: j, validation: v)
        }
    }

    /// Appends the SEQUENCE.
    /// - Parameter writer: the writer.
    public func write(to writer: inout DERWriter) {
        writer.writeSequence { w in
            w.writeInteger(p)
            w.writeInteger(g)
            w.writeInteger(q)
            if let j { w.writeInteger(j) }
            if let v = validation {
                w.writeSequence { s in
                    s.write(.bitString, content: [UInt8(v.seedUnusedBits & 7)] + v.seed)
                    s.writeInteger(v.counter)
                }
            }
        }
    }
}
#endif
