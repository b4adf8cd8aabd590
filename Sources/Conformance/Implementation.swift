import LibCrypto
import Vectors

/// Whether an implementation can run an algorithm, as it says when asked (never assumed).
public enum Availability: Sendable, Equatable {
    case available
    /// Not there, with the implementation's own reason.
    case absent(String)
}

extension Availability {
    /// The reason to record when a reference lacks `name`: `why` as the reference gave it, led
    /// by "reference lacks NAME", and for an algorithm the catalog marks as added after OpenSSL
    /// 3.0 (``AlgorithmDescriptor/addedInOpenSSL``) saying so, so an expected gap (AES-GCM-SIV
    /// on an OpenSSL 3.0 reference) reads differently from a missing provider.
    public static func referenceLacks(_ name: String, why: String) -> String {
        guard let v = Catalog.descriptor(named: name)?.addedInOpenSSL else {
            return why.hasPrefix("reference lacks") ? why : "reference lacks \(name): \(why)"
        }
        var detail = Substring(why)
        if detail.hasPrefix("reference lacks \(name) ") { detail = detail.dropFirst("reference lacks \(name) ".count) }
        if detail.hasPrefix("("), detail.hasSuffix(")") { detail = detail.dropFirst().dropLast() }
        return "reference lacks \(name): added in OpenSSL \(v), not in this reference (\(detail))"
    }
}

/// An implementation under test. The engine compares any implementation with the vectors,
/// and (later) any two implementations with each other.
public protocol Implementation: AnyObject {
    var name: String { get }
    /// Asks the implementation whether it has `algorithm` of `family`.
    func availability(of algorithm: String, family: AlgorithmFamily) -> Availability
    /// Digests `message`, fed chunk by chunk; `outputLength` for XOFs (bytes); `parameters`
    /// as OpenSSL names them (`pad-type`).
    func digest(_ algorithm: String, message: Message, outputLength: Int?, parameters: [String: String]) throws
        -> [UInt8]
    /// The full (untruncated) tag.
    func mac(_ input: MACInput) throws -> [UInt8]
    /// The MAC's output and block sizes (evp_test `OutputSize`, `BlockSize`).
    func macSizes(_ input: MACInput) throws -> (output: Int, block: Int)
    /// Encrypts (or decrypts) `input.plaintext` (or `input.ciphertext`), fed in pieces of the
    /// sizes in `pieces` (cycled; empty = one call). For AEADs the tag is produced (encrypt)
    /// or checked (decrypt, from `input.tag`).
    func cipher(_ input: CipherInput, encrypting: Bool, pieces: [Int]) throws -> CipherOutput
    /// Derives `input.outputLength` bytes with the KDF named in `input`.
    func kdf(_ input: KDFInput) throws -> [UInt8]
    /// The evp_test step a MAC failure belongs to (`MAC_INIT_ERROR`, `EVPPKEYCTXCTRL_ERROR`),
    /// or nil if the implementation cannot tell.
    func macFailureStep(_ error: any Error, viaPKey: Bool) -> String?
    /// The key, IV and block lengths a cipher reports (`EVP_CIPHER_get_key_length`,
    /// `_get_iv_length`, `_get_block_size`): the catalog's claims, compared in interop.
    func cipherSizes(_ name: String) throws -> (key: Int, iv: Int, block: Int)
    /// Runs each pass of a DRBG vector as OpenSSL's evp_test does over a `TEST-RAND` parent
    /// (instantiate, optional reseed, two generates, uninstantiate); the second output of each.
    func rand(_ input: RandInput) throws -> [[UInt8]]
    /// True if the implementation runs Base64 (`Encoding` stanzas).
    var supportsBase64: Bool { get }
    /// `EVP_EncodeUpdate` + `EVP_EncodeFinal`: Base64 in 64-character lines, each ended by `\n`.
    func base64Encode(_ bytes: [UInt8]) throws -> [UInt8]
    /// `EVP_DecodeUpdate` + `EVP_DecodeFinal`; throws on input OpenSSL rejects.
    func base64Decode(_ text: [UInt8]) throws -> [UInt8]
}

