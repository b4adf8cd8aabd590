import Testing

@testable import LibCrypto

/// Known answers for ARIA (RFC 5794 appendix A, RFC 8269), SM4 (GB/T 32907-2016 appendix A,
/// as draft-ribose-cfrg-sm4 repeats it) and CBC-CTS (RFC 3962 appendix B for CS3; OpenSSL 3.0's
/// `evpciph_aes_cts.txt` for CS1 and CS2, and for the RFC 3962 messages' CS3 IVs), all from
/// sources independent of this code.
@Suite struct ARIASM4CTSTests {
    static func unhex(_ s: String) -> [UInt8] { TestHex.decode(s) }

    #if ARIA
    @Test("ARIA: RFC 5794 appendix A, 128/192/256-bit keys")
    func ariaRFC5794() throws {
        let pt = Self.unhex("00112233445566778899aabbccddeeff")
        let cases: [(Int, String)] = [
            (16, "d718fbd6ab644c739da95f3be6451778"),
            (24, "26449c1805dbe7aa25a468ce263a9e79"),
            (32, "f92bd7c79fb72e2f2b8f80c1972d24fc"),
        ]
        for (n, ct) in cases {
            let aria = try ARIA(key: (0..<n).map { UInt8($0) })
            #expect(try aria.encrypt(pt) == Self.unhex(ct))
            #expect(try aria.decrypt(Self.unhex(ct)) == pt)
        }
        #expect(throws: CryptoError.self) { try ARIA(key: [UInt8](repeating: 0, count: 20)) }
    }

    @Test("ARIA-128-GCM: RFC 8269 section 5")
    func ariaGCMRFC8269() throws {
        let gcm = try Registry.aead(named: "aria-128-gcm")
        let pt = Self.unhex(
            "f57af5fd4ae19562976ec57a5a7ad55a5af5c5e5c5fdf5c55ad57a4a7272d57262e9729566ed66e97ac54a4a5a7ad5e15ae5fdd5"
                + "fd5ac5d56ae56ad5c572d54ae54ac55a956afd6aed5a4ac562957a9516991691d572fd14e97ae962ed7a9f4a955af572e162f5"
                + "7a956666e17ae1f54a95f566d54a66e16e4afd6a9f7ae1c5c55ae5d56afde916c5e94a6ec56695e14afde1148416e94ad57ac5"
                + "146ed59d1cc5")
        let ct = Self.unhex(
            "4d8a9a0675550c704b17d8c9ddc81a5cd6f7da34f2fe1b3db7cb3dfb9697102ea0f3c1fc2dbc873d44bceeae8e4442974ba21ff6"
                + "789d3272613fb9631a7cf3f14bacbeb421633a90ffbe58c2fa6bdca534f10d0de0502ce1d531b6336e58878278531e5c22bc6c"
                + "85bbd784d78d9e680aa19031aaf89101d669d7a3965c1f7e16229d7463e0535f4e253f5d18187d40b8ae0f564bd970b5e7e2ad"
                + "fb211e89a953")
        let params = AEADParameters(nonce: Self.unhex("000020e8f5eb00000000315e"), tagLength: 16)
        let ctx = try gcm.makeContext(
            key: Self.unhex("e91e5e75da65554a48181f3846349562"), parameters: params, encrypting: true)
        try ctx.updateAAD(Self.unhex("8008315ebf2e6fe020e8f5eb"))
        var out = try ctx.update(pt)
        let (rest, tag) = try ctx.finalizeEncryption()
        out += rest
        #expect(out == ct)
        #expect(tag == Self.unhex("5abace3f37f5a736f4be984bbffbedc1"))
    }
    #endif

