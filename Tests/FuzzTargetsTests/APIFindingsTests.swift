import LibCrypto
import Testing

// What the API fuzz targets found in LibCrypto, one test per fix.

@Suite("API fuzz target findings") struct APIFindingsTests {
    /// api-digest-mac: CMAC-AES-128-CBC took a 32-byte key (as AES-256) where OpenSSL's
    /// CMAC_Init refuses a key length the cipher does not have.
    @Test(
        "CMAC refuses a key length its cipher refuses",
        arguments: [("AES-128-CBC", 32), ("AES-256-CBC", 16), ("CAMELLIA-128-CBC", 24), ("AES-192-CBC", 0)])
    func cmacKeyLength(cipher: String, keyLength: Int) throws {
        let c = try Registry.cipher(named: cipher)
        let key = [UInt8](repeating: 7, count: keyLength)
        #expect(throws: CryptoError.self) { try c.makeCMAC(key: key) }
        #expect(throws: CryptoError.self) {
            try c.makeContext(key: key, iv: [UInt8](repeating: 0, count: 16), encrypting: true)
        }
        #expect(try c.makeCMAC(key: [UInt8](repeating: 7, count: c.keyLength)).finalize().count == 16)
    }
}