/// What an implementation without DRBGs or Base64 answers (both LibCrypto and the OpenSSL
/// adapter, through `EVP_RAND` and `EVP_Encode*`, implement them).
extension Implementation {
    /// The evp_test step (`MAC_INIT_ERROR`, …) a MAC failure belongs to, or nil if this
    /// implementation cannot tell (the engine then only checks that the MAC failed).
    public func macFailureStep(_ error: any Error, viaPKey: Bool) -> String? { nil }
    public func cipherSizes(_ name: String) throws -> (key: Int, iv: Int, block: Int) {
        throw CryptoError(.unsupportedOperation, "\(self.name) does not report cipher sizes")
    }
    public func rand(_ input: RandInput) throws -> [[UInt8]] {
        throw CryptoError(.unsupportedOperation, "\(name) does not run DRBGs (EVP_RAND)")
    }
    public var supportsBase64: Bool { false }
    public func base64Encode(_ bytes: [UInt8]) throws -> [UInt8] {
        throw CryptoError(.unsupportedOperation, "\(name) does not run Base64")
    }
    public func base64Decode(_ text: [UInt8]) throws -> [UInt8] {
        throw CryptoError(.unsupportedOperation, "\(name) does not run Base64")
    }
}

/// What one cipher run produced.
public struct CipherOutput: Sendable, Equatable {
    public var output: [UInt8]
    /// The IV as the mode left it; nil where the mode keeps no IV state of its own (AEADs,
    /// whose "updated IV" in OpenSSL is just the nonce it was given).
    public var nextIV: [UInt8]?
    /// AEAD encryption: the tag; empty otherwise.
    public var tag: [UInt8]

    public init(output: [UInt8], nextIV: [UInt8]? = [], tag: [UInt8] = []) {
        self.output = output
        self.nextIV = nextIV
        self.tag = tag
    }
}

/// LibCrypto, this package's Swift implementation, reached through its registry by name.
public final class LibCryptoImplementation: Implementation {
    public let name = "LibCrypto"
    public init() {}

    public func availability(of algorithm: String, family: AlgorithmFamily) -> Availability {
        do {
            if family == .cipher {
                if (try? Registry.aead(named: algorithm)) != nil { return .available }
                _ = try Registry.cipher(named: algorithm)
                return .available
            }
            let info = try Registry.algorithm(named: algorithm)
            if family == .mac || family == .kdf {
                return info.family == family
                    ? .available : .absent("\(algorithm) is a \(info.family.rawValue), not a \(family.rawValue)")
            }
            if family == .digest || family == .xof {
                return info.family == .digest || info.family == .xof
                    ? .available : .absent("\(algorithm) is not a digest")
            }
            return info.family == family
                ? .available : .absent("\(algorithm) is a \(info.family.rawValue), not a \(family.rawValue)")
        } catch {
            return .absent("\(error)")
        }
    }

    public func digest(_ algorithm: String, message: Message, outputLength: Int?, parameters: [String: String]) throws
        -> [UInt8]
    {
        let d = try Registry.digest(named: algorithm)
        var padType: Int? = nil
        for (name, value) in parameters {
            guard name == "pad-type", let n = Int(value) else {
                throw CryptoError(.invalidParameter, "\(algorithm): unknown parameter \(name)=\(value)")
            }
            padType = n
        }
        let ctx = try d.makeContext(padType: padType)
        for chunk in message.chunks {
            chunk.bytes.withUnsafeBytes { raw in
                for _ in 0..<chunk.count { ctx.update(raw) }
            }
        }
        return try ctx.finalize(outputLength: outputLength)
    }

    private func hmacDigest(_ input: MACInput) throws -> DigestAlgorithm {
        guard input.mac.uppercased() == "HMAC" else { throw CryptoError.unknownAlgorithm(input.mac) }
        guard let u = input.underlying else { throw CryptoError(.invalidParameter, "HMAC needs a digest") }
        return try Registry.digest(named: u)
    }

    /// GMAC's AES key size comes from its cipher name (`AES-128-GCM`), as OpenSSL's does.
    private func gmacKeyCheck(_ input: MACInput) throws {
        guard let u = input.underlying, let aead = try? Registry.aead(named: u), u.uppercased().hasSuffix("-GCM") else {
            throw CryptoError(.invalidParameter, "GMAC needs an AES-*-GCM cipher, not \(input.underlying ?? "none")")
        }
        guard input.key.count == aead.keyLength else {
            throw CryptoError(.invalidParameter, "\(u) takes a \(aead.keyLength)-byte key, got \(input.key.count)")
        }
    }

