import LibCrypto

/// One operation checked for constant time, shared by the Valgrind runner (`confrun-ctgrind`,
/// `scripts/ctgrind.sh`) and the dudect runner (`confrun ct`); docs/constant-time.md.
///
/// The whole input buffer is the secret: the Valgrind runner marks every byte of it undefined
/// before `run`, and dudect's two classes differ only in it (class 0: `fixedInput`, class 1:
/// `randomInput`). Public parameters (nonce, AAD, IV, salt) are captured by `run`. Both classes
/// of a target must have the same public outcome (e.g. both a rejected tag), so that only the
/// secret can make the times differ.
///
/// A public-key target's secret is mostly not its input: a private key's limbs, or a `BigNum`
/// built from the input (whose limb normalisation is not part of the operation). Such a target
/// has a `valgrindRun` body that builds its operands from public values, marks the secret
/// buffers itself and runs; its `run` serves dudect, whose classes pick the secrets (a fixed
/// key or exponent against random ones). Public-key operations take milliseconds, so dudect
/// times `measurementDivisor` times fewer calls of them.
public struct CTTarget: Sendable {
    /// What a target is expected to show.
    public enum Kind: Sendable, Equatable {
        /// Must be constant time: any Valgrind report inside LibCrypto or |t| ≥ 4.5 fails.
        case constantTime
        /// Secret-indexed tables or branches by the algorithm's design; run and shown, not failed.
        case known(reason: String)
        /// A deliberately leaky harness function: it must be reported (proves the tools work).
        case planted(reason: String)
    }

    /// Stable name used by `--target` and in the tables.
    public let name: String
    /// What runs, in a few words.
    public let summary: String
    /// What the target is expected to show.
    public let kind: Kind
    /// `HardwareSupport` variant every context of the run is created under (`generic`, `hardware`).
    public let variant: String
    /// The class-0 (fixed) input; also the first input the Valgrind runner uses.
    public let fixedInput: [UInt8]
    /// Inputs the Valgrind runner marks secret and runs (e.g. a wrong and a right tag).
    public let valgrindInputs: [[UInt8]]
    /// Makes one class-1 (random) input, the same length as `fixedInput`.
    public let randomInput: @Sendable (inout CTRandom) -> [UInt8]
    /// Runs the operation on a secret input; returns its output (a tag check: `[1] + plaintext`
    /// when accepted, `[0]` when rejected).
    public let run: @Sendable (UnsafeRawBufferPointer) -> [UInt8]
    /// What the Valgrind runner runs instead of `run` over `valgrindInputs`, for a target whose
    /// secrets are not its input bytes: it marks the secret buffers through the marker, runs
    /// the operation (once per case) and returns the outputs. Nil: the runner marks each
    /// `valgrindInputs` entry secret and calls `run`.
    public let valgrindRun: (@Sendable (CTSecretMarker) -> [[UInt8]])?
    /// dudect times `measurements / measurementDivisor` calls of this target (at least
    /// `DudectRunner.minimumSlowMeasurements` when above 1), in batches that many times smaller:
    /// 1 for the symmetric targets, more for public-key operations (docs/constant-time.md).
    public let measurementDivisor: Int
    /// dudect only: makes what one call needs from its input, outside the timed region and just
    /// before the call, and returns the operation that dudect times (nil: dudect times `run`).
    /// A target whose secret lives in an object (an RSA key with its Montgomery contexts and
    /// blinding state) builds a fresh object from the class's secret here for every call of
    /// either class, so that both classes' objects come from the same allocations: objects kept
    /// per class lie at different addresses for the whole run, and that placement, not the
    /// secret, decided the verdict of an A/A control (docs/constant-time.md, session 14).
    /// `run` must compute what the returned operation computes.
    public let prepare: (@Sendable (UnsafeRawBufferPointer) -> () -> [UInt8])?

