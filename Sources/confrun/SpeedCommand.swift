import ArgumentParser
import Conformance
import Foundation
import LibCrypto

struct Speed: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure LibCrypto's throughput (MB/s) per algorithm and buffer size, like `openssl speed`.",
        discussion: "Use a release build (swift build -c release). Digests are one-shot per buffer; ciphers update one context in place."
    )

    @Option(name: .long, help: "Seconds per algorithm and size.")
    var seconds: Double = 0.3

    @Option(name: .long, parsing: .upToNextOption, help: "Buffer sizes in bytes (default 16 64 256 1024 8192 16384).")
    var bytes: [Int] = []

    @Option(name: .long, help: "Only algorithms whose name contains this.")
    var filter: String?

    @Option(name: .long, help: "Write the rows as JSON here.")
    var json: String?

    func validate() throws {
        if seconds <= 0 || seconds > 60 { throw ValidationError("--seconds must be in (0, 60]") }
        if bytes.contains(where: { $0 <= 0 || $0 > 1 << 24 }) { throw ValidationError("--bytes sizes must be in 1...16777216") }
    }

    func run() throws {
        let sizes = bytes.isEmpty ? SpeedRun.defaultSizes : bytes
        #if DEBUG
        FileHandle.standardError.write(Data("confrun speed: this is a debug build; figures are not meaningful (use -c release)\n".utf8))
        #endif
        print(SpeedRun.header(sizes) + "   (MB/s, LibCrypto)")
        let rows = try SpeedRun(sizes: sizes, seconds: seconds, filter: filter).run { print(SpeedRun.line($0, sizes)) }
        if rows.isEmpty { throw ValidationError("no algorithm matches --filter \(filter ?? "")") }
        if let path = json {
            let e = JSONEncoder()
            e.outputFormatting = [.prettyPrinted, .sortedKeys]
            try e.encode(rows).write(to: URL(fileURLWithPath: path))
        }
    }
}
