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

    /// Runs `body` with the flag handler installed, so that a Ctrl-C stops the running child's
    /// whole process group, then puts the previous handler back. If the previous handler was the
    /// default one and Ctrl-C came, SIGINT is raised again: the process ends as it would have,
    /// only after its children.
    static func during<T>(_ body: () throws -> T) rethrows -> T {
        let previous = signal(SIGINT) { _ in interruptFlag = 1 }
        defer {
            signal(SIGINT, previous)
            if previous == nil && requested {
                reset()
                raise(SIGINT)
            }
        }
        return try body()
    }
}

/// The one runner of child processes (the matrix's builds and probes, `confrun reference build`'s
/// tar, Configure and make): each child in its own process group, stdin from `/dev/null`,
/// stdout and stderr together into a log file or to a handler, with a deadline. Stopping it
/// (timeout or Ctrl-C) signals the whole group, TERM then KILL, so `swift build`'s compilers
/// and make's jobs stop too, and reaps the child.
///
/// Why not swiftlang/swift-subprocess (1.0.2, in the local package mirror): it covers process
/// groups (`PlatformOptions.processGroupID`) and teardown of the group (`teardownSequence` with
/// `toProcessGroup: true`, run when the task running the child is cancelled), but it has no
/// timeout and no notion of our SIGINT flag, and its API is async only. Both would be built
/// around it here (a task racing a sleep, a task polling the flag, cancelling the run), and the
/// synchronous callers (the matrix runner, `ReferenceBuild`) would then block a thread on a
/// semaphore waiting for a task. That is more code than this runner, plus a dependency tree
/// (swift-system) to pin, for the same behaviour; so one runner of our own, on `posix_spawn`.
struct ChildProcess {
    enum Termination: Equatable {
        case exited(Int32)
        case signaled(Int32)
        case timedOut
        case interrupted
        case couldNotStart(String)
    }

    /// Where the child's stdout and stderr go.
    enum Output {
        /// Appended to the file at this path.
        case file(String)
        /// Through a pipe, each chunk to the handler as it arrives (on the calling thread).
        case stream((UnsafeRawBufferPointer) -> Void)
    }

    var arguments: [String]
    var environment: [String: String] = ProcessInfo.processInfo.environment
    var output: Output
    var workingDirectory: String?
    var timeout: Double?

    /// A child whose output is appended to `logPath`.
    init(
        arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment,
        logPath: String, timeout: Double? = nil
    ) {
        self.init(arguments: arguments, environment: environment, output: .file(logPath), timeout: timeout)
    }

    init(
        arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment,
        output: Output, workingDirectory: String? = nil, timeout: Double? = nil
    ) {
        self.arguments = arguments
        self.environment = environment
        self.output = output
        self.workingDirectory = workingDirectory
        self.timeout = timeout
    }

    func run() -> Termination {
        guard !arguments.isEmpty else { return .couldNotStart("no command") }
        // The descriptor the child writes to, and (streaming) the one this process reads.
        let fd: Int32
        var readEnd: Int32 = -1
        var handler: ((UnsafeRawBufferPointer) -> Void)? = nil
        switch output {
        case .file(let logPath):
            fd = open(logPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                return .couldNotStart("cannot open log \(logPath): \(String(cString: strerror(errno)))")
            }
        case .stream(let body):
            var ends: [Int32] = [-1, -1]
            guard pipe(&ends) == 0 else { return .couldNotStart("pipe: \(String(cString: strerror(errno)))") }
            for e in ends { _ = fcntl(e, F_SETFD, FD_CLOEXEC) }
            readEnd = ends[0]
            fd = ends[1]
            handler = body
        }
        var writeOpen = true
        defer {
            if writeOpen { close(fd) }
            if readEnd >= 0 { close(readEnd) }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fd, 1)
        posix_spawn_file_actions_adddup2(&actions, fd, 2)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if let dir = workingDirectory {
            guard let addchdir = Self.addchdir else {
                return .couldNotStart("this C library cannot start a child in another folder (\(dir))")
            }
            let rc = addchdir(&actions, dir)
            guard rc == 0 else {
                return .couldNotStart("cannot start \(arguments[0]) in \(dir): \(String(cString: strerror(rc)))")
            }
        }
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
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, arguments[0], &actions, &attr, argv, envp)
        guard rc == 0 else { return .couldNotStart("cannot start \(arguments[0]): \(String(cString: strerror(rc)))") }
        if readEnd >= 0 {
            // Only the child writes now: its exit (and its children's) ends the stream.
            close(fd)
            writeOpen = false
        }

