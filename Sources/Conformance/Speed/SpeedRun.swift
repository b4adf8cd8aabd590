import Foundation
import LibCrypto

/// Throughput of LibCrypto against the OpenSSL reference, in the manner of `openssl speed -evp`.
///
/// For each algorithm and buffer size both libraries run the same operation on a buffer of that
/// size, alternately in short slices (so both see the same machine conditions), and the row
/// gives MB/s (10^6 bytes per second) for each and the ratio LibCrypto ÷ OpenSSL.
///
/// One operation (`Row.measures`) is, per family:
/// - digests: one-shot per buffer, a fresh context, update, final (OpenSSL: `EVP_Digest`);
/// - HMAC: per buffer, keyed init (32-byte key), update, final (OpenSSL: `EVP_MAC_init`,
///   `EVP_MAC_update`, `EVP_MAC_final` on one `EVP_MAC_CTX`);
/// - block and stream ciphers: an update of one long-lived encryption context, in place,
///   padding off (OpenSSL: `EVP_CipherUpdate`), as `openssl speed -evp` does; key wrap: each
///   update wraps the whole buffer (into a second buffer), XTS: each update is one data unit,
///   CBC-CTS: per buffer, the IV set again, one update, final (OpenSSL's CTS refuses a second
///   update of a message; LibCrypto: a new context per buffer);
/// - GCM, OCB, ChaCha20-Poly1305: as `openssl speed -evp aes-128-gcm`, an update of one
///   long-lived encryption context (cipher and authenticator run over the data), no AAD, no
///   tag; LibCrypto's AEAD update returns a fresh array, OpenSSL's writes in place;
/// - CCM, which cannot stream: per buffer, set the nonce, announce the length, encrypt, final,
///   read the 12-byte tag (LibCrypto: a new context per buffer), as `openssl speed` does CCM;
/// - DRBGs (CTR-DRBG, HASH-DRBG, HMAC-DRBG): one generator instantiated once from fixed test
///   entropy (OpenSSL: over a `TEST-RAND` parent), derivation function on, reseeding by request
///   count off on both sides, each buffer one generate request with no additional input.
///
/// Meant for release builds only. The run is in four files: this one (the rows and what they
/// measure), SpeedMeasurement (timing), SpeedSubjects (the LibCrypto and OpenSSL operations;
/// OpenSSL only through the adapter's streaming entry points) and SpeedFormatting (text, JSON).
public struct SpeedRun {
    /// One buffer size of a row.
    public struct Cell: Sendable, Codable, Equatable {
        public var bytes: Int
        /// MB/s (10^6 bytes per second); nil when not measured (see `note`).
        public var libcrypto: Double?
        public var openssl: Double?
        /// `libcrypto / openssl`, when both were measured.
        public var ratio: Double?
        /// Why a figure is missing (the reference lacks the algorithm, an operation failed, the
        /// mode does not take this size).
        public var note: String?

        public init(bytes: Int, libcrypto: Double?, openssl: Double?, note: String? = nil) {
            self.bytes = bytes
            self.libcrypto = libcrypto
            self.openssl = openssl
            if let a = libcrypto, let b = openssl, a > 0, b > 0 { ratio = a / b }
            self.note = note
        }
    }

    public struct Row: Sendable, Codable {
        public var algorithm: String
        /// digest, xof, mac, aead, cipher, rand (and the public-key rows' own families).
        public var family: String
        /// What one operation is (see `SpeedRun`).
        public var measures: String
        /// OpenSSL's reason, when the reference lacks the algorithm.
        public var referenceLacks: String?
        public var cells: [Cell]

        public func cell(bytes: Int) -> Cell? { cells.first { $0.bytes == bytes } }
    }

    public static let defaultSizes = [16, 64, 256, 1024, 8192, 16384]
    public var sizes: [Int]
    /// Time per library per (algorithm, size).
    public var seconds: Double
    public var filter: String?

    public init(sizes: [Int] = SpeedRun.defaultSizes, seconds: Double = 0.3, filter: String? = nil) {
        self.sizes = sizes
        self.seconds = seconds
        self.filter = filter?.lowercased()
    }

    func selected(_ names: [String]) -> Bool {
        guard let f = filter else { return true }
        return names.contains { $0.lowercased().contains(f) }
    }

    /// Slices per library per cell: ~30 ms each, at most 10, at least 1.
    public var rounds: Int { max(1, min(10, Int(seconds / 0.03))) }

    // MARK: - Rows

