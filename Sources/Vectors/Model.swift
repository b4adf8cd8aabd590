/// Where a vector came from: the file, the line its record starts on, and the corpus.
public struct Provenance: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var corpus: String

    public init(file: String, line: Int, corpus: String) {
        self.file = file
        self.line = line
        self.corpus = corpus
    }

    /// `file:line`, the form every diagnostic uses.
    public var description: String { "\(file):\(line)" }
}

/// A message given as chunks, each fed `count` times, so that a million-byte input
/// described in four lines of a vector file never has to exist in memory at once.
public struct Message: Sendable, Hashable {
    public struct Chunk: Sendable, Hashable {
        public var bytes: [UInt8]
        public var count: Int
        public init(_ bytes: [UInt8], count: Int = 1) {
            self.bytes = bytes
            self.count = count
        }
    }

    public var chunks: [Chunk]

    public init(_ bytes: [UInt8]) { chunks = [Chunk(bytes)] }
    public init(chunks: [Chunk]) { self.chunks = chunks }

    /// Total length in bytes (`Int.max` if a hostile repeat count makes it larger than that).
    public var count: Int { saturatedCount }

    /// The message as one array (only for messages known to be small).
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(count)
        for c in chunks where !c.bytes.isEmpty { for _ in 0..<c.count { out += c.bytes } }
        return out
    }
}

/// How the CAVP Monte Carlo test chains its digests.
public enum MonteCarloStyle: Sendable, Hashable {
    /// SHAVS (SHA-1, SHA-2): MD_i = H(MD_{i-3} || MD_{i-2} || MD_{i-1}), 1000 times from the seed.
    case sha2
    /// SHA3VS: MD_i = H(MD_{i-1}), 1000 times.
    case sha3
    /// SHAKE: input is the leftmost 128 bits of the previous output; the output length of the
    /// next step comes from the last 16 bits of the output, within [minBytes, maxBytes].
    case shake(minBytes: Int, maxBytes: Int)
}

/// One Monte Carlo checkpoint: start from `seed`, run 1000 steps, compare the last output.
public struct MonteCarlo: Sendable, Hashable {
    public var style: MonteCarloStyle
    public var seed: [UInt8]
    /// SHAKE only: the output length of the first step, in bytes.
    public var initialOutputLength: Int?
    /// SHAKE only: the output length the vector states for its last step, in bytes.
    public var finalOutputLength: Int?
    public var iterations: Int

    public init(
        style: MonteCarloStyle, seed: [UInt8], initialOutputLength: Int? = nil, finalOutputLength: Int? = nil,
        iterations: Int = 1000
    ) {
        self.style = style
        self.seed = seed
        self.initialOutputLength = initialOutputLength
        self.finalOutputLength = finalOutputLength
        self.iterations = iterations
    }
}

/// Inputs of a MAC computation.
public struct MACInput: Sendable, Hashable {
    /// The MAC's OpenSSL name (`HMAC`, `CMAC`, ...).
    public var mac: String
    /// The underlying digest or cipher (`SHA256`, `AES-128-CBC`), if the MAC takes one.
    public var underlying: String?
    public var key: [UInt8]
    public var message: Message
    /// Compare only this many leading bytes of the tag (truncated MACs).
    public var tagLength: Int?
    /// evp_test `OutputSize` / `BlockSize`: sizes the MAC must report.
    public var expectedOutputSize: Int?
    public var expectedBlockSize: Int?
    /// GMAC's IV.
    public var iv: [UInt8]? = nil
    /// Further `EVP_MAC` parameters by OpenSSL's names, in file order: evp_test's `Custom`
    /// (`custom`), `Salt` (`salt`), `XOF` (`xof`) and each `Ctrl = name:value` (`size`,
    /// `xof`, `c-rounds`, `d-rounds`, …).
    public var parameters: [KDFParameter] = []