        let start = Date()
        var status: Int32 = 0
        var buffer = [UInt8](repeating: 0, count: 65536)
        /// Reads what the pipe holds (waiting up to `ms`); false at end of stream.
        func pump(waiting ms: Int32) -> Bool {
            var p = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
            guard poll(&p, 1, ms) > 0 else { return true }
            let n = buffer.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
            if n < 0 { return errno == EINTR || errno == EAGAIN }
            if n == 0 { return false }
            buffer.withUnsafeBytes { handler?(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
            return true
        }
        var streaming = readEnd >= 0
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { break }
            if r < 0 && errno != EINTR { return .couldNotStart("waitpid: \(String(cString: strerror(errno)))") }
            if Interrupt.requested {
                stop(pid)
                return .interrupted
            }
            if let t = timeout, Date().timeIntervalSince(start) > t {
                stop(pid)
                return .timedOut
            }
            if streaming {
                streaming = pump(waiting: 50)
                if !streaming { usleep(50_000) }
            } else {
                usleep(50_000)
            }
        }
        // The rest of the output, to the end of the stream.
        while streaming { streaming = pump(waiting: 1000) }
        // WIFEXITED / WEXITSTATUS / WTERMSIG are macros Swift does not import.
        if status & 0x7f == 0 { return .exited((status >> 8) & 0xff) }
        return .signaled(status & 0x7f)
    }

    /// glibc's `posix_spawn_file_actions_addchdir_np` (2.29 and later), which Swift's Glibc
    /// module does not declare; looked up once.
    private typealias AddChdir =
        @convention(c) (
            UnsafeMutablePointer<posix_spawn_file_actions_t>,
            UnsafePointer<CChar>
        ) -> Int32
    private static let addchdir: AddChdir? = {
        guard let sym = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addchdir_np") else { return nil }
        return unsafeBitCast(sym, to: AddChdir.self)
    }()

    /// TERM to the group, then KILL if it lingers; reaps the child.
    private func stop(_ pid: pid_t) {
        kill(-pid, SIGTERM)
        var status: Int32 = 0
        for _ in 0..<40 {
            if waitpid(pid, &status, WNOHANG) == pid {
                kill(-pid, SIGKILL)
                return
            }
            usleep(50_000)
        }
        kill(-pid, SIGKILL)
        waitpid(pid, &status, 0)
    }

    /// Runs a short command (found on `PATH`) and returns its exit status and combined output;
    /// 127 with the reason when it cannot start.
    static func capture(
        _ arguments: [String],
        environment: [String: String]? = nil
    ) -> (status: Int32, output: String) {
        var collected: [UInt8] = []
        let child = ChildProcess(
            arguments: arguments, environment: environment ?? ProcessInfo.processInfo.environment,
            output: .stream { collected.append(contentsOf: $0) })
        switch child.run() {
        case .exited(let s): return (s, String(decoding: collected, as: UTF8.self))
        case .signaled(let s): return (s, String(decoding: collected, as: UTF8.self))
        case .timedOut: return (124, String(decoding: collected, as: UTF8.self))
        case .interrupted: return (130, String(decoding: collected, as: UTF8.self))
        case .couldNotStart(let why): return (127, "cannot run \(arguments[0]): \(why)")
        }
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
