import Foundation
import Testing

@testable import LibCrypto

// Encrypted private keys (EncryptedKeys.swift) against OpenSSL 3.0 itself. Known answers: the
// encrypted key files of cryptography-vectors (read from the set-up's cache at test time) with
// the passwords pyca/cryptography's tests/hazmat/primitives/test_serialization.py states for
// them, decrypted here and by the `openssl` CLI (each command is in the test; `-provider legacy
// -provider default` for the PBES1, RC2 and RC4 files). Round trips: what LibCrypto encrypts the
// CLI decrypts, and the reverse, on keys the CLI generates.

private func read(_ rel: String) -> [UInt8]? {
    FileManager.default.contents(atPath: vectorsRoot + "/" + rel).map { [UInt8]($0) }
}

private let providers = ["-provider", "legacy", "-provider", "default"]

@Suite(
    .enabled(if: opensslPath != nil, "the openssl CLI is not installed"),
    .enabled(if: FileManager.default.fileExists(atPath: vectorsRoot), "cryptography-vectors not in the cache"))
struct EncryptedKeysKnownAnswers {
    /// PKCS#8 files: LibCrypto's decryption is the `PrivateKeyInfo` that
    /// `openssl pkcs8 -topk8 -nocrypt -provider legacy -provider default [-inform DER] -in F -passin pass:P
    /// -outform DER`
    /// prints: the same version, algorithm and private key (OpenSSL re-encodes the structure,
    /// e.g. adding the NULL parameters rsa-40bitrc2.pem's inner AlgorithmIdentifier leaves out).
    /// Each scheme of the corpus is here: PBES2 with PBKDF2 (SHA-1, SHA-224/256/384/512 PRFs;
    /// AES-192/256-CBC, DES-EDE3-CBC, RC2-CBC) and scrypt, PBES1 (MD5 and DES), PKCS#12 PBE
    /// (3-key 3DES, 40-bit RC2, 128-bit RC4).
    @Test(arguments: [
        ("PKCS8/enc-rsa-pkcs8.pem", "foobar"), ("PKCS8/enc2-rsa-pkcs8.pem", "baz"),
        ("DER_Serialization/enc-rsa-pkcs8.der", "foobar"), ("DER_Serialization/enc2-rsa-pkcs8.der", "baz"),
        ("PKCS8/pkcs12_s2k_pem-X_9607.pem", "123456"), ("PKCS8/pkcs12_s2k_pem-X_9932.pem", "123456"),
        ("PKCS8/enc-rsa-3des.pem", "password"), ("PKCS8/rsa-aes-192-cbc.pem", "PolarSSLTest"),
        ("PKCS8/rsa-pbe-3des-long-salt.pem", "password"), ("PKCS8/ed25519-scrypt.pem", "hunter42"),
        ("PKCS8/rsa_pkcs8_pbes2_pbkdf2_2048_3des_sha224.pem", "PolarSSLTest"),
        ("PKCS8/rsa_pkcs8_pbes2_pbkdf2_2048_3des_sha384.pem", "PolarSSLTest"),
        ("PKCS8/rsa_pkcs8_pbes2_pbkdf2_2048_3des_sha512.pem", "PolarSSLTest"),
        ("PKCS8/rsa-pbewithmd5anddescbc.pem", "hunter2"), ("PKCS8/rsa-40bitrc2.pem", "baz"),
        ("PKCS8/rsa-rc2-cbc.pem", "Red Hat Enterprise Linux 7.4"), ("PKCS8/enc-ec-sha1-128-rc4.pem", "password"),
        ("PKCS8/ec_private_key_encrypted.pem", "123456"),
    ])
    func pkcs8(_ rel: String, _ password: String) throws {
        let bytes = try #require(read(rel))
        let der = rel.hasSuffix(".der") ? bytes : try PEM.parse(bytes, label: "ENCRYPTED PRIVATE KEY").data
        let info = try EncryptedPrivateKeyInfo.parse(der: der, rules: .openSSL)
        let mine: [UInt8]
        do { mine = try info.decrypt(password: Array(password.utf8)) } catch let e as CryptoError
            where e.code == .unknownAlgorithm
        {
            // A cipher or KDF this build leaves out (RC2, RC4, DES, SCRYPT traits): said so.
            #expect(Catalog.descriptor(named: e.reason).map { !$0.isCompiledIn } == true, "\(e)")
            return
        }
        let theirs = try PKCS8PrivateKeyInfo.parse(
            der: try openssl(
                ["pkcs8", "-topk8", "-nocrypt"] + providers + (rel.hasSuffix(".der") ? ["-inform", "DER"] : [])
                    + ["-in", vectorsRoot + "/" + rel, "-passin", "pass:" + password, "-outform", "DER"]),
            rules: .openSSL)
        let ours = try PKCS8PrivateKeyInfo.parse(der: mine, rules: .openSSL)
        #expect(ours.version == theirs.version)
        #expect(ours.algorithm.algorithm == theirs.algorithm.algorithm)
        #expect(ours.privateKey == theirs.privateKey)
    }

