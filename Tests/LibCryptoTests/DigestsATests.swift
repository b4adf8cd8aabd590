import Foundation
import Testing
@testable import LibCrypto

/// SplitMix64: a small seeded generator so the split tests are reproducible.
typealias DigestsATestRNG = TestRNG

@Suite struct DigestsATests {
    // MARK: Helpers

    static func hex(_ bytes: [UInt8]) -> String { TestHex.encode(bytes) }

    static func unhex(_ s: String) -> [UInt8] { TestHex.decode(s) }

    static func digest<H: HashFunction>(_: H.Type, _ message: String) -> String {
        hex(H.hash(Array(message.utf8)))
    }

    /// The seven messages of the RFC 1319/1320/1321 test suites (appendix A.5).
    static let rfcSuiteMessages = [
        "",
        "a",
        "abc",
        "message digest",
        "abcdefghijklmnopqrstuvwxyz",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
        "12345678901234567890123456789012345678901234567890123456789012345678901234567890",
    ]

    /// The FIPS 180 example messages: "abc", the 448-bit and the 896-bit message.
    static let abc = "abc"
    static let msg448 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
    static let msg896 =
        "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"

    /// One million 'a', absorbed in uneven chunks.
    static func millionA<H: HashFunction>(_: H.Type) -> String {
        var h = H()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 999)
        var left = 1_000_000
        while left > 0 {
            let n = min(left, chunk.count)
            h.update(chunk[0..<n])
            left -= n
        }
        return hex(h.finalize())
    }

    static var testVectorsDirectory: String {
        let file = #filePath
        var parts = file.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/TestVectors"
    }

    /// Parses a NIST-style `Len`/`Msg`/`MD` file into (message, digest) pairs.
    static func loadVectors(_ name: String) throws -> [([UInt8], String)] {
        let text = try String(contentsOfFile: testVectorsDirectory + "/" + name, encoding: .utf8)
        var out: [([UInt8], String)] = []
        var len = 0
        var msg: [UInt8] = []
        for rawLine in text.split(separator: "\n") {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.components(separatedBy: " = ")
            guard fields.count == 2 else { continue }
            switch fields[0] {
            case "Len": len = Int(fields[1])!
            case "Msg": msg = Array(unhex(fields[1]).prefix(len / 8))
            case "MD": out.append((msg, fields[1].lowercased()))
            default: break
            }
        }
        return out
    }

    // MARK: RFC test suites

    #if MD2
    @Test func md2RFC1319Suite() {
        let expected = [
            "8350e5a3e24c153df2275c9f80692773",
            "32ec01ec4a6dac72c0ab96fb34c0b5d1",
            "da853b0d3f88d99b30283a69e6ded6bb",
            "ab4f496bfb2a530b219ff33031fe06b0",
            "4e8ddff3650292ab5a4108c3aa47940b",
            "da33def2a42df13975352846c30338cd",
            "d5976f79d83d3a0dc9806c3c66f3efd8",
        ]
        for (message, md) in zip(Self.rfcSuiteMessages, expected) {
            #expect(Self.digest(MD2.self, message) == md, "MD2(\"\(message)\")")
        }
        #expect(MD2.blockSize == 16 && MD2.digestSize == 16)
    }

    @Test func md2VectorFile() throws {
        let vectors = try Self.loadVectors("md2-rfc1319.txt")
        #expect(vectors.count == 7)
        for (message, md) in vectors {
            #expect(Self.hex(MD2.hash(message)) == md)
        }
    }
    #endif

    #if MD4
    @Test func md4RFC1320Suite() {
        let expected = [
            "31d6cfe0d16ae931b73c59d7e0c089c0",
            "bde52cb31de33e46245e05fbdbd6fb24",
            "a448017aaf21d8525fc10ae87aa6729d",
            "d9130a8164549fe818874806e1c7014b",
            "d79e1c308aa5bbcdeea8ed63df412da9",
            "043f8582f241db351ce627e153e7f0e4",
            "e33b4ddc9c38f2199c3e7b164fcc0536",
        ]
        for (message, md) in zip(Self.rfcSuiteMessages, expected) {
            #expect(Self.digest(MD4.self, message) == md, "MD4(\"\(message)\")")
        }
        #expect(MD4.blockSize == 64 && MD4.digestSize == 16)
    }

    @Test func md4VectorFile() throws {
        let vectors = try Self.loadVectors("md4-rfc1320.txt")
        #expect(vectors.count == 7)
        for (message, md) in vectors {
            #expect(Self.hex(MD4.hash(message)) == md)
        }
    }
    #endif

    @Test func md5RFC1321Suite() {
        let expected = [
            "d41d8cd98f00b204e9800998ecf8427e",
            "0cc175b9c0f1b6a831c399e269772661",
            "900150983cd24fb0d6963f7d28e17f72",
            "f96b697d7cb7938d525a2f31aaf161d0",
            "c3fcd3d76192e4007dfb496cca67e13b",
            "d174ab98d277d9f5a5611c2c9f419d9f",
            "57edf4a22be3c955ac49da2e2107b67a",
        ]
        for (message, md) in zip(Self.rfcSuiteMessages, expected) {
            #expect(Self.digest(MD5.self, message) == md, "MD5(\"\(message)\")")
        }
        #expect(MD5.blockSize == 64 && MD5.digestSize == 16)
    }

    // MARK: FIPS 180 examples

    @Test func sha1Examples() {
        #expect(Self.digest(SHA1.self, "") == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(Self.digest(SHA1.self, Self.abc) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(Self.digest(SHA1.self, Self.msg448) == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
        #expect(Self.millionA(SHA1.self) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
        #expect(SHA1.blockSize == 64 && SHA1.digestSize == 20)
    }

    @Test func sha224Examples() {
        #expect(Self.digest(SHA224.self, "") == "d14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f")
        #expect(Self.digest(SHA224.self, Self.abc) == "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7")
        #expect(Self.digest(SHA224.self, Self.msg448) == "75388b16512776cc5dba5da1fd890150b0c6455cb4f58b1952522525")
        #expect(Self.millionA(SHA224.self) == "20794655980c91d8bbb4c1ea97618a4bf03f42581948b2ee4ee7ad67")
        #expect(SHA224.blockSize == 64 && SHA224.digestSize == 28)
    }

    @Test func sha256Examples() {
        #expect(Self.digest(SHA256.self, "") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            Self.digest(SHA256.self, Self.abc) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            Self.digest(SHA256.self, Self.msg448) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(Self.millionA(SHA256.self) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        #expect(SHA256.blockSize == 64 && SHA256.digestSize == 32)
    }

    @Test func sha384Examples() {
        #expect(
            Self.digest(SHA384.self, "")
                == "38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b")
        #expect(
            Self.digest(SHA384.self, Self.abc)
                == "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7")
        #expect(
            Self.digest(SHA384.self, Self.msg896)
                == "09330c33f71147e83d192fc782cd1b4753111b173b3b05d22fa08086e3b0f712fcc7c71a557e2db966c3e9fa91746039")
        #expect(
            Self.millionA(SHA384.self)
                == "9d0e1809716474cb086e834e310a4a1ced149e9c00f248527972cec5704c2a5b07b8b3dc38ecc4ebae97ddd87f3d8985")
        #expect(SHA384.blockSize == 128 && SHA384.digestSize == 48)
    }

    @Test func sha512Examples() {
        #expect(
            Self.digest(SHA512.self, "")
                == "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"
        )
        #expect(
            Self.digest(SHA512.self, Self.abc)
                == "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"
        )
        #expect(
            Self.digest(SHA512.self, Self.msg896)
                == "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909"
        )
        #expect(
            Self.millionA(SHA512.self)
                == "e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa973ebde0ff244877ea60a4cb0432ce577c31beb009c5c2c49aa2e4eadb217ad8cc09b"
        )
        #expect(SHA512.blockSize == 128 && SHA512.digestSize == 64)
    }

    @Test func sha512_224Examples() {
        #expect(Self.digest(SHA512_224.self, "") == "6ed0dd02806fa89e25de060c19d3ac86cabb87d6a0ddd05c333b84f4")
        #expect(Self.digest(SHA512_224.self, Self.abc) == "4634270f707b6a54daae7530460842e20e37ed265ceee9a43e8924aa")
        #expect(Self.digest(SHA512_224.self, Self.msg896) == "23fec5bb94d60b23308192640b0c453335d664734fe40e7268674af9")
        #expect(SHA512_224.blockSize == 128 && SHA512_224.digestSize == 28)
    }

    @Test func sha512_256Examples() {
        #expect(Self.digest(SHA512_256.self, "") == "c672b8d1ef56ed28ab87c3622c5114069bdd3ad7b8f9737498d0c01ecef0967a")
        #expect(
            Self.digest(SHA512_256.self, Self.abc) == "53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23"
        )
        #expect(
            Self.digest(SHA512_256.self, Self.msg896)
                == "3928e184fb8690f840da3988121d31be65cb9d3ef83ee6146feac861e19b563a")
        #expect(SHA512_256.blockSize == 128 && SHA512_256.digestSize == 32)
    }

    @Test func md5SHA1IsConcatenation() {
        // MD5("abc") from RFC 1321 followed by SHA-1("abc") from FIPS 180.
        #expect(
            Self.digest(MD5SHA1.self, Self.abc)
                == "900150983cd24fb0d6963f7d28e17f72" + "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(
            Self.digest(MD5SHA1.self, "")
                == "d41d8cd98f00b204e9800998ecf8427e" + "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(MD5SHA1.blockSize == 64 && MD5SHA1.digestSize == 36)
    }

    // MARK: Streaming

    static var allDigests: [any HashFunction.Type] {
        var list: [any HashFunction.Type] = [
            MD5.self, SHA1.self, SHA224.self, SHA256.self, SHA384.self, SHA512.self,
            SHA512_224.self, SHA512_256.self, MD5SHA1.self,
        ]
        #if MD2
        list.append(MD2.self)
        #endif
        #if MD4
        list.append(MD4.self)
        #endif
        return list
    }

    static func checkRandomSplits<H: HashFunction>(_: H.Type, rng: inout DigestsATestRNG) {
        var lengths = [
            0, 1, H.blockSize - 1, H.blockSize, H.blockSize + 1, 2 * H.blockSize,
            H.blockSize - 9, H.blockSize - 8, H.blockSize - 17, H.blockSize - 16,
        ]
        for _ in 0..<40 { lengths.append(rng.next(below: 1001)) }
        for length in lengths where length >= 0 {
            let message = rng.bytes(length)
            let expected = H.hash(message)
            #expect(expected.count == H.digestSize)
            for _ in 0..<3 {
                var h = H()
                var offset = 0
                while offset < message.count {
                    let maxChunk = rng.next(below: 4) == 0 ? 300 : 20
                    let n = min(message.count - offset, rng.next(below: maxChunk + 1))
                    message[offset..<(offset + n)].withUnsafeBytes { h.update($0) }
                    if rng.next(below: 8) == 0 {
                        h.update(UnsafeRawBufferPointer(start: nil, count: 0))
                    }
                    offset += n
                }
                #expect(h.finalize() == expected, "\(H.self) length \(length)")
            }
        }
    }

    @Test func randomSplitsMatchOneShot() {
        var rng = DigestsATestRNG(seed: 0x5eed_d16e_57a5_0001)
        for type in Self.allDigests {
            Self.checkRandomSplits(type, rng: &rng)
        }
    }

    static func checkCopyMidStream<H: HashFunction>(_: H.Type) {
        let prefix = [UInt8](repeating: 0x36, count: H.blockSize + 3)
        var a = H()
        a.update(prefix)
        var b = a
        a.update([1, 2, 3])
        b.update([1, 2, 3])
        #expect(a.finalize() == b.finalize())
        #expect(H.hash(prefix + [9]) != H.hash(prefix + [8]))
    }

    @Test func copiesAreIndependentValues() {
        for type in Self.allDigests {
            Self.checkCopyMidStream(type)
        }
    }
}
