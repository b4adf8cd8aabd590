import Conformance
import Foundation
import LibCrypto

// Parser targets for LibCrypto's encodings (Sources/LibCrypto/Encoding): `der` feeds the input to
// every DER decoder (the generic tree, each primitive type, each key container) under strict DER
// and under OpenSSL's d2i rules; `pem` feeds it to the PEM reader and, through it, to the key
// containers. A thrown `CryptoError` is the right answer to bad input; a trap, another error type,
// or a value that does not survive its own encoding is a finding:
// - a DER tree re-encodes to the input (strict DER) and reads back as itself;
// - each primitive re-encodes to its own element bytes;
// - each key container re-encodes to bytes that parse (same rules) to the same value, and to the
//   input itself under strict DER;
// - PEM blocks written back read as the same label, headers and data.

enum EncodingTargets {
    static var all: [FuzzTarget] { [der, pem] }

    /// Seeds: a few hand-made encodings plus the key files of cryptography-vectors.
    static func seeds(_ target: String, samples: [[UInt8]], suffixes: [String]) -> [String] {
        let dir = NSTemporaryDirectory() + "confrun-fuzz-seeds-\(getuid())/\(target)-src"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var items: [(name: String, prefix: [UInt8], path: String)] = []
        for (i, s) in samples.enumerated() {
            let p = dir + "/sample-\(i)"
            if FileManager.default.createFile(atPath: p, contents: Data(s)) { items.append(("sample-\(i)", [], p)) }
        }
        let root = FuzzSeeds.locations.cache + "/cryptography-vectors/cryptography_vectors/asymmetric"
        for folder in ["PKCS8", "PEM_Serialization", "DER_Serialization", "Traditional_OpenSSL_Serialization"] {
            for path in FuzzSeeds.files(in: root + "/" + folder) where suffixes.contains(where: path.hasSuffix) {
                items.append(((path as NSString).lastPathComponent, [], path))
            }
        }
        return FuzzSeeds.materialize(target, items, maxBytes: FuzzTargets.maxLength(target))
            + FuzzSeeds.regressions(target)
    }

    // MARK: DER

    /// Parses `bytes` as `T` under `rules`; on success, checks the value survives its encoding.
    static func container<T: DERStructure>(_ type: T.Type, _ bytes: [UInt8], _ rules: DERRules) -> String? {
        let value: T
        do {
            value = try T.parse(der: bytes, rules: rules)
        } catch is CryptoError {
            return nil
        } catch {
            return "\(T.self) threw a non-CryptoError: \(error)"
        }
        let encoded = value.derEncoded()
        guard let again = try? T.parse(der: encoded, rules: rules), again == value else {
            return "\(T.self): the re-encoding does not parse to the same value"
        }
        if rules == .der && encoded != bytes { return "\(T.self): strict DER re-encodes to other bytes" }
        return nil
    }

    /// The small limits encrypted keys are decrypted under here: a count or scrypt size over
    /// them is a quick, clean refusal, so one input never takes seconds.
    static let fuzzLimits = PBELimits(maxIterations: 64, scryptMaxMemory: 1 << 20)

    /// `EncryptedPrivateKeyInfo.decrypt` with a fixed password: any outcome but a trap or a
    /// non-CryptoError is fine (the input is almost never a right ciphertext).
    static func decryption(_ bytes: [UInt8], _ rules: DERRules) -> String? {
        guard let info = try? EncryptedPrivateKeyInfo.parse(der: bytes, rules: rules) else { return nil }
        do { _ = try info.decrypt(password: Array("fuzz".utf8), limits: fuzzLimits) } catch is CryptoError {} catch {
            return "EncryptedPrivateKeyInfo.decrypt threw a non-CryptoError: \(error)"
        }
        return nil
    }

    /// Reads one primitive with its typed reader and writes it back: the bytes must not change.
    static func primitive(_ tag: ASN1Tag, _ content: [UInt8]) -> String? {
        var w = DERWriter()
        w.write(tag, content: content)
        let element = w.bytes
        var r = DERReader(element)
        var out = DERWriter()
        do {
            switch tag {
            case .integer: out.writeInteger(try r.readInteger())
            case .boolean: out.writeBoolean(try r.readBoolean())
            case .null:
                try r.readNull()
                out.writeNull()
            case .bitString:
                let b = try r.readBitString()
                try out.writeBitString(b.bytes, unusedBits: b.unusedBits)
            case .objectIdentifier:
                let oid = try r.readObjectIdentifier()
                guard (try? ASN1ObjectIdentifier(dotted: oid.dotted)) == oid else {
                    return "OID \(oid) does not read back from its dotted form"
                }
                out.writeObjectIdentifier(oid)
            case .utf8String, .printableString, .ia5String, .t61String, .bmpString:
                try out.writeString(try r.readString(tag), tag: tag)
            case .utcTime, .generalizedTime: out.writeTime(try r.readTime())
            default: return nil
            }
        } catch is CryptoError {
            return nil
        } catch {
            return "\(tag) threw a non-CryptoError: \(error)"
        }
        return out.bytes == element ? nil : "\(tag) re-encodes to other bytes"
    }

    static func walk(_ node: DERNode, _ budget: inout Int) -> String? {
        guard budget > 0 else { return nil }
        budget -= 1
        switch node {
        case .primitive(let tag, let content): return primitive(tag, content)
        case .constructed(_, let children):
            for c in children { if let f = walk(c, &budget) { return f } }
            return nil
        }
    }

