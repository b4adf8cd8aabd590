import Foundation
import LibCrypto
import Testing

/// The public-key names of the catalog and the registry, checked against OpenSSL 3.0 itself:
/// the key managers' names (`openssl list -key-managers`), and each signature name against
/// the OpenSSL source the set-up fetched — `include/openssl/obj_mac.h` (its long and short
/// names), `crypto/objects/obj_xref.txt` (`OBJ_find_sigid_algs`' digest and key pairs) and
/// `providers/common/der/der_{rsa,dsa}_sig.c` (the pairs the providers encode) — and against
/// `openssl list -digest-algorithms` (legacy names that are digest aliases).
@Suite("Public-key registry and signature names")
struct PublicKeyRegistryTests {
    static let source: String = {
        let env = ProcessInfo.processInfo.environment
        let cache = env["CONFRUN_CACHE"] ?? ((env["HOME"] ?? "/root") + "/.cache/swift-libcrypto")
        return cache + "/openssl/openssl-3.0.22/"
    }()

    static func openssl(_ arguments: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["openssl"] + arguments
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// OpenSSL's short digest name (`sha3_224`, `sha512-224`, `RIPEMD160`) in the catalog.
    static func catalogDigest(_ openSSLName: String) -> String? {
        Catalog.canonicalName(openSSLName.replacingOccurrences(of: "_", with: "-"))
    }

    @Test("every key type answers to the names of OpenSSL's key manager, and they to it")
    func keyManagers() throws {
        let text = try Self.openssl(["list", "-key-managers"])
        // "    IDs: { 1.2.840.113549.1.1.1, 2.5.8.1.1, RSA, rsaEncryption } @ default"
        var managers: [Set<String>] = []
        for line in text.split(separator: "\n") where line.contains("IDs: {") {
            guard let open = line.firstIndex(of: "{"), let close = line.firstIndex(of: "}") else { continue }
            let ids = line[line.index(after: open)..<close].split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            managers.append(Set(ids.filter { !($0.first?.isNumber ?? true) }))
        }
        #expect(managers.count >= 5, "openssl list -key-managers gave \(managers.count) managers")
        for p in Registry.publicKeys {
            let manager = managers.first { $0.contains(p.info.name) }
            #expect(manager == Set(p.info.allNames), "\(p.info.name): OpenSSL's names are \(manager ?? [])")
            for n in p.info.allNames {
                #expect(try Registry.publicKey(named: n.uppercased()).info == p.info)
                #expect(try Registry.algorithm(named: n).family == .publicKey)
            }
        }
        var built = ["RSA", "RSA-PSS"]
        #if DSA
        built.append("DSA")
        #endif
        #if DH
        built += ["DH", "DHX"]
        #endif
        #if EC
        built += ["EC", "X25519", "X448", "ED25519", "ED448"]
        #endif
        #if SM2
        built.append("SM2")
        #endif
        #expect(Registry.publicKeys.map(\.info.name) == built)
        #if !SM2
        #expect(throws: CryptoError.self) { try Registry.publicKey(named: "SM2") }
        #endif
    }

    @Test("DSA is trait DSA, DH and DHX trait DH, EC and the ECX types trait EC; RSA has no trait (no no-rsa)")
    func traits() throws {
        let traits = Dictionary(
            uniqueKeysWithValues: Catalog.descriptors.filter { $0.family == .publicKey }.map { ($0.name, $0.trait) })
        #expect(
            traits == [
                "RSA": nil, "RSA-PSS": nil, "DSA": "DSA", "DH": "DH", "DHX": "DH", "EC": "EC", "X25519": "EC",
                "X448": "EC", "ED25519": "EC", "ED448": "EC", "SM2": "SM2",
            ])
        #expect(Catalog.feature(option: "no-dsa")?.trait == "DSA" && Catalog.feature(option: "no-dh")?.trait == "DH")
        // Each family is in this build exactly when its trait is (a no-X build lacks it by every name).
        for (name, trait) in [
            ("DSA", "DSA"), ("DH", "DH"), ("DHX", "DH"), ("EC", "EC"), ("ED448", "EC"), ("SM2", "SM2"),
        ] {
            let descriptor = try #require(Catalog.descriptor(named: name))
            let on = Catalog.isEnabled(trait: trait)
            for n in descriptor.allNames {
                #expect(((try? Registry.publicKey(named: n)) != nil) == on, "\(n)")
            }
            if !on {
                #expect(Catalog.explainAbsence(of: name).contains("no-\(trait.lowercased())"))
            }
        }
        #if DSA
        #expect(Catalog.isEnabled(trait: "DSA"))
        #else
        #expect(!Catalog.isEnabled(trait: "DSA"))
        #expect(throws: CryptoError.self) { try Registry.signature(named: "dsa_with_SHA256") }
        #endif
        #if DH
        #expect(Catalog.isEnabled(trait: "DH"))
        #else
        #expect(!Catalog.isEnabled(trait: "DH"))
        #endif
    }

