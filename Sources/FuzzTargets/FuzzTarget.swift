/// One fuzz target: a function of the fuzzer's bytes that must never trap, hang or allocate
/// without bound, and that reports a *finding* (a difference against OpenSSL, a broken
/// invariant) as a value instead of a crash, so that a replay can count it as a failed case.
///
/// The libFuzzer driver (`confrun-fuzz`, built with `--sanitize=fuzzer`) turns a finding into
/// `abort()`, so libFuzzer keeps the input; `confrun fuzz --replay` and `confrun all` run the
/// same function over the checked-in regression inputs in an ordinary build.
public struct FuzzTarget: Sendable {
    /// What the target exercises.
    public enum Kind: String, Sendable, CaseIterable {
        /// A file parser an attacker or a corrupt file can reach.
        case parser
        /// LibCrypto's public API driven with fuzzer-chosen lengths and split points.
        case api
        /// One operation on LibCrypto and on the OpenSSL reference, outputs compared.
        case differential
    }

    /// What one input did.
    public enum Verdict: Sendable, Equatable {
        case ok
        /// A bug: the message says what differed or which invariant broke.
        case finding(String)
    }

    /// The target's name, `[a-z0-9-]+` (the binary is `fuzz-<name>` in a fuzzing service).
    public let name: String
    public let kind: Kind
    /// One line: what it feeds and where.
    public let summary: String
    /// libFuzzer dictionary tokens for the format (written to `<name>.dict`).
    public let dictionary: [String]
    /// Seed files: absolute paths of installed vector files (or other inputs) to start from.
    public let seeds: @Sendable () -> [String]
    /// Runs one input.
    public let run: @Sendable (UnsafeRawBufferPointer) -> Verdict

    public init(
        name: String, kind: Kind, summary: String, dictionary: [String] = [],
        seeds: @escaping @Sendable () -> [String] = { [] },
        run: @escaping @Sendable (UnsafeRawBufferPointer) -> Verdict
    ) {
        self.name = name
        self.kind = kind
        self.summary = summary
        self.dictionary = dictionary
        self.seeds = seeds
        self.run = run
    }
}

/// Every fuzz target, in a stable order.
public enum FuzzTargets {
    public static var all: [FuzzTarget] {
        var targets = ParserTargets.all + EncodingTargets.all
        #if EC
        targets += ECTargets.all
        #endif
        return targets + APITargets.all + DifferentialTargets.all
    }

    public static func named(_ name: String) -> FuzzTarget? {
        all.first { $0.name == name }
    }
}