    public init(
        mac: String, underlying: String?, key: [UInt8], message: Message, tagLength: Int? = nil,
        expectedOutputSize: Int? = nil, expectedBlockSize: Int? = nil
    ) {
        self.mac = mac
        self.underlying = underlying
        self.key = key
        self.message = message
        self.tagLength = tagLength
        self.expectedOutputSize = expectedOutputSize
        self.expectedBlockSize = expectedBlockSize
    }
}

/// Which way(s) a cipher vector is to be run.
public enum CipherDirection: String, Sendable, Hashable {
    case encrypt, decrypt
    /// Encrypt the plaintext and decrypt the ciphertext (evp_test without `Operation`).
    case both
}

/// Inputs of a cipher computation (no AEAD yet).
public struct CipherInput: Sendable, Hashable {
    /// OpenSSL's name (`AES-128-CBC`, `des-ede3-cfb1`, `RC4`).
    public var cipher: String
    public var key: [UInt8]
    public var iv: [UInt8]
    public var plaintext: [UInt8]
    public var ciphertext: [UInt8]
    public var direction: CipherDirection
    /// PKCS#7 padding; evp_test runs with it off, NIST files have whole blocks.
    public var padding: Bool
    /// CFB1 vectors counted in bits (NIST's CFB1 files); nil for byte data.
    public var bitLength: Int?
    /// RC2 effective key bits (`KeyBits`), RC5 rounds (`Rounds`).
    public var rc2EffectiveBits: Int?
    public var rc5Rounds: Int?
    /// The IV the operation must leave behind (evp_test `NextIV`).
    public var nextIV: [UInt8]?
    /// Keystream bytes to skip before this data (RC4 vectors of RFC 6229).
    public var keystreamOffset: Int
    /// Encrypt this many times, each output the next input (NESSIE's "iterated 100 times");
    /// 1 for ordinary vectors. Only with `direction == .encrypt`.
    public var iterations: Int = 1
    /// AEAD only: associated data, in the pieces the vector gives (fed as separate updates).
    public var aad: [[UInt8]] = []
    /// AEAD only: the tag (expected on encrypt, checked on decrypt); nil for plain ciphers.
    public var tag: [UInt8]? = nil
    /// Process in place: each update's output goes into the same buffer the input came from
    /// (the differential engine sets this on one side only).
    public var inPlace: Bool = false
    /// AEAD only: the tag length the cipher is set to, when the vector states it apart from
    /// the tag (Wycheproof's group `tagSize`); nil means the tag's own length.
    public var tagLength: Int? = nil
    /// CBC-CTS only: the ciphertext-stealing variant (`CS1`, `CS2`, `CS3`; evp_test `CTSMode`,
    /// OpenSSL's `cts_mode` parameter); nil leaves the cipher's default (CS1).
    public var ctsMode: String? = nil
    /// Stitched TLS ciphers only: the HMAC key (evp_test `MACKey`, `EVP_CTRL_AEAD_SET_MAC_KEY`).
    public var macKey: [UInt8]? = nil
    /// Stitched TLS ciphers only: the 13-byte TLS record header (evp_test `TLSAAD`,
    /// `OSSL_CIPHER_PARAM_AEAD_TLS1_AAD`).
    public var tlsAAD: [UInt8]? = nil
    /// Stitched TLS ciphers only: the protocol version (evp_test `TLSVersion`, e.g. 0x0301).
    public var tlsVersion: Int? = nil

    public init(
        cipher: String, key: [UInt8], iv: [UInt8], plaintext: [UInt8], ciphertext: [UInt8],
        direction: CipherDirection, padding: Bool = false, bitLength: Int? = nil,
        rc2EffectiveBits: Int? = nil, rc5Rounds: Int? = nil, nextIV: [UInt8]? = nil, keystreamOffset: Int = 0
    ) {
        self.cipher = cipher
        self.key = key
        self.iv = iv
        self.plaintext = plaintext
        self.ciphertext = ciphertext
        self.direction = direction
        self.padding = padding
        self.bitLength = bitLength
        self.rc2EffectiveBits = rc2EffectiveBits
        self.rc5Rounds = rc5Rounds
        self.nextIV = nextIV
        self.keystreamOffset = keystreamOffset
    }
}

