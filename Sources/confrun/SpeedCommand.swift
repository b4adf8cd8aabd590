import ArgumentParser
import Conformance
import Foundation
import LibCrypto

struct Speed: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure throughput (MB/s) of LibCrypto and the OpenSSL reference, like `openssl speed -evp`.",
        discussion: """
            For each algorithm and buffer size, LibCrypto and OpenSSL run alternately in short slices of the same \
            process; each row gives both MB/s and the ratio LibCrypto / OpenSSL, and a compact table at 16384 bytes \
            follows. Digests: one-shot per buffer (EVP_Digest). HMAC: keyed init, update, final per buffer (EVP_MAC). \
            Ciphers: one context updated in place (EVP_CipherUpdate). GCM, OCB, ChaCha20-Poly1305: one context updated \
            with each buffer, no AAD or tag, as `openssl speed -evp aes-128-gcm`. CCM: a whole message with its tag per \
            buffer. Use a release build (swift build -c release).
            """
    )

    @Option(name: .long, help: "Seconds per library, algorithm and size.")
    var seconds: Double = 0.3

    @Option(name: .long, parsing: .upToNextOption, help: "Buffer sizes in bytes (default 16 64 256 1024 8192 16384).")
    var bytes: [Int] = []

    @Option(name: .long, help: "Only algorithms whose name contains this (HMAC-X for every digest when it names hmac).")
    var filter: String?

    @Option(name: .long, help: "Write the rows (both figures and the ratio per size) as JSON here.")
    var json: String?

    @Flag(name: .long, help: "Force LibCrypto's generic Swift paths (sets LIBCRYPTO_HWCAP=0 before LibCrypto is used).")
    var libcryptoGeneric = false

    @OptionGroup var reference: ReferenceOptions

    func validate() throws {
        if seconds <= 0 || seconds > 60 { throw ValidationError("--seconds must be in (0, 60]") }
        if bytes.contains(where: { $0 <= 0 || $0 > 1 << 24 }) {
            throw ValidationError("--bytes sizes must be in 1...16777216")
        }
    }

    func run() throws {
        if libcryptoGeneric { setenv("LIBCRYPTO_HWCAP", "0", 1) }
        let sizes = bytes.isEmpty ? SpeedRun.defaultSizes : bytes
        let ref = try reference.load()
        #if DEBUG
        FileHandle.standardError.write(
            Data("confrun speed: this is a debug build; figures are not meaningful (use -c release)\n".utf8))
        #endif
        let hwcap = ProcessInfo.processInfo.environment["LIBCRYPTO_HWCAP"]
        let run = SpeedRun(sizes: sizes, seconds: seconds, filter: filter)
        let libSide = "LibCrypto" + (hwcap.map { " (LIBCRYPTO_HWCAP=" + $0 + ")" } ?? "")
        let cap: String = ref.library.cpucap.map { ", OPENSSL_ia32cap=" + $0 } ?? ""
        let refSide = ref.name + " (" + ref.library.path + cap + ")"
        print(
            "\(libSide) vs \(refSide), \(seconds) s per library per cell in \(run.rounds) alternating slices; MB/s = 10^6 bytes/s"
        )
        print(SpeedRun.ratioLegend)
        print(SpeedRun.header(sizes))
        let rows = try run.run(reference: ref) { print(SpeedRun.lines($0, sizes), terminator: "") }
        if rows.isEmpty { throw ValidationError("no algorithm matches --filter \(filter ?? "")") }
        print("")
        print(SpeedRun.compactTable(rows, size: SpeedRun.compactSize(sizes)), terminator: "")
        if let path = json {
            let e = JSONEncoder()
            e.outputFormatting = [.prettyPrinted, .sortedKeys]
            let report = SpeedReport(
                reference: ref, libcryptoHWCAP: hwcap, secondsPerSide: seconds, sizes: sizes, rows: rows)
            try e.encode(report).write(to: URL(fileURLWithPath: path))
        }
    }
}
