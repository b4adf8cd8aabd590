#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The operating system's entropy: `getentropy`, which glibc and musl implement with the
/// `getrandom(2)` system call (Darwin has its own). Never
/// traps: a failing system call is a thrown ``CryptoError``.
public final class SystemEntropySource: DRBGEntropySource {
    /// The source's claimed strength, in bits.
    public let strength = 256

    /// A source reading the kernel's generator.
    public init() {}

    /// Fills `count` bytes from the kernel.
    /// - Throws: `unsupportedOperation` if the kernel does not deliver them.
    public static func fill(count: Int) throws -> [UInt8] {
        guard count >= 0 else { throw CryptoError(.invalidParameter, "negative entropy request") }
        var out = [UInt8](repeating: 0, count: count)
        var done = 0
        var lastError: Int32 = 0
        try out.withUnsafeMutableBytes { buffer in
            var failures = 0
            while done < count {
                // getentropy: at most 256 bytes a call; glibc's is the getrandom(2) system call.
                let n = min(256, count - done)
                let r = getentropy(buffer.baseAddress! + done, n) == 0 ? n : -1
                if r > 0 {
                    done += r
                    continue
                }
                lastError = errno
                failures += 1
                // Interrupted calls are retried a bounded number of times; anything else ends it.
                guard lastError == EINTR, failures < 100 else {
                    throw CryptoError(
                        .unsupportedOperation, "PRNG not seeded: the system entropy source failed (errno \(lastError))")
                }
            }
        }
        return out
    }

    /// `maxLength`-capped entropy of at least `minLength` bytes and `bits` bits from the kernel.
    public func entropy(bits: Int, minLength: Int, maxLength: Int, predictionResistance: Bool) throws -> [UInt8] {
        let want = min(max((bits + 7) / 8, minLength), maxLength)
        return try Self.fill(count: want)
    }

    /// A nonce of `minLength` bytes (at least 16) from the kernel, capped at `maxLength`.
    public func nonce(minLength: Int, maxLength: Int) throws -> [UInt8]? {
        try Self.fill(count: min(max(minLength, 16), maxLength))
    }
}

/// The process-wide random generator: a CTR_DRBG over AES-256 with its derivation function,
/// seeded from the operating system (``SystemEntropySource``), as OpenSSL's primary DRBG is.
/// Thread-safe; reseeds after a `fork` and every 256 requests. When it cannot be seeded it
/// throws (OpenSSL's "PRNG not seeded"), it never returns unseeded output and never traps.
public final class SystemRandom: @unchecked Sendable {
    /// The shared instance ``Random/bytes(count:)`` uses.
    public static let shared = SystemRandom()

    private let drbg: DRBG?
    private var mutex = pthread_mutex_t()
    private var pid: pid_t = 0

    /// A generator over `source` (the operating system by default; another source for tests).
    public init(source: any DRBGEntropySource = SystemEntropySource()) {
        drbg = try? DRBG(.ctr(keyLength: 32, derivationFunction: true), source: source)
        pthread_mutex_init(&mutex, nil)
    }

    deinit { pthread_mutex_destroy(&mutex) }

    /// `count` random bytes.
    /// - Throws: `unsupportedOperation` ("PRNG not seeded") if the source cannot seed the
    ///   generator; `invalidParameter` for a negative count.
    public func bytes(count: Int) throws -> [UInt8] {
        guard count >= 0 else { throw CryptoError(.invalidParameter, "negative byte count \(count)") }
        guard let drbg else { throw CryptoError(.unsupportedOperation, "PRNG not seeded: no generator") }
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        do {
            let now = getpid()
            if drbg.state != .ready {
                if drbg.state == .error { drbg.uninstantiate() }
                try drbg.instantiate(personalization: Array("LibCrypto SystemRandom".utf8))
                pid = now
            } else if pid != now {
                // A forked child must not repeat its parent's output.
                try drbg.reseed(additionalInput: Array("fork".utf8))
                pid = now
            }
            var out: [UInt8] = []
            out.reserveCapacity(count)
            while out.count < count {
                out += try drbg.generate(count: min(DRBG.maxRequest, count - out.count))
            }
            return out
        } catch let e as CryptoError {
            throw CryptoError(.unsupportedOperation, "PRNG not seeded: \(e.reason)")
        }
    }
}

/// Random bytes for keys, IVs and nonces, from ``SystemRandom/shared``.
public enum Random {
    /// `count` bytes from the process DRBG.
    /// - Throws: `unsupportedOperation` ("PRNG not seeded") if the operating system cannot seed it.
    public static func bytes(count: Int) throws -> [UInt8] { try SystemRandom.shared.bytes(count: count) }
}