/// A KDF parameter as OpenSSL names it (`digest`, `pass`, `salt`, `iter`, `key`, `info`,
/// `mode`, `n`, `r`, `p`, `secret`, `id`, ...), with a text or binary value.
public struct KDFParameter: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        case text(String)
        case bytes([UInt8])
    }
    public var name: String
    public var value: Value

    public init(_ name: String, _ value: Value) {
        self.name = name
        self.value = value
    }

    /// The value as bytes (text as its UTF-8).
    public var bytes: [UInt8] {
        switch value {
        case .text(let t): return Array(t.utf8)
        case .bytes(let b): return b
        }
    }

    /// The value as text (bytes as lowercase hex).
    public var text: String {
        switch value {
        case .text(let t): return t
        case .bytes(let b): return Hex.encode(b)
        }
    }
}

/// Inputs of a key derivation: the KDF's OpenSSL name, its parameters in file order (a name may
/// repeat: HKDF concatenates its `info` pieces), and the output length.
public struct KDFInput: Sendable, Hashable {
    public var kdf: String
    public var parameters: [KDFParameter]
    public var outputLength: Int

    public init(kdf: String, parameters: [KDFParameter], outputLength: Int) {
        self.kdf = kdf
        self.parameters = parameters
        self.outputLength = outputLength
    }
}

/// One instantiate–generate–generate pass of an evp_test `RAND` stanza (the `.n` keywords):
/// what the test entropy source holds at each step, the inputs, and the second output.
public struct RandPass: Sendable, Hashable {
    public var entropy: [UInt8] = []
    public var nonce: [UInt8] = []
    public var personalization: [UInt8] = []
    /// Entropy for an explicit reseed before the generates; nil: no reseed.
    public var reseedEntropy: [UInt8]? = nil
    public var reseedAdditionalInput: [UInt8] = []
    public var additionalInputA: [UInt8] = []
    public var additionalInputB: [UInt8] = []
    /// Entropy the source holds for the first and second generate (prediction resistance).
    public var predictionResistanceEntropyA: [UInt8]? = nil
    public var predictionResistanceEntropyB: [UInt8]? = nil
    /// The expected output of the second generate.
    public var output: [UInt8] = []

    public init() {}
}

/// Inputs of a DRBG run as OpenSSL's evp_test drives it through a `TEST-RAND` parent: the DRBG
/// (`CTR-DRBG`, `HASH-DRBG`, `HMAC-DRBG`) with its cipher or digest, and each pass.
public struct RandInput: Sendable, Hashable {
    public var drbg: String
    public var cipher: String?
    public var digest: String?
    public var derivationFunction: Bool
    public var predictionResistance: Bool
    /// Bytes per generate call (`GenerateBits / 8`).
    public var outputLength: Int
    public var passes: [RandPass]

    public init(
        drbg: String, cipher: String?, digest: String?, derivationFunction: Bool, predictionResistance: Bool,
        outputLength: Int, passes: [RandPass]
    ) {
        self.drbg = drbg
        self.cipher = cipher
        self.digest = digest
        self.derivationFunction = derivationFunction
        self.predictionResistance = predictionResistance
        self.outputLength = outputLength
        self.passes = passes
    }
}

/// An evp_test `Encoding` stanza: Base64 of `input` is `encoded`.
public struct EncodingInput: Sendable, Hashable {
    /// `canonical`: encoding `input` gives exactly `encoded`, and decoding gives `input` back;
    /// `valid`: decoding `encoded` gives `input`; `invalid`: decoding `encoded` fails.
    public enum Kind: String, Sendable, Hashable {
        case canonical, valid, invalid
    }
    public var kind: Kind
    public var input: [UInt8]
    public var encoded: [UInt8]

    public init(kind: Kind, input: [UInt8], encoded: [UInt8]) {
        self.kind = kind
        self.input = input
        self.encoded = encoded
    }
}