    /// A MAC configured by parameters (KMAC, SipHash, keyed BLAKE2), keyed and set up with the
    /// vector's parameters forwarded by name; nil for HMAC, CMAC, GMAC and Poly1305.
    private func parameterizedMAC(_ input: MACInput) throws -> (any SizedMACContext)? {
        guard let m = try? Registry.mac(named: input.mac) else {
            if let p = input.parameters.first {
                throw CryptoError(.unsupportedOperation, "\(input.mac): parameter \(p.name) is not supported here")
            }
            return nil
        }
        let parameters = input.parameters.map { p in
            switch p.value {
            case .text(let t): return MACParameter(p.name, .text(t))
            case .bytes(let b): return MACParameter(p.name, .bytes(b))
            }
        }
        return try m.makeContext(key: input.key, parameters: parameters)
    }

    public func mac(_ input: MACInput) throws -> [UInt8] {
        if let ctx = try parameterizedMAC(input) {
            for chunk in input.message.chunks {
                chunk.bytes.withUnsafeBytes { raw in for _ in 0..<chunk.count { ctx.update(raw) } }
            }
            return ctx.finalize()
        }
        switch input.mac.uppercased() {
        case "CMAC":
            guard let u = input.underlying else { throw CryptoError(.invalidParameter, "CMAC needs a cipher") }
            let ctx = try Registry.cipher(named: u).makeCMAC(key: input.key)
            for chunk in input.message.chunks {
                chunk.bytes.withUnsafeBytes { raw in for _ in 0..<chunk.count { ctx.update(raw) } }
            }
            return ctx.finalize()
        case "GMAC":
            try gmacKeyCheck(input)
            guard let iv = input.iv else { throw CryptoError(.invalidParameter, "GMAC needs an IV") }
            // The registry's GCM for that name (AES or ARIA): GMAC is its tag over AAD alone.
            let gcm = try Registry.aead(named: input.underlying ?? "").makeContext(
                key: input.key, parameters: AEADParameters(nonce: iv, tagLength: 16), encrypting: true)
            try gcm.updateAAD(input.message.bytes)
            return try gcm.finalizeEncryption().tag
        case "POLY1305":
            #if POLY1305
            var p = try Poly1305(key: input.key)
            for chunk in input.message.chunks { for _ in 0..<chunk.count { p.update(chunk.bytes) } }
            return p.finalize()
            #else
            throw CryptoError.unknownAlgorithm(input.mac)
            #endif
        default:
            break
        }
        let ctx = try hmacDigest(input).makeHMAC(key: input.key)
        for chunk in input.message.chunks {
            chunk.bytes.withUnsafeBytes { raw in
                for _ in 0..<chunk.count { ctx.update(raw) }
            }
        }
        return ctx.finalize()
    }

    public func macSizes(_ input: MACInput) throws -> (output: Int, block: Int) {
        if let ctx = try parameterizedMAC(input) { return (ctx.macSize, ctx.blockSize) }
        switch input.mac.uppercased() {
        case "CMAC":
            let c = try Registry.cipher(named: input.underlying ?? "")
            return (c.blockSize, c.blockSize)
        case "GMAC", "POLY1305":
            // OpenSSL's GMAC and Poly1305 providers answer only the size parameter, so
            // EVP_MAC_CTX_get_block_size gives 0 for them; LibCrypto reports what OpenSSL does.
            return (16, 0)
        default:
            let d = try hmacDigest(input)
            return (d.digestSize, d.blockSize)
        }
    }

    /// Feeds `data` to `body` in pieces of the sizes in `pieces`, cycled (empty: one piece).
    static func inPieces(_ data: [UInt8], _ pieces: [Int], _ body: ([UInt8]) throws -> Void) rethrows {
        // Empty pieces are empty updates; a list of nothing but empty pieces would never end.
        guard pieces.contains(where: { $0 > 0 }) else { return try body(data) }
        var at = 0
        var k = 0
        while at < data.count {
            let n = min(max(pieces[k % pieces.count], 0), data.count - at)
            try body(Array(data[at..<(at + n)]))
            at += n
            k += 1
        }
    }