    /// Traditional PEM: the decrypted block is what
    /// `openssl pkey -in F -passin pass:P -outform DER -traditional` prints (PKCS#1 for RSA, the
    /// traditional DSA form), and the decrypted block reads as that key.
    @Test(arguments: [
        ("Traditional_OpenSSL_Serialization/key1.pem", "123456"),
        ("Traditional_OpenSSL_Serialization/key2.pem", "a123456"),
        ("Traditional_OpenSSL_Serialization/testrsa-encrypted.pem", "password"),
        ("PEM_Serialization/rsa_private_key.pem", "123456"), ("PEM_Serialization/dsa_private_key.pem", "123456"),
    ])
    func traditional(_ rel: String, _ password: String) throws {
        let block = try PEM.parse(try #require(read(rel)))
        #expect(try block.encryption() != nil)
        let plain: PEMBlock
        do { plain = try block.decrypted(password: Array(password.utf8)) } catch let e as CryptoError
            where e.code == .unknownAlgorithm
        {
            #expect(Catalog.descriptor(named: e.reason).map { !$0.isCompiledIn } == true, "\(e)")
            return
        }
        #expect(plain.label == block.label && plain.headerText.isEmpty)
        let theirs = try openssl([
            "pkey", "-in", vectorsRoot + "/" + rel, "-passin", "pass:" + password, "-outform", "DER", "-traditional",
        ])
        #expect(plain.data == theirs)
    }

    /// A wrong password is one thrown error with OpenSSL's reason, as
    /// `openssl pkey -in F -passin pass:wrong` reports it (`PKCS12_CIPHERFINAL_ERROR` after the
    /// padding check for PKCS#8, `PEM_R_BAD_DECRYPT` for traditional PEM).
    @Test func wrongPassword() throws {
        let der = try #require(read("DER_Serialization/enc-rsa-pkcs8.der"))
        let info = try EncryptedPrivateKeyInfo.parse(der: der)
        let e1 = #expect(throws: CryptoError.self) { _ = try info.decrypt(password: Array("wrong".utf8)) }
        #expect(e1?.code == .badDecrypt && e1?.openSSL == .pkcs12CipherfinalError)
        let block = try PEM.parse(try #require(read("Traditional_OpenSSL_Serialization/key1.pem")))
        let e2 = #expect(throws: CryptoError.self) { _ = try block.decrypted(password: Array("wrong".utf8)) }
        #expect(e2?.code == .badDecrypt && e2?.openSSL == .pemBadDecrypt)
    }

    /// Every truncation of an EncryptedPrivateKeyInfo, and every byte of its header changed,
    /// is a thrown error or (a changed salt, IV or ciphertext byte) a failed decryption; never a
    /// trap, never the key.
    @Test func truncatedAndGarbled() throws {
        let der = try #require(read("DER_Serialization/enc-rsa-pkcs8.der"))
        let password = Array("foobar".utf8)
        let key = try EncryptedPrivateKeyInfo.parse(der: der).decrypt(password: password)
        for n in 0..<der.count {
            #expect(throws: CryptoError.self) {
                _ = try EncryptedPrivateKeyInfo.parse(der: Array(der.prefix(n))).decrypt(password: password)
            }
        }
        for i in 0..<min(der.count, 80) {
            var bad = der
            bad[i] ^= 0x5A
            if let d = try? EncryptedPrivateKeyInfo.parse(der: bad).decrypt(password: password) {
                #expect(d != key, "byte \(i) changed yet the same key came out")
            }
        }
    }
}

/// Attacker-controlled work is refused before it starts.
@Suite struct EncryptedKeysLimits {
    /// An EncryptedPrivateKeyInfo with PBES2 over `kdf` (an AlgorithmIdentifier's DER) and
    /// AES-256-CBC with a zero IV.
    func pbes2(kdf: [UInt8]) -> EncryptedPrivateKeyInfo {
        var iv = DERWriter()
        iv.writeOctetString([UInt8](repeating: 0, count: 16))
        var p = DERWriter()
        p.writeSequence { w in
            w.writeRaw(kdf)
            AlgorithmIdentifier(
                algorithm: try! ASN1ObjectIdentifier(dotted: "2.16.840.1.101.3.4.1.42"), parameters: iv.bytes
            ).write(to: &w)
        }
        return EncryptedPrivateKeyInfo(
            encryptionAlgorithm: AlgorithmIdentifier(
                algorithm: try! ASN1ObjectIdentifier(dotted: "1.2.840.113549.1.5.13"), parameters: p.bytes),
            encryptedData: [UInt8](repeating: 0, count: 32))
    }