    /// A target; `valgrindInputs` defaults to `[fixedInput]`.
    public init(
        name: String, summary: String, kind: Kind = .constantTime, variant: String = "generic",
        fixedInput: [UInt8], valgrindInputs: [[UInt8]]? = nil,
        randomInput: (@Sendable (inout CTRandom) -> [UInt8])? = nil, measurementDivisor: Int = 1,
        valgrindRun: (@Sendable (CTSecretMarker) -> [[UInt8]])? = nil,
        prepare: (@Sendable (UnsafeRawBufferPointer) -> () -> [UInt8])? = nil,
        run: @escaping @Sendable (UnsafeRawBufferPointer) -> [UInt8]
    ) {
        self.name = name
        self.summary = summary
        self.kind = kind
        self.variant = variant
        self.fixedInput = fixedInput
        self.valgrindInputs = valgrindInputs ?? [fixedInput]
        let n = fixedInput.count
        self.randomInput = randomInput ?? { $0.bytes(n) }
        self.run = run
        self.valgrindRun = valgrindRun
        self.measurementDivisor = max(1, measurementDivisor)
        self.prepare = prepare
    }

    /// Runs on `input` under this target's hardware variant.
    public func callAsFunction(_ input: [UInt8]) -> [UInt8] {
        withVariant { input.withUnsafeBytes { run($0) } }
    }

    /// Runs `body` with contexts created under this target's variant.
    public func withVariant<T>(_ body: () -> T) -> T {
        // The variant names come from HardwareSupport.variants, so withVariant cannot reject them.
        do {
            return try HardwareSupport.withVariant(variant) { body() }
        } catch {
            fatalError("hardware variant \(variant): \(error)")
        }
    }

    /// True for `.constantTime` targets.
    public var mustBeConstantTime: Bool { kind == .constantTime }

    /// "ct", "known" or "planted".
    public var kindName: String {
        switch kind {
        case .constantTime: "ct"
        case .known: "known"
        case .planted: "planted"
        }
    }

    /// The reason of a known or planted target, nil for a constant-time one.
    public var reason: String? {
        switch kind {
        case .constantTime: nil
        case .known(let r), .planted(let r): r
        }
    }
}

/// How a `CTTarget.valgrindRun` body marks secrets: `secret` makes a buffer undefined to
/// Valgrind memcheck (the runner passes `ct_secret`; elsewhere it does nothing). The runner makes
/// every marked buffer defined again after the body returns.
public struct CTSecretMarker: Sendable {
    private let mark: @Sendable (UnsafeRawBufferPointer) -> Void

    /// A marker calling `mark` on each secret buffer.
    public init(_ mark: @escaping @Sendable (UnsafeRawBufferPointer) -> Void) { self.mark = mark }

    /// A marker that marks nothing (tests, and any run outside Valgrind).
    public static let none = CTSecretMarker { _ in }

    /// Marks `buffer` secret.
    public func secret(_ buffer: UnsafeRawBufferPointer) { mark(buffer) }

    /// Marks the storage of `bytes` secret (shared by its copies: mark a value that lives on).
    public func secret(_ bytes: [UInt8]) { bytes.withUnsafeBytes { mark($0) } }

    /// Marks the limbs of `number` secret (its storage, shared by every copy of the number).
    public func secret(_ number: BigNum) {
        let limbs = number.limbs
        if !limbs.isEmpty { limbs.withUnsafeBytes { mark($0) } }
    }
}

/// A small fast generator for test inputs (xoshiro256**, seeded from the system generator):
/// dudect needs millions of random inputs, and their quality only has to be statistical.
public struct CTRandom: RandomNumberGenerator, Sendable {
    private var s: (UInt64, UInt64, UInt64, UInt64)

    /// Seeded from `seed` (splitmix64), or from the system generator when nil.
    public init(seed: UInt64? = nil) {
        var x = seed ?? UInt64.random(in: 0...UInt64.max)
        func next() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s = (next(), next(), next(), next())
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = ((s.1 &* 5) << 7 | (s.1 &* 5) >> 57) &* 9
        let t = s.1 << 17
        s.2 ^= s.0
        s.3 ^= s.1
        s.1 ^= s.2
        s.0 ^= s.3
        s.2 ^= t
        s.3 = s.3 << 45 | s.3 >> 19
        return result
    }

    /// `n` random bytes.
    public mutating func bytes(_ n: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: n)
        var i = 0
        while i < n {
            var w = next()
            for _ in 0..<8 where i < n {
                out[i] = UInt8(truncatingIfNeeded: w)
                w >>= 8
                i += 1
            }
        }
        return out
    }
}