/// One stanza of OpenSSL's bignum test data (`test/recipes/10-test_bn_data/*.txt`, read by
/// `test/bntest.c`): its kind and its values. The stanza's values are its own expected results
/// (`Sum = A + B`); the engine checks every identity bntest checks for the kind.
public struct BigNumCheck: Sendable, Hashable {
    /// The stanza kinds of bntest's `file_test_run`, in the order it tries them (a stanza is the
    /// first kind whose key it has, the keys compared without regard to case).
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case sum = "Sum"
        case lShift1 = "LShift1"
        case lShift = "LShift"
        case rShift = "RShift"
        case square = "Square"
        case product = "Product"
        case quotient = "Quotient"
        case modMul = "ModMul"
        case modSqr = "ModSqr"
        case modExp = "ModExp"
        case exp = "Exp"
        case modSqrt = "ModSqrt"
        case gcd = "GCD"

        /// The keys bntest reads for this kind (each required), spelled as bntest spells them.
        public var keys: [String] {
            switch self {
            case .sum: return ["A", "B", "Sum"]
            case .lShift1: return ["A", "LShift1"]
            case .lShift: return ["A", "LShift", "N"]
            case .rShift: return ["A", "RShift", "N"]
            case .square: return ["A", "Square"]
            case .product: return ["A", "B", "Product"]
            case .quotient: return ["A", "B", "Quotient", "Remainder"]
            case .modMul: return ["A", "B", "M", "ModMul"]
            case .modSqr: return ["A", "M", "ModSqr"]
            case .modExp: return ["A", "E", "M", "ModExp"]
            case .exp: return ["A", "E", "Exp"]
            case .modSqrt: return ["A", "P", "ModSqrt"]
            case .gcd: return ["A", "B", "GCD"]
            }
        }
    }

    public var kind: Kind
    /// Each of ``Kind/keys`` but `N`, in OpenSSL's hex form (`BN_hex2bn`: an optional `-`, then
    /// hex digits), by bntest's spelling of the key.
    public var values: [String: String]
    /// `N` of a shift stanza (bntest's `getint`: at most `INT_MAX`); nil for other kinds.
    public var shift: Int?

    public init(kind: Kind, values: [String: String], shift: Int? = nil) {
        self.kind = kind
        self.values = values
        self.shift = shift
    }
}

/// A key an evp_test file defines for the stanzas after it: a PEM block (`PrivateKey = NAME`,
/// `PublicKey = NAME`), raw bytes (`PrivateKeyRaw = NAME:ALG:hex`), or one a `KeyGen` stanza
/// with `KeyName = NAME` generates (evp_test keeps it for later stanzas).
public struct KeyDefinition: Sendable, Hashable {
    public enum Source: Sendable, Hashable {
        /// The PEM text, `-----BEGIN` to `-----END` lines included.
        case pem(String)
        /// `PrivateKeyRaw`/`PublicKeyRaw`: the algorithm's name and the key bytes.
        case raw(algorithm: String, bytes: [UInt8])
        /// A key a `KeyGen` stanza generates: the algorithm and its `Ctrl` settings.
        case generated(algorithm: String, controls: [KDFParameter])
        /// An RSA key given by its numbers (big-endian magnitudes, as NIST CAVP and RSA Labs
        /// files give them): `n`, `e`, and for a private key `d`; `crt` is empty or `p`, `q`,
        /// `d mod (p−1)`, `d mod (q−1)`, `q⁻¹ mod p`.
        case rsaNumbers(modulus: [UInt8], publicExponent: [UInt8], privateExponent: [UInt8]?, crt: [[UInt8]])
        /// An EC key on a named prime curve given by its numbers (Wycheproof's ECDH cases: a
        /// `private` scalar, an `ecpoint` public point, JWK coordinates): OpenSSL's curve name
        /// (`prime256v1`, `brainpoolP256r1`), the encoded public point (`04 ‖ x ‖ y`, compressed,
        /// or any bytes to be refused), and for a private key the scalar's big-endian magnitude
        /// (its public point is then d·G, and `point` is nil).
        case ecNumbers(curve: String, point: [UInt8]?, privateScalar: [UInt8]?)
    }
    /// The name stanzas refer to it by.
    public var name: String
    /// A private key (it also serves as the public key), or only a public one.
    public var isPrivate: Bool
    public var source: Source
    /// Where the definition starts.
    public var line: Int

