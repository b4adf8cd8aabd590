/// Two deliberately leaky targets (harness code, never LibCrypto) that prove each tool sees a
/// leak: `planted-branch` branches on a secret bit (Valgrind must report it, dudect too) and
/// `planted-early-exit` is a compare that stops at the first differing byte (dudect must reach
/// |t| > 10, Valgrind reports its branch too). Both are marked expected-to-fail everywhere.
enum Planted {
    /// Reference a secret is compared with (public).
    static let reference = CTTargets.pattern(256, start: 0x5A, step: 29)

    static let branch = CTTarget(
        name: "planted-branch",
        summary: "PLANTED: extra work when bit 0 of the first secret byte is set",
        kind: .planted(reason: "branches on a secret bit; must be reported"),
        fixedInput: [0x01] + CTTargets.pattern(31),
        randomInput: { $0.bytes(32) },
        run: { input in [secretBranch(input)] })

    static let earlyExit = CTTarget(
        name: "planted-early-exit",
        summary: "PLANTED: 256-byte compare that returns at the first differing byte",
        kind: .planted(reason: "early-exit compare on a secret; must be reported"),
        fixedInput: Array(reference[0..<255]) + [reference[255] ^ 1],
        randomInput: { $0.bytes(256) },
        run: { input in [earlyExitEquals(input, reference) ? 1 : 0] })

    /// Branches on a secret bit: the planted secret-dependent branch.
    @inline(never)
    static func secretBranch(_ input: UnsafeRawBufferPointer) -> UInt8 {
        var acc = input[1]
        if input[0] & 1 == 1 {
            for i in 0..<200 { acc = acc &* 31 &+ input[i % input.count] }
        }
        return acc
    }

    /// Returns at the first differing byte: the planted early-exit compare.
    @inline(never)
    static func earlyExitEquals(_ a: UnsafeRawBufferPointer, _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        for i in 0..<a.count where a[i] != b[i] { return false }
        return true
    }
}
