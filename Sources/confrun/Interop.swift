import ArgumentParser
import BuildMatrix
import Conformance
import Foundation
import LibCrypto

/// Options that pick the C reference. It is loaded at run time (dlopen), once per process, with
/// `OPENSSL_MODULES` and `OPENSSL_ia32cap` set before it initialises; a reference that cannot
/// be loaded is one line on stderr and exit status 2.
struct ReferenceOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "system (default), or the folder of an OpenSSL built from source (see `confrun reference build`).",
            discussion:
                "system is libcrypto.so.3 as the dynamic loader finds it, or the file $CONFRUN_LIBCRYPTO names (e.g. CONFRUN_LIBCRYPTO=/opt/openssl/lib64/libcrypto.so.3)."
        ))
    var reference: String = "system"

    @Option(name: .long, help: "Mask the reference's CPU features (OPENSSL_ia32cap), e.g. 0 for its generic C paths.")
    var referenceCpucap: String?

    /// Loads the reference these options pick and sets it up (`default` and `legacy` providers).
    func load() throws -> OpenSSLImplementation {
        try Self.setUp {
            guard reference != "system" else { return try OpenSSLReference.load(cpucap: referenceCpucap) }
            let build = try OpenSSLReference.sourceBuild(folder: reference)
            return try OpenSSLReference.load(
                libraryPath: build.library, modulesPath: build.modules, cpucap: referenceCpucap)
        }
    }

    /// The reference already loaded, else the system's: for commands without these options.
    static func loadDefault() throws -> OpenSSLImplementation {
        try setUp { try OpenSSLReference.load() }
    }

    private static func setUp(_ body: () throws -> OpenSSLImplementation) throws -> OpenSSLImplementation {
        do {
            return try body()
        } catch let e as OpenSSLReference.LoadError {
            FileHandle.standardError.write(Data("confrun: \(e.message)\n".utf8))
            throw ExitCode(2)
        } catch {
            FileHandle.standardError.write(Data("confrun: cannot set up the OpenSSL reference: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}

struct Interop: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Differential runs: LibCrypto against OpenSSL's libcrypto on seeded random inputs.",
        discussion: """
            For every algorithm both sides have, --cases random cases (keys, IVs, AAD, lengths around block \
            boundaries, independent update splits, padding on and off, AEAD decryption with a flipped tag bit). \
            Outputs and error classes are compared; a mismatch is shrunk and can be saved as an evp_test stanza \
            (--save-mismatches DIR) that `confrun kat` replays. Algorithms the reference lacks are listed with \
            the reason OpenSSL gives.
            """
    )

    @Option(name: .long, help: "Seed (printed, so any run can be replayed).")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Cases per algorithm.")
    var cases: Int = 200

    @Option(name: .long, help: "Write minimized mismatches as evp_test stanza files here.")
    var saveMismatches: String?

    @Option(name: .long, help: "Largest input of a case, in bytes (default: a few cases reach several KiB).")
    var maxLength: Int?

    @Option(
        name: .long,
        help: "Threads running algorithms at once (default: the number of cores). Results do not depend on it.")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var bignum: BigNumOptions
    @OptionGroup var reference: ReferenceOptions
    @OptionGroup var report: ReportOptions

    func validate() throws {
        try bignum.check()
        if cases < 1 || cases > 1_000_000 { throw ValidationError("--cases must be in 1...1000000") }
        if threads < 1 || threads > 64 { throw ValidationError("--threads must be in 1...64") }
    }

    func run() throws {
        let ref = try reference.load()
        let session = RunSession(options: report, command: "interop")
        try Self.run(
            session: session, seed: seed, cases: cases, saveTo: saveMismatches, maxLength: maxLength, reference: ref,
            threads: threads, bignumCases: bignum.bignumCases, bcExpressions: bignum.bcExpressions,
            pkeyCases: bignum.pkeyCases)
        try session.finish()
    }

    /// `reference` nil: the reference already loaded, else the system's (exit 2 if there is none).
    static func run(
        session: RunSession, seed: UInt64, cases: Int, saveTo: String?, maxLength: Int? = nil,
        reference: OpenSSLImplementation? = nil, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        bignumCases: Int = 100_000, bcExpressions: Int = 10_000, pkeyCases: Int = 2_000
    ) throws {
        let ref = try reference ?? ReferenceOptions.loadDefault()
        let cap = ref.library.cpucap.map { ", OPENSSL_ia32cap=\($0)" } ?? ""
        session.stage(
            "interop: \(session.implementation.name) vs \(ref.name) (\(ref.library.path)\(cap)), seed \(seed), \(cases) cases per algorithm"
        )
        let engine = DifferentialEngine(
            subject: session.implementation, reference: ref, seed: seed, casesPerAlgorithm: cases,
            filter: session.options.filter, results: session.results)
        if let m = maxLength { engine.maxLength = max(0, m) }
        // Each extra thread gets its own library context (same library, same providers).
        engine.workers = max(1, threads)
        engine.makeReference = { try OpenSSLImplementation() }
        let quiet = session.options.quiet
        let tty = session.tty
        engine.onAlgorithm = { name, n, bad in
            guard !quiet else { return }
            if tty { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            if n == 0 { return }
            print("\(bad == 0 ? "ok  " : "FAIL") interop: \(name)  \(n) cases, \(bad) mismatches")
        }
        engine.run()
        var reproducers = engine.reproducers
        // LibCrypto against itself: every hardware path against the generic Swift code.
        if HardwareSupport.variants.count > 1 {
            session.stage(
                "interop: LibCrypto hardware paths (\(HardwareSupport.paths.joined(separator: ", "))) vs generic Swift, seed \(seed)"
            )
            let own = DifferentialEngine(
                subject: VariantImplementation(variant: "hardware"),
                reference: VariantImplementation(variant: "generic"),
                seed: seed, casesPerAlgorithm: cases, filter: session.options.filter, results: session.results)
            own.corpus = "interop-variants"
            own.onlyHardwareTargets = true
            if let m = maxLength { own.maxLength = max(0, m) }
            own.workers = max(1, threads)
            own.makeReference = { VariantImplementation(variant: "generic") }
            own.onAlgorithm = { name, n, bad in
                guard !quiet, n > 0 else { return }
                print("\(bad == 0 ? "ok  " : "FAIL") variants: \(name)  \(n) cases, \(bad) mismatches")
            }
            own.run()
            reproducers += own.reproducers
        } else {
            session.stage("interop: no hardware path in this build or CPU (or LIBCRYPTO_HWCAP=0): generic Swift only")
        }
        try runBigNum(session: session, seed: seed, cases: bignumCases, expressions: bcExpressions, threads: threads)
        try runPKey(session: session, seed: seed, cases: pkeyCases, reference: ref, threads: threads)
        let lacking = session.results.cases.filter { $0.corpus == DifferentialEngine.corpus && $0.outcome == .skipped }
        if !lacking.isEmpty {
            // Named once, with OpenSSL's reasons, under "skipped in interop" in the summary.
            print("\nreference lacks \(lacking.count) algorithms (not compared; see \"skipped in interop\" below)")
        }
        if !reproducers.isEmpty {
            print("\nmismatches by algorithm and cause (minimized):")
            for r in reproducers {
                print(
                    "  \(r.algorithm): \(r.cause)\n"
                        + r.stanza.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
            }
        }
        if let dir = saveTo, !reproducers.isEmpty {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            var byAlgorithm: [String: [String]] = [:]
            for r in reproducers { byAlgorithm[r.algorithm, default: []].append(r.stanza) }
            for (alg, stanzas) in byAlgorithm {
                let file = dir + "/interop-" + alg.replacingOccurrences(of: "/", with: "_") + ".txt"
                try stanzas.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
                print("saved \(file)")
            }
        }
        print("seed \(seed) (replay: confrun interop --seed \(seed) --cases \(cases))")
    }

    /// The public-key differential (LibCrypto's RSA, DSA and DH vs OpenSSL's EVP_PKEY, corpus
    /// `interop-pkey`): keys exchanged as DER both ways, sign/verify, encrypt/decrypt and derive
    /// across the two libraries.
    static func runPKey(
        session: RunSession, seed: UInt64, cases: Int, reference: OpenSSLImplementation, threads: Int
    ) throws {
        guard cases > 0 else { return }
        let quiet = session.options.quiet
        // The key types of this build (no DSA in no-dsa, no DH in no-dh).
        let types = ["RSA", "DSA", "DH", "EC"].filter { Catalog.descriptor(named: $0)?.isCompiledIn ?? false }
        session.stage(
            "interop: LibCrypto \(types.joined(separator: "/")) vs OpenSSL EVP_PKEY, seed \(seed), \(cases) cases")
        let started = Date()
        let engine = PKeyDifferential(
            reference: reference, seed: seed, cases: cases, filter: session.options.filter, results: session.results)
        engine.workers = max(1, threads)
        engine.onOperation = { name, n, bad, seconds in
            guard !quiet, n > 0 else { return }
            print(
                "\(bad == 0 ? "ok  " : "FAIL") interop-pkey: \(name)  \(n) cases, \(bad) mismatches"
                    + String(format: " (%.2f s)", seconds))
        }
        engine.run()
        if !quiet {
            print(
                String(
                    format: "interop-pkey: %.2f s (key pool %.2f s)", Date().timeIntervalSince(started),
                    engine.setupSeconds))
        }
        if !engine.reproducers.isEmpty {
            print("\npublic-key mismatches by operation and cause (replay: --seed \(seed); the key is printed as DER):")
            for r in engine.reproducers { print("  \(r.operation): \(r.cause)\n    \(r.input)") }
        }
    }

    /// The bignum differential (LibCrypto vs OpenSSL's BN_*, corpus `interop-bignum`) and the bc
    /// oracle (corpus `bc-bignum`).
    static func runBigNum(session: RunSession, seed: UInt64, cases: Int, expressions: Int, threads: Int) throws {
        let quiet = session.options.quiet
        if cases > 0 {
            let ref: OpenSSLBigNum
            do { ref = try OpenSSLBigNum() } catch {
                FileHandle.standardError.write(Data("confrun: bignum reference: \(error)\n".utf8))
                throw ExitCode(2)
            }
            session.stage("interop: LibCrypto BigNum vs OpenSSL BN_*, seed \(seed), \(cases) cases")
            let started = Date()
            let engine = BigNumDifferential(
                subject: LibCryptoBigNum(), reference: ref, seed: seed, cases: cases,
                filter: session.options.filter, results: session.results)
            engine.workers = max(1, threads)
            engine.makeReference = { try OpenSSLBigNum() }
            engine.onOperation = { name, n, bad, seconds in
                guard !quiet, n > 0 else { return }
                print(
                    "\(bad == 0 ? "ok  " : "FAIL") interop-bignum: \(name)  \(n) cases, \(bad) mismatches"
                        + String(format: " (%.2f s)", seconds))
            }
            engine.run()
            if !quiet { print(String(format: "interop-bignum: %.2f s", Date().timeIntervalSince(started))) }
            if !engine.reproducers.isEmpty {
                print("\nbignum mismatches by operation and cause (minimized, operands in hex):")
                for r in engine.reproducers { print("  \(r.operation): \(r.cause)\n    \(r.input)") }
            }
        }
        if expressions > 0 {
            session.stage("interop: LibCrypto BigNum vs bc, seed \(seed), \(expressions) expressions")
            let started = Date()
            let oracle = BigNumBCOracle(
                seed: seed, expressions: expressions, filter: session.options.filter,
                results: session.results)
            oracle.workers = max(1, threads)
            oracle.onFinish = { n, bad in
                guard !quiet else { return }
                if oracle.bcPath == nil {
                    print("skip bc-bignum: bc not installed")
                } else {
                    print(
                        "\(bad == 0 ? "ok  " : "FAIL") bc-bignum: \(n) expressions, \(bad) mismatches"
                            + String(format: " (%.2f s)", Date().timeIntervalSince(started)))
                }
            }
            oracle.run()
        }
    }
}

/// How many bignum cases the interop stage runs against OpenSSL's BN_* and against bc, and how
/// many public-key cases against OpenSSL's EVP_PKEY.
struct BigNumOptions: ParsableArguments {
    @Option(name: .long, help: "Bignum cases against OpenSSL's BN_* (corpus interop-bignum; 0 leaves them out).")
    var bignumCases: Int = 100_000

    @Option(name: .long, help: "Random expressions checked against bc (corpus bc-bignum; 0 leaves them out).")
    var bcExpressions: Int = 10_000

    @Option(
        name: .long,
        help:
            "Public-key cases against OpenSSL's EVP_PKEY (corpus interop-pkey: RSA, DSA, DH; EC operations run 10 times their share; 0 leaves them out)."
    )
    var pkeyCases: Int = 2_000

    func check() throws {
        if pkeyCases < 0 || pkeyCases > 1_000_000 { throw ValidationError("--pkey-cases must be in 0...1000000") }
        if bignumCases < 0 || bignumCases > 10_000_000 {
            throw ValidationError("--bignum-cases must be in 0...10000000")
        }
        if bcExpressions < 0 || bcExpressions > 1_000_000 {
            throw ValidationError("--bc-expressions must be in 0...1000000")
        }
    }

    /// The options as arguments, for a child `confrun all`.
    var arguments: [String] {
        [
            "--bignum-cases", String(bignumCases), "--bc-expressions", String(bcExpressions), "--pkey-cases",
            String(pkeyCases),
        ]
    }
}

struct Reference: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage C references built from OpenSSL's source.",
        subcommands: [Build.self]
    )

    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build OpenSSL from the Debian source tarball (fetched by scripts/setup.sh) into the cache.",
            discussion:
                "Prints the folder to pass as --reference. About 3-4 minutes on 2 cores; an existing build with the same options is reused."
        )

        @Option(
            name: .long, parsing: .upToNextOption,
            help: "Configure options (default: enable-idea enable-rc5 enable-md2 enable-mdc2).")
        var configure: [String] = []

        func run() throws {
            let options = configure.isEmpty ? ["enable-idea", "enable-rc5", "enable-md2", "enable-mdc2"] : configure
            let builder = ReferenceBuild(cache: Locations.discover().cache, configureOptions: options)
            do {
                let path = try builder.build()
                print(path)
            } catch {
                FileHandle.standardError.write(Data("confrun reference build: \(error)\n".utf8))
                throw ExitCode(2)
            }
        }
    }
}

struct VectorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vectors",
        abstract: "Work on vector files themselves.",
        subcommands: [Verify.self]
    )

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run known-answer vectors through the OpenSSL reference, to prove the files right.",
            discussion:
                "Catches mistyped transcriptions in TestVectors/. Vectors for algorithms the reference lacks are listed as unverified (pick a from-source reference with --reference to verify them)."
        )

        @Option(name: .long, help: "The corpus manifest that maps these files.")
        var corpus: String?

        @OptionGroup var reference: ReferenceOptions
        @OptionGroup var report: ReportOptions

        @Argument(help: "Vector files or folders.")
        var paths: [String]

        func run() throws {
            let ref = try reference.load()
            let session = RunSession(options: report, command: "vectors verify", implementation: ref)
            session.engine.implementationIsReference = true
            session.stage("verifying vectors with \(ref.name)")
            session.runner.run(paths: paths, corpus: corpus)
            try session.finish()
        }
    }
}
