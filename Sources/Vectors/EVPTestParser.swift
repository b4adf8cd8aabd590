/// Reads OpenSSL's `evp_test` stanza files (`test/recipes/30-test_evp_data/*.txt`).
///
/// A stanza is a run of `Key = Value` lines ended by a blank line; `#` lines are comments;
/// `Title` lines name the tests that follow. Values are hex, `"quoted text"` (with `\n` as the
/// only escape) or empty, as OpenSSL's own reader takes them. Stanzas whose kind we do not
/// run yet become `unsupported` vectors, and unknown keywords are listed on the vector, so that
/// nothing in a file is dropped without being counted.
public struct EVPTestParser {
    public var corpus: String

    public init(corpus: String) { self.corpus = corpus }

    struct Pair {
        var key: String
        var value: String
        var line: Int
        /// The PEM block after a `PrivateKey`/`PublicKey`/`ParamKey` line.
        var block: String? = nil
    }

    /// The keys a file has defined so far, as evp_test keeps them: private and public lists,
    /// looked up by name (the same name may be in both).
    struct KeyTable {
        var privateKeys: [String: KeyDefinition] = [:]
        var publicKeys: [String: KeyDefinition] = [:]

        /// `find_key` in the lists a stanza of `kind` searches: public first for verification.
        func find(_ name: String, usePublic: Bool) -> KeyDefinition? {
            if usePublic, let k = publicKeys[name] { return k }
            return privateKeys[name]
        }
    }

    /// The public-key stanza kinds this parser turns into ``PKeyInput``s.
    static let pkeyKinds: [String: PKeyInput.Kind] = Dictionary(
        uniqueKeysWithValues: PKeyInput.Kind.allCases.map { ($0.rawValue, $0) })

    struct StanzaError: Error {
        var line: Int
        var message: String
    }

    /// Stanza kinds that are test cases, by their first keyword.
    static let testKinds: Set<String> = [
        "Digest", "MAC", "Cipher", "KDF", "PKEYKDF", "Sign", "Verify", "VerifyRecover", "Decrypt",
        "Encrypt", "Derive", "Encoding", "RAND", "KeyGen", "PrivPubKeyPair", "DigestSign", "DigestVerify",
        "OneShotDigestSign", "OneShotDigestVerify", "PBE", "KEM",
    ]
    /// Stanza kinds that define a key for later stanzas, not a test: PEM blocks and raw keys
    /// (`PrivateKeyRaw = NAME:ALG:hex`). Their stanzas are not cases; the tests that use them are.
    static let keyKinds: Set<String> = ["PrivateKey", "PublicKey", "ParamKey", "PrivateKeyRaw", "PublicKeyRaw"]
    /// Keywords that may come before the kind keyword and apply to the whole stanza.
    static let prefixKeys: Set<String> = ["Availablein", "FIPSversion", "Securitycheck", "Unapproved"]

    public func parse(path: String, displayPath: String, into sink: VectorSink) {
        func report(_ line: Int, _ message: String) {
            sink.diagnostic(Diagnostic(file: displayPath, line: line, corpus: corpus, message: message))
        }
        let lines: LineReader
        do { lines = try LineReader(path: path) } catch {
            report(0, "\(error)")
            return
        }
        var pairs: [Pair] = []
        var broken = false
        var title = ""
        var keys = KeyTable()
        func flush() {
            defer {
                pairs.removeAll(keepingCapacity: true)
                broken = false
            }
            guard !pairs.isEmpty, !broken else { return }
            do {
                if let v = try vector(from: pairs, title: title, displayPath: displayPath, keys: &keys) {
                    sink.vector(v)
                }
            } catch let e as StanzaError {
                report(e.line, e.message)
            } catch {
                report(pairs[0].line, "\(error)")
            }
        }
        do {
            while let raw = try lines.next() {
                let n = lines.lineNumber
                let line = raw[...].trimmingWhitespace()
                if raw.isEmpty || line.isEmpty {
                    flush()
                    continue
                }
                if raw.first == "#" { continue }
                guard let eq = line.firstIndex(of: "=") else {
                    report(n, "missing '=' in '\(line.prefix(40))'; stanza ignored")
                    broken = true
                    continue
                }
                let key = String(line[..<eq].trimmingWhitespace())
                let value = String(line[line.index(after: eq)...].trimmingWhitespace())
                if key.isEmpty {
                    report(n, "empty keyword; stanza ignored")
                    broken = true
                    continue
                }
                if key == "Title" {
                    title = value
                    continue
                }
                var block: String? = nil
                if key == "PrivateKey" || key == "PublicKey" || key == "ParamKey" {
                    // A PEM block follows up to its -----END line (kept, within a bound).
                    var closed = false
                    var text = ""
                    while let pem = try lines.next() {
                        if text.utf8.count < Self.maxPEMBytes { text += pem + "\n" }
                        if pem.hasPrefix("-----END") {
                            closed = true
                            break
                        }
                    }
                    if !closed {
                        report(n, "\(key) '\(value)': PEM block has no -----END line")
                        broken = true
                    } else if text.utf8.count >= Self.maxPEMBytes {
                        report(n, "\(key) '\(value)': PEM block longer than \(Self.maxPEMBytes) bytes")
                        broken = true
                    }
                    block = text
                }
                pairs.append(Pair(key: key, value: value, line: n, block: block))
            }
            flush()
        } catch {
            report(lines.lineNumber, "\(error)")
        }
    }

