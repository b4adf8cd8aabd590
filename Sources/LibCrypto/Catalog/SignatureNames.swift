/// A signature algorithm as OpenSSL's object table names it: a key type with a digest
/// (`sha256WithRSAEncryption` is RSA with SHA2-256, as `OBJ_find_sigid_algs` pairs them). The
/// names are the long (``name``) and short (``aliases``) names of `include/openssl/obj_mac.h`
/// in OpenSSL 3.0. Several of them are also aliases of a digest in ``Catalog`` (OpenSSL's
/// `EVP_get_digestbyname("RSA-SHA256")` is SHA-256), so signature names are their own namespace:
/// ``Catalog/signatureName(_:)`` and ``Registry/signature(named:)`` look them up.
public struct SignatureName: Sendable, Hashable, CustomStringConvertible {
    /// OpenSSL's long name (`sha256WithRSAEncryption`, `dsa_with_SHA256`).
    public let name: String
    /// Its other names (the short name: `RSA-SHA256`, `id-dsa-with-sha384`).
    public let aliases: [String]
    /// The key type's catalog name (`RSA`, `DSA`).
    public let keyType: String
    /// The digest's catalog name (`SHA2-256`).
    public let digest: String

    /// Every name it answers to.
    public var allNames: [String] { [name] + aliases }
    /// The key type's descriptor.
    public var keyTypeDescriptor: AlgorithmDescriptor { Descriptors.named(keyType) }
    /// The digest's descriptor.
    public var digestDescriptor: AlgorithmDescriptor { Descriptors.named(digest) }
    /// Every trait it needs: the key type's, then the digest's (`RSA-MD4` needs `MD4`).
    public var requiredTraits: [String] {
        var seen: [String] = []
        for t in keyTypeDescriptor.requiredTraits + digestDescriptor.requiredTraits where !seen.contains(t) {
            seen.append(t)
        }
        return seen
    }
    /// True if this build has both the key type and the digest.
    public var isCompiledIn: Bool { keyTypeDescriptor.isCompiledIn && digestDescriptor.isCompiledIn }
    /// The long name.
    public var description: String { name }
}

