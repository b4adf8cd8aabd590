import Foundation
import Testing
@testable import Conformance

/// The reference libcrypto is loaded at run time: a missing or wrong library is one clear line
/// and exit status 2 from the commands that need it, while `kat` and `list` never load it.
@Suite("Reference loading")
struct ReferenceLoadingTests {
    /// The confrun built beside this test bundle (`swift test` builds every product).
    static let confrun: String? = {
        var dirs: [URL] = []
        if let e = Bundle.main.executableURL { dirs.append(e.deletingLastPathComponent()) }
        dirs.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        dirs.append(Bundle.main.bundleURL)
        for d in dirs {
            var dir = d.resolvingSymlinksInPath()
            // From inside a bundle (…/debug/X.xctest/Contents/MacOS) up to the products folder.
            for _ in 0..<4 {
                let candidate = dir.appendingPathComponent("confrun").path
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
                dir.deleteLastPathComponent()
            }
        }
        return nil
    }()

    struct Output {
        var status: Int32
        var signaled: Bool
        var stdout: String
        var stderr: String
    }

    static func confrun(_ args: [String], environment extra: [String: String] = [:]) throws -> Output {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try #require(confrun))
        p.arguments = args
        p.environment = ProcessInfo.processInfo.environment.merging(extra) { _, new in new }
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Output(
            status: p.terminationStatus, signaled: p.terminationReason == .uncaughtSignal,
            stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    static let missing = "/nonexistent/libcrypto.so.3"

    /// Exit status 2, not a signal, and exactly one line on stderr that says why.
    static func expectOneLineFailure(_ r: Output, mentioning: String, _ loc: SourceLocation = #_sourceLocation) {
        #expect(!r.signaled, "crashed: \(r.stderr)", sourceLocation: loc)
        #expect(r.status == 2, "status \(r.status): \(r.stderr)", sourceLocation: loc)
        let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: true)
        #expect(lines.count == 1, "stderr: \(r.stderr)", sourceLocation: loc)
        #expect(r.stderr.contains("reference libcrypto not loadable"), "stderr: \(r.stderr)", sourceLocation: loc)
        #expect(r.stderr.contains(mentioning), "stderr: \(r.stderr)", sourceLocation: loc)
    }

    @Test("confrun is found beside the tests")
    func confrunIsBuilt() {
        #expect(Self.confrun != nil, "no confrun executable near \(CommandLine.arguments[0])")
    }

    @Test("interop with CONFRUN_LIBCRYPTO naming a missing file: one line, exit 2", .enabled(if: confrun != nil))
    func missingLibrary() throws {
        let r = try Self.confrun(
            ["interop", "--cases", "1"], environment: [OpenSSLReference.libraryVariable: Self.missing])
        Self.expectOneLineFailure(r, mentioning: Self.missing)
        #expect(r.stderr.contains("cannot open shared object file"))
    }

    @Test("--reference naming a missing folder: one line, exit 2", .enabled(if: confrun != nil))
    func missingFolder() throws {
        let r = try Self.confrun(["interop", "--cases", "1", "--reference", "/nonexistent-dir"])
        Self.expectOneLineFailure(r, mentioning: "/nonexistent-dir")
    }

    @Test("a library that is not OpenSSL's libcrypto is refused", .enabled(if: confrun != nil))
    func notLibcrypto() throws {
        let libz = [
            "/lib/x86_64-linux-gnu/libz.so.1", "/usr/lib/x86_64-linux-gnu/libz.so.1",
            "/lib/aarch64-linux-gnu/libz.so.1",
        ]
        .first { FileManager.default.fileExists(atPath: $0) }
        let lib = try #require(libz)
        let r = try Self.confrun(["interop", "--cases", "1"], environment: [OpenSSLReference.libraryVariable: lib])
        Self.expectOneLineFailure(r, mentioning: "not an OpenSSL libcrypto")
    }

    @Test("vectors verify and speed need the reference too", .enabled(if: confrun != nil))
    func otherCommandsNeedIt() throws {
        let file = try Self.sha256Stanza()
        defer { try? FileManager.default.removeItem(atPath: file) }
        let env = [OpenSSLReference.libraryVariable: Self.missing]
        Self.expectOneLineFailure(
            try Self.confrun(["vectors", "verify", file], environment: env), mentioning: Self.missing)
        Self.expectOneLineFailure(
            try Self.confrun(["speed", "--seconds", "0.01", "--bytes", "16", "--filter", "md5"], environment: env),
            mentioning: Self.missing)
    }

    @Test("kat and list do not load libcrypto at all", .enabled(if: confrun != nil))
    func katAndListWithout() throws {
        let file = try Self.sha256Stanza()
        defer { try? FileManager.default.removeItem(atPath: file) }
        let env = [OpenSSLReference.libraryVariable: Self.missing]
        let kat = try Self.confrun(["kat", file], environment: env)
        #expect(kat.status == 0, "kat: \(kat.stdout)\(kat.stderr)")
        #expect(kat.stdout.contains(" passed, 0 failed"), "kat: \(kat.stdout)")
        let list = try Self.confrun(["list", "SHA2-256"], environment: env)
        #expect(list.status == 0, "list: \(list.stderr)")
    }

    @Test("with the system library, interop runs", .enabled(if: confrun != nil))
    func systemLibraryWorks() throws {
        let r = try Self.confrun(["interop", "--cases", "2", "--filter", "SHA2-256", "--quiet"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("0 failed"))
    }

    /// SHA-256("abc") from FIPS 180-2, appendix B.1, as an evp_test stanza.
    static func sha256Stanza() throws -> String {
        let path = NSTemporaryDirectory() + "/reference-loading-\(UUID().uuidString).txt"
        try """
        Digest = SHA256
        Input = 616263
        Output = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad

        """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    // MARK: - The loader API in this process

    @Test("a missing file is a LoadError naming it, whether or not a library is loaded")
    func apiMissingFile() {
        let e = #expect(throws: OpenSSLReference.LoadError.self) {
            try OpenSSLReference.loadLibrary(libraryPath: Self.missing)
        }
        #expect(
            e?.message.hasPrefix("reference libcrypto not loadable: \(Self.missing)") == true,
            "\(String(describing: e))")
        #expect(e?.message.contains("\n") == false)
    }

    @Test("a folder without a build is a LoadError naming it")
    func apiMissingFolder() {
        let e = #expect(throws: OpenSSLReference.LoadError.self) {
            _ = try OpenSSLReference.sourceBuild(folder: "/nonexistent-dir")
        }
        #expect(e?.message == "reference libcrypto not loadable: no libcrypto.so.3 under /nonexistent-dir")
    }

    @Test("once loaded, the same library is returned and another is refused")
    func apiOncePerProcess() throws {
        let first = try OpenSSLImplementation()
        #expect(first.library.version.hasPrefix("3."))
        #expect(first.library.path.hasSuffix("libcrypto.so.3"))
        #expect(try OpenSSLReference.loadLibrary() == first.library)
        #expect(try OpenSSLReference.loadLibrary(libraryPath: first.library.path) == first.library)
        #expect(OpenSSLVersion.number == first.version)
        let libz = ["/lib/x86_64-linux-gnu/libz.so.1", "/usr/lib/x86_64-linux-gnu/libz.so.1"].first {
            FileManager.default.fileExists(atPath: $0)
        }
        if let libz {
            let e = #expect(throws: OpenSSLReference.LoadError.self) {
                try OpenSSLReference.loadLibrary(libraryPath: libz)
            }
            #expect(e?.message.contains("already loaded") == true, "\(String(describing: e))")
        }
        if first.library.cpucap == nil {
            let e = #expect(throws: OpenSSLReference.LoadError.self) { try OpenSSLReference.loadLibrary(cpucap: "0") }
            #expect(e?.message.contains("OPENSSL_ia32cap") == true)
        }
    }
}
