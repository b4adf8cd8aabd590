import LibCrypto

// The subjects: one operation per (algorithm, size) on each side, LibCrypto through its
// registry, OpenSSL through the adapter's streaming entry points (OpenSSLStreaming).

extension SpeedRun {
    // MARK: LibCrypto side

    static func libDigest(_ d: DigestAlgorithm, _ size: Int) -> Setup {
        let buf = buffer(size)
        let data = UnsafeRawBufferPointer(rebasing: buf[0..<size])
        return .ready(
            Operation(
                bytes: size,
                body: {
                    let ctx = d.makeContext()
                    ctx.update(data)
                    _ = try ctx.finalize(outputLength: nil)
                }, cleanup: { buf.deallocate() }))
    }

    static func libHMAC(_ d: DigestAlgorithm, _ size: Int) -> Setup {
        let buf = buffer(size)
        let data = UnsafeRawBufferPointer(rebasing: buf[0..<size])
        let key = pattern(32, 11)
        return .ready(
            Operation(
                bytes: size,
                body: {
                    let ctx = try d.makeHMAC(key: key)
                    ctx.update(data)
                    _ = ctx.finalize()
                }, cleanup: { buf.deallocate() }))
    }

    static func libMAC(_ m: MACAlgorithm, _ keyLength: Int, _ size: Int) throws -> Setup {
        let buf = buffer(size)
        let data = UnsafeRawBufferPointer(rebasing: buf[0..<size])
        let key = pattern(keyLength, 11)
        return .ready(
            Operation(
                bytes: size,
                body: {
                    let ctx = try m.makeContext(key: key)
                    ctx.update(data)
                    _ = ctx.finalize()
                }, cleanup: { buf.deallocate() }))
    }

    static func libAEAD(_ a: AEADAlgorithm, _ size: Int, perMessage: Bool) throws -> Setup {
        let key = pattern(a.keyLength, 7)
        let nonce = pattern(a.defaultNonceLength, 3)
        let buf = buffer(size)
        let data = UnsafeRawBufferPointer(rebasing: buf[0..<size])
        if perMessage {
            let parameters = AEADParameters(nonce: nonce, tagLength: a.defaultTagLength, messageLength: size)
            return .ready(
                Operation(
                    bytes: size,
                    body: {
                        let ctx = try a.makeContext(key: key, parameters: parameters, encrypting: true)
                        _ = try ctx.update(data)
                        _ = try ctx.finalizeEncryption()
                    }, cleanup: { buf.deallocate() }))
        }
        let ctx: any AEADContext
        do {
            ctx = try a.makeContext(
                key: key, parameters: AEADParameters(nonce: nonce, tagLength: a.defaultTagLength), encrypting: true)
        } catch {
            buf.deallocate()
            throw error
        }
        return .ready(Operation(bytes: size, body: { _ = try ctx.update(data) }, cleanup: { buf.deallocate() }))
    }

    static func libCipher(_ c: CipherAlgorithm, _ size: Int) throws -> Setup {
        let n: Int
        switch usable(c, size) {
        case .success(let u): n = u
        case .failure(let e): return .skip(e.reason)
        }
        let key = pattern(c.keyLength, 7)
        let iv = pattern(c.ivLength, 3)
        if c.mode == .cbcCTS {
            // One message per context, as OpenSSL's CTS takes one update per message.
            let buf = buffer(n + 32)
            let data = UnsafeRawBufferPointer(rebasing: buf[0..<n])
            let out = buf.baseAddress!
            return .ready(
                Operation(
                    bytes: n,
                    body: {
                        let ctx = try c.makeContext(
                            key: key, iv: iv, encrypting: true, parameters: CipherParameters(padding: false))
                        let done = try ctx.update(data, into: out)
                        _ = try ctx.finalize(into: out + done)
                    }, cleanup: { buf.deallocate() }))
        }
        let ctx = try c.makeContext(key: key, iv: iv, encrypting: true, parameters: CipherParameters(padding: false))
        let buf = buffer(n + 32)
        let data = UnsafeRawBufferPointer(rebasing: buf[0..<n])
        let out = buf.baseAddress!
        return .ready(Operation(bytes: n, body: { _ = try ctx.update(data, into: out) }, cleanup: { buf.deallocate() }))
    }

    /// The DRBG rows' fixed entropy and nonce, the same on both sides.
    static let drbgEntropy = pattern(48, 5)
    static let drbgNonce = pattern(16, 9)

    static func libDRBG(_ name: String, cipher: String?, digest: String?, _ size: Int) throws -> Setup {
        let source = TestEntropySource(entropy: drbgEntropy, nonce: drbgNonce, strength: 256)
        let drbg = try DRBG(name: name, cipher: cipher, digest: digest, derivationFunction: true, source: source)
        drbg.reseedInterval = 0
        try drbg.instantiate()
        return .ready(Operation(bytes: size, body: { _ = try drbg.generate(count: size) }, cleanup: {}))
    }

    // MARK: OpenSSL side

    func refDRBG(_ ref: OpenSSLImplementation, _ name: String, cipher: String?, digest: String?, _ size: Int) throws
        -> Setup
    {
        let drbg = try ref.reusableDRBG(
            name, cipher: cipher, digest: digest, entropy: Self.drbgEntropy, nonce: Self.drbgNonce)
        let out = UnsafeMutablePointer<UInt8>.allocate(capacity: max(size, 1))
        return .ready(
            Operation(
                bytes: size, body: { try drbg.generate(out, count: size) }, cleanup: { out.deallocate() }))
    }

