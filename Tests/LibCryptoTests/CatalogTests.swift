import Foundation
import LibCrypto
import Testing

/// The catalog is the one place an algorithm's identity is written: these tests hold it to
/// Package.swift's traits, to the registry of this build, and to itself.
@Suite struct CatalogTests {
    /// Package.swift's traits as `(name, enabledTraits)`, read from its text (a manifest cannot
    /// import LibCrypto, so this test is what keeps the two lists equal).
    static func packageTraits() throws -> [(name: String, needs: [String])] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let pattern = try NSRegularExpression(
            pattern:
                #"\.trait\(\s*name:\s*"(\w+)"\s*,\s*description:\s*"(?:[^"\\]|\\.)*"\s*(?:,\s*enabledTraits:\s*\[([^\]]*)\])?\s*\)"#
        )
        let ns = text as NSString
        return pattern.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { m in
            let name = ns.substring(with: m.range(at: 1))
            let needs =
                m.range(at: 2).location == NSNotFound
                ? []
                : ns.substring(with: m.range(at: 2)).split(separator: ",")
                    .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \"\n")) }.filter { !$0.isEmpty }
            return (name, needs)
        }
    }

    @Test("the catalog's features are Package.swift's optional traits, with the same needs")
    func traitsMatchPackageSwift() throws {
        let declared = try Self.packageTraits().filter { $0.name != "MATRIX_SELFTEST_BROKEN" }
        #expect(declared.count >= 14, "Package.swift parse found \(declared.count) traits")
        #expect(Set(declared.map(\.name)) == Set(Catalog.features.map(\.trait)))
        for (name, needs) in declared {
            #expect(Catalog.feature(trait: name)?.needs.sorted() == needs.sorted(), "\(name) needs \(needs)")
        }
    }

    @Test("every feature has an option, a symbol pattern that compiles, and a probe name")
    func featuresAreComplete() throws {
        for f in Catalog.features {
            #expect(f.option == "no-" + f.trait.lowercased() || f.trait == "ASM", "\(f)")
            _ = try NSRegularExpression(pattern: f.symbolPattern)
            // ASM (hardware paths) and EC2M (curves) add no algorithm name: their absence is
            // proved by the "traits on" line and the symbols only.
            if f.trait != "ASM" && f.trait != "EC2M" { #expect(f.probeName != nil, "\(f) has no algorithm to probe") }
            #expect(Catalog.feature(option: f.option.uppercased()) == f)
        }
        #expect(Catalog.feature(trait: "DES")?.dependents.map(\.trait) == ["MDC2"])
        #expect(Catalog.feature(trait: "CMAC")?.dependents.map(\.trait) == ["SIV"])
    }

    @Test("no name or alias belongs to two descriptors")
    func namesAreUnique() {
        var owner: [String: String] = [:]
        for d in Catalog.descriptors {
            for n in d.allNames {
                if let other = owner[n.lowercased()] { Issue.record("\(n) is both \(other) and \(d.name)") }
                owner[n.lowercased()] = d.name
            }
        }
    }

    @Test("the registry holds exactly the implemented descriptors whose traits are on")
    func registryMatchesCatalog() throws {
        let registered = Set(Registry.all.map(\.name))
        for d in Catalog.descriptors {
            #expect(registered.contains(d.name) == d.isCompiledIn, "\(d.name): compiled in \(d.isCompiledIn)")
        }
        for a in Registry.all {
            for n in a.allNames { #expect(Catalog.descriptor(named: n) == a, "\(n) resolves elsewhere") }
            #expect(try Registry.algorithm(named: a.name) == a)
        }
        for c in Registry.ciphers { #expect(c.info.mode != nil, "\(c.info.name) has no mode") }
    }

    @Test("the enabled traits are the ones this build was compiled with")
    func enabledTraitsMatchCompilation() {
        var compiled: [String] = []
        #if ASM
        compiled.append("ASM")
        #endif
        #if IDEA
        compiled.append("IDEA")
        #endif
        #if RC5
        compiled.append("RC5")
        #endif
        #if RC2
        compiled.append("RC2")
        #endif
        #if RC4
        compiled.append("RC4")
        #endif
        #if DES
        compiled.append("DES")
        #endif
        #if BF
        compiled.append("BF")
        #endif
        #if CAST
        compiled.append("CAST")
        #endif
        #if MD2
        compiled.append("MD2")
        #endif
        #if MD4
        compiled.append("MD4")
        #endif
        #if MDC2
        compiled.append("MDC2")
        #endif
        #if RMD160
        compiled.append("RMD160")
        #endif
        #if SEED
        compiled.append("SEED")
        #endif
        #if CAMELLIA
        compiled.append("CAMELLIA")
        #endif
        #if ARIA
        compiled.append("ARIA")
        #endif
        #if SM4
        compiled.append("SM4")
        #endif
        #if WHIRLPOOL
        compiled.append("WHIRLPOOL")
        #endif
        #if SIPHASH
        compiled.append("SIPHASH")
        #endif
        #if CMAC
        compiled.append("CMAC")
        #endif
        #if SIV
        compiled.append("SIV")
        #endif
        #if OCB
        compiled.append("OCB")
        #endif
        #if CHACHA
        compiled.append("CHACHA")
        #endif
        #if POLY1305
        compiled.append("POLY1305")
        #endif
        #if SCRYPT
        compiled.append("SCRYPT")
        #endif
        #if BLAKE2
        compiled.append("BLAKE2")
        #endif
        #if SM3
        compiled.append("SM3")
        #endif
        #if DSA
        compiled.append("DSA")
        #endif
        #if DH
        compiled.append("DH")
        #endif
        #if EC
        compiled.append("EC")
        #endif
        #if SM2
        compiled.append("SM2")
        #endif
        #if EC && EC2M
        compiled.append("EC2M")
        #endif
        #expect(Set(Catalog.enabledTraits) == Set(compiled))
        for f in Catalog.features { #expect(f.isEnabled == compiled.contains(f.trait)) }
    }

    @Test("an algorithm under several no-X options needs every trait: ChaCha20-Poly1305, AES-SIV")
    func multiTraitDescriptors() throws {
        // providers/defltprov.c nests ChaCha20-Poly1305 under OPENSSL_NO_CHACHA and OPENSSL_NO_POLY1305.
        let aead = try #require(Catalog.descriptor(named: "chacha20-poly1305"))
        #expect(aead.traits == ["CHACHA", "POLY1305"])
        #expect(aead.trait == "CHACHA")
        #expect(aead.requiredTraits == ["CHACHA", "POLY1305"])
        #expect(Catalog.trait(forResult: "ChaCha20-Poly1305") == "CHACHA")
        #expect(Catalog.descriptor(named: "ChaCha20")?.requiredTraits == ["CHACHA"])
        #expect(Catalog.descriptor(named: "POLY1305")?.requiredTraits == ["POLY1305"])
        // Configure's `"cmac" => [ "siv" ]`: SIV needs CMAC (S2V is CMAC); GCM-SIV sits under no-siv (3.2).
        #expect(Catalog.descriptor(named: "AES-128-SIV")?.requiredTraits == ["SIV", "CMAC"])
        #expect(Catalog.descriptor(named: "AES-256-GCM-SIV")?.trait == "SIV")
        #expect(Catalog.descriptor(named: "AES-192-OCB")?.trait == "OCB")
        #expect(Catalog.descriptor(named: "id-scrypt")?.trait == "SCRYPT")
        for n in ["BLAKE2b512", "BLAKE2S-256", "BLAKE2BMAC", "BLAKE2SMAC"] {
            #expect(Catalog.descriptor(named: n)?.trait == "BLAKE2", "\(n)")
        }
        #expect(Catalog.descriptor(named: "SM3")?.trait == "SM3")
        #expect(Catalog.descriptor(named: "KBKDF")?.trait == nil, "KBKDF stays in no-cmac; only mac=CMAC goes")
        #expect(aead.isCompiledIn == (Catalog.isEnabled(trait: "CHACHA") && Catalog.isEnabled(trait: "POLY1305")))
        if Catalog.isEnabled(trait: "CHACHA") && !Catalog.isEnabled(trait: "POLY1305") {
            #expect(Catalog.explainAbsence(of: "ChaCha20-Poly1305").contains("as OpenSSL's no-poly1305"))
        }
    }

    @Test("lookups, statuses and composites")
    func lookups() throws {
        #expect(Catalog.descriptor(named: "sha256")?.name == "SHA2-256")
        #expect(Catalog.descriptor(named: "idea-cfb")?.trait == "IDEA")
        #expect(Catalog.descriptor(named: "aes-128-cbc")?.trait == nil)
        #expect(Catalog.descriptor(named: "aes128")?.mode == .cbc)
        #expect(Catalog.descriptor(named: "WHIRLPOOL")?.trait == "WHIRLPOOL")
        #expect(Catalog.descriptor(named: "aria-128-gcm")?.status == .implemented)
        #expect(Catalog.descriptor(named: "aria-128-gcm")?.trait == "ARIA")
        #expect(Catalog.descriptor(named: "AES-128-SIV")?.status == .implemented)
        #expect(Catalog.descriptor(named: "CAST5-CTR")?.status == .notInOpenSSL)
        #expect(Catalog.descriptor(named: "CAST5-CTR")?.isInOpenSSL30 == false)
        // Added in OpenSSL 3.2: implemented, an OpenSSL algorithm, but not in the 3.0 reference.
        for bits in [128, 192, 256] {
            let d = try #require(Catalog.descriptor(named: "aes-\(bits)-gcm-siv"))
            #expect(d.status == .implemented && d.mode == .gcmSIV && d.addedInOpenSSL == "3.2")
            #expect(!d.isInOpenSSL30 && d.isCompiledIn)
        }
        #expect(Catalog.descriptor(named: "AES-128-SIV")?.addedInOpenSSL == nil)
        #expect(Catalog.descriptor(named: "AES-128-SIV")?.isInOpenSSL30 == true)
        #expect(Catalog.descriptor(named: "FOO256") == nil)
        #expect(Catalog.resolve("MDC2")?.requiredTraits == ["MDC2", "DES"])
        let hmac = try #require(Catalog.resolve("HMAC-SHA256"))
        #expect(hmac.parts.map(\.name) == ["HMAC", "SHA2-256"])
        #expect(hmac.hardware == .shani)
        #expect(Catalog.resolve("CMAC-DES-EDE3-CBC")?.requiredTraits == ["CMAC", "DES"])
        #expect(Catalog.resolve("GMAC-AES-128-GCM")?.hardware == [.aesni, .pclmulqdq])
        #expect(Catalog.resolve("PBKDF1-MD2")?.requiredTraits == ["MD2"])
        #expect(Catalog.trait(forResult: "HMAC-MDC2") == "MDC2")
        // A composite reports under its innermost gated part: CMAC when the cipher is always built.
        #expect(Catalog.trait(forResult: "CMAC-AES-128-CBC") == "CMAC")
        #expect(Catalog.trait(forResult: "CMAC-DES-EDE3-CBC") == "DES")
        #expect(Catalog.trait(forResult: "HMAC-SHA256") == nil)
        #expect(Catalog.resolve("HMAC-NOSUCH") == nil)
        #expect(Catalog.nearestNames(to: "sha265").contains("SHA256"))
        #expect(Catalog.explainAbsence(of: "nosuch").hasPrefix("no algorithm is named 'nosuch'; nearest names: "))
    }
}