    /// Decodes an evp_test binary value: `"text"`, hex (with optional colons), empty or `NULL`.
    static func binary(_ p: Pair) throws -> [UInt8] {
        let v = p.value
        if v == "NULL" || v.isEmpty { return [] }
        if v.first == "\"" {
            guard v.count >= 2, v.last == "\"" else {
                throw StanzaError(line: p.line, message: "\(p.key): unterminated string literal")
            }
            let inner = Array(v.utf8.dropFirst().dropLast())
            var out: [UInt8] = []
            var i = 0
            while i < inner.count {
                if inner[i] == UInt8(ascii: "\\") {
                    guard i + 1 < inner.count, inner[i + 1] == UInt8(ascii: "n") else {
                        throw StanzaError(line: p.line, message: "\(p.key): bad escape sequence (only \\n is allowed)")
                    }
                    out.append(0x0A)
                    i += 2
                } else {
                    out.append(inner[i])
                    i += 1
                }
            }
            return out
        }
        do { return try Hex.decode(v) } catch { throw StanzaError(line: p.line, message: "\(p.key): \(error)") }
    }

    /// `Ctrl.x = name:value` as OpenSSL's `OSSL_PARAM_allocate_from_text` reads it: a `hex`
    /// prefix on the name means a hex value (`hexsalt:0a0b`), otherwise the value is text.
    static func ctrl(_ p: Pair) throws -> KDFParameter {
        guard let colon = p.value.firstIndex(of: ":") else {
            throw StanzaError(line: p.line, message: "\(p.key): expected 'name:value', found '\(p.value.prefix(40))'")
        }
        var name = String(p.value[..<colon])
        let value = String(p.value[p.value.index(after: colon)...])
        if name.hasPrefix("hex") {
            name.removeFirst(3)
            do { return KDFParameter(name, .bytes(try Hex.decode(value))) } catch {
                throw StanzaError(line: p.line, message: "\(p.key): \(error)")
            }
        }
        return KDFParameter(name, .text(value))
    }

    /// The most bytes `Ncopy` builds in memory for one stanza (all its inputs together); beyond
    /// it an input is described as a repeated chunk.
    static let maxNcopyBytes = 16 << 20

    /// The longest PEM block a key stanza may have (OpenSSL's largest test keys are a few KB).
    static let maxPEMBytes = 1 << 20

    static func count(_ p: Pair) throws -> Int {
        guard let n = Int(p.value), n > 0 else {
            throw StanzaError(line: p.line, message: "\(p.key): not a positive integer: '\(p.value)'")
        }
        return n
    }