    #if SM4
    @Test("SM4: GB/T 32907 example 1 and the modes of draft-ribose-cfrg-sm4")
    func sm4Standard() throws {
        let key = Self.unhex("0123456789abcdeffedcba9876543210")
        let sm4 = try SM4(key: key)
        #expect(try sm4.encrypt(key) == Self.unhex("681edf34d206965e86b3e94f536e4246"))
        #expect(try sm4.decrypt(Self.unhex("681edf34d206965e86b3e94f536e4246")) == key)
        let two = key + key
        let cbc = try Registry.cipher(named: "SM4")
        #expect(
            try cbc.encrypt(two, key: key, iv: key, parameters: CipherParameters(padding: false))
                == Self.unhex("2677f46b09c122cc975533105bd4a22af6125f7275ce552c3a2bbcf533de8a3b"))
        let ofb = try Registry.cipher(named: "SM4-OFB128")
        #expect(
            try ofb.encrypt(two, key: key, iv: key)
                == Self.unhex("693d9a535bad5bb1786f53d7253a7056f2075d28b5235f58d50027e4177d2bce"))
        #expect(throws: CryptoError.self) { try SM4(key: [UInt8](repeating: 0, count: 24)) }
    }

    @Test("SM4: GB/T 32907 example 2 (10^6 encryptions)")
    func sm4Iterated() throws {
        let key = Self.unhex("0123456789abcdeffedcba9876543210")
        let sm4 = try SM4(key: key)
        var block = key
        block.withUnsafeMutableBytes { b in
            for _ in 0..<1_000_000 { sm4.encrypt(block: UnsafeRawPointer(b.baseAddress!), into: b.baseAddress!) }
        }
        #expect(block == Self.unhex("595298c7c6fd271f0402f804c33d3f66"))
    }
    #endif

    static let ctsKey = unhex("636869636b656e207465726979616b69")
    static let ctsText = unhex(
        "4920776f756c64206c696b65207468652047656e6572616c20476175277320436869636b656e2c20706c656173652c20"
            + "616e6420776f6e746f6e20736f75702e")

    @Test("AES-128-CBC-CTS: RFC 3962 (CS3) and OpenSSL's CS1/CS2 forms")
    func ctsVectors() throws {
        let cts = try Registry.cipher(named: "AES-128-CBC-CTS")
        let iv = [UInt8](repeating: 0, count: 16)
        let cases: [(CTSMode, Int, String, String)] = [
            (.cs1, 17, "97c6353568f2bf8cb4d8a580362da7ff7f", "c6353568f2bf8cb4d8a580362da7ff7f"),
            (.cs2, 17, "c6353568f2bf8cb4d8a580362da7ff7f97", "c6353568f2bf8cb4d8a580362da7ff7f"),
            (.cs3, 17, "c6353568f2bf8cb4d8a580362da7ff7f97", "c6353568f2bf8cb4d8a580362da7ff7f"),
            (
                .cs3, 31, "fc00783e0efdb2c1d445d4c8eff7ed2297687268d6ecccc0c07b25e25ecfe5",
                "fc00783e0efdb2c1d445d4c8eff7ed22"
            ),
            (
                .cs3, 32, "39312523a78662d5be7fcbcc98ebf5a897687268d6ecccc0c07b25e25ecfe584",
                "39312523a78662d5be7fcbcc98ebf5a8"
            ),
            (
                .cs1, 32, "97687268d6ecccc0c07b25e25ecfe58439312523a78662d5be7fcbcc98ebf5a8",
                "39312523a78662d5be7fcbcc98ebf5a8"
            ),
            // Longer messages, so that blocks go through the bulk CBC before the stolen pair.
            (
                .cs1, 47,
                "97687268d6ecccc0c07b25e25ecfe58439312523a78662d5be7fcbcc98ebf5b3fffd940c16a18c1b5549d2f838029e",
                "b3fffd940c16a18c1b5549d2f838029e"
            ),
            (
                .cs3, 47,
                "97687268d6ecccc0c07b25e25ecfe584b3fffd940c16a18c1b5549d2f838029e39312523a78662d5be7fcbcc98ebf5",
                "b3fffd940c16a18c1b5549d2f838029e"
            ),
            (
                .cs3, 48,
                "97687268d6ecccc0c07b25e25ecfe5849dad8bbb96c4cdc03bc103e1a194bbd839312523a78662d5be7fcbcc98ebf5a8",
                "9dad8bbb96c4cdc03bc103e1a194bbd8"
            ),
            (
                .cs3, 64,
                "97687268d6ecccc0c07b25e25ecfe58439312523a78662d5be7fcbcc98ebf5a8"
                    + "4807efe836ee89a526730dbc2f7bc8409dad8bbb96c4cdc03bc103e1a194bbd8",
                "4807efe836ee89a526730dbc2f7bc840"
            ),
        ]
        for (mode, n, ct, nextIV) in cases {
            let p = CipherParameters(ctsMode: mode)
            let pt = Array(Self.ctsText.prefix(n))
            let enc = try cts.makeContext(key: Self.ctsKey, iv: iv, encrypting: true, parameters: p)
            #expect(try enc.process(pt) == Self.unhex(ct), "\(mode) \(n)")
            #expect(enc.updatedIV == Self.unhex(nextIV), "\(mode) \(n)")
            #expect(try cts.decrypt(Self.unhex(ct), key: Self.ctsKey, iv: iv, parameters: p) == pt)
            // In place (output at the input's address), both ways.
            for (encrypting, from, to) in [(true, pt, Self.unhex(ct)), (false, Self.unhex(ct), pt)] {
                let ctx = try cts.makeContext(key: Self.ctsKey, iv: iv, encrypting: encrypting, parameters: p)
                var buffer = from + [UInt8](repeating: 0, count: 32)
                let written = try buffer.withUnsafeMutableBytes { b in
                    try ctx.update(UnsafeRawBufferPointer(rebasing: b[0..<n]), into: b.baseAddress!)
                }
                #expect(written == n)
                #expect(Array(buffer[0..<n]) == to, "in place \(encrypting ? "enc" : "dec") \(mode) \(n)")
                #expect(ctx.updatedIV == Self.unhex(nextIV), "in place \(mode) \(n)")
            }
        }
    }

    @Test("CBC-CTS: every length round-trips; short input and a second update are refused")
    func ctsRules() throws {
        let cts = try Registry.cipher(named: "AES-256-CBC-CTS")
        let key = (0..<32).map { UInt8($0) }
        let iv = (0..<16).map { UInt8(0xa0 + $0) }
        let data = (0..<80).map { UInt8(truncatingIfNeeded: $0 * 7) }
        for mode in CTSMode.allCases {
            let p = CipherParameters(ctsMode: mode)
            for n in 16...data.count {
                let pt = Array(data.prefix(n))
                let ct = try cts.encrypt(pt, key: key, iv: iv, parameters: p)
                #expect(ct.count == n)
                #expect(try cts.decrypt(ct, key: key, iv: iv, parameters: p) == pt)
            }
            #expect(throws: CryptoError.self) {
                try cts.encrypt(Array(data.prefix(15)), key: key, iv: iv, parameters: p)
            }
            let ctx = try cts.makeContext(key: key, iv: iv, encrypting: true, parameters: p)
            _ = try ctx.update(Array(data.prefix(32)))
            #expect(throws: CryptoError.self) { try ctx.update(Array(data.prefix(16))) }
        }
    }
}
