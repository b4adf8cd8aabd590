import Foundation

/// Builds OpenSSL from the upstream tarball that Debian's source package ships (fetched by
/// `scripts/setup.sh` into the cache) with the configure options asked for, into a cache folder
/// named after them, so that `--reference PATH` can load its libcrypto and providers.
public struct ReferenceBuild {
    public var cache: String
    public var configureOptions: [String]

    public init(cache: String, configureOptions: [String]) {
        self.cache = cache
        self.configureOptions = configureOptions
    }

    /// `openssl-3.0.22+enable-idea+enable-rc5` style name for the build folder.
    public var folderName: String {
        (["build"] + configureOptions.map { $0.replacingOccurrences(of: "/", with: "_") }).joined(separator: "+")
    }

    public enum Failure: Error, CustomStringConvertible {
        case noTarball(String)
        case step(String, Int32, String)
        public var description: String {
            switch self {
            case .noTarball(let where_): return "no openssl_3.*.orig.tar.gz in \(where_) (run scripts/setup.sh)"
            case .step(let what, let status, let tail):
                return "\(what) failed with status \(status); last output:\n\(tail)"
            }
        }
    }

    /// Runs one step through the one child-process runner (`ChildProcess`: its own process
    /// group, torn down on Ctrl-C), its output copied to `log`; returns its status and the end of
    /// its output.
    func run(_ args: [String], in dir: String, log: FileHandle) throws -> (Int32, String) {
        var tail = Data()
        let child = ChildProcess(
            arguments: args,
            output: .stream { chunk in
                let data = Data(chunk)
                log.write(data)
                tail.append(data)
                if tail.count > 8192 { tail = tail.suffix(4096) }
            }, workingDirectory: dir)
        let text = { String(decoding: tail, as: UTF8.self) }
        switch Interrupt.during({ child.run() }) {
        case .exited(let status): return (status, text())
        case .signaled(let signal): return (signal, text())
        case .interrupted: return (130, text() + "\ninterrupted")
        case .timedOut: return (124, text())
        case .couldNotStart(let why): throw Failure.step(args.joined(separator: " "), 127, why)
        }
    }

    /// The folder of a finished build with these options, if there is one.
    public func existingBuild() -> String? {
        let base = cache + "/reference"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: base)) ?? [])
            .filter { $0.hasPrefix("openssl-3.") && $0.hasSuffix("+" + folderName) }.sorted()
        for n in names.reversed() {
            let version = String(n.dropLast(folderName.count + 1))
            let built = base + "/" + n + "/" + version
            if FileManager.default.fileExists(atPath: built + "/libcrypto.so.3"),
                FileManager.default.fileExists(atPath: built + "/providers/legacy.so")
            {
                return built
            }
        }
        return nil
    }

    /// Unpacks, configures and builds (`make build_libs build_modules`); returns the build
    /// folder (holding `libcrypto.so.3` and `providers/`). An up-to-date build is reused.
    public func build(log: FileHandle = .standardError) throws -> String {
        let srcDir = cache + "/openssl-src"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: srcDir)) ?? [])
            .filter { $0.hasPrefix("openssl_3.") && $0.hasSuffix(".orig.tar.gz") }.sorted()
        guard let tarball = names.last else { throw Failure.noTarball(srcDir) }
        let version = String(tarball.dropFirst("openssl_".count).dropLast(".orig.tar.gz".count))
        let root = cache + "/reference/openssl-\(version)+" + folderName
        let built = root + "/openssl-\(version)"
        if FileManager.default.fileExists(atPath: built + "/libcrypto.so.3"),
            FileManager.default.fileExists(atPath: built + "/providers/legacy.so")
        {
            return built
        }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        var status: Int32 = 0
        var tail = ""
        if !FileManager.default.fileExists(atPath: built + "/Makefile") {
            (status, tail) = try run(["tar", "-xzf", srcDir + "/" + tarball, "-C", root], in: root, log: log)
            guard status == 0 else { throw Failure.step("unpacking \(tarball)", status, tail) }
            (status, tail) = try run(["perl", "Configure"] + configureOptions + ["no-tests"], in: built, log: log)
            guard status == 0 else {
                throw Failure.step("Configure \(configureOptions.joined(separator: " "))", status, tail)
            }
        }
        // Two make runs, not one: building both goals in one parallel make races on the same
        // dependency files (`mv: cannot stat …d.tmp`).
        let jobs = String(max(1, ProcessInfo.processInfo.activeProcessorCount))
        for goal in ["build_libs", "build_modules"] {
            (status, tail) = try run(["make", "-j\(jobs)", goal], in: built, log: log)
            guard status == 0 else { throw Failure.step("make \(goal)", status, tail) }
        }
        guard FileManager.default.fileExists(atPath: built + "/libcrypto.so.3"),
            FileManager.default.fileExists(atPath: built + "/providers/legacy.so")
        else {
            throw Failure.step("checking the build", 1, "no libcrypto.so.3 or providers/legacy.so in \(built)")
        }
        return built
    }
}