    public init(name: String, isPrivate: Bool, source: Source, line: Int) {
        self.name = name
        self.isPrivate = isPrivate
        self.source = source
        self.line = line
    }
}

/// An evp_test public-key stanza (`Sign`, `Verify`, `VerifyRecover`, `Decrypt`, `Encrypt`,
/// `Derive`, `KeyGen`, `PrivPubKeyPair`, `DigestSign`, `DigestVerify`, `OneShotDigestSign`,
/// `OneShotDigestVerify`), with the keys it names resolved to their definitions.
public struct PKeyInput: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case sign = "Sign"
        case verify = "Verify"
        case verifyRecover = "VerifyRecover"
        case decrypt = "Decrypt"
        case encrypt = "Encrypt"
        case derive = "Derive"
        case keyGen = "KeyGen"
        case privPubKeyPair = "PrivPubKeyPair"
        case digestSign = "DigestSign"
        case digestVerify = "DigestVerify"
        case oneShotDigestSign = "OneShotDigestSign"
        case oneShotDigestVerify = "OneShotDigestVerify"

        /// Whether the stanza verifies (`Output` is the signature to check, not bytes to produce).
        public var isVerify: Bool { self == .verify || self == .digestVerify || self == .oneShotDigestVerify }
    }
    public var kind: Kind
    /// The key the operation uses (for `PrivPubKeyPair`, the private one); nil for `KeyGen`.
    public var key: KeyDefinition?
    /// `Derive`'s `PeerKey` (or `PeerKeyValidate`), `PrivPubKeyPair`'s public key.
    public var peerKey: KeyDefinition?
    /// `PeerKeyValidate` rather than `PeerKey`.
    public var validatePeer = false
    /// `DigestSign = SHA256` and friends: the digest (nil for `NULL`).
    public var digest: String?
    /// `KeyGen = rsaEncryption`: the algorithm to generate.
    public var algorithm: String?
    /// `Ctrl = name:value` lines (`EVP_PKEY_CTX_ctrl_str`), in file order.
    public var controls: [KDFParameter] = []
    /// `Input` lines (a digest-sign stanza may have several, fed as separate updates).
    public var input: [[UInt8]] = []
    /// `Output` (a signature, plaintext or recovered data) or `SharedSecret`.
    public var output: [UInt8]?
    /// evp_test's `Reason` (the OpenSSL reason string the failure must carry).
    public var reason: String?
    /// `Derive` through a KDF (`KDFType`, `KDFOutlen`, `KDFDigest`, `CEKAlg`): the KDF's name,
    /// output length, digest and content-encryption algorithm.
    public var kdfType: String?
    public var kdfOutputLength: Int?
    public var kdfDigest: String?
    public var kdfCEKAlgorithm: String?
    /// A DSA or ECDSA verification whose `output` is an IEEE P1363 signature (r || s, each as
    /// long as q or the curve's order) rather than DER (Wycheproof's `dsa_p1363_verify_schema`
    /// and `ecdsa_p1363_verify_schema`; OpenSSL 3.0 has no such form).
    public var p1363Signature = false
    /// `NonceType = deterministic` (OpenSSL 3.2's evp_test): ECDSA/DSA signing with RFC 6979
    /// nonces.
    public var deterministicNonce = false

    public init(kind: Kind) { self.kind = kind }
}

