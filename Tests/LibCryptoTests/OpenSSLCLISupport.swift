import Foundation
import Testing

// The `openssl` CLI and the set-up's cryptography-vectors cache, shared by the key-encoding tests
// (EncodingKeyTests.swift, EncryptedKeysTests.swift).

/// The `openssl` binary, if installed.
let opensslPath = ["/usr/bin/openssl", "/usr/local/bin/openssl"].first {
    FileManager.default.isExecutableFile(atPath: $0)
}

/// `asymmetric/` of cryptography-vectors in the set-up's cache (`CONFRUN_CACHE` or
/// ~/.cache/swift-libcrypto).
let vectorsRoot =
    (ProcessInfo.processInfo.environment["CONFRUN_CACHE"]
        ?? NSHomeDirectory() + "/.cache/swift-libcrypto") + "/cryptography-vectors/cryptography_vectors/asymmetric"

/// Runs `openssl args…` with `input` on standard input and returns its standard output; a
/// missing binary or a non-zero exit fails the test.
func openssl(_ args: [String], input: [UInt8] = []) throws -> [UInt8] {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: try #require(opensslPath))
    p.arguments = args
    let out = Pipe()
    let inp = Pipe()
    p.standardOutput = out
    p.standardInput = inp
    p.standardError = FileHandle.nullDevice
    try p.run()
    inp.fileHandleForWriting.write(Data(input))
    try inp.fileHandleForWriting.close()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    try #require(p.terminationStatus == 0, "openssl \(args.joined(separator: " ")) failed")
    return [UInt8](data)
}
