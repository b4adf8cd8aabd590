import ArgumentParser
import Conformance
import Foundation
import LibCrypto

struct Stress: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run LibCrypto from many threads at once and check every output (is it thread-safe?).",
        discussion: """
            Every check (each algorithm through the registry, key schedules and keyed states shared by all threads, \
            registry and catalog lookups, HardwareSupport.withVariant switching on odd-numbered threads) is computed \
            once before the threads start; then THREADS threads run the checks until SECONDS have passed and compare \
            each output with that value, and after the run every check is computed again on one thread. Build with \
            --sanitize=thread to have TSan watch it (the matrix's sanitize=thread cell does). Exit status: 0 no \
            mismatch; 1 a mismatch, a setup disagreement or no operation; 2 usage error.
            """
    )

    @Option(name: .long, help: "Threads running at once.")
    var threads: Int = 8

    @Option(name: .long, help: "Seconds the threads run (each also does at least one pass over every check).")
    var seconds: Double = 30

    @Flag(name: .long, help: "Print only the summary line.")
    var quiet = false

    func validate() throws {
        if threads < 1 || threads > 256 { throw ValidationError("--threads must be in 1...256") }
        if seconds < 0 || seconds > 86_400 { throw ValidationError("--seconds must be in 0...86400") }
    }

    func run() throws {
        if !quiet {
            print(
                "== thread stress: \(threads) threads for \(seconds) s; variants \(HardwareSupport.variants + HardwareSupport.paths)"
            )
            fflush(nil)
        }
        let r = ThreadStress.run(threads: threads, seconds: seconds)
        if !quiet {
            print("checks: \(r.checks) (\(r.skipped.count) left out)")
            for s in r.skipped { print("  left out: \(s)") }
            for (f, n) in r.operationsByFamily.sorted(by: { $0.key < $1.key }) {
                print("  \(f.padding(toLength: 16, withPad: " ", startingAt: 0)) \(n) operations")
            }
            print("  per thread: " + r.operationsByThread.map(String.init).joined(separator: " "))
            for p in r.setupProblems { print("SETUP PROBLEM: \(p)") }
            for m in r.mismatches { print("MISMATCH: \(m)") }
            for a in r.afterRunMismatches { print("AFTER-RUN MISMATCH: \(a)") }
        }
        print(r.summaryLine)
        if !r.ok { throw ExitCode(1) }
    }
}