/// A finite-field (DSA, DH) check from NIST CAVP and pyca files: the numbers one record gives
/// (big-endian magnitudes, as the files write them) and what is to be checked with them. The
/// check passes when every step succeeds; a record the file marks as failing (`Result = F`)
/// expects some step to fail.
public struct FFCCheck: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Sign `message` (hashed with `digest`) with `(p, q, g, x)`, verify that fresh signature
        /// with `y`, and verify the file's `(r, s)`: DSA signing is randomized, so a fresh
        /// signature is never compared with the file's.
        case dsaSign
        /// Verify `(r, s)` on `message` with `y`.
        case dsaVerify
        /// `y = g^x mod p` with `0 < x < q`.
        case dsaKeyPair
        /// FIPS 186-4 A.1.1.2/A.1.1.3: `p` and `q` come from `seed` at `counter` with `digest`.
        case dsaPrimes
        /// FIPS 186-4 A.2.2 (no seed: `g` generates the order-q subgroup, and p, q are prime)
        /// or A.2.3/A.2.4 (with `seed` and `index`: `g` is the canonical generator).
        case dsaGenerator
        /// `y = g^x mod p` on DH parameters.
        case dhKeyPair
        /// NIST KAS FFC (SP 800-56A dhStatic, ZZ only): `y = g^x` for the IUT's key, the peer's
        /// `peerY` passes the public-key check, `Z` (padded to p's length) is `secret`, and its
        /// hash with `digest` is `secretHash` when given.
        case dhAgreement
        /// `EVP_PKEY_derive` with `x` and the peer's `peerY` (on `peerP` when the peer has
        /// other parameters): the unpadded secret is `secret`.
        case dhDerive
        /// `p` and `g` are the named group `group` (and `p` a safe prime).
        case dhGroup
    }
    public var kind: Kind
    public var p: [UInt8]
    /// Empty when the record gives no q (PKCS#3 DH parameters).
    public var q: [UInt8] = []
    public var g: [UInt8] = []
    public var x: [UInt8]? = nil
    public var y: [UInt8]? = nil
    /// The peer's public value (KAS `YstatCAVS`, derive `Y`).
    public var peerY: [UInt8]? = nil
    /// The peer's prime when it is not `p` (pyca's bad_exchange.txt).
    public var peerP: [UInt8]? = nil
    /// OpenSSL's digest name (`SHA1`, `SHA224`, ...).
    public var digest: String? = nil
    public var message: [UInt8] = []
    public var r: [UInt8]? = nil
    public var s: [UInt8]? = nil
    public var seed: [UInt8]? = nil
    public var counter: Int? = nil
    /// `dsaPrimes` by FIPS 186-2's construction (SHA-1, q from `SHA-1(seed) XOR SHA-1(seed+1)`)
    /// instead of FIPS 186-4's.
    public var fips186_2 = false
    public var index: UInt8? = nil
    /// The shared secret (KAS `Z`, derive `K`).
    public var secret: [UInt8]? = nil
    /// KAS `CAVSHashZZ`: `digest(Z)`.
    public var secretHash: [UInt8]? = nil
    /// A named group (`modp_2048`).
    public var group: String? = nil

    public init(kind: Kind, p: [UInt8]) {
        self.kind = kind
        self.p = p
    }
}