    func vector(from pairs: [Pair], title: String, displayPath: String, keys: inout KeyTable) throws -> Vector? {
        var flags: [String] = []
        var rest = pairs[...]
        while let p = rest.first, Self.prefixKeys.contains(p.key) {
            flags.append("\(p.key)=\(p.value)")
            rest = rest.dropFirst()
        }
        guard let head = rest.first else {
            throw StanzaError(
                line: pairs[0].line, message: "stanza has only \(pairs.map(\.key).joined(separator: ", ")) and no test")
        }
        if Self.keyKinds.contains(head.key) {
            // evp_test ignores (with a note) any line after the key's own up to the blank line.
            try define(head, keys: &keys)
            return nil
        }
        guard Self.testKinds.contains(head.key) else {
            throw StanzaError(line: head.line, message: "unknown stanza kind '\(head.key)'")
        }
        let prov = Provenance(file: displayPath, line: head.line, corpus: corpus)
        let id = "line \(head.line)"
        var unsupported: [String] = []
        var result: String? = nil
        var output: [UInt8]? = nil
        var outputLine = head.line

        switch head.key {
        case "Digest":
            var chunks: [Message.Chunk] = []
            var padType: String? = nil
            for p in rest.dropFirst() {
                switch p.key {
                case "Input": chunks.append(Message.Chunk(try Self.binary(p)))
                case "Count", "Ncopy":
                    guard !chunks.isEmpty else { throw StanzaError(line: p.line, message: "\(p.key) before any Input") }
                    let n = try Self.count(p)
                    let last = chunks.count - 1
                    let (size, overflow) = chunks[last].bytes.count.multipliedReportingOverflow(by: n)
                    // The bound is on the whole stanza: every Input may have its own Ncopy.
                    let others = chunks.dropLast().reduce(0) { $0 + $1.bytes.count }
                    if p.key == "Ncopy", !overflow, size <= Self.maxNcopyBytes - others {
                        // Copied, as OpenSSL's evp_test does (one buffer, one update).
                        // By doubling: a 1-byte input with Ncopy = 16M is 24 copies, not 16M appends.
                        let one = chunks[last].bytes
                        chunks[last].bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
                            guard let base = buffer.baseAddress, !one.isEmpty else { return }
                            one.withUnsafeBufferPointer { base.initialize(from: $0.baseAddress!, count: one.count) }
                            var filled = one.count
                            while filled < size {
                                let k = min(filled, size - filled)
                                (base + filled).initialize(from: base, count: k)
                                filled += k
                            }
                            count = size
                        }
                    } else {
                        // `Count`, or an Ncopy too large to build: the input fed n times gives the same
                        // digest, and the engine's cost limit decides whether it runs.
                        let (total, o) = chunks[last].count.multipliedReportingOverflow(by: n)
                        chunks[last].count = o ? Int.max : total
                    }
                case "Output":
                    output = try Self.binary(p)
                    outputLine = p.line
                case "Result": result = p.value
                case "Padding": padType = String(try Self.count(p))
                case let k where Self.prefixKeys.contains(k): flags.append("\(k)=\(p.value)")
                default: unsupported.append("keyword \(p.key)")
                }
            }
            if chunks.isEmpty { chunks = [Message.Chunk([])] }
            let expected = try expectation(
                output: output, result: result, stanzaLine: head.line, outputLine: outputLine)
            var outLen: Int? = nil
            if case .output(let o) = expected { outLen = o.count }
            var v = Vector(
                id: id, provenance: prov, algorithm: head.value,
                operation: .digest(message: Message(chunks: chunks), outputLength: outLen),
                expected: expected, unsupported: unsupported, flags: flags)
            if let padType { v.parameters["pad-type"] = padType }
            return v

        case "MAC":
            var macName = head.value
            if macName.hasSuffix(" by EVP_PKEY") {
                macName = String(macName.dropLast(" by EVP_PKEY".count))
                flags.append("by EVP_PKEY")
            }
            var underlying: String? = nil
            var key: [UInt8]? = nil
            var input: [UInt8] = []
            var outputSize: Int? = nil
            var blockSize: Int? = nil
            var macIV: [UInt8]? = nil
            var macParameters: [KDFParameter] = []
            for p in rest.dropFirst() {
                switch p.key {
                case "Algorithm": underlying = p.value
                case "Custom": macParameters.append(KDFParameter("custom", .bytes(try Self.binary(p))))
                case "Salt": macParameters.append(KDFParameter("salt", .bytes(try Self.binary(p))))
                case "XOF": macParameters.append(KDFParameter("xof", .text("1")))
                case "Ctrl":
                    var ctrl = try Self.ctrl(p)
                    // EVP_PKEY_CTX_ctrl_str's `digestsize` is EVP_MAC's `size` (ctrl_params_translate.c).
                    if flags.contains("by EVP_PKEY") && ctrl.name == "digestsize" { ctrl.name = "size" }
                    macParameters.append(ctrl)
                case "Key": key = try Self.binary(p)
                case "Input": input += try Self.binary(p)
                case "Output":
                    output = try Self.binary(p)
                    outputLine = p.line
                case "OutputSize": outputSize = try Self.count(p)
                case "BlockSize": blockSize = try Self.count(p)
                case "IV": macIV = try Self.binary(p)
                case "NoReinit": flags.append("NoReinit=\(p.value)")
                case "Result": result = p.value
                case let k where Self.prefixKeys.contains(k): flags.append("\(k)=\(p.value)")
                default: unsupported.append("keyword \(p.key)")
                }
            }
            guard let key else { throw StanzaError(line: head.line, message: "MAC stanza without Key") }
            let expected = try expectation(
                output: output, result: result, stanzaLine: head.line, outputLine: outputLine)
            var macInput = MACInput(
                mac: macName, underlying: underlying, key: key, message: Message(input),
                expectedOutputSize: outputSize, expectedBlockSize: blockSize)
            macInput.iv = macIV
            macInput.parameters = macParameters
            return Vector(
                id: id, provenance: prov, algorithm: macName, operation: .mac(macInput),
                expected: expected, unsupported: unsupported, flags: flags)

        case "Cipher":
            var key: [UInt8]? = nil
            var iv: [UInt8] = []
            var pt: [UInt8]? = nil
            var ct: [UInt8]? = nil
            var nextIV: [UInt8]? = nil
            var keyBits: Int? = nil
            var rounds: Int? = nil
            var aad: [[UInt8]] = []
            var tag: [UInt8]? = nil
            var direction = CipherDirection.both
            var ctsMode: String? = nil
            var macKey: [UInt8]? = nil
            var tlsAAD: [UInt8]? = nil
            var tlsVersion: Int? = nil
            for p in rest.dropFirst() {
                switch p.key {
                case "Key": key = try Self.binary(p)
                case "IV": iv = try Self.binary(p)
                case "Plaintext": pt = try Self.binary(p)
                case "Ciphertext":
                    ct = try Self.binary(p)
                    outputLine = p.line
                case "NextIV": nextIV = try Self.binary(p)
                case "KeyBits": keyBits = try Self.count(p)
                case "Rounds": rounds = try Self.count(p)
                case "AAD": aad.append(try Self.binary(p))
                case "Tag": tag = try Self.binary(p)
                case "SetTagLate": flags.append("SetTagLate=\(p.value)")
                case "CTSMode": ctsMode = p.value
                case "MACKey": macKey = try Self.binary(p)
                case "TLSAAD": tlsAAD = try Self.binary(p)
                case "TLSVersion":
                    // strtol(value, &end, 0), as evp_test reads it: decimal, 0x hex or 0 octal.
                    let v = p.value
                    let parsed =
                        v.lowercased().hasPrefix("0x")
                        ? Int(v.dropFirst(2), radix: 16) : v.count > 1 && v.hasPrefix("0") ? Int(v, radix: 8) : Int(v)
                    guard let parsed else {
                        throw StanzaError(line: p.line, message: "TLSVersion must be a number, not '\(v)'")
                    }
                    tlsVersion = parsed
                case "Operation":
                    switch p.value {
                    case "ENCRYPT": direction = .encrypt
                    case "DECRYPT": direction = .decrypt
                    default:
                        throw StanzaError(
                            line: p.line, message: "Operation must be ENCRYPT or DECRYPT, not '\(p.value)'")
                    }
                case "Result": result = p.value
                case let k where Self.prefixKeys.contains(k): flags.append("\(k)=\(p.value)")
                default: unsupported.append("keyword \(p.key)")
                }
            }
            guard let key else { throw StanzaError(line: head.line, message: "Cipher stanza without Key") }
            if pt == nil && result == nil {
                throw StanzaError(line: head.line, message: "Cipher stanza without Plaintext (and no Result)")
            }
            if result == nil && ct == nil {
                throw StanzaError(line: head.line, message: "missing Ciphertext (and no Result)")
            }
            var input = CipherInput(
                cipher: head.value, key: key, iv: iv, plaintext: pt ?? [], ciphertext: ct ?? [],
                direction: direction, padding: false, rc2EffectiveBits: keyBits, rc5Rounds: rounds,
                nextIV: nextIV)
            input.aad = aad
            input.tag = tag
            input.ctsMode = ctsMode
            input.macKey = macKey
            input.tlsAAD = tlsAAD
            input.tlsVersion = tlsVersion
            let expected: Expected = result.map { .failure($0) } ?? .output(direction == .decrypt ? pt ?? [] : ct!)
            return Vector(
                id: id, provenance: prov, algorithm: head.value, operation: .cipher(input),
                expected: expected, unsupported: unsupported, flags: flags)

        case "KDF", "PKEYKDF":
            // PKEYKDF stanzas (evppkey_kdf_*.txt) run the same KDFs through EVP_PKEY_derive; their
            // `EVP_PKEY_CTX_ctrl_str` names are the KDF parameter names except `md` (= `digest`).
            var params: [KDFParameter] = []
            for p in rest.dropFirst() {
                switch p.key {
                case let k where k.hasPrefix("Ctrl"):
                    var c = try Self.ctrl(p)
                    if head.key == "PKEYKDF", c.name.lowercased() == "md" { c = KDFParameter("digest", c.value) }
                    params.append(c)
                case "Output":
                    output = try Self.binary(p)
                    outputLine = p.line
                case "Result": result = p.value
                case let k where Self.prefixKeys.contains(k): flags.append("\(k)=\(p.value)")
                default: unsupported.append("keyword \(p.key)")
                }
            }
            var expected = try expectation(
                output: output, result: result, stanzaLine: head.line, outputLine: outputLine)
            if result == "KDF_MISMATCH", let output {
                // evp_test: the derivation succeeds but gives other bytes than Output.
                expected = .verification(tag: output, verdict: .invalid)
                flags.append("Result=KDF_MISMATCH")
            }
            return Vector(
                id: id, provenance: prov, algorithm: head.value,
                operation: .kdf(KDFInput(kdf: head.value, parameters: params, outputLength: output?.count ?? 0)),
                expected: expected, unsupported: unsupported, flags: flags)

        case "PBE":
            // OpenSSL's PBE stanzas: the same KDFs, with plain keywords instead of Ctrl lines.
            var params: [KDFParameter] = []
            let kdfName: String
            switch head.value.lowercased() {
            case "pbkdf2": kdfName = "PBKDF2"
            case "pkcs12": kdfName = "PKCS12KDF"
            case "scrypt": kdfName = "SCRYPT"
            default: kdfName = head.value
            }
            for p in rest.dropFirst() {
                switch p.key {
                case "Password": params.append(KDFParameter("pass", .bytes(try Self.binary(p))))
                case "Salt": params.append(KDFParameter("salt", .bytes(try Self.binary(p))))
                case "iter": params.append(KDFParameter("iter", .text(p.value)))
                case "MD": params.append(KDFParameter("digest", .text(p.value)))
                case "id": params.append(KDFParameter("id", .text(p.value)))
                case "N": params.append(KDFParameter("n", .text(p.value)))
                case "r", "p": params.append(KDFParameter(p.key, .text(p.value)))
                case "Key":
                    output = try Self.binary(p)
                    outputLine = p.line
                case "Result": result = p.value
                case let k where Self.prefixKeys.contains(k): flags.append("\(k)=\(p.value)")
                default: unsupported.append("keyword \(p.key)")
                }
            }
            if kdfName == "SCRYPT" {
                // EVP_PBE_scrypt's own default memory limit (crypto/evp/pbe_scrypt.c: 32 MiB),
                // not the KDF provider's 1025 MiB: a PBE stanza is run as the PBE API runs it.
                params.append(KDFParameter("maxmem_bytes", .text(String(32 * 1024 * 1024))))
            }
            let expected = try expectation(
                output: output, result: result, stanzaLine: head.line, outputLine: outputLine)
            return Vector(
                id: id, provenance: prov, algorithm: kdfName,
                operation: .kdf(KDFInput(kdf: kdfName, parameters: params, outputLength: output?.count ?? 0)),
                expected: expected, unsupported: unsupported, flags: flags)

        case let k where Self.pkeyKinds[k] != nil:
            return try pkeyVector(
                kind: Self.pkeyKinds[k]!, head: head, rest: rest.dropFirst(), prov: prov, id: id, flags: flags,
                keys: &keys)

        case "RAND":
            return try randVector(head: head, rest: rest.dropFirst(), prov: prov, id: id, flags: flags)

        case "Encoding":
            guard let kind = EncodingInput.Kind(rawValue: head.value) else {
                throw StanzaError(
                    line: head.line, message: "Encoding must be canonical, valid or invalid, not '\(head.value)'")
            }
            var input: [UInt8] = []
            var encoded: [UInt8] = []
            for p in rest.dropFirst() {
                switch p.key {
                case "Input": input = try Self.binary(p)
                case "Output": encoded = try Self.binary(p)
                case let k where Self.prefixKeys.contains(k): flags.append("\(k)=\(p.value)")
                default: unsupported.append("keyword \(p.key)")
                }
            }
            return Vector(
                id: id, provenance: prov, algorithm: "Base64",
                operation: .encoding(EncodingInput(kind: kind, input: input, encoded: encoded)),
                expected: kind == .invalid ? .failure("DECODE_ERROR") : .output(input), unsupported: unsupported,
                flags: flags)

        default:
            for p in rest.dropFirst() where p.key == "Result" { result = p.value }
            return Vector(
                id: id, provenance: prov, algorithm: head.value, operation: .unsupported("\(head.key) tests"),
                expected: result.map { .failure($0) } ?? .output([]), flags: flags)
        }
    }

    /// Records a key stanza's definition (`PrivateKey = NAME` + PEM, `PrivateKeyRaw = NAME:ALG:hex`).
    func define(_ head: Pair, keys: inout KeyTable) throws {
        let isPrivate = head.key == "PrivateKey" || head.key == "PrivateKeyRaw" || head.key == "ParamKey"
        let definition: KeyDefinition
        if head.key.hasSuffix("Raw") {
            let parts = head.value.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw StanzaError(line: head.line, message: "\(head.key): expected NAME:ALGORITHM:hex")
            }
            let bytes: [UInt8]
            do { bytes = try Hex.decode(String(parts[2])) } catch {
                throw StanzaError(line: head.line, message: "\(head.key) \(parts[0]): \(error)")
            }
            definition = KeyDefinition(
                name: String(parts[0]), isPrivate: isPrivate, source: .raw(algorithm: String(parts[1]), bytes: bytes),
                line: head.line)
        } else {
            definition = KeyDefinition(
                name: head.value, isPrivate: isPrivate, source: .pem(head.block ?? ""), line: head.line)
        }
        try add(definition, keys: &keys)
    }

    func add(_ definition: KeyDefinition, keys: inout KeyTable) throws {
        if definition.isPrivate {
            guard keys.privateKeys[definition.name] == nil else {
                throw StanzaError(line: definition.line, message: "duplicate key \(definition.name)")
            }
            keys.privateKeys[definition.name] = definition
        } else {
            guard keys.publicKeys[definition.name] == nil else {
                throw StanzaError(line: definition.line, message: "duplicate key \(definition.name)")
            }
            keys.publicKeys[definition.name] = definition
        }
    }

    /// A public-key stanza, with the keys it names looked up as evp_test's `find_key` does:
    /// verification looks in the public keys first, everything else in the private keys.
    func pkeyVector(
        kind: PKeyInput.Kind, head: Pair, rest: ArraySlice<Pair>, prov: Provenance, id: String, flags: [String],
        keys: inout KeyTable
    ) throws -> Vector {
        var flags = flags
        var input = PKeyInput(kind: kind)
        var unsupported: [String] = []
        var result: String? = nil
        var keyName: String? = nil
        var missing: [String] = []
        func lookup(_ name: String, usePublic: Bool) -> KeyDefinition? {
            if let k = keys.find(name, usePublic: usePublic) { return k }
            missing.append(name)
            return nil
        }
        switch kind {
        case .keyGen:
            input.algorithm = head.value
        case .digestSign, .digestVerify, .oneShotDigestSign, .oneShotDigestVerify:
            input.digest = head.value == "NULL" ? nil : head.value
        case .privPubKeyPair:
            let names = head.value.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard names.count == 2 else {
                throw StanzaError(
                    line: head.line, message: "PrivPubKeyPair: expected PRIVATE:PUBLIC, found '\(head.value)'")
            }
            input.key = keys.privateKeys[String(names[0])]
            input.peerKey = keys.publicKeys[String(names[1])]
            if input.key == nil { missing.append(String(names[0])) }
            if input.peerKey == nil { missing.append(String(names[1])) }
        default:
            input.key = lookup(head.value, usePublic: kind == .verify || kind == .verifyRecover)
        }
        for p in rest {
            switch p.key {
            case "Input": input.input.append(try Self.binary(p))
            case "Output", "SharedSecret": input.output = try Self.binary(p)
            case "Ctrl": input.controls.append(try Self.pkeyCtrl(p))
            case "Key" where input.digest != nil || kind.rawValue.contains("Digest"):
                input.key = lookup(p.value, usePublic: kind.isVerify)
            case "PeerKey",
                "PeerKeyValidate" where kind == .derive:
                input.peerKey = keys.publicKeys[p.value]
                if input.peerKey == nil { missing.append(p.value) }
                input.validatePeer = p.key == "PeerKeyValidate"
            case "KeyName" where kind == .keyGen: keyName = p.value
            case "KDFType" where kind == .derive: input.kdfType = p.value
            case "KDFDigest" where kind == .derive: input.kdfDigest = p.value
            case "CEKAlg" where kind == .derive: input.kdfCEKAlgorithm = p.value
            case "KDFOutlen" where kind == .derive:
                // strtoul(value, &end, 0) with nothing after it, as evp_test reads it.
                guard let n = Int(p.value), n >= 0, n <= 1 << 20 else {
                    throw StanzaError(line: p.line, message: "KDFOutlen must be a length up to 2^20, not '\(p.value)'")
                }
                input.kdfOutputLength = n
            case "NonceType" where kind == .sign || kind == .digestSign || kind == .oneShotDigestSign:
                guard p.value == "deterministic" || p.value == "random" else {
                    throw StanzaError(
                        line: p.line, message: "NonceType must be deterministic or random, not '\(p.value)'")
                }
                input.deterministicNonce = p.value == "deterministic"
            case "Result": result = p.value
            case "Reason": input.reason = p.value
            case "Function": break  // an old line evp_test ignores
            case let k where Self.prefixKeys.contains(k): flags.append("\(k)=\(p.value)")
            default: unsupported.append("keyword \(p.key)")
            }
        }
        if let keyName, let algorithm = input.algorithm {
            // evp_test keeps a generated key for later stanzas; here a stanza that names it
            // generates one of its own with the same settings (keys are not shared across cases).
            if result == nil {
                try add(
                    KeyDefinition(
                        name: keyName, isPrivate: true,
                        source: .generated(algorithm: algorithm, controls: input.controls),
                        line: head.line), keys: &keys)
            }
        }
        if !missing.isEmpty {
            // evp_test: "skipping, key '...' is disabled" (a key the build cannot load); here a
            // name the file never defined, so the stanza cannot run.
            unsupported.append("key \(missing.joined(separator: ", ")) is not defined before line \(head.line)")
        }
        let expected: Expected
        if let result {
            expected = .failure(result)
        } else if kind.isVerify || kind == .keyGen || kind == .privPubKeyPair {
            expected = .output([])
        } else {
            guard let output = input.output else {
                throw StanzaError(line: head.line, message: "\(kind.rawValue) stanza without Output (and no Result)")
            }
            expected = .output(output)
        }
        let algorithm = input.algorithm ?? input.digest.map { "\(kind.rawValue)-\($0)" } ?? kind.rawValue
        return Vector(
            id: id, provenance: prov, algorithm: algorithm, operation: .pkey(input), expected: expected,
            unsupported: unsupported, flags: flags)
    }

    /// A pkey `Ctrl = name:value` (`EVP_PKEY_CTX_ctrl_str`): the value stays text, whatever the name.
    static func pkeyCtrl(_ p: Pair) throws -> KDFParameter {
        guard let colon = p.value.firstIndex(of: ":") else {
            throw StanzaError(line: p.line, message: "\(p.key): expected 'name:value', found '\(p.value.prefix(40))'")
        }
        return KDFParameter(String(p.value[..<colon]), .text(String(p.value[p.value.index(after: colon)...])))
    }

    /// evp_test's `MAX_RAND_REPEATS`: passes `.0` to `.14`.
    static let maxRandPasses = 15

    /// A `RAND` stanza: the DRBG's settings, then per-pass keywords `Entropy.n`, `Nonce.n`, ...
    func randVector(head: Pair, rest: ArraySlice<Pair>, prov: Provenance, id: String, flags: [String]) throws
        -> Vector
    {
        var flags = flags
        var unsupported: [String] = []
        var result: String? = nil
        var cipher: String? = nil
        var digest: String? = nil
        var df = false
        var pr = false
        var bits: Int? = nil
        var passes: [RandPass] = []
        for p in rest {
            if let dot = p.key.firstIndex(of: ".") {
                let name = String(p.key[..<dot])
                guard let n = Int(p.key[p.key.index(after: dot)...]), n >= 0, n < Self.maxRandPasses else {
                    throw StanzaError(
                        line: p.line, message: "\(p.key): pass number must be 0...\(Self.maxRandPasses - 1)")
                }
                while passes.count <= n { passes.append(RandPass()) }
                let b = try Self.binary(p)
                switch name {
                case "Entropy": passes[n].entropy = b
                case "ReseedEntropy": passes[n].reseedEntropy = b
                case "Nonce": passes[n].nonce = b
                case "PersonalisationString": passes[n].personalization = b
                case "ReseedAdditionalInput": passes[n].reseedAdditionalInput = b
                case "AdditionalInputA": passes[n].additionalInputA = b
                case "AdditionalInputB": passes[n].additionalInputB = b
                case "EntropyPredictionResistanceA": passes[n].predictionResistanceEntropyA = b
                case "EntropyPredictionResistanceB": passes[n].predictionResistanceEntropyB = b
                case "Output": passes[n].output = b
                default: unsupported.append("keyword \(name)")
                }
                continue
            }
            switch p.key {
            case "Cipher": cipher = p.value
            case "Digest": digest = p.value
            case "DerivationFunction": df = (Int(p.value) ?? 0) != 0
            case "PredictionResistance": pr = (Int(p.value) ?? 0) != 0
            case "GenerateBits":
                let n = try Self.count(p)
                guard n % 8 == 0, n <= 1 << 19 else {
                    throw StanzaError(line: p.line, message: "GenerateBits must be a multiple of 8 up to 2^19")
                }
                bits = n
            case "Result": result = p.value
            case let k where Self.prefixKeys.contains(k): flags.append("\(k)=\(p.value)")
            default: unsupported.append("keyword \(p.key)")
            }
        }
        guard let bits else { throw StanzaError(line: head.line, message: "RAND stanza without GenerateBits") }
        guard !passes.isEmpty else { throw StanzaError(line: head.line, message: "RAND stanza without passes") }
        let input = RandInput(
            drbg: head.value, cipher: cipher, digest: digest, derivationFunction: df, predictionResistance: pr,
            outputLength: bits / 8, passes: passes)
        return Vector(
            id: id, provenance: prov, algorithm: head.value, operation: .rand(input),
            expected: result.map { .failure($0) } ?? .output(passes.flatMap(\.output)), unsupported: unsupported,
            flags: flags)
    }

    func expectation(output: [UInt8]?, result: String?, stanzaLine: Int, outputLine: Int) throws -> Expected {
        if let r = result { return .failure(r) }
        guard let o = output else { throw StanzaError(line: stanzaLine, message: "missing Output (and no Result)") }
        return .output(o)
    }
}