extension Catalog {
    /// Every signature name OpenSSL 3.0's object table has for RSA (PKCS#1 v1.5), DSA and ECDSA
    /// with a digest OpenSSL 3.0 still has (the SHA-0 ones, `shaWithRSAEncryption` and `dsaWithSHA`,
    /// are left out). Pairs from `crypto/objects/obj_xref.txt` (`OBJ_find_sigid_algs`), plus
    /// those its 3.0 table lacks but its providers encode (SHA-512/224 and /256 and SM3 with
    /// RSA; DSA with SHA-384, SHA-512 and SHA-3; ECDSA with SHA-3: `providers/common/der/*.asn1`).
    /// ECDSA's key type is `EC`; `ecdsa-with-Recommended`/`-Specified` name no digest and are
    /// left out.
    public static let signatureNames: [SignatureName] = {
        func s(_ name: String, _ aliases: [String], _ keyType: String, _ digest: String) -> SignatureName {
            SignatureName(name: name, aliases: aliases, keyType: keyType, digest: digest)
        }
        return [
            s("md2WithRSAEncryption", ["RSA-MD2"], "RSA", "MD2"),
            s("md4WithRSAEncryption", ["RSA-MD4"], "RSA", "MD4"),
            s("md5WithRSAEncryption", ["RSA-MD5"], "RSA", "MD5"),
            s("md5WithRSA", ["RSA-NP-MD5"], "RSA", "MD5"),
            s("sha1WithRSAEncryption", ["RSA-SHA1"], "RSA", "SHA1"),
            s("sha1WithRSA", ["RSA-SHA1-2"], "RSA", "SHA1"),
            s("sha224WithRSAEncryption", ["RSA-SHA224"], "RSA", "SHA2-224"),
            s("sha256WithRSAEncryption", ["RSA-SHA256"], "RSA", "SHA2-256"),
            s("sha384WithRSAEncryption", ["RSA-SHA384"], "RSA", "SHA2-384"),
            s("sha512WithRSAEncryption", ["RSA-SHA512"], "RSA", "SHA2-512"),
            s("sha512-224WithRSAEncryption", ["RSA-SHA512/224"], "RSA", "SHA2-512/224"),
            s("sha512-256WithRSAEncryption", ["RSA-SHA512/256"], "RSA", "SHA2-512/256"),
            s("RSA-SHA3-224", ["id-rsassa-pkcs1-v1_5-with-sha3-224"], "RSA", "SHA3-224"),
            s("RSA-SHA3-256", ["id-rsassa-pkcs1-v1_5-with-sha3-256"], "RSA", "SHA3-256"),
            s("RSA-SHA3-384", ["id-rsassa-pkcs1-v1_5-with-sha3-384"], "RSA", "SHA3-384"),
            s("RSA-SHA3-512", ["id-rsassa-pkcs1-v1_5-with-sha3-512"], "RSA", "SHA3-512"),
            s("ripemd160WithRSA", ["RSA-RIPEMD160"], "RSA", "RIPEMD-160"),
            s("mdc2WithRSA", ["RSA-MDC2"], "RSA", "MDC2"),
            s("sm3WithRSAEncryption", ["RSA-SM3"], "RSA", "SM3"),
            s("dsaWithSHA1", ["DSA-SHA1"], "DSA", "SHA1"),
            s("dsaWithSHA1-old", ["DSA-SHA1-old"], "DSA", "SHA1"),
            s("dsa_with_SHA224", [], "DSA", "SHA2-224"),
            s("dsa_with_SHA256", [], "DSA", "SHA2-256"),
            s("dsa_with_SHA384", ["id-dsa-with-sha384"], "DSA", "SHA2-384"),
            s("dsa_with_SHA512", ["id-dsa-with-sha512"], "DSA", "SHA2-512"),
            s("dsa_with_SHA3-224", ["id-dsa-with-sha3-224"], "DSA", "SHA3-224"),
            s("dsa_with_SHA3-256", ["id-dsa-with-sha3-256"], "DSA", "SHA3-256"),
            s("dsa_with_SHA3-384", ["id-dsa-with-sha3-384"], "DSA", "SHA3-384"),
            s("dsa_with_SHA3-512", ["id-dsa-with-sha3-512"], "DSA", "SHA3-512"),
            s("ecdsa-with-SHA1", [], "EC", "SHA1"),
            s("ecdsa-with-SHA224", [], "EC", "SHA2-224"),
            s("ecdsa-with-SHA256", [], "EC", "SHA2-256"),
            s("ecdsa-with-SHA384", [], "EC", "SHA2-384"),
            s("ecdsa-with-SHA512", [], "EC", "SHA2-512"),
            s("ecdsa_with_SHA3-224", ["id-ecdsa-with-sha3-224"], "EC", "SHA3-224"),
            s("ecdsa_with_SHA3-256", ["id-ecdsa-with-sha3-256"], "EC", "SHA3-256"),
            s("ecdsa_with_SHA3-384", ["id-ecdsa-with-sha3-384"], "EC", "SHA3-384"),
            s("ecdsa_with_SHA3-512", ["id-ecdsa-with-sha3-512"], "EC", "SHA3-512"),
        ]
    }()

    private static let signatureIndex: [String: Int] = {
        var d: [String: Int] = [:]
        for (i, s) in signatureNames.enumerated() {
            for n in s.allNames where d[n.lowercased()] == nil { d[n.lowercased()] = i }
        }
        return d
    }()

    /// The signature name `name` denotes (any of its names, case-insensitively), in any build;
    /// nil if OpenSSL's object table has no such RSA, DSA or ECDSA signature.
    public static func signatureName(_ name: String) -> SignatureName? {
        signatureIndex[name.lowercased()].map { signatureNames[$0] }
    }
}
