import Foundation
import Testing

@testable import LibCrypto

#if EC
/// X448 (RFC 7748) and Ed448 / Ed448ph (RFC 8032).
///
/// Expected values come from:
/// - RFC 7748 §5.2 (the two X448 vectors, the 1 and 1,000 iteration results) and §6.2 (the X448
///   Diffie–Hellman example), transcribed below; RFC 8032 §7.4 (Ed448: blank, 1 octet, 1 octet
///   with context, 11, 12 and 13 octets) and §7.5 (Ed448ph "abc", without and with context
///   "foo"), transcribed below.
/// - cryptography-vectors (asymmetric/X448/rfc7748.txt, asymmetric/Ed448/rfc8032.txt and the
///   PKCS#8 / SubjectPublicKeyInfo key pairs), read at test time from the set-up's cache.
/// - The `openssl` 3.0 CLI: `openssl genpkey -algorithm x448|ed448` keys read with
///   `openssl pkey -text -noout`; `openssl pkeyutl -sign -rawin` signatures (Ed448 is
///   deterministic, so ours must be the same bytes); `openssl pkeyutl -verify -rawin -pubin` on our
///   signatures; `openssl pkeyutl -derive` both ways.
@Suite("Curve448")
struct Curve448Tests {
    static func h(_ s: String) -> [UInt8] { TestHex.decode(s) }

    // MARK: X448, RFC 7748

    // RFC 7748 §5.2, "X448:" — scalar, input u-coordinate, output u-coordinate.
    static let x448Vectors: [(String, String, String)] = [
        (
            "3d262fddf9ec8e88495266fea19a34d28882acef045104d0d1aae121700a779c984c24f8cdd78fbff44943eba368f54b29259a4f1c600ad3",
            "06fce640fa3487bfda5f6cf2d5263f8aad88334cbd07437f020f08f9814dc031ddbdc38c19c6da2583fa5429db94ada18aa7a7fb4ef8a086",
            "ce3e4ff95a60dc6697da1db1d85e6afbdf79b50a2412d7546d5f239fe14fbaadeb445fc66a01b0779d98223961111e21766282f73dd96b6f"
        ),
        (
            "203d494428b8399352665ddca42f9de8fef600908e0d461cb021f8c538345dd77c3e4806e25f46d3315c44e0a5b4371282dd2c8d5be3095f",
            "0fbcc2f993cd56d3305b0b7d9e55d4c1a8fb5dbb52f8e9a1e9b6201b165d015894e56c4d3570bee52fe205e28a78b91cdfbde71ce8d157db",
            "884a02576239ff7a2f2f63b2db6a9ff37047ac13568e1e30fe63c4a7ad1b3ee3a5700df34321d62077e63633c575c1c954514e99da7c179d"
        ),
    ]

    @Test("RFC 7748 §5.2: the two X448 vectors")
    func x448RFCVectors() throws {
        for (k, u, out) in Self.x448Vectors {
            #expect(try X448.sharedSecret(privateKey: Self.h(k), peerPublicKey: Self.h(u)) == Self.h(out))
        }
    }