    static func runDER(_ bytes: [UInt8]) -> FuzzTarget.Verdict {
        for rules in [DERRules.der, .openSSL] {
            do {
                let node = try DERNode(der: bytes, rules: rules)
                let encoded = node.derEncoded
                if rules == .der && encoded != bytes { return .finding("DERNode re-encodes to other bytes") }
                guard (try? DERNode(der: encoded)) == node else {
                    return .finding("DERNode's encoding does not read back as the same tree")
                }
                var budget = 256
                if let f = walk(node, &budget) { return .finding(f) }
            } catch is CryptoError {
            } catch {
                return .finding("DERNode threw a non-CryptoError: \(error)")
            }
            var checks: [String?] = [
                container(PKCS1RSAPublicKey.self, bytes, rules), container(PKCS1RSAPrivateKey.self, bytes, rules),
                container(PKCS8PrivateKeyInfo.self, bytes, rules), container(SubjectPublicKeyInfo.self, bytes, rules),
                container(EncryptedPrivateKeyInfo.self, bytes, rules), decryption(bytes, rules),
            ]
            // The DSA and DH containers are in builds with those families only (no-dsa, no-dh).
            #if DSA
            checks += [
                container(DSSParameters.self, bytes, rules), container(DSATraditionalPrivateKey.self, bytes, rules),
            ]
            #endif
            #if DH
            checks += [
                container(PKCS3DHParameters.self, bytes, rules), container(X942DHParameters.self, bytes, rules),
            ]
            #endif
            if let f = checks.compactMap({ $0 }).first { return .finding(f) }
        }
        return .ok
    }

    static let der = FuzzTarget(
        name: "der", kind: .parser,
        summary:
            "DER (DERNode, every primitive reader, PKCS#1/PKCS#8/SPKI/DSA/DH containers, EncryptedPrivateKeyInfo and its decryption), strict and OpenSSL rules",
        dictionary: [
            // ASCII only: a token is written as its UTF-8 bytes.
            "0\u{03}", "\u{00}\u{00}", "\u{02}\u{01}\u{00}", "\u{05}\u{00}", "\u{03}\u{01}\u{00}",
            "\u{06}\u{03}U\u{04}\u{03}", "\u{1F}", "\u{17}\u{0D}", "Z", "1\u{00}",
        ],
        seeds: {
            seeds(
                "der",
                samples: [
                    [0x30, 0x06, 0x02, 0x01, 0x05, 0x02, 0x01, 0x03], [0x30, 0x80, 0x02, 0x01, 0x05, 0x00, 0x00],
                    [0x06, 0x03, 0x55, 0x04, 0x03], [0x03, 0x02, 0x07, 0x80],
                    Array("\u{17}\u{0D}991231235959Z".utf8),
                ], suffixes: [".der"])
        },
        run: { runDER(Array($0)) })

    // MARK: PEM

    static func runPEM(_ bytes: [UInt8]) -> FuzzTarget.Verdict {
        let blocks: [PEMBlock]
        do {
            blocks = try PEM.parseAll(bytes)
        } catch is CryptoError {
            return .ok
        } catch {
            return .finding("PEM.parseAll threw a non-CryptoError: \(error)")
        }
        for b in blocks.prefix(8) {
            do { _ = try b.encryption() } catch is CryptoError {} catch {
                return .finding("encryption() threw a non-CryptoError: \(error)")
            }
            if b.isEncrypted {
                do { _ = try b.decrypted(password: Array("fuzz".utf8)) } catch is CryptoError {} catch {
                    return .finding("decrypted(password:) threw a non-CryptoError: \(error)")
                }
            }
            // An empty body is written as no lines at all, which OpenSSL does not read back; and
            // a NUL byte ends a line for OpenSSL's reader (C strings, its newline dropped with the
            // rest), so a block read from such input is not written back as it was read.
            guard !b.data.isEmpty, !bytes.contains(0) else { continue }
            guard let again = try? PEM.parseAll(text: b.pemEncoded), again.count == 1,
                again[0].label == b.label, again[0].headerText == b.headerText, again[0].data == b.data
            else { return .finding("PEM block '\(b.label)' does not read back as itself") }
            if let f = runDERContainers(b.data) { return .finding(f) }
        }
        // The PEM helpers of the containers on the same text (valid UTF-8 only reaches them).
        if let text = String(validating: bytes, as: UTF8.self) {
            _ = try? PKCS1RSAPrivateKey.parse(pem: text, rules: .openSSL)
            _ = try? PKCS8PrivateKeyInfo.parse(pem: text, rules: .openSSL)
            _ = try? SubjectPublicKeyInfo.parse(pem: text, rules: .openSSL)
        }
        return .ok
    }

    static func runDERContainers(_ der: [UInt8]) -> String? {
        if case .finding(let f) = runDER(der) { return f }
        return nil
    }

    static let pem = FuzzTarget(
        name: "pem", kind: .parser,
        summary:
            "PEM (PEM.parseAll as PEM_read_bio, headers, DEK-Info decryption, write/read round trip) and the key containers inside",
        dictionary: [
            "-----BEGIN ", "-----END ", "-----\n", "RSA PRIVATE KEY", "PRIVATE KEY", "PUBLIC KEY", "DSA PARAMETERS",
            "Proc-Type: 4,ENCRYPTED\n", "DEK-Info: AES-128-CBC,", "\n\n", "=", "==", "\r\n",
        ],
        seeds: {
            seeds(
                "pem",
                samples: [
                    Array("-----BEGIN A-----\nMAMCAQU=\n-----END A-----\n".utf8),
                    Array(
                        "x\n-----BEGIN A-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF\n\nMAMCAQU=\n-----END A-----\n"
                            .utf8),
                ], suffixes: [".pem"])
        },
        run: { runPEM(Array($0)) })
}