/// An elliptic-curve check of a NIST CAVP record or a pyca EC file (ECRecordParser).
public struct ECCheck: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// `Q = d·G`.
        case keyPair
        /// `Q` is a valid public key (on the curve, not infinity, of order n); the vector's
        /// expectation says whether it is.
        case publicKey
        /// Sign `message` (hashed with `digest`) with `d`, verify that fresh signature with `Q`,
        /// and verify the file's `(r, s)`: ECDSA with a random nonce is never compared.
        case ecdsaSign
        /// Verify `(r, s)` on `message` (hashed with `digest`) with `Q`.
        case ecdsaVerify
        /// NIST KAS ECC (ECCStaticUnified): `Q = d·G`, both public keys valid, `Z` from both
        /// sides, and, when given, `digest(Z)`, the concatenation KDF's `DKM` and the HMAC tag.
        case kas
        /// ECDH from both sides: `Z = d·peerQ = peerD·Q` (x and y), `Q = d·G`, `peerQ = peerD·G`.
        case ecdh
        /// X25519 / X448 (`curve`): the function of scalar `d` and u-coordinate `peerX` is `secret`.
        case xdh
        /// Ed25519 / Ed448 (`curve`): seed `d` gives public key `qx`; signing `message` (with
        /// `context` when given) gives `signature`, which verifies.
        case eddsa
        /// The encoded point `peerX` decodes on `curve` to `(qx, qy)`.
        case pointDecode
    }
    public var kind: Kind
    /// OpenSSL's curve name (`prime256v1`, `brainpoolP256r1`, `sect163k1`), or `X25519`,
    /// `X448`, `ED25519`, `ED448`.
    public var curve: String
    /// The private scalar (or the X/EdDSA private key bytes).
    public var d: [UInt8]? = nil
    /// The public point's x (or the X/EdDSA public key bytes).
    public var qx: [UInt8]? = nil
    public var qy: [UInt8]? = nil
    /// The peer's private scalar (KAS `dsCAVS`, brainpool `dB`).
    public var peerD: [UInt8]? = nil
    /// The peer's public point (or the X25519/X448 input u-coordinate).
    public var peerX: [UInt8]? = nil
    public var peerY: [UInt8]? = nil
    /// OpenSSL's digest name (`SHA1`, `SHA256`, ...).
    public var digest: String? = nil
    public var message: [UInt8] = []
    public var r: [UInt8]? = nil
    public var s: [UInt8]? = nil
    /// The shared secret (`Z`, `x_Z`, `OUTPUT_U`).
    public var secret: [UInt8]? = nil
    /// The shared point's y (brainpool `y_Z`).
    public var secretY: [UInt8]? = nil
    /// KAS `CAVSHashZZ`: `digest(Z)`.
    public var secretHash: [UInt8]? = nil
    /// KAS with a KDF: the HMAC digest, OtherInfo, derived key, MacData and tag.
    public var macDigest: String? = nil
    public var otherInfo: [UInt8]? = nil
    public var derivedKey: [UInt8]? = nil
    public var macData: [UInt8]? = nil
    /// KAS `Nonce`: MacData is "Standard Test Message" followed by it.
    public var nonce: [UInt8]? = nil
    public var tag: [UInt8]? = nil
    /// An EdDSA signature.
    public var signature: [UInt8]? = nil
    /// An EdDSA context (Ed448's `CONTEXT`).
    public var context: [UInt8]? = nil

    public init(kind: Kind, curve: String) {
        self.kind = kind
        self.curve = curve
    }
}

/// One key file (PEM or DER) to be read as OpenSSL reads it: a private key, a public key or
/// domain parameters. OpenSSL itself is the oracle: LibCrypto must accept what it accepts and
/// write back the same DER (`i2d_PrivateKey`, `i2d_PUBKEY`, `i2d_KeyParams`).
public struct KeyFileCheck: Sendable, Hashable {
    /// The file's bytes (at most ``maxBytes``).
    public var contents: [UInt8]
    /// PEM text (else DER).
    public var isPEM: Bool
    /// The type DER domain parameters are read as (`DSA`, `DH`, `DHX`): a SEQUENCE of three
    /// INTEGERs is both DSA's `Dss-Parms` and X9.42's `DomainParameters`. Nil: tried in turn.
    public var parametersType: String? = nil
    /// The password of an encrypted key file (the manifest's `password=`), nil for none.
    public var password: [UInt8]? = nil
    /// For OpenSSL's `15-test_ecparam_data` files (manifest operations `ecparam-valid` and
    /// `ecparam-invalid`): whether `openssl ecparam -check`, `ecparam -check_named` and
    /// `pkeyparam -check` accept the parameters (test/recipes/15-test_ecparam.t). Nil for other
    /// key files.
    public var ecparamValid: Bool? = nil

    /// The largest key file read: far above any key (a 16,384-bit RSA key's PEM is about 13 KB).
    public static let maxBytes = 1 << 20

    public init(contents: [UInt8], isPEM: Bool) {
        self.contents = contents
        self.isPEM = isPEM
    }
}