    @Test("every signature name is OpenSSL's, paired with the key type and digest OpenSSL pairs it with")
    func signatureNames() throws {
        let objMac = try String(contentsOfFile: Self.source + "include/openssl/obj_mac.h", encoding: .utf8)
        // #define SN_sha256WithRSAEncryption "RSA-SHA256" / #define LN_... "sha256WithRSAEncryption"
        var sn: [String: String] = [:]
        var ln: [String: String] = [:]
        for line in objMac.split(separator: "\n") where line.hasPrefix("#define SN_") || line.hasPrefix("#define LN_") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count >= 3, let q1 = line.firstIndex(of: "\""), let q2 = line.lastIndex(of: "\""), q1 < q2
            else { continue }
            let key = String(parts[1].dropFirst(3))
            let value = String(line[line.index(after: q1)..<q2])
            if parts[1].hasPrefix("SN_") { sn[key] = value } else { ln[key] = value }
        }
        // The object whose long name (or, lacking one, short name) is `name`.
        func object(named name: String) -> String? {
            ln.first { $0.value == name }?.key ?? sn.first { $0.value == name && ln[$0.key] == nil }?.key
        }
        var pairs: [String: (digest: String, key: String)] = [:]
        let xref = try String(contentsOfFile: Self.source + "crypto/objects/obj_xref.txt", encoding: .utf8)
        for line in xref.split(separator: "\n") where !line.hasPrefix("#") {
            let f = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard f.count == 3 else { continue }
            let key = [
                "rsaEncryption": "RSA", "rsa": "RSA", "dsa": "DSA", "dsa_2": "DSA", "X9_62_id_ecPublicKey": "EC",
            ][f[2]]
            if let key, let digest = sn[f[1]].flatMap(Self.catalogDigest) { pairs[f[0]] = (digest, key) }
        }
        for (file, key, prefix) in [
            ("der_rsa_sig.c", "RSA", "MD_with_RSA_CASE("), ("der_dsa_sig.c", "DSA", "MD_CASE("),
            ("der_ec_sig.c", "EC", "MD_CASE("),
        ] {
            let c = try String(contentsOfFile: Self.source + "providers/common/der/" + file, encoding: .utf8)
            for line in c.split(separator: "\n") {
                let t = line.trimmingCharacters(in: .whitespaces)
                guard t.hasPrefix(prefix), let end = t.firstIndex(where: { $0 == "," || $0 == ")" }) else { continue }
                let md = String(t[t.index(t.startIndex, offsetBy: prefix.count)..<end])
                guard let digest = sn[md].flatMap(Self.catalogDigest) ?? Self.catalogDigest(md) else { continue }
                // The provider's OID is <md>WithRSAEncryption / id_dsa_with_<md>; find its object.
                let candidates =
                    key == "RSA"
                    ? [md + "WithRSAEncryption", "RSA_" + md.uppercased(), md + "WithRSA"]
                    : key == "EC"
                        ? ["ecdsa_with_" + md.uppercased()]
                        : md == "sha1" ? ["dsaWithSHA1"] : ["dsa_with_" + md.uppercased()]
                for o in candidates where sn[o] != nil || ln[o] != nil { pairs[o] = (digest, key) }
            }
        }
        let legacy = try Self.openssl(["list", "-digest-algorithms"])
        var digestAlias: [String: String] = [:]
        for line in legacy.split(separator: "\n") where line.contains(" => ") {
            let f = line.trimmingCharacters(in: .whitespaces).components(separatedBy: " => ")
            if f.count == 2 { digestAlias[f[0]] = f[1] }
        }

