// The libFuzzer driver for every target of FuzzTargets.
//
// Fuzzing build (libFuzzer supplies `main`, so this file must not):
//   swift build -c release --sanitize=fuzzer --sanitize=address -Xswiftc -DFUZZING \
//       --product confrun-fuzz --scratch-path .build-fuzz
// The target is chosen by the environment variable CONFRUN_FUZZ_TARGET, or by the program's name
// (`fuzz-<target>`, as a fuzzing service runs one binary per target); set SWIFT_BACKTRACE=enable=no
// or Swift's backtracer swallows the signal and libFuzzer writes no crash file.
//
// Ordinary build: `confrun-fuzz TARGET FILE…` replays inputs through the target;
// `confrun-fuzz --list` lists the targets; `confrun-fuzz --export DIR [TARGET…]` writes each
// target's `<name>.dict` and `<name>_seeds/` (the fuzzing build does this with
// CONFRUN_FUZZ_EXPORT=DIR).
import FuzzTargets

#if canImport(Glibc)
import Glibc
#endif

nonisolated(unsafe) private var selected: FuzzTarget?

private func printError(_ text: String) {
    var bytes = Array((text + "\n").utf8)
    _ = write(2, &bytes, bytes.count)
}

private func targetName(programPath: String) -> String? {
    if let name = getenv("CONFRUN_FUZZ_TARGET") { return String(cString: name) }
    let base = programPath.split(separator: "/").last.map(String.init) ?? programPath
    return base.hasPrefix("fuzz-") ? String(base.dropFirst(5)) : nil
}

@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
) -> Int32 {
    let program = argv.pointee?[0].map { String(cString: $0) } ?? ""
    guard let name = targetName(programPath: program), let target = FuzzTargets.named(name) else {
        let names = FuzzTargets.all.map(\.name).joined(separator: ", ")
        printError("confrun-fuzz: set CONFRUN_FUZZ_TARGET to one of: \(names)")
        exit(2)
    }
    // CONFRUN_FUZZ_MAXLEN=1: print the target's -max_len and stop (for the build script).
    if getenv("CONFRUN_FUZZ_MAXLEN") != nil {
        print(FuzzTargets.maxLength(target.name))
        exit(0)
    }
    // CONFRUN_FUZZ_EXPORT=DIR: write the target's dictionary and seeds there and stop (the
    // ClusterFuzzLite build script runs the fuzzing binary this way; it has no other `main`).
    if let dir = getenv("CONFRUN_FUZZ_EXPORT").map({ String(cString: $0) }) {
        do {
            let n = try FuzzTargets.export(target, to: dir)
            printError("confrun-fuzz: \(target.name): \(n) seeds and \(target.name).dict in \(dir)")
            exit(0)
        } catch {
            printError("confrun-fuzz: export to \(dir): \(error)")
            exit(1)
        }
    }
    selected = target
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let target = selected else { return 0 }
    let buffer = UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size)
    if case .finding(let message) = target.run(buffer) {
        printError("confrun-fuzz: \(target.name): finding: \(message)")
        abort()
    }
    return 0
}

#if !FUZZING
@main
struct ConfrunFuzzReplay {
    static func main() {
        let arguments = CommandLine.arguments
        if arguments.count >= 2, arguments[1] == "--list" {
            for t in FuzzTargets.all { print("\(t.name)\t\(t.kind.rawValue)\t\(t.summary)") }
            exit(0)
        }
        if arguments.count >= 3, arguments[1] == "--export" {
            let names = arguments.count > 3 ? Array(arguments[3...]) : FuzzTargets.all.map(\.name)
            for name in names {
                guard let t = FuzzTargets.named(name) else {
                    print("no target \(name)")
                    exit(2)
                }
                do {
                    print("\(name): \(try FuzzTargets.export(t, to: arguments[2])) seeds")
                } catch {
                    print("\(name): \(error)")
                    exit(1)
                }
            }
            exit(0)
        }
        guard arguments.count >= 2, let target = FuzzTargets.named(arguments[1]) else {
            let names = FuzzTargets.all.map(\.name).joined(separator: ", ")
            print("usage: confrun-fuzz TARGET FILE… | --list | --export DIR [TARGET…]   (targets: \(names))")
            exit(2)
        }
        var failures = 0
        for path in arguments.dropFirst(2) {
            guard let file = fopen(path, "rb") else {
                print("\(path): cannot open")
                failures += 1
                continue
            }
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = fread(&chunk, 1, chunk.count, file)
                if n <= 0 { break }
                bytes += chunk[0..<n]
            }
            fclose(file)
            let verdict = bytes.withUnsafeBytes { target.run($0) }
            if case .finding(let message) = verdict {
                print("\(path): finding: \(message)")
                failures += 1
            } else {
                print("\(path): ok")
            }
        }
        exit(failures == 0 ? 0 : 1)
    }
}
#endif