    func pbkdf2(iterations: BigNum) throws -> [UInt8] {
        var params = DERWriter()
        params.writeSequence { w in
            w.writeOctetString([1, 2, 3, 4, 5, 6, 7, 8])
            w.writeInteger(iterations)
        }
        var kdf = DERWriter()
        AlgorithmIdentifier(
            algorithm: try ASN1ObjectIdentifier(dotted: "1.2.840.113549.1.5.12"), parameters: params.bytes
        ).write(to: &kdf)
        return kdf.bytes
    }

    @Test func hugeIterationCounts() throws {
        for n in [BigNum(UInt64(1) << 25), BigNum(UInt64(1) << 62), BigNum(UInt64.max)] {
            let start = Date()
            #expect(throws: CryptoError.self) {
                _ = try pbes2(kdf: try pbkdf2(iterations: n)).decrypt(password: [])
            }
            #expect(Date().timeIntervalSince(start) < 5)
        }
        // Iteration count 0: OpenSSL's INVALID_ITERATION_COUNT.
        let zero = try pbes2(kdf: try pbkdf2(iterations: BigNum(0)))
        let e = #expect(throws: CryptoError.self) { _ = try zero.decrypt(password: []) }
        #expect(e?.openSSL == .invalidIterationCount)
        // PKCS#12 PBE (pbeWithSHA1And3-KeyTripleDES-CBC) with 2^40 iterations.
        var pbe = DERWriter()
        pbe.writeSequence { w in
            w.writeOctetString([1, 2, 3, 4, 5, 6, 7, 8])
            w.writeInteger(BigNum(UInt64(1) << 40))
        }
        let p12 = EncryptedPrivateKeyInfo(
            encryptionAlgorithm: AlgorithmIdentifier(
                algorithm: try ASN1ObjectIdentifier(dotted: "1.2.840.113549.1.12.1.3"), parameters: pbe.bytes),
            encryptedData: [UInt8](repeating: 0, count: 16))
        #expect(throws: CryptoError.self) { _ = try p12.decrypt(password: []) }
    }

    /// scrypt with N = 2^20, r = 8 (1 GiB, over OpenSSL's 32 MiB for PKCS#8) and N = 2^62.
    @Test func hugeScryptParameters() throws {
        for n in [UInt64(1) << 20, UInt64(1) << 62] {
            var params = DERWriter()
            params.writeSequence { w in
                w.writeOctetString([1, 2, 3, 4, 5, 6, 7, 8])
                w.writeInteger(BigNum(n))
                w.writeInteger(8)
                w.writeInteger(1)
            }
            var kdf = DERWriter()
            AlgorithmIdentifier(
                algorithm: try ASN1ObjectIdentifier(dotted: "1.3.6.1.4.1.11591.4.11"), parameters: params.bytes
            ).write(to: &kdf)
            let start = Date()
            #expect(throws: CryptoError.self) { _ = try pbes2(kdf: kdf.bytes).decrypt(password: []) }
            #expect(Date().timeIntervalSince(start) < 5)
        }
    }
}