    public func cipher(_ input: CipherInput, encrypting: Bool, pieces: [Int]) throws -> CipherOutput {
        if let aead = try? Registry.aead(named: input.cipher) {
            return try self.aead(aead, input, encrypting: encrypting, pieces: pieces)
        }
        let algorithm = try Registry.cipher(named: input.cipher)
        var params = CipherParameters(
            padding: input.padding, rc2EffectiveBits: input.rc2EffectiveBits, rc5Rounds: input.rc5Rounds)
        if let m = input.ctsMode {
            guard let v = CTSMode(rawValue: m.uppercased()) else {
                throw CryptoError(.invalidParameter, "unknown CTS mode \(m)")
            }
            params.ctsMode = v
        }
        params.macKey = input.macKey
        params.tlsAAD = input.tlsAAD
        params.tlsVersion = input.tlsVersion
        let ctx = try StepFailure.cipherInit {
            try algorithm.makeContext(key: input.key, iv: input.iv, encrypting: encrypting, parameters: params)
        }
        let data = encrypting ? input.plaintext : input.ciphertext
        if input.keystreamOffset > 0 {
            _ = try ctx.update([UInt8](repeating: 0, count: input.keystreamOffset))
        }
        if input.iterations > 1 {
            guard encrypting, input.bitLength == nil, input.keystreamOffset == 0 else {
                throw CryptoError(.invalidParameter, "iterated vectors are encryption of whole bytes only")
            }
            var block = data
            for _ in 0..<input.iterations {
                block = try algorithm.makeContext(key: input.key, iv: input.iv, encrypting: true, parameters: params)
                    .process(block)
            }
            return CipherOutput(output: block)
        }
        if let bits = input.bitLength {
            return CipherOutput(output: try ctx.updateBits(data, bitCount: bits), nextIV: ctx.updatedIV)
        }
        var out: [UInt8] = []
        out.reserveCapacity(data.count + 32)
        // XTS, key wrap and CTS take the whole message in one update, in OpenSSL as here: their
        // errors are update errors even where LibCrypto raises them at finalize.
        // So do the stitched TLS ciphers, whose TLS AAD covers one update.
        let oneShot = [CipherMode.xts, .wrap, .cbcCTS, .stitched].contains(algorithm.mode)
        let finalStep = oneShot ? "CIPHERUPDATE_ERROR" : "CIPHERFINAL_ERROR"
        if input.inPlace && !oneShot {
            // One buffer: every update reads its piece from it and writes its output back into
            // it, at the output position (never ahead of the input position).
            var buffer = data + [UInt8](repeating: 0, count: 32)
            var readAt = 0
            var writeAt = 0
            try StepFailure.at("CIPHERUPDATE_ERROR") {
                try buffer.withUnsafeMutableBytes { b in
                    try Self.inPieces(data, pieces) { piece in
                        let n = piece.count
                        writeAt += try ctx.update(
                            UnsafeRawBufferPointer(rebasing: b[readAt..<(readAt + n)]), into: b.baseAddress! + writeAt)
                        readAt += n
                    }
                }
            }
            out = Array(buffer[0..<writeAt])
            out += try StepFailure.at(finalStep) { try ctx.finalize() }
            return CipherOutput(output: out, nextIV: ctx.updatedIV)
        }
        try StepFailure.at("CIPHERUPDATE_ERROR") {
            try Self.inPieces(data, oneShot ? [] : pieces) { out += try ctx.update($0) }
        }
        out += try StepFailure.at(finalStep) { try ctx.finalize() }
        return CipherOutput(output: out, nextIV: ctx.updatedIV)
    }

    public func kdf(_ input: KDFInput) throws -> [UInt8] {
        try StepFailure.at("KDF_DERIVE_ERROR") { try LibCryptoKDF(input).derive() }
    }

    /// The sizes OpenSSL's `EVP_CIPHER_get_*` report: an AEAD's IV is its default nonce and
    /// its block size 1 (a stream), as in OpenSSL.
    public func cipherSizes(_ name: String) throws -> (key: Int, iv: Int, block: Int) {
        if let a = try? Registry.aead(named: name) {
            return (a.keyLength, a.defaultNonceLength, a.info.mode == .ocb ? 16 : 1)
        }
        let c = try Registry.cipher(named: name)
        return (c.keyLength, c.ivLength, c.blockSize)
    }

    /// LibCrypto's MAC contexts can fail only when they are made (key and parameters):
    /// `update` and `finalize` do not throw. So a failure is evp_test's `MAC_INIT_ERROR`, or
    /// for an `EVP_PKEY`-style stanza, whose parameters are `EVP_PKEY_CTX` controls,
    /// `EVPPKEYCTXCTRL_ERROR`.
    public func macFailureStep(_ error: any Error, viaPKey: Bool) -> String? {
        viaPKey ? "EVPPKEYCTXCTRL_ERROR" : "MAC_INIT_ERROR"
    }