/// What a vector asks an implementation to do.
public enum Operation: Sendable, Hashable {
    /// Digest `message`; `outputLength` is set for XOFs (bytes).
    case digest(message: Message, outputLength: Int?)
    case digestMonteCarlo(MonteCarlo)
    case mac(MACInput)
    case cipher(CipherInput)
    case kdf(KDFInput)
    /// Instantiate, reseed and generate with a DRBG over injected entropy (evp_test `RAND`).
    case rand(RandInput)
    /// Base64 encoding and decoding (evp_test `Encoding`).
    case encoding(EncodingInput)
    /// Bignum arithmetic checks of one OpenSSL bntest stanza.
    case bignum(BigNumCheck)
    /// A public-key operation (evp_test `Sign`, `Verify`, `Derive`, `KeyGen`, ...).
    case pkey(PKeyInput)
    /// A DSA or DH check of a NIST CAVP or pyca record.
    case ffc(FFCCheck)
    /// An elliptic-curve check of a NIST CAVP record or a pyca EC file.
    case ec(ECCheck)
    /// A key file read by LibCrypto and by OpenSSL, the oracle.
    case keyFile(KeyFileCheck)
    /// A record that parsed but whose kind we do not run yet (`Cipher` stanza, an AEAD schema, ...).
    case unsupported(String)

    /// A short name for reports.
    public var kind: String {
        switch self {
        case .digest: return "digest"
        case .digestMonteCarlo: return "digest-mct"
        case .mac: return "mac"
        case .cipher: return "cipher"
        case .kdf: return "kdf"
        case .rand: return "rand"
        case .encoding: return "encoding"
        case .bignum: return "bignum"
        case .pkey: return "pkey"
        case .ffc: return "ffc"
        case .ec: return "ec"
        case .keyFile: return "key-file"
        case .unsupported: return "unsupported"
        }
    }
}

/// Wycheproof's verdict on a test case.
public enum Verdict: String, Sendable, Hashable, Codable {
    case valid, invalid, acceptable
}

/// What the vector says the right answer is.
public enum Expected: Sendable, Hashable {
    /// The operation succeeds with exactly these bytes.
    case output([UInt8])
    /// The operation must fail (evp_test `Result = MAC_INIT_ERROR`, ...).
    case failure(String)
    /// Verification of `tag`: valid tags must verify, invalid ones must not.
    case verification(tag: [UInt8], verdict: Verdict)
}

/// One known-answer case with its provenance.
public struct Vector: Sendable {
    /// Stable identifier within its file (`COUNT=5`, `line 120`, `tcId 17`).
    public var id: String
    public var provenance: Provenance
    /// The algorithm's name as the file or manifest spells it (`SHA512-256`, `HMAC`).
    public var algorithm: String
    public var operation: Operation
    public var expected: Expected
    /// Keywords or features in this record that we cannot honour yet; a non-empty list makes
    /// the engine skip the case as `unsupported: ...` rather than run half of it.
    public var unsupported: [String]
    /// Wycheproof flags, evp_test `Availablein`, and similar notes.
    public var flags: [String]
    /// Algorithm parameters, named as OpenSSL's `OSSL_PARAM`s (`pad-type` for MDC2).
    public var parameters: [String: String] = [:]

    public init(
        id: String, provenance: Provenance, algorithm: String, operation: Operation, expected: Expected,
        unsupported: [String] = [], flags: [String] = []
    ) {
        self.id = id
        self.provenance = provenance
        self.algorithm = algorithm
        self.operation = operation
        self.expected = expected
        self.unsupported = unsupported
        self.flags = flags
    }

    /// The name reports and `--filter` use: `HMAC-SHA256` for a MAC over SHA256, else the algorithm.
    public var displayName: String {
        if case .mac(let m) = operation, let u = m.underlying { return "\(m.mac)-\(u)" }
        return algorithm
    }
}

/// A problem with the input itself (not with an implementation): `file:line: message`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// 0 when the problem concerns the whole file (unreadable, unmapped).
    public var line: Int
    public var corpus: String
    public var message: String

    public init(file: String, line: Int, corpus: String, message: String) {
        self.file = file
        self.line = line
        self.corpus = corpus
        self.message = message
    }

    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}

/// Receives what a parser finds, in file order. Parsers never stop at a bad record:
/// they report it and go on with the next one.
public protocol VectorSink: AnyObject {
    func vector(_ v: Vector)
    func diagnostic(_ d: Diagnostic)
}
