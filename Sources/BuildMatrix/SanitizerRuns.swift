import Foundation

/// How a sanitizer cell's children run and how their reports are found.
///
/// Every binary of a `sanitize=` cell (its `confrun all`, the absence proofs' `confrun list`, the
/// thread stress) runs with the sanitizer's options set so that the first report ends the process
/// with a status of its own (ASan 86, TSan 66, LeakSanitizer 23), never 0 or 1 (which `confrun
/// all` uses for "passed" and "a case failed"). The log is searched for reports too, so a report
/// that does not end the process still fails the cell. Suppressions come only from the checked-in
/// files `matrices/sanitizers/*.supp`, each entry with the reason it is outside our code.
public enum SanitizerRuns {
    /// Exit status of a child that ASan stopped.
    public static let asanExitCode: Int32 = 86
    /// Exit status of a child that TSan stopped (TSan's own default).
    public static let tsanExitCode: Int32 = 66
    /// Exit status of a child whose LeakSanitizer found leaks (its default).
    public static let lsanExitCode: Int32 = 23

    /// The suppressions file of a sanitizer in the package: `matrices/sanitizers/tsan.supp`, ….
    public static func suppressionsFile(_ kind: String, packagePath: String) -> String {
        packagePath + "/matrices/sanitizers/\(kind).supp"
    }

    /// `environment` with the variables the sanitizer's runtime reads for a cell's child.
    public static func environment(
        _ sanitizer: Sanitizer?, packagePath: String, base: [String: String] = ProcessInfo.processInfo.environment
    ) -> [String: String] {
        guard let sanitizer else { return base }
        var env = base
        // Swift's crash backtracer would take the signals the sanitizer reports on.
        env["SWIFT_BACKTRACE"] = "enable=no"
        func supp(_ kind: String) -> String {
            let f = suppressionsFile(kind, packagePath: packagePath)
            return FileManager.default.fileExists(atPath: f) ? ":suppressions=" + f : ""
        }
        switch sanitizer {
        case .address:
            env["ASAN_OPTIONS"] =
                "halt_on_error=1:exitcode=\(asanExitCode):abort_on_error=0:detect_leaks=1"
                + ":detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1"
                + supp("asan")
            env["LSAN_OPTIONS"] = "exitcode=\(lsanExitCode)" + supp("lsan")
        case .thread:
            env["TSAN_OPTIONS"] =
                "halt_on_error=1:exitcode=\(tsanExitCode):second_deadlock_stack=1:report_signal_unsafe=1"
                + supp("tsan")
        }
        return env
    }

    /// The first report in a sanitizer child's output: up to `lines` lines from its first
    /// `==PID==ERROR: AddressSanitizer`, `WARNING: ThreadSanitizer`, `ERROR: LeakSanitizer`, …
    /// line; nil when there is none.
    public static func firstReport(in text: String, lines: Int = 12) -> String? {
        let all = text.split(separator: "\n", omittingEmptySubsequences: false)
        let markers = [
            "ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "WARNING: ThreadSanitizer", "ERROR: ThreadSanitizer",
            "WARNING: AddressSanitizer", "ThreadSanitizer: reported", "AddressSanitizer:DEADLYSIGNAL",
            "ThreadSanitizer:DEADLYSIGNAL",
        ]
        guard let i = all.firstIndex(where: { line in markers.contains { line.contains($0) } }) else { return nil }
        return all[i..<min(all.count, i + lines)].joined(separator: "\n")
    }

    /// The first report in a log file (read in full: logs of `--quiet` runs are small; at most
    /// the last 8 MiB of a larger one).
    public static func firstReport(inFile path: String, lines: Int = 12) -> String? {
        guard let h = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? h.close() }
        let size = (try? h.seekToEnd()) ?? 0
        try? h.seek(toOffset: size > 8 << 20 ? size - (8 << 20) : 0)
        let data = (try? h.readToEnd()) ?? Data()
        return firstReport(in: String(decoding: data, as: UTF8.self), lines: lines)
    }

    /// What an exit status means for a sanitizer child, when it is one of theirs.
    public static func meaning(ofExitStatus status: Int32, _ sanitizer: Sanitizer?) -> String? {
        switch (sanitizer, status) {
        case (.address?, asanExitCode): return "AddressSanitizer stopped it (exit \(status))"
        case (.address?, lsanExitCode): return "LeakSanitizer found leaks (exit \(status))"
        case (.thread?, tsanExitCode): return "ThreadSanitizer reported (exit \(status))"
        default: return nil
        }
    }
}