    public func rand(_ input: RandInput) throws -> [[UInt8]] {
        // GenerateBits comes from the vector file: cap it before anything is allocated.
        guard input.outputLength >= 0, input.outputLength <= RandInput.maxOutputLength else {
            throw CryptoError(.invalidLength, "generate length \(input.outputLength) out of range")
        }
        let source = TestEntropySource(strength: 256)
        let drbg = try DRBG(
            name: input.drbg, cipher: input.cipher, digest: input.digest,
            derivationFunction: input.derivationFunction, source: source)
        let pr = input.predictionResistance
        var outputs: [[UInt8]] = []
        for pass in input.passes {
            source.entropyInput = pass.entropy
            source.nonceInput = pass.nonce
            try drbg.instantiate(
                strength: drbg.strength, predictionResistance: pr, personalization: pass.personalization)
            if let e = pass.reseedEntropy {
                source.entropyInput = e
                try drbg.reseed(predictionResistance: pr, additionalInput: pass.reseedAdditionalInput)
            }
            if let e = pass.predictionResistanceEntropyA { source.entropyInput = e }
            _ = try Self.evpGenerate(drbg, input.outputLength, pr, pass.additionalInputA)
            if let e = pass.predictionResistanceEntropyB { source.entropyInput = e }
            outputs.append(try Self.evpGenerate(drbg, input.outputLength, pr, pass.additionalInputB))
            drbg.uninstantiate()
        }
        return outputs
    }

    /// `EVP_RAND_generate` (crypto/evp/evp_rand.c): the request in chunks of at most the DRBG's
    /// maximum, each with the same additional input, prediction resistance on the first only;
    /// nothing at all (not even a reseed) for an empty request.
    static func evpGenerate(_ drbg: DRBG, _ count: Int, _ pr: Bool, _ adin: [UInt8]) throws -> [UInt8] {
        var out: [UInt8] = []
        var predictionResistance = pr
        while out.count < count {
            let n = min(count - out.count, DRBG.maxRequest)
            out += try drbg.generate(
                count: n, strength: drbg.strength, predictionResistance: predictionResistance, additionalInput: adin)
            predictionResistance = false
        }
        return out
    }

    public var supportsBase64: Bool { true }

    public func base64Encode(_ bytes: [UInt8]) throws -> [UInt8] { Base64.Encoder.encode(bytes) }

    public func base64Decode(_ text: [UInt8]) throws -> [UInt8] {
        var d = Base64.Decoder()
        let head = try d.update(text)
        return head + (try d.finalize())
    }

    func aead(_ algorithm: AEADAlgorithm, _ input: CipherInput, encrypting: Bool, pieces: [Int]) throws -> CipherOutput
    {
        let data = encrypting ? input.plaintext : input.ciphertext
        let tagLength = input.tagLength ?? input.tag?.count ?? algorithm.defaultTagLength
        let parameters = AEADParameters(nonce: input.iv, tagLength: tagLength, messageLength: data.count)
        let ctx = try StepFailure.cipherInit {
            try algorithm.makeContext(key: input.key, parameters: parameters, encrypting: encrypting)
        }
        var out: [UInt8] = []
        // SIV: each AAD item is one S2V component, and the message goes in one update (as for
        // GCM-SIV, whose OpenSSL 3.2 provider takes the whole message in one update).
        let pieces = algorithm.info.mode == .siv || algorithm.info.mode == .gcmSIV ? [] : pieces
        try StepFailure.at("CIPHERUPDATE_ERROR") {
            for a in input.aad { try Self.inPieces(a, pieces) { try ctx.updateAAD($0) } }
            try Self.inPieces(data, pieces) { out += try ctx.update($0) }
        }
        // CCM (and SIV) check the tag inside OpenSSL's one update call, the others at final.
        let tagStep =
            algorithm.info.mode == .ccm || algorithm.info.mode == .siv ? "CIPHERUPDATE_ERROR" : "CIPHERFINAL_ERROR"
        if encrypting {
            let (rest, tag) = try StepFailure.at(tagStep) { try ctx.finalizeEncryption() }
            return CipherOutput(output: out + rest, nextIV: nil, tag: tag)
        }
        guard let tag = input.tag else { throw CryptoError(.invalidParameter, "AEAD decryption needs a tag") }
        return CipherOutput(
            output: out + (try StepFailure.at(tagStep) { try ctx.finalizeDecryption(tag: tag) }), nextIV: nil)
    }
}
