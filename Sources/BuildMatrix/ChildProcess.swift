import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Set by the SIGINT handler; every running child is stopped when it turns true.
nonisolated(unsafe) private var interruptFlag: sig_atomic_t = 0

/// Ctrl-C handling for matrix runs: the first SIGINT asks the runner to stop its children and
/// write the report of the finished cells; the handler only sets a flag.
public enum Interrupt {
    public static func install() {
        signal(SIGINT) { _ in interruptFlag = 1 }
    }
    public static var requested: Bool { interruptFlag != 0 }
    /// For tests.
    public static func request() { interruptFlag = 1 }
    public static func reset() { interruptFlag = 0 }
}

/// A child process in its own process group, output to a log file, with a deadline. Stopping
/// it (timeout or Ctrl-C) signals the whole group, so `swift build`'s compilers stop too.
struct ChildProcess {
    enum Termination: Equatable {
        case exited(Int32)
        case signaled(Int32)
        case timedOut
        case interrupted
        case couldNotStart(String)
    }

    var arguments: [String]
    var environment: [String: String] = ProcessInfo.processInfo.environment
    var logPath: String
    var timeout: Double?

    func run() -> Termination {
        guard let fd = Optional(open(logPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)), fd >= 0 else {
            return .couldNotStart("cannot open log \(logPath): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fd, 1)
        posix_spawn_file_actions_adddup2(&actions, fd, 2)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attr, 0)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attr, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attr, &defaults)

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in argv { free(p) }; for p in envp { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, arguments[0], &actions, &attr, argv, envp)
        guard rc == 0 else { return .couldNotStart("cannot start \(arguments[0]): \(String(cString: strerror(rc)))") }

        let start = Date()
        var status: Int32 = 0
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { break }
            if r < 0 && errno != EINTR { return .couldNotStart("waitpid: \(String(cString: strerror(errno)))") }
            if Interrupt.requested { stop(pid); return .interrupted }
            if let t = timeout, Date().timeIntervalSince(start) > t { stop(pid); return .timedOut }
            usleep(50_000)
        }
        // WIFEXITED / WEXITSTATUS / WTERMSIG are macros Swift does not import.
        if status & 0x7f == 0 { return .exited((status >> 8) & 0xff) }
        return .signaled(status & 0x7f)
    }

    /// TERM to the group, then KILL if it lingers; reaps the child.
    private func stop(_ pid: pid_t) {
        kill(-pid, SIGTERM)
        var status: Int32 = 0
        for _ in 0..<40 {
            if waitpid(pid, &status, WNOHANG) == pid { kill(-pid, SIGKILL); return }
            usleep(50_000)
        }
        kill(-pid, SIGKILL)
        waitpid(pid, &status, 0)
    }

    /// Runs a short command and returns its exit status and combined output.
    static func capture(_ arguments: [String], environment: [String: String]? = nil) -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = arguments
        if let e = environment { p.environment = e }
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        do { try p.run() } catch { return (127, "cannot run \(arguments[0]): \(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// The last `lines` lines of a file (at most 64 KiB read from its end).
func tail(of path: String, lines: Int = 30) -> String {
    guard let h = FileHandle(forReadingAtPath: path) else { return "" }
    defer { try? h.close() }
    let size = (try? h.seekToEnd()) ?? 0
    let from = size > 65536 ? size - 65536 : 0
    try? h.seek(toOffset: from)
    let data = (try? h.readToEnd()) ?? Data()
    let text = String(decoding: data, as: UTF8.self)
    return text.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n")
}
