// The Valgrind constant-time runner (ctgrind, BoringSSL's constant-time validation): every
// target's input is marked undefined to memcheck, so a branch or an address computed from it
// is reported; outputs are declassified before anything looks at them. scripts/ctgrind.sh
// builds this, runs it under valgrind per target and attributes the reports;
// docs/constant-time.md.
import CTTargets
import CValgrind
import LibCrypto

#if canImport(Glibc)
import Glibc
#endif

@main
struct ConfrunCTGrind {
    static func main() {
        var names: [String] = []
        var arguments = CommandLine.arguments.dropFirst()
        while let a = arguments.popFirst() {
            switch a {
            case "--list":
                for t in CTTargets.all { print("\(t.name)\t\(t.kindName)\t\(t.reason ?? "")") }
                for m in CTTargets.notInThisBuild { print("\(m.name)\tabsent\t\(m.reason)") }
                return
            case "--target":
                guard let n = arguments.popFirst() else { fail("--target needs a name") }
                names.append(n)
            case "-h", "--help":
                print(
                    "usage: confrun-ctgrind [--list] [--target NAME]...  (run under valgrind; see scripts/ctgrind.sh)")
                return
            default:
                fail("unknown argument \(a)")
            }
        }
        var targets: [CTTarget] = []
        for n in names {
            guard let t = CTTargets.named(n) else { fail("unknown target \(n) (see --list)") }
            targets.append(t)
        }
        if targets.isEmpty { targets = CTTargets.all }
        if ct_running_on_valgrind() == 0 {
            print("confrun-ctgrind: not under valgrind: the secret markings are no-ops (use scripts/ctgrind.sh)")
        }
        for t in targets {
            let before = ct_error_count()
            print("ctgrind-begin \(t.name)")
            if let body = t.valgrindRun {
                // The body marks its own secrets (a key's limbs); they are made defined again after.
                let marked = MarkedRegions()
                let outputs = t.withVariant {
                    body(
                        CTSecretMarker { buffer in
                            ct_secret(buffer.baseAddress, buffer.count)
                            marked.add(buffer)
                        })
                }
                for (i, out) in outputs.enumerated() {
                    out.withUnsafeBytes { ct_public($0.baseAddress, $0.count) }
                    let verdict = out.first.map { String($0) } ?? "-"
                    print("ctgrind-input \(t.name) \(i): \(out.count) output bytes, first \(verdict)")
                }
                marked.restore()
                print("ctgrind-end \(t.name) errors \(ct_error_count() - before)")
                continue
            }
            for (i, input) in t.valgrindInputs.enumerated() {
                let secret = input  // shares storage with the target's copy; ct_public below restores it
                secret.withUnsafeBytes { ct_secret($0.baseAddress, $0.count) }
                var out = t.withVariant { secret.withUnsafeBytes { t.run($0) } }
                out.withUnsafeBytes { ct_public($0.baseAddress, $0.count) }
                secret.withUnsafeBytes { ct_public($0.baseAddress, $0.count) }
                let verdict = out.first.map { String($0) } ?? "-"
                print("ctgrind-input \(t.name) \(i): \(out.count) output bytes, first \(verdict)")
                out.removeAll()
            }
            print("ctgrind-end \(t.name) errors \(ct_error_count() - before)")
        }
    }

    /// Buffers a `valgrindRun` body marked secret, made defined again once it returns.
    final class MarkedRegions: @unchecked Sendable {
        private var regions: [(UnsafeRawPointer?, Int)] = []
        func add(_ buffer: UnsafeRawBufferPointer) { regions.append((buffer.baseAddress, buffer.count)) }
        func restore() {
            for (address, count) in regions { ct_public(address, count) }
            regions.removeAll()
        }
    }

    static func fail(_ message: String) -> Never {
        let line = Array("confrun-ctgrind: \(message)\n".utf8)
        _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        exit(2)
    }
}
