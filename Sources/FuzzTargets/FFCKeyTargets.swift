import Conformance
import Foundation
import Vectors

// Parser targets for the DSA and DH readers: `ffc` feeds a file to `FFCRecordParser` (CAVP DSA
// SigGen/SigVer/KeyPair/PQGGen/PQGVer, KAS FFC .fax, pyca's DH text files) for one operation;
// `keyfile` feeds it to `KeyFileParser` and then to LibCrypto's key loading as the key-file
// step does it on the LibCrypto side (PEM or DER to RSA, DSA and DH keys and parameters), and
// checks that what loads re-encodes to DER LibCrypto reads back as the same thing.
extension ParserTargets {
    /// Parses as `parseChecked` does and hands back what the parser delivered.
    static func parseCollected(_ input: UnsafeRawBufferPointer, entry: Manifest.Entry) -> (
        CollectingSink, FuzzTarget.Verdict
    ) {
        let sink = CollectingSink()
        ScratchFile.with(input) { path in
            VectorFileReader.read(path: path, displayPath: displayPath, entry: entry, corpus: "fuzz", into: sink)
        }
        if let problem = Invariants.check(
            sink, file: displayPath, lines: Invariants.lineCount(input), size: input.count)
        {
            return (sink, .finding(problem))
        }
        return (sink, .ok)
    }

    // MARK: DSA and DH records

    /// The manifest operation and algorithm each selector byte stands for: every operation of
    /// `ffc-records`, with hex and decimal DH numbers.
    static let ffcModes: [(operation: String, algorithm: String)] = [
        ("siggen", "DSA"), ("sigver", "DSA"), ("keypair", "DSA"), ("pqggen", "DSA"), ("pqgver", "DSA"),
        ("kas", "DH"), ("derive", "DH decimal"), ("derive-fail", "DH decimal"), ("keypair", "DH"), ("group", "DH"),
        ("derive", "DH"), ("derive-fail", "DH"),
    ]

    static let ffc = FuzzTarget(
        name: "ffc", kind: .parser,
        summary:
            "DSA and DH record files (FFCRecordParser: CAVP DSA, KAS FFC, pyca DH; the first byte picks the operation)",
        dictionary: [
            "\n\n", " = ", "[mod = L=2048, N=256, SHA-256]", "[mod = 1024]", "[mod = L=1024, N=160, SHA-1]",
            "[A.1.1.2 ", "[A.1.1.3 ", "[A.1.2.1 ", "[A.2.1 ", "[A.2.2 ", "[A.2.3 ", "[A.2.4 ", "[FA - SHA1]",
            "[FB - SHA224]", "[FC - SHA256]", "P = ", "Q = ", "G = ", "X = ", "Y = ", "Msg = ", "R = ", "S = ",
            "Result = P", "Result = F", "Result = F (1 - Message changed)", "domain_parameter_seed = ",
            "counter = ", "index = ", "Seed = ", "c = ", "H = ", "h = ", "pgen_counter = ", "qgen_counter = ",
            "firstseed = ", "pseed = ", "qseed = ", "COUNT = ", "XstatIUT = ", "YstatIUT = ", "XstatCAVS = ",
            "YstatCAVS = ", "Z = ", "CAVSHashZZ = ", "K = ", "X1 = ", "Y1 = ", "P1 = ", "G1 = ", "X2 = ", "Y2 = ",
            "P2 = ", "G2 = ", "modp_2048", "# ", "00", "ff", "9223372036854775807", "65535",
        ],
        seeds: {
            let files = FuzzSeeds.corpusFiles(manifest: "cryptography-vectors") { $0.format == "ffc-records" }
            let picked = FuzzSeeds.spread(files, perKey: 3) { $0.entry.operation + " " + $0.entry.algorithm }
            let items = picked.map { f -> (String, [UInt8], String) in
                let i =
                    ffcModes.firstIndex { $0 == (f.entry.operation, f.entry.algorithm) }
                    ?? ffcModes.firstIndex { $0.operation == f.entry.operation } ?? 0
                return ((f.path as NSString).lastPathComponent, [UInt8(i)], f.path)
            }
            return FuzzSeeds.materialize("ffc", items, maxBytes: maxLength["ffc"]!) + FuzzSeeds.regressions("ffc")
        },
        run: { input in
            guard let selector = input.first else { return .ok }
            let mode = ffcModes[Int(selector) % ffcModes.count]
            return parseChecked(
                UnsafeRawBufferPointer(rebasing: input.dropFirst()),
                entry: entry(mode.operation, "ffc-records", mode.algorithm))
        })

    // MARK: Key files

    /// The manifest's algorithm column each selector byte stands for (it decides which DER
    /// parameter types are tried).
    static let keyFileModes = ["DSA", "DH", "DHX", "RSA", "EC", "key"]

