import Testing

@testable import LibCrypto

// Issue #12, item 6: secrets are wiped when LibCrypto is done with them, in a way the optimizer
// cannot remove (explicit_bzero), and no secret reaches an error message.

@Suite("Secret hygiene") struct SecretHygieneTests {
    @Test("SecretWipe zeroes buffers, arrays and plain-data values")
    func wipeZeroes() {
        var bytes: [UInt8] = Array(1...200)
        SecretWipe.wipe(&bytes)
        #expect(bytes == [UInt8](repeating: 0, count: 200))
        var value = (UInt64(0x0123_4567_89AB_CDEF), UInt32(7))
        SecretWipe.wipe(value: &value)
        #expect(value.0 == 0 && value.1 == 0)
    }

    @Test("a value holding references is left alone (its class storage wipes itself)")
    func referencesAreNotZeroed() {
        final class Box {}
        var value = (Box(), 5)
        let before = WipeCounter.value
        SecretWipe.wipe(value: &value)
        #expect(WipeCounter.value == before)
        #expect(value.1 == 5)
    }

    static let streamingCiphers = Registry.ciphers.filter { ![.xts, .wrap, .stitched].contains($0.mode) }.map(
        \.info.name)

    @Test("dropping a cipher context wipes at least its key's worth of schedule", arguments: streamingCiphers)
    func cipherContextWipes(name: String) throws {
        let c = try Registry.cipher(named: name)
        let key = [UInt8](repeating: 0x5A, count: c.keyLength)
        let iv = [UInt8](repeating: 1, count: c.ivLength)
        let before = WipeCounter.value
        do {
            let ctx = try c.makeContext(key: key, iv: iv, encrypting: true)
            _ = try ctx.update([UInt8](repeating: 2, count: 40))
        }
        #expect(WipeCounter.value - before >= c.keyLength, "\(name): \(WipeCounter.value - before) bytes wiped")
    }

    @Test("dropping an AEAD context wipes its key schedule and state", arguments: Registry.aeads.map(\.info.name))
    func aeadContextWipes(name: String) throws {
        let a = try Registry.aead(named: name)
        let key = [UInt8](repeating: 0x5A, count: a.keyLength)
        let parameters = AEADParameters(nonce: [UInt8](repeating: 3, count: a.defaultNonceLength), messageLength: 0)
        let before = WipeCounter.value
        do {
            _ = try a.makeContext(key: key, parameters: parameters, encrypting: true)
        }
        #expect(WipeCounter.value - before >= a.keyLength, "\(name): \(WipeCounter.value - before) bytes wiped")
    }

    @Test("dropping an HMAC or digest context wipes its state", arguments: Registry.digests.map(\.info.name))
    func macContextWipes(name: String) throws {
        let d = try Registry.digest(named: name)
        let before = WipeCounter.value
        if d.info.family != .xof {
            do {
                let mac = try d.makeHMAC(key: [UInt8](repeating: 0x5A, count: 20))
                mac.update([1, 2, 3])
            }
            #expect(WipeCounter.value - before >= 20, "HMAC-\(name): \(WipeCounter.value - before) bytes wiped")
        }
        let afterHMAC = WipeCounter.value
        do {
            let ctx = d.makeContext()
            ctx.update([1, 2, 3])
        }
        #expect(WipeCounter.value > afterHMAC, "\(name): digest state not wiped")
    }

    @Test("no error message carries key, IV or tag bytes")
    func errorsCarryNoSecrets() throws {
        let secret = [UInt8](repeating: 0xC3, count: 67)
        var messages: [String] = []
        for c in Registry.ciphers {
            do {
                _ = try c.makeContext(
                    key: secret, iv: Array(secret.prefix(c.ivLength + 1)), encrypting: false)
            } catch { messages.append("\(error)") }
        }
        for a in Registry.aeads {
            let key = Array(secret.prefix(a.keyLength))
            let nonce = Array(secret.prefix(a.defaultNonceLength))
            do {
                let ctx = try a.makeContext(key: key, parameters: AEADParameters(nonce: nonce), encrypting: false)
                _ = try ctx.update(Array(secret.prefix(32)))
                _ = try ctx.finalizeDecryption(tag: Array(secret.prefix(a.defaultTagLength)))
            } catch { messages.append("\(error)") }
        }
        #expect(messages.count >= Registry.ciphers.count)
        for message in messages {
            #expect(!message.lowercased().contains("c3c3"), "\(message)")
            #expect(!message.contains("195, 195"), "\(message)")
        }
    }
}