@Suite(.enabled(if: opensslPath != nil, "the openssl CLI is not installed"))
struct EncryptedKeysRoundTrip {
    /// A fresh RSA key from `openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 -outform DER`
    /// (PKCS#1 in OpenSSL 3.0), as a PKCS#8 PrivateKeyInfo by `openssl pkcs8 -topk8 -nocrypt`.
    func freshKey() throws -> [UInt8] {
        try openssl(
            ["pkcs8", "-topk8", "-nocrypt", "-inform", "DER", "-outform", "DER"],
            input: try openssl(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024", "-outform", "DER"]))
    }

    /// LibCrypto's PBES2 output, decrypted by `openssl pkcs8 -topk8 -nocrypt -inform DER -passin pass:P
    /// -outform DER`;
    /// OpenSSL's (`openssl pkcs8 -topk8 -v2 <cipher> -v2prf <prf> -passout pass:P`) decrypted here.
    @Test(arguments: [
        ("AES-256-CBC", PBKDF2PRF.hmacWithSHA256, "aes-256-cbc", "hmacWithSHA256"),
        ("AES-128-CBC", .hmacWithSHA1, "aes-128-cbc", "hmacWithSHA1"),
        ("DES-EDE3-CBC", .hmacWithSHA512, "des3", "hmacWithSHA512"),
    ])
    func pkcs8(_ cipher: String, _ prf: PBKDF2PRF, _ cliCipher: String, _ cliPRF: String) throws {
        let key = try freshKey()
        let password = "pw-\(UInt32.random(in: 0...UInt32.max))"
        do {
            let mine = try EncryptedPrivateKeyInfo.encrypt(
                privateKeyInfo: key, password: Array(password.utf8), cipher: cipher, prf: prf, iterations: 1000)
            #expect(
                try openssl(
                    [
                        "pkcs8", "-topk8", "-nocrypt", "-inform", "DER", "-passin", "pass:" + password, "-outform",
                        "DER",
                    ],
                    input: mine.derEncoded()) == key)
        } catch let e as CryptoError where e.code == .unknownAlgorithm {
            #expect(Catalog.descriptor(named: e.reason).map { !$0.isCompiledIn } == true, "\(e)")
            return
        }
        let theirs = try openssl(
            [
                "pkcs8", "-topk8", "-inform", "DER", "-v2", cliCipher, "-v2prf", cliPRF, "-passout",
                "pass:" + password, "-outform", "DER",
            ], input: key)
        #expect(try EncryptedPrivateKeyInfo.parse(der: theirs).decrypt(password: Array(password.utf8)) == key)
    }

    /// Traditional PEM: LibCrypto's block decrypted by `openssl pkey -passin pass:P -outform DER
    /// -traditional`; OpenSSL's (`openssl pkey -traditional -<cipher> -passout pass:P`) decrypted here.
    @Test(arguments: [("AES-256-CBC", "-aes-256-cbc"), ("AES-128-CBC", "-aes128"), ("DES-EDE3-CBC", "-des3")])
    func traditional(_ cipher: String, _ cliCipher: String) throws {
        let pkcs1 = try openssl(["pkey", "-inform", "DER", "-outform", "DER", "-traditional"], input: try freshKey())
        let password = "pw-\(UInt32.random(in: 0...UInt32.max))"
        do {
            let block = try PEMBlock.encrypted(
                label: "RSA PRIVATE KEY", data: pkcs1, password: Array(password.utf8), cipher: cipher)
            #expect(
                try openssl(
                    ["pkey", "-passin", "pass:" + password, "-outform", "DER", "-traditional"],
                    input: Array(block.pemEncoded.utf8)) == pkcs1)
        } catch let e as CryptoError where e.code == .unknownAlgorithm {
            #expect(Catalog.descriptor(named: e.reason).map { !$0.isCompiledIn } == true, "\(e)")
            return
        }
        let theirs = try openssl(
            ["pkey", "-inform", "DER", "-traditional", cliCipher, "-passout", "pass:" + password], input: pkcs1)
        let block = try PEM.parse(theirs)
        #expect(block.label == "RSA PRIVATE KEY")
        #expect(try block.decrypted(password: Array(password.utf8)).data == pkcs1)
    }
}