    /// The DER forms each kind of reading must have.
    static let keyFileForms: [String: [String]] = [
        "a private key": ["i2d_PUBKEY", "i2d_PrivateKey"], "a public key": ["i2d_PUBKEY"],
        "parameters": ["i2d_KeyParams"],
    ]

    /// Up to this DER size (numbers of about 1,024 bits) LibCrypto's validity check also runs on
    /// what loaded: its primality tests on larger primes take seconds each under AddressSanitizer
    /// (a 1 KiB DH parameter file timed out at libFuzzer's 20 s), which is cost, not a defect.
    static let keyFileValidateBytes = 200

    /// LibCrypto's reading of a key file: a thrown error is an answer; what loads must have the
    /// DER forms of its kind, and each form must read back (as DER) as the same kind and type
    /// with the same DER.
    static func loadKeyFile(_ check: KeyFileCheck) -> FuzzTarget.Verdict {
        let first: KeyFileLibCrypto.Reading
        do { first = try KeyFileLibCrypto.read(check) } catch { return .ok }
        guard let forms = keyFileForms[first.kind], forms == first.der.keys.sorted() else {
            return .finding("\(first.kind) (\(first.type)) with DER forms \(first.der.keys.sorted())")
        }
        for name in forms {
            let der = first.der[name]!
            var again = KeyFileCheck(contents: der, isPEM: false)
            if name == "i2d_KeyParams" { again.parametersType = first.type }
            let kind = name == "i2d_PUBKEY" ? "a public key" : first.kind
            do {
                let r = try KeyFileLibCrypto.read(again)
                guard r.kind == kind, r.type == first.type else {
                    return .finding(
                        "\(name) of \(first.kind) (\(first.type)) reads back as \(r.kind) (\(r.type))")
                }
                guard r.der[name] == der else {
                    return .finding("\(name) of \(first.kind) (\(first.type)) reads back to other DER")
                }
            } catch {
                return .finding(
                    "LibCrypto does not read back its own \(name) of \(first.kind) (\(first.type)): \(error)")
            }
        }
        if first.der.values.allSatisfy({ $0.count <= keyFileValidateBytes }), let validate = first.validate {
            _ = try? validate()
        }
        return .ok
    }

    static let keyfile = FuzzTarget(
        name: "keyfile", kind: .parser,
        summary:
            "key files (KeyFileParser, then LibCrypto's PEM/DER loading of RSA, DSA and DH keys and parameters and its re-encoding; the first byte picks the algorithm column)",
        dictionary: [
            "-----BEGIN ", "-----END ", "-----\n", "PRIVATE KEY", "PUBLIC KEY", "RSA PRIVATE KEY", "RSA PUBLIC KEY",
            "DSA PRIVATE KEY", "DSA PARAMETERS", "DH PARAMETERS", "X9.42 DH PARAMETERS", "ENCRYPTED PRIVATE KEY",
            "EC PRIVATE KEY", "Proc-Type: 4,ENCRYPTED\n", "DEK-Info: AES-128-CBC,", "\n\n", "=",
            // DER (ASCII bytes only; the key OIDs come with the seeds): SEQUENCE, INTEGER 0/1, NULL,
            // BIT STRING, OCTET STRING.
            "0\u{03}", "\u{02}\u{01}\u{00}", "\u{02}\u{01}\u{01}", "\u{05}\u{00}", "\u{03}\u{01}\u{00}", "\u{04}\u{01}",
        ],
        seeds: {
            let files = FuzzSeeds.corpusFiles(manifest: "cryptography-vectors") { $0.format == "key-file" }
            let picked = FuzzSeeds.spread(files, perKey: 12) {
                ($0.path as NSString).deletingLastPathComponent + " " + $0.entry.algorithm
            }
            let items = picked.map { f -> (String, [UInt8], String) in
                let i = keyFileModes.firstIndex(of: f.entry.algorithm) ?? keyFileModes.count - 1
                return ((f.path as NSString).lastPathComponent, [UInt8(i)], f.path)
            }
            return FuzzSeeds.materialize("keyfile", items, maxBytes: maxLength["keyfile"]!)
                + FuzzSeeds.regressions("keyfile")
        },
        run: { input in
            guard let selector = input.first else { return .ok }
            let body = UnsafeRawBufferPointer(rebasing: input.dropFirst())
            let (sink, verdict) = parseCollected(
                body, entry: entry("read", "key-file", keyFileModes[Int(selector) % keyFileModes.count]))
            guard verdict == .ok else { return verdict }
            guard let v = sink.vectors.first, case .keyFile(let check) = v.operation else { return .ok }
            if sink.vectors.count != 1 { return .finding("\(sink.vectors.count) cases from one key file") }
            if check.contents != Array(body) { return .finding("the case's contents are not the file") }
            return loadKeyFile(check)
        })
}
