import Foundation
import Testing
@testable import BuildMatrix

/// The one child-process runner (`ChildProcess`), as the matrix and `ReferenceBuild` use it.
@Suite("Child processes")
struct ChildProcessTests {
    static func temporaryFolder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test("capture gives the exit status and stdout and stderr together")
    func capture() {
        let (status, output) = ChildProcess.capture(["sh", "-c", "echo out; echo err >&2; exit 3"])
        #expect(status == 3)
        #expect(output == "out\nerr\n")
    }

    @Test("a command that cannot start is status 127 with the reason")
    func cannotStart() {
        let (status, output) = ChildProcess.capture(["/nonexistent/confrun-no-such-tool"])
        #expect(status == 127)
        #expect(output.contains("cannot run /nonexistent/confrun-no-such-tool"))
    }

    @Test("output streams to the handler, in the working directory asked for")
    func streamsInFolder() throws {
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var got: [UInt8] = []
        let child = ChildProcess(
            arguments: ["sh", "-c", "pwd; head -c 200000 /dev/zero | tr '\\0' x"],
            output: .stream { got.append(contentsOf: $0) }, workingDirectory: dir.path)
        #expect(child.run() == .exited(0))
        let text = String(decoding: got, as: UTF8.self)
        #expect(text.hasPrefix(dir.resolvingSymlinksInPath().path + "\n") || text.hasPrefix(dir.path + "\n"))
        #expect(got.count(where: { $0 == UInt8(ascii: "x") }) == 200_000)
    }

    @Test("a timeout stops the whole process group, grandchildren included")
    func timeoutStopsGroup() throws {
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let pidFile = dir.appendingPathComponent("pid").path
        let log = dir.appendingPathComponent("log").path
        let started = Date()
        let script = "sleep 60 & echo $! > \(pidFile); wait"
        let t = ChildProcess(arguments: ["sh", "-c", script], logPath: log, timeout: 0.5).run()
        #expect(t == .timedOut)
        #expect(Date().timeIntervalSince(started) < 10)
        let written = try String(contentsOfFile: pidFile, encoding: .utf8)
        let pid = try #require(Int32(written.trimmingCharacters(in: .whitespacesAndNewlines)))
        // Gone, or a zombie waiting for a reaper that is not us: either way no longer running.
        var running = false
        for _ in 0..<40 {
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            let state = stat.split(separator: ")").last?.split(separator: " ").first.map(String.init) ?? "gone"
            running = !(state == "gone" || state == "Z" || state == "X")
            if !running { break }
            usleep(50_000)
        }
        #expect(!running)
    }

    @Test("ReferenceBuild's steps run through the runner: output to the log, status and tail back")
    func referenceBuildStep() throws {
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let logPath = dir.appendingPathComponent("log").path
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try #require(FileHandle(forWritingAtPath: logPath))
        let build = ReferenceBuild(cache: dir.path, configureOptions: [])
        let step = ["sh", "-c", "echo configured; echo oops >&2; exit 2"]
        let (status, tail) = try build.run(step, in: dir.path, log: log)
        try log.close()
        #expect(status == 2)
        #expect(tail == "configured\noops\n")
        #expect(try String(contentsOfFile: logPath, encoding: .utf8) == "configured\noops\n")
    }
}