        var confirmedBySource = 0
        for s in Catalog.signatureNames {
            let o = try #require(object(named: s.name), "\(s.name) is not an object name of obj_mac.h")
            #expect(ln[o] == s.name || sn[o] == s.name)
            let other = [sn[o], ln[o]].compactMap { $0 }.filter { $0 != s.name }
            #expect(s.aliases == other, "\(s.name): obj_mac.h gives \(other)")
            if let pair = pairs[o] {
                confirmedBySource += 1
                #expect(pair.digest == s.digest && pair.key == s.keyType, "\(s.name): OpenSSL pairs \(pair)")
            } else {
                // Not in the sigid table or the providers: a legacy digest alias must confirm it.
                let d = s.allNames.compactMap { digestAlias[$0] }.first.flatMap(Self.catalogDigest)
                #expect(d == s.digest && s.keyType == "RSA", "\(s.name) has no OpenSSL pairing")
            }
            for n in s.allNames where s.isCompiledIn {
                let found = try Registry.signature(named: n.lowercased())
                #expect(found.info == s && found.digest.info.name == s.digest && found.keyType.info.name == s.keyType)
            }
            for n in s.allNames where !s.isCompiledIn {
                #expect(throws: CryptoError.self, "\(n)") { try Registry.signature(named: n) }
            }
        }
        #expect(confirmedBySource >= 25, "only \(confirmedBySource) pairs found in OpenSSL's source")
        // Every RSA, DSA or ECDSA pair OpenSSL has, with a digest LibCrypto knows, is in the table.
        for (o, _) in pairs {
            let name = ln[o] ?? sn[o] ?? o
            #expect(Catalog.signatureName(name) != nil, "OpenSSL's \(name) is missing")
        }
    }

    @Test("signature names resolve, explain themselves, and refuse what is not a signature")
    func lookups() throws {
        let s = try Registry.signature(named: "RSA-SHA256")
        #expect(s.info.name == "sha256WithRSAEncryption" && s.digest.digestSize == 32)
        // RSA-SHA256 is also a digest alias, as EVP_get_digestbyname has it.
        #expect(try Registry.algorithm(named: "RSA-SHA256").name == "SHA2-256")
        #if DSA
        #expect(try Registry.signature(named: "ID-DSA-WITH-SHA3-512").keyType.info.name == "DSA")
        #expect(Catalog.explainAbsence(of: "dsa_with_SHA256").contains("DSA with SHA2-256"))
        #else
        #expect(Catalog.explainAbsence(of: "dsa_with_SHA256").contains("no-dsa"))
        #endif
        #expect(throws: CryptoError.self) { try Registry.signature(named: "SHA256") }
        #if EC
        #expect(try Registry.signature(named: "ECDSA-WITH-SHA256").keyType.info.name == "EC")
        #expect(try Registry.signature(named: "id-ecdsa-with-sha3-256").digest.info.name == "SHA3-256")
        #else
        #expect(throws: CryptoError.self) { try Registry.signature(named: "ecdsa-with-SHA256") }
        #endif
        #expect(throws: CryptoError.self) { try Registry.signature(named: "ecdsa-with-Recommended") }
        #expect(Registry.signatures.count == Catalog.signatureNames.filter(\.isCompiledIn).count)
    }
}