    /// Measures every selected algorithm: each digest, HMAC-SHA2-256 (every HMAC-X when the
    /// filter names HMAC), each AEAD and each block or stream cipher. `onRow` sees each row as
    /// it completes.
    public func run(reference: OpenSSLImplementation, onRow: (Row) -> Void = { _ in }) throws -> [Row] {
        var rows: [Row] = []
        func measure(
            _ name: String, _ family: String, _ measures: String, lacks: String?,
            lib: (Int) throws -> Setup, ref: (Int) throws -> Setup
        ) {
            var row = Row(algorithm: name, family: family, measures: measures, referenceLacks: lacks, cells: [])
            for size in sizes { row.cells.append(cell(size, lib: lib, ref: ref, lacks: lacks)) }
            rows.append(row)
            onRow(row)
        }
        func lacking(_ needs: [(OpenSSLImplementation.FetchKind, String)]) -> String? {
            for (kind, name) in needs {
                if case .failure(let e) = reference.fetch(kind, name) { return e.reason }
            }
            return nil
        }

        for d in Registry.digests where selected(d.info.allNames) {
            measure(
                d.info.name, d.info.family.rawValue, "one-shot per buffer: new context, update, final (EVP_Digest)",
                lacks: lacking([(.digest, d.info.name)]),
                lib: { size in Self.libDigest(d, size) },
                ref: { size in try self.refDigest(reference, d.info.name, size) })
        }
        let hmacs =
            filter?.contains("hmac") == true
            ? Registry.digests.filter { !$0.isXOF } : Registry.digests.filter { $0.info.name == "SHA2-256" }
        for d in hmacs where selected(["HMAC-" + d.info.name] + d.info.allNames.map { "HMAC-" + $0 }) {
            measure(
                "HMAC-" + d.info.name, "mac", "per buffer: keyed init (32-byte key), update, final (EVP_MAC)",
                lacks: lacking([(.digest, d.info.name), (.mac, "HMAC")]),
                lib: { size in Self.libHMAC(d, size) }, ref: { size in try self.refHMAC(reference, d.info.name, size) })
        }
        for m in Registry.parameterizedMACs where selected(m.info.allNames) {
            // SipHash takes a 16-byte key; KMAC and keyed BLAKE2 take 32 (their defaults otherwise).
            let keyLength = m.info.name == "SIPHASH" ? 16 : 32
            measure(
                m.info.name, "mac", "per buffer: keyed init (\(keyLength)-byte key), update, final (EVP_MAC)",
                lacks: lacking([(.mac, m.info.name)]),
                lib: { size in try Self.libMAC(m, keyLength, size) },
                ref: { size in try self.refMAC(reference, m.info.name, keyLength, size) })
        }
        for a in Registry.aeads where selected(a.info.allNames) {
            let ccm = a.info.name.uppercased().hasSuffix("-CCM")
            // SIV and GCM-SIV take the whole message in one update: one message per context.
            let siv = a.info.name.uppercased().hasSuffix("-SIV")
            let measures =
                ccm
                ? "per buffer: set nonce, announce length, encrypt, final, get tag (as openssl speed -evp)"
                : siv
                    ? "per buffer: set nonce, encrypt the whole buffer, final, get tag"
                    : "one encryption context, updated with each buffer, no AAD, no tag (as openssl speed -evp)"
            measure(
                a.info.name, "aead", measures, lacks: lacking([(.cipher, a.info.name)]),
                lib: { size in try Self.libAEAD(a, size, perMessage: ccm || siv) },
                ref: { size in try self.refAEAD(reference, a, size, perMessage: ccm || siv, announceLength: ccm) })
        }
        for c in Registry.ciphers where selected(c.info.allNames) {
            let measures =
                c.mode == .wrap
                ? "one context, each update wraps the whole buffer (EVP_CipherUpdate)"
                : c.mode == .xts
                    ? "one context, each update one data unit, in place (EVP_CipherUpdate)"
                    : c.mode == .cbcCTS
                        ? "per buffer: set the IV, one update with the whole buffer, final (CTS takes one update per message)"
                        : "one encryption context, updated in place, padding off (EVP_CipherUpdate, as openssl speed -evp)"
            measure(
                c.info.name, "cipher", measures, lacks: lacking([(.cipher, c.info.name)]),
                lib: { size in try Self.libCipher(c, size) }, ref: { size in try self.refCipher(reference, c, size) })
        }
        for (drbg, cipher, digest) in Self.drbgRows {
            let name = "\(drbg) (\(cipher ?? digest ?? ""))"
            guard selected([name, drbg]), Registry.all.contains(where: { $0.name == drbg }) else { continue }
            measure(
                name, "rand",
                "one instantiated DRBG (derivation function on, reseeding by count off), each buffer one generate request, no additional input (EVP_RAND_generate over TEST-RAND)",
                lacks: lacking([(.rand, drbg)] + (cipher.map { [(.cipher, $0)] } ?? [])),
                lib: { size in try Self.libDRBG(drbg, cipher: cipher, digest: digest, size) },
                ref: { size in try self.refDRBG(reference, drbg, cipher: cipher, digest: digest, size) })
        }
        return rows
    }

    /// The DRBG rows: each mechanism with a common cipher or digest.
    static let drbgRows: [(drbg: String, cipher: String?, digest: String?)] = [
        ("CTR-DRBG", "AES-128-CTR", nil), ("CTR-DRBG", "AES-256-CTR", nil),
        ("HASH-DRBG", nil, "SHA2-256"), ("HASH-DRBG", nil, "SHA2-512"),
        ("HMAC-DRBG", nil, "SHA2-256"), ("HMAC-DRBG", nil, "SHA2-512"),
    ]

    /// Bytes of a `size`-byte buffer a cipher update takes (whole blocks; wrap whole 8-byte
    /// blocks, at least 16), or why it takes none.
    static func usable(_ c: CipherAlgorithm, _ size: Int) -> Result<Int, CryptoError> {
        switch c.mode {
        case .wrap:
            let n = size / 8 * 8
            return n >= 16 ? .success(n) : .failure(CryptoError(.invalidLength, "key wrap needs at least 16 bytes"))
        case .xts:
            return size >= 16 ? .success(size) : .failure(CryptoError(.invalidLength, "XTS needs at least 16 bytes"))
        default:
            let n = c.blockSize > 1 ? size / c.blockSize * c.blockSize : size
            return n > 0 ? .success(n) : .failure(CryptoError(.invalidLength, "less than one block"))
        }
    }
}
