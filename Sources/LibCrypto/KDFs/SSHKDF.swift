/// The SSH key derivation (RFC 4253 section 7.2), OpenSSL's `SSHKDF` KDF:
/// K1 = HASH(K ‖ H ‖ X ‖ session_id), Kn = HASH(K ‖ H ‖ K1 ‖ … ‖ Kn−1), output K1 ‖ K2 ‖ …
/// truncated. `K` is passed as the caller encodes it (an SSH mpint), `X` is one of the letters
/// "A"…"F".
///
/// OpenSSL 3.0 (`providers/implementations/kdfs/sshkdf.c`) requires all four inputs (each may
/// be empty but must be set). The output is capped here at 2^30 bytes.
public enum SSHKDF {
    /// The longest output produced here.
    public static let maxOutputLength = 1 << 30

    /// Derives `length` bytes.
    /// - Parameters:
    ///   - hash: the hash function (OpenSSL's `digest`).
    ///   - key: the shared secret K, mpint-encoded.
    ///   - exchangeHash: the exchange hash H (`xcghash`).
    ///   - sessionID: the session identifier (`session_id`).
    ///   - type: the key letter, `A` (0x41) … `F` (0x46).
    ///   - length: the output length in bytes.
    /// - Throws: `invalidParameter` for another letter or a length outside 1...2^30.
    public static func derive<H: HashFunction>(
        _ hash: H.Type, key: [UInt8], exchangeHash: [UInt8], sessionID: [UInt8], type: UInt8, length: Int
    ) throws -> [UInt8] {
        guard (0x41...0x46).contains(type) else {
            throw CryptoError(.invalidParameter, "SSHKDF type must be a letter A...F, got \(type)")
        }
        guard length >= 1, length <= maxOutputLength else {
            throw CryptoError(.invalidParameter, "SSHKDF output length must be 1...2^30, got \(length)")
        }
        var base = H()
        base.update(key)
        base.update(exchangeHash)
        var first = base
        first.update([type])
        first.update(sessionID)
        var out = KDFOutput.buffer(for: length)
        out.append(contentsOf: first.finalize().prefix(length))
        // Kn hashes everything produced so far: keep a running state instead of rehashing.
        var running = base
        running.update(out)
        while out.count < length {
            var h = running
            let block = h.finalize()
            let take = block.prefix(length - out.count)
            out.append(contentsOf: take)
            running.update(block)
        }
        return out
    }
}