    @Test("RFC 7748 §5.2: k = u = 5, then k ← X448(k, u), u ← old k: 1 and 1,000 iterations")
    func x448Iterations() throws {
        var k = [UInt8](repeating: 0, count: 56)
        k[0] = 5
        var u = k
        for i in 1...1000 {
            let next = try X448.sharedSecret(privateKey: k, peerPublicKey: u)
            u = k
            k = next
            if i == 1 {
                #expect(
                    k
                        == Self.h(
                            "3f482c8a9f19b01e6c46ee9711d9dc14fd4bf67af30765c2ae2b846a4d23a8cd0db897086239492caf350b51f833868b9bc2b3bca9cf4113"
                        ))
            }
        }
        #expect(
            k
                == Self.h(
                    "aa3b4749d55b9daf1e5b00288826c467274ce3ebbdd5c17b975e09d4af6c67cf10d087202db88286e2b79fceea3ec353ef54faa26e219f38"
                ))
    }

    @Test("RFC 7748 §6.2: the X448 Diffie–Hellman example")
    func x448DiffieHellman() throws {
        let alice = Self.h(
            "9a8f4925d1519f5775cf46b04b5800d4ee9ee8bae8bc5565d498c28dd9c9baf574a9419744897391006382a6f127ab1d9ac2d8c0a598726b"
        )
        let alicePub = Self.h(
            "9b08f7cc31b7e3e67d22d5aea121074a273bd2b83de09c63faa73d2c22c5d9bbc836647241d953d40c5b12da88120d53177f80e532c41fa0"
        )
        let bob = Self.h(
            "1c306a7ac2a0e2e0990b294470cba339e6453772b075811d8fad0d1d6927c120bb5ee8972b0d3e21374c9c921b09d1b0366f10b65173992d"
        )
        let bobPub = Self.h(
            "3eb7a829b0cd20f5bcfc0b599b6feccf6da4627107bdb0d4f345b43027d8b972fc3e34fb4232a13ca706dcb57aec3dae07bdc1c67bf33609"
        )
        let shared = Self.h(
            "07fff4181ac6cc95ec1c16a94a0f74d12da232ce40a77552281d282bb60c0b56fd2464c335543936521c24403085d59a449a5037514a879d"
        )
        #expect(try X448.publicKey(privateKey: alice) == alicePub)
        #expect(try X448.publicKey(privateKey: bob) == bobPub)
        #expect(try X448.sharedSecret(privateKey: alice, peerPublicKey: bobPub) == shared)
        #expect(try X448.sharedSecret(privateKey: bob, peerPublicKey: alicePub) == shared)
    }

    // MARK: Ed448, RFC 8032

    struct EdVector {
        var secret: String
        var publicKey: String
        var message: String
        var context: String
        var prehash: Bool
        var signature: String
    }

    // RFC 8032 §7.4 ("-----blank", "-----1 octet", "-----1 octet (with context)", "-----11
    // octets", "-----12 octets", "-----13 octets") and §7.5 ("-----TEST abc" for Ed448ph, without
    // and with context "foo").
    static let edVectors: [EdVector] = [
        EdVector(
            secret:
                "6c82a562cb808d10d632be89c8513ebf6c929f34ddfa8c9f63c9960ef6e348a3528c8a3fcc2f044e39a3fc5b94492f8f032e7549a20098f95b",
            publicKey:
                "5fd7449b59b461fd2ce787ec616ad46a1da1342485a70e1f8a0ea75d80e96778edf124769b46c7061bd6783df1e50f6cd1fa1abeafe8256180",
            message: "", context: "", prehash: false,
            signature:
                "533a37f6bbe457251f023c0d88f976ae2dfb504a843e34d2074fd823d41a591f2b233f034f628281f2fd7a22ddd47d7828c59bd0a21bfd3980ff0d2028d4b18a9df63e006c5d1c2d345b925d8dc00b4104852db99ac5c7cdda8530a113a0f4dbb61149f05a7363268c71d95808ff2e652600"
        ),
        EdVector(
            secret:
                "c4eab05d357007c632f3dbb48489924d552b08fe0c353a0d4a1f00acda2c463afbea67c5e8d2877c5e3bc397a659949ef8021e954e0a12274e",
            publicKey:
                "43ba28f430cdff456ae531545f7ecd0ac834a55d9358c0372bfa0c6c6798c0866aea01eb00742802b8438ea4cb82169c235160627b4c3a9480",
            message: "03", context: "", prehash: false,
            signature:
                "26b8f91727bd62897af15e41eb43c377efb9c610d48f2335cb0bd0087810f4352541b143c4b981b7e18f62de8ccdf633fc1bf037ab7cd779805e0dbcc0aae1cbcee1afb2e027df36bc04dcecbf154336c19f0af7e0a6472905e799f1953d2a0ff3348ab21aa4adafd1d234441cf807c03a00"
        ),
        EdVector(
            secret:
                "c4eab05d357007c632f3dbb48489924d552b08fe0c353a0d4a1f00acda2c463afbea67c5e8d2877c5e3bc397a659949ef8021e954e0a12274e",
            publicKey:
                "43ba28f430cdff456ae531545f7ecd0ac834a55d9358c0372bfa0c6c6798c0866aea01eb00742802b8438ea4cb82169c235160627b4c3a9480",
            message: "03", context: "666f6f", prehash: false,
            signature:
                "d4f8f6131770dd46f40867d6fd5d5055de43541f8c5e35abbcd001b32a89f7d2151f7647f11d8ca2ae279fb842d607217fce6e042f6815ea000c85741de5c8da1144a6a1aba7f96de42505d7a7298524fda538fccbbb754f578c1cad10d54d0d5428407e85dcbc98a49155c13764e66c3c00"
        ),
        EdVector(
            secret:
                "cd23d24f714274e744343237b93290f511f6425f98e64459ff203e8985083ffdf60500553abc0e05cd02184bdb89c4ccd67e187951267eb328",
            publicKey:
                "dcea9e78f35a1bf3499a831b10b86c90aac01cd84b67a0109b55a36e9328b1e365fce161d71ce7131a543ea4cb5f7e9f1d8b00696447001400",
            message: "0c3e544074ec63b0265e0c", context: "", prehash: false,
            signature:
                "1f0a8888ce25e8d458a21130879b840a9089d999aaba039eaf3e3afa090a09d389dba82c4ff2ae8ac5cdfb7c55e94d5d961a29fe0109941e00b8dbdeea6d3b051068df7254c0cdc129cbe62db2dc957dbb47b51fd3f213fb8698f064774250a5028961c9bf8ffd973fe5d5c206492b140e00"
        ),
        EdVector(
            secret:
                "258cdd4ada32ed9c9ff54e63756ae582fb8fab2ac721f2c8e676a72768513d939f63dddb55609133f29adf86ec9929dccb52c1c5fd2ff7e21b",
            publicKey:
                "3ba16da0c6f2cc1f30187740756f5e798d6bc5fc015d7c63cc9510ee3fd44adc24d8e968b6e46e6f94d19b945361726bd75e149ef09817f580",
            message: "64a65f3cdedcdd66811e2915", context: "", prehash: false,
            signature:
                "7eeeab7c4e50fb799b418ee5e3197ff6bf15d43a14c34389b59dd1a7b1b85b4ae90438aca634bea45e3a2695f1270f07fdcdf7c62b8efeaf00b45c2c96ba457eb1a8bf075a3db28e5c24f6b923ed4ad747c3c9e03c7079efb87cb110d3a99861e72003cbae6d6b8b827e4e6c143064ff3c00"
        ),
        EdVector(
            secret:
                "7ef4e84544236752fbb56b8f31a23a10e42814f5f55ca037cdcc11c64c9a3b2949c1bb60700314611732a6c2fea98eebc0266a11a93970100e",
            publicKey:
                "b3da079b0aa493a5772029f0467baebee5a8112d9d3a22532361da294f7bb3815c5dc59e176b4d9f381ca0938e13c6c07b174be65dfa578e80",
            message: "64a65f3cdedcdd66811e2915e7", context: "", prehash: false,
            signature:
                "6a12066f55331b6c22acd5d5bfc5d71228fbda80ae8dec26bdd306743c5027cb4890810c162c027468675ecf645a83176c0d7323a2ccde2d80efe5a1268e8aca1d6fbc194d3f77c44986eb4ab4177919ad8bec33eb47bbb5fc6e28196fd1caf56b4e7e0ba5519234d047155ac727a1053100"
        ),
        EdVector(
            secret:
                "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42ef7822e0d5104127dc05d6dbefde69e3ab2cec7c867c6e2c49",
            publicKey:
                "259b71c19f83ef77a7abd26524cbdb3161b590a48f7d17de3ee0ba9c52beb743c09428a131d6b1b57303d90d8132c276d5ed3d5d01c0f53880",
            message: "616263", context: "", prehash: true,
            signature:
                "822f6901f7480f3d5f562c592994d9693602875614483256505600bbc281ae381f54d6bce2ea911574932f52a4e6cadd78769375ec3ffd1b801a0d9b3f4030cd433964b6457ea39476511214f97469b57dd32dbc560a9a94d00bff07620464a3ad203df7dc7ce360c3cd3696d9d9fab90f00"
        ),
        EdVector(
            secret:
                "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42ef7822e0d5104127dc05d6dbefde69e3ab2cec7c867c6e2c49",
            publicKey:
                "259b71c19f83ef77a7abd26524cbdb3161b590a48f7d17de3ee0ba9c52beb743c09428a131d6b1b57303d90d8132c276d5ed3d5d01c0f53880",
            message: "616263", context: "666f6f", prehash: true,
            signature:
                "c32299d46ec8ff02b54540982814dce9a05812f81962b649d528095916a2aa481065b1580423ef927ecf0af5888f90da0f6a9a85ad5dc3f280d91224ba9911a3653d00e484e2ce232521481c8658df304bb7745a73514cdb9bf3e15784ab71284f8d0704a608c54a6b62d97beb511d132100"
        ),
    ]

    static func check(_ v: EdVector, _ label: String) throws {
        let key = try Ed448PrivateKey(rawRepresentation: h(v.secret))
        #expect(key.publicKey.rawRepresentation == h(v.publicKey), "\(label): public key")
        let sig = try key.signature(for: h(v.message), context: h(v.context), prehash: v.prehash)
        #expect(sig == h(v.signature), "\(label): signature")
        let pub = try Ed448PublicKey(rawRepresentation: h(v.publicKey))
        #expect(pub == key.publicKey)
        try pub.verify(signature: h(v.signature), message: h(v.message), context: h(v.context), prehash: v.prehash)
        // The same signature under the other flavour, another context or another message fails.
        #expect(throws: CryptoError.self, "\(label): flavour") {
            try pub.verify(signature: h(v.signature), message: h(v.message), context: h(v.context), prehash: !v.prehash)
        }
        #expect(throws: CryptoError.self, "\(label): context") {
            try pub.verify(signature: h(v.signature), message: h(v.message), context: h(v.context) + [0])
        }
        #expect(throws: CryptoError.self, "\(label): message") {
            try pub.verify(
                signature: h(v.signature), message: h(v.message) + [1], context: h(v.context), prehash: v.prehash)
        }
    }

    @Test("RFC 8032 §7.4 and §7.5: Ed448 and Ed448ph keys, signatures, verification")
    func ed448RFCVectors() throws {
        for (i, v) in Self.edVectors.enumerated() { try Self.check(v, "vector \(i)") }
    }

    // MARK: cryptography-vectors

    static func corpusFile(_ relative: String) -> String? {
        try? String(contentsOfFile: vectorsRoot + "/" + relative, encoding: .utf8)
    }

    static func corpusBytes(_ relative: String) -> [UInt8]? {
        FileManager.default.contents(atPath: vectorsRoot + "/" + relative).map { [UInt8]($0) }
    }

    /// `KEY = value` records, one per `COUNT`.
    static func records(_ text: String) -> [[String: String]] {
        var out: [[String: String]] = []
        var cur: [String: String] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let l = line.trimmingCharacters(in: .whitespaces)
            guard !l.hasPrefix("#"), let eq = l.firstIndex(of: "=") else { continue }
            let k = l[..<eq].trimmingCharacters(in: .whitespaces)
            let v = l[l.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if k == "COUNT" {
                if !cur.isEmpty { out.append(cur) }
                cur = [:]
            }
            cur[k] = v
        }
        if !cur.isEmpty { out.append(cur) }
        return out
    }

    @Test("cryptography-vectors: X448/rfc7748.txt and the PKCS#8 / SPKI key pair")
    func x448Corpus() throws {
        guard let text = Self.corpusFile("X448/rfc7748.txt"),
            let priv = Self.corpusBytes("X448/x448-pkcs8.der"), let pub = Self.corpusBytes("X448/x448-pub.der")
        else {
            print("skipped: cryptography-vectors X448 files not found under \(vectorsRoot)")
            return
        }
        let recs = Self.records(text)
        #expect(recs.count == 3)
        for r in recs {
            let got = try X448.sharedSecret(
                privateKey: Self.h(try #require(r["INPUT_SCALAR"])), peerPublicKey: Self.h(try #require(r["INPUT_U"])))
            #expect(got == Self.h(try #require(r["OUTPUT_U"])), "COUNT \(r["COUNT"] ?? "?")")
        }
        // x448-pkcs8.der ends with the 56-byte private key, x448-pub.der with the public key
        // (`openssl pkey -in x448-pkcs8.pem -pubout` gives x448-pub.der).
        try #require(priv.count == 72 && pub.count == 68)
        #expect(try X448.publicKey(privateKey: Array(priv.suffix(56))) == Array(pub.suffix(56)))
    }

    @Test("cryptography-vectors: Ed448/rfc8032.txt and the PKCS#8 / SPKI key pair")
    func ed448Corpus() throws {
        guard let text = Self.corpusFile("Ed448/rfc8032.txt"),
            let priv = Self.corpusBytes("Ed448/ed448-pkcs8.der"), let pub = Self.corpusBytes("Ed448/ed448-pub.der")
        else {
            print("skipped: cryptography-vectors Ed448 files not found under \(vectorsRoot)")
            return
        }
        let recs = Self.records(text)
        #expect(recs.count == 9)
        for r in recs {
            let v = EdVector(
                secret: try #require(r["SECRET"]), publicKey: try #require(r["PUBLIC"]),
                message: r["MESSAGE"] ?? "", context: r["CONTEXT"] ?? "", prehash: false,
                signature: try #require(r["SIGNATURE"]))
            try Self.check(v, "COUNT \(r["COUNT"] ?? "?")")
        }
        try #require(priv.count == 73 && pub.count == 69)
        let key = try Ed448PrivateKey(rawRepresentation: Array(priv.suffix(57)))
        #expect(key.publicKey.rawRepresentation == Array(pub.suffix(57)))
    }

    // MARK: OpenSSL CLI

    /// A fresh temporary directory for files handed to `openssl`.
    static func tempDir() throws -> String {
        let dir = NSTemporaryDirectory() + "curve448-tests-\(UUID().uuidString)/"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// The `priv:` and `pub:` hex blocks of `openssl pkey -text -noout`.
    static func rawKeys(_ text: String) throws -> (priv: [UInt8], pub: [UInt8]) {
        var blocks: [String: String] = [:]
        var current: String?
        for line in text.split(separator: "\n") {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t == "priv:" || t == "pub:" {
                current = String(t.dropLast())
                blocks[current!] = ""
            } else if let c = current, line.hasPrefix(" ") {
                blocks[c]! += t
            } else {
                current = nil
            }
        }
        return (h(try #require(blocks["priv"])), h(try #require(blocks["pub"])))
    }

    /// Runs `openssl args…` and returns its exit status (no output wanted).
    static func opensslStatus(_ args: [String]) throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try #require(opensslPath))
        p.arguments = args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }

    // DER wrappers (RFC 8410): PKCS#8 PrivateKeyInfo and SubjectPublicKeyInfo for OIDs
    // 1.3.101.111 (X448) and 1.3.101.113 (Ed448).
    static func x448PrivateDER(_ k: [UInt8]) -> [UInt8] { h("3046020100300506032b656f043a0438") + k }
    static func x448PublicDER(_ k: [UInt8]) -> [UInt8] { h("3042300506032b656f033900") + k }
    static func ed448PrivateDER(_ k: [UInt8]) -> [UInt8] { h("3047020100300506032b6571043b0439") + k }
    static func ed448PublicDER(_ k: [UInt8]) -> [UInt8] { h("3043300506032b6571033a00") + k }

    static func write(_ bytes: [UInt8], _ path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    @Test("openssl: X448 public keys and shared secrets agree both ways")
    func x448OpenSSL() throws {
        guard opensslPath != nil else {
            print("skipped: no openssl binary")
            return
        }
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for round in 0..<3 {
            let pem = try openssl(["genpkey", "-algorithm", "x448"])
            let (theirPriv, theirPub) = try Self.rawKeys(
                String(decoding: try openssl(["pkey", "-text", "-noout"], input: pem), as: UTF8.self))
            #expect(try X448.publicKey(privateKey: theirPriv) == theirPub, "round \(round)")
            let ourPriv = try X448.generatePrivateKey()
            let ourPub = try X448.publicKey(privateKey: ourPriv)
            try Self.write(pem, dir + "their.pem")
            try Self.write(Self.x448PrivateDER(ourPriv), dir + "our.der")
            try Self.write(Self.x448PublicDER(ourPub), dir + "ourpub.der")
            try Self.write(Self.x448PublicDER(theirPub), dir + "theirpub.der")
            // OpenSSL derives the public key of our private key as we do.
            let derived = try openssl(["pkey", "-inform", "DER", "-in", dir + "our.der", "-pubout", "-outform", "DER"])
            #expect(Array(derived.suffix(56)) == ourPub)
            let theirs = try openssl([
                "pkeyutl", "-derive", "-inkey", dir + "their.pem", "-peerkey", dir + "ourpub.der", "-peerform", "DER",
            ])
            let mine = try openssl([
                "pkeyutl", "-derive", "-keyform", "DER", "-inkey", dir + "our.der", "-peerkey", dir + "theirpub.der",
                "-peerform", "DER",
            ])
            let ours = try X448.sharedSecret(privateKey: ourPriv, peerPublicKey: theirPub)
            #expect(ours == theirs, "round \(round)")
            #expect(ours == mine, "round \(round)")
            #expect(try X448.sharedSecret(privateKey: theirPriv, peerPublicKey: ourPub) == ours)
        }
    }

    @Test("openssl: Ed448 keys, identical deterministic signatures, our signatures verify in OpenSSL")
    func ed448OpenSSL() throws {
        guard opensslPath != nil else {
            print("skipped: no openssl binary")
            return
        }
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var rng = TestRNG(seed: 448)
        for round in 0..<3 {
            let pem = try openssl(["genpkey", "-algorithm", "ed448"])
            let (seed, pub) = try Self.rawKeys(
                String(decoding: try openssl(["pkey", "-text", "-noout"], input: pem), as: UTF8.self))
            let key = try Ed448PrivateKey(rawRepresentation: seed)
            #expect(key.publicKey.rawRepresentation == pub, "round \(round)")
            // Non-empty: OpenSSL 3.0's `pkeyutl -rawin` cannot read an empty message ("Could not allocate
            // 0 bytes for oneshot sign/verify buffer").
            let message = rng.bytes([1, 57, 200][round])
            try Self.write(pem, dir + "key.pem")
            try Self.write(message, dir + "msg")
            let theirSig = try openssl(["pkeyutl", "-sign", "-rawin", "-inkey", dir + "key.pem", "-in", dir + "msg"])
            let ourSig = try key.signature(for: message)
            #expect(ourSig == theirSig, "round \(round)")
            try key.publicKey.verify(signature: theirSig, message: message)

            // Our own key and signature, verified by OpenSSL.
            let mine = try Ed448PrivateKey.generate()
            let sig = try mine.signature(for: message)
            try Self.write(Self.ed448PublicDER(mine.publicKey.rawRepresentation), dir + "pub.der")
            try Self.write(sig, dir + "sig")
            _ = try openssl([
                "pkeyutl", "-verify", "-rawin", "-pubin", "-keyform", "DER", "-inkey", dir + "pub.der",
                "-sigfile", dir + "sig", "-in", dir + "msg",
            ])
            // OpenSSL derives the same public key from our seed.
            try Self.write(Self.ed448PrivateDER(mine.rawRepresentation), dir + "mine.der")
            let derived = try openssl(["pkey", "-inform", "DER", "-in", dir + "mine.der", "-pubout", "-outform", "DER"])
            #expect(Array(derived.suffix(57)) == mine.publicKey.rawRepresentation)
        }
    }

    // MARK: Bad input

    @Test("X448: wrong lengths and all-zero results throw (OpenSSL refuses the same peer keys)")
    func x448BadInput() throws {
        let k = try X448.generatePrivateKey()
        #expect(k.count == 56 && k[0] & 3 == 0 && k[55] & 0x80 != 0)
        for n in [0, 55, 57, 64] {
            #expect(throws: CryptoError.self) { try X448.publicKey(privateKey: [UInt8](repeating: 1, count: n)) }
            #expect(throws: CryptoError.self) {
                try X448.sharedSecret(
                    privateKey: [UInt8](repeating: 1, count: n), peerPublicKey: [UInt8](repeating: 9, count: 56))
            }
            #expect(throws: CryptoError.self) {
                try X448.sharedSecret(privateKey: k, peerPublicKey: [UInt8](repeating: 9, count: n))
            }
        }
        // u = 0 and u = 1 (points of order 2 and 4; a clamped scalar is a multiple of 4), and u = p
        // (non-canonical 0, reduced as RFC 7748 says).
        var one = [UInt8](repeating: 0, count: 56)
        one[0] = 1
        var p = [UInt8](repeating: 0xff, count: 56)
        p[28] = 0xfe
        let smallOrder = [[UInt8](repeating: 0, count: 56), one, p]
        for u in smallOrder {
            #expect(throws: CryptoError.self) { try X448.sharedSecret(privateKey: k, peerPublicKey: u) }
        }
        guard opensslPath != nil else {
            print("skipped (OpenSSL half): no openssl binary")
            return
        }
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.write(Self.x448PrivateDER(k), dir + "k.der")
        for (i, u) in smallOrder.enumerated() {
            try Self.write(Self.x448PublicDER(u), dir + "u.der")
            let status = try Self.opensslStatus([
                "pkeyutl", "-derive", "-keyform", "DER", "-inkey", dir + "k.der", "-peerkey", dir + "u.der",
                "-peerform", "DER",
            ])
            #expect(status != 0, "openssl derived a secret with small-order u #\(i)")
        }
    }

    @Test("Ed448: wrong lengths, non-canonical and undecodable keys, S ≥ ℓ, bad R throw")
    func ed448BadInput() throws {
        // The 1-octet vector: OpenSSL 3.0's `pkeyutl -rawin` cannot verify an empty message.
        let v = Self.edVectors[1]
        let msg = Self.h(v.message)
        let pub = try Ed448PublicKey(rawRepresentation: Self.h(v.publicKey))
        let sig = Self.h(v.signature)
        for n in [0, 56, 58, 114] {
            #expect(throws: CryptoError.self) {
                try Ed448PrivateKey(rawRepresentation: [UInt8](repeating: 1, count: n))
            }
            #expect(throws: CryptoError.self) { try Ed448PublicKey(rawRepresentation: [UInt8](repeating: 0, count: n)) }
        }
        for n in [0, 113, 115] {
            #expect(throws: CryptoError.self) {
                try pub.verify(
                    signature: Array(sig.prefix(n)) + [UInt8](repeating: 0, count: max(0, n - 114)), message: [])
            }
        }
        let key = try Ed448PrivateKey(rawRepresentation: Self.h(v.secret))
        #expect(throws: CryptoError.self) { try key.signature(for: [], context: [UInt8](repeating: 0, count: 256)) }
        #expect(throws: CryptoError.self) {
            try pub.verify(signature: sig, message: [], context: [UInt8](repeating: 0, count: 256))
        }
        _ = try key.signature(for: [], context: [UInt8](repeating: 7, count: 255))

        // Bits 448–454 of a key must be clear.
        var bad = Self.h(v.publicKey)
        bad[56] |= 0x01
        #expect(throws: CryptoError.self) { try Ed448PublicKey(rawRepresentation: bad) }
        // y = p (non-canonical 0) and y = p + 1 (non-canonical 1), either sign.
        var yP = [UInt8](repeating: 0xff, count: 57)
        yP[28] = 0xfe
        yP[56] = 0
        var yP1 = yP
        yP1[0] = 0
        yP1[28] = 0xff
        for e in [yP, yP1] {
            #expect(throws: CryptoError.self) { try Ed448PublicKey(rawRepresentation: e) }
            var neg = e
            neg[56] = 0x80
            #expect(throws: CryptoError.self) { try Ed448PublicKey(rawRepresentation: neg) }
        }
        // y = 1 (the identity) and y = −1 (order 2): OpenSSL's decoding refuses them (gf_isr of 0).
        var y1 = [UInt8](repeating: 0, count: 57)
        y1[0] = 1
        var yM1 = yP
        yM1[0] = 0xfe
        for e in [y1, yM1] { #expect(throws: CryptoError.self) { try Ed448PublicKey(rawRepresentation: e) } }

        // Small y: every encoding that decodes is a point on the curve and re-encodes to itself;
        // some do not decode at all (no square root).
        var decoded = 0
        var refused = 0
        for yv in 2..<40 {
            for sign: UInt8 in [0, 0x80] {
                var e = [UInt8](repeating: 0, count: 57)
                e[0] = UInt8(yv)
                e[56] = sign
                if let point = Ed448Point(decoding: e) {
                    decoded += 1
                    let x2 = point.x.squared()
                    let y2 = point.y.squared()
                    let lhs = x2 + y2
                    let rhs = GF448.one - (x2 * y2).times(39081)
                    #expect(GF448.equalMask(lhs, rhs) != 0, "y = \(yv)")
                    #expect(point.encoded() == e, "y = \(yv)")
                    _ = try Ed448PublicKey(rawRepresentation: e)
                } else {
                    refused += 1
                    #expect(throws: CryptoError.self) { try Ed448PublicKey(rawRepresentation: e) }
                }
            }
        }
        #expect(decoded > 0 && refused > 0)

        // S + ℓ still satisfies the equation but is refused (OpenSSL refuses it too, below).
        var s = Scalar448.limbs(Array(sig[57...]))
        var carry: UInt64 = 0
        for i in 0..<7 { (s[i], carry) = CTLimb.add(s[i], Scalar448.order[i], carry) }
        try #require(s[7] == 0 && carry == 0)
        let sPlusL = Array(sig[..<57]) + Scalar448.bytes(Array(s[..<7]))
        #expect(throws: CryptoError.self) { try pub.verify(signature: sPlusL, message: msg) }
        // S with its top byte set; R flipped to a non-point; R's sign bit flipped.
        var topByte = sig
        topByte[113] = 1
        #expect(throws: CryptoError.self) { try pub.verify(signature: topByte, message: msg) }
        var badR = sig
        badR[56] |= 0x02
        #expect(throws: CryptoError.self) { try pub.verify(signature: badR, message: msg) }
        var flipped = sig
        flipped[56] ^= 0x80
        #expect(throws: CryptoError.self) { try pub.verify(signature: flipped, message: msg) }

        guard opensslPath != nil else {
            print("skipped (OpenSSL half): no openssl binary")
            return
        }
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.write(Self.ed448PublicDER(Self.h(v.publicKey)), dir + "pub.der")
        try Self.write(msg, dir + "msg")
        func opensslVerifies(_ signature: [UInt8]) throws -> Bool {
            try Self.write(signature, dir + "sig")
            return try Self.opensslStatus([
                "pkeyutl", "-verify", "-rawin", "-pubin", "-keyform", "DER", "-inkey", dir + "pub.der",
                "-sigfile", dir + "sig", "-in", dir + "msg",
            ]) == 0
        }
        #expect(try opensslVerifies(sig))
        #expect(try !opensslVerifies(sPlusL))
        #expect(try !opensslVerifies(topByte))
        #expect(try !opensslVerifies(badR))
        #expect(try !opensslVerifies(flipped))
    }

    // MARK: Field and scalar internals

    @Test("GF448: inverse, reduction of 2^448 − 1 and of p, scalar reduction of ℓ and 2ℓ")
    func internals() throws {
        var rng = TestRNG(seed: 7)
        for _ in 0..<10 {
            let a = GF448(bytes: rng.bytes(56))
            #expect(GF448.equalMask(a * a.inverse(), .one) != 0 || a.isZeroMask != 0)
        }
        // p reduces to 0 and 2^448 − 1 to 2^224 (= 2^448 − 1 − p).
        var p = [UInt8](repeating: 0xff, count: 56)
        p[28] = 0xfe
        #expect(GF448(bytes: p).bytes == [UInt8](repeating: 0, count: 56))
        var twoTo224 = [UInt8](repeating: 0, count: 56)
        twoTo224[28] = 1
        #expect(GF448(bytes: [UInt8](repeating: 0xff, count: 56)).bytes == twoTo224)
        // ℓ, 2ℓ and ℓ − 1 modulo ℓ (ℓ's bytes are RFC 8032's order, little-endian).
        let order = Scalar448.order
        #expect(Scalar448.reduce(order, bits: 448) == [UInt64](repeating: 0, count: 7))
        var twice = [UInt64](repeating: 0, count: 8)
        var carry: UInt64 = 0
        for i in 0..<7 { (twice[i], carry) = CTLimb.add(order[i], order[i], carry) }
        twice[7] = carry
        #expect(Scalar448.reduce(twice, bits: 448) == [UInt64](repeating: 0, count: 7))
        var lMinus1 = order
        lMinus1[0] -= 1
        #expect(Scalar448.reduce(lMinus1, bits: 448) == lMinus1)
        #expect(Scalar448.reduce([UInt64](repeating: ~0, count: 15), bits: 960).count == 7)
    }
}
#endif