    func refDigest(_ ref: OpenSSLImplementation, _ name: String, _ size: Int) throws -> Setup {
        let digest = try ref.oneShotDigest(name)
        let buf = Self.buffer(size)
        let out = UnsafeMutablePointer<UInt8>.allocate(capacity: OpenSSLImplementation.maxDigestSize)
        let data = UnsafeRawPointer(buf.baseAddress!)
        return .ready(
            Operation(
                bytes: size,
                body: {
                    try digest.digest(data, count: size, into: out)
                },
                cleanup: {
                    buf.deallocate()
                    out.deallocate()
                }))
    }

    func refHMAC(_ ref: OpenSSLImplementation, _ digest: String, _ size: Int) throws -> Setup {
        try refMAC(ref, "HMAC", 32, size, digest: digest)
    }

    /// OpenSSL's EVP_MAC `name` keyed with the same pattern as LibCrypto's side; `digest` is
    /// set for HMAC (a MAC without that parameter ignores it, as providers do).
    func refMAC(_ ref: OpenSSLImplementation, _ name: String, _ keyLength: Int, _ size: Int, digest: String = "SHA256")
        throws -> Setup
    {
        let mac = try ref.reusableMAC(name, digest: digest, key: Self.pattern(keyLength, 11))
        let buf = Self.buffer(size)
        let data = buf.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let out = UnsafeMutablePointer<UInt8>.allocate(capacity: 64)
        return .ready(
            Operation(
                bytes: size,
                body: {
                    try mac.mac(data, count: size, into: out, capacity: 64)
                },
                cleanup: {
                    buf.deallocate()
                    out.deallocate()
                }))
    }

    /// An encryption context keyed with OpenSSL's own key and IV lengths.
    func refCipherContext(
        _ ref: OpenSSLImplementation, _ name: String, wrap: Bool,
        tagLength: Int? = nil
    ) throws -> OpenSSLImplementation.StreamingCipher {
        try ref.streamingCipher(
            name, wrap: wrap, tagLength: tagLength,
            key: { Self.pattern($0, 7) }, iv: { Self.pattern($0, 3) })
    }

    func refCipher(_ ref: OpenSSLImplementation, _ c: CipherAlgorithm, _ size: Int) throws -> Setup {
        let n: Int
        switch Self.usable(c, size) {
        case .success(let u): n = u
        case .failure(let e): return .skip(e.reason)
        }
        let ctx = try refCipherContext(ref, c.info.name, wrap: c.mode == .wrap)
        if c.mode == .cbcCTS {
            let buf = Self.buffer(n + 32)
            let data = buf.baseAddress!.assumingMemoryBound(to: UInt8.self)
            let iv = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(ctx.ivLength, 1))
            _ = iv.initialize(from: Self.pattern(ctx.ivLength, 3))
            let tail = UnsafeMutablePointer<UInt8>.allocate(capacity: 64)
            let count = Int32(n)
            return .ready(
                Operation(
                    bytes: n,
                    body: { try ctx.oneMessage(data, count: count, iv: UnsafePointer(iv.baseAddress!), tail: tail) },
                    cleanup: {
                        buf.deallocate()
                        iv.deallocate()
                        tail.deallocate()
                    }))
        }
        let buf = Self.buffer(n + 32)
        // Key wrap writes more than it reads: into a second buffer. Everything else in place.
        let outBuf = c.mode == .wrap ? Self.buffer(n + 32) : buf
        let input = UnsafePointer(buf.baseAddress!.assumingMemoryBound(to: UInt8.self))
        let output = outBuf.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let count = Int32(n)
        return .ready(
            Operation(
                bytes: n,
                body: {
                    try ctx.update(input, count: count, into: output)
                },
                cleanup: {
                    if outBuf.baseAddress != buf.baseAddress { outBuf.deallocate() }
                    buf.deallocate()
                }))
    }

    func refAEAD(
        _ ref: OpenSSLImplementation, _ a: AEADAlgorithm, _ size: Int, perMessage: Bool, announceLength: Bool = true
    ) throws -> Setup {
        let ctx = try refCipherContext(ref, a.info.name, wrap: false, tagLength: perMessage ? a.defaultTagLength : nil)
        let buf = Self.buffer(size)
        let data = buf.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let count = Int32(size)
        guard perMessage else {
            return .ready(
                Operation(
                    bytes: size,
                    body: {
                        try ctx.update(data, count: count, into: data)
                    },
                    cleanup: {
                        buf.deallocate()
                    }))
        }
        let ivBytes = Self.pattern(ctx.ivLength, 3)
        let iv = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(ivBytes.count, 1))
        _ = iv.initialize(from: ivBytes)
        let tail = UnsafeMutablePointer<UInt8>.allocate(capacity: 64)
        let tagLength = Int32(a.defaultTagLength)
        return .ready(
            Operation(
                bytes: size,
                body: {
                    try ctx.message(
                        data, count: count, iv: ivBytes.isEmpty ? nil : iv.baseAddress, tagLength: tagLength,
                        tail: tail, announceLength: announceLength)
                },
                cleanup: {
                    buf.deallocate()
                    iv.deallocate()
                    tail.deallocate()
                }))
    }
}
