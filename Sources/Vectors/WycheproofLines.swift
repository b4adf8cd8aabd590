/// Where each test group and test case of a Wycheproof file starts, found by a scan of the
/// bytes JSONSerialization has already accepted, so that every diagnostic can say `file:line`.
struct WycheproofLines {
    /// Line of each object of the top-level `testGroups` array, in order.
    var groups: [Int] = []
    /// Line of each object of each group's `tests` array (of its `"tcId"` key if it has one).
    var tests: [[Int]] = []

    func group(_ g: Int) -> Int { g < groups.count ? groups[g] : 1 }

    func test(_ g: Int, _ t: Int) -> Int {
        guard g < tests.count else { return group(g) }
        return t < tests[g].count ? tests[g][t] : group(g)
    }

    private enum Role { case root, groupsArray, group, testsArray, test, other }
    private struct Frame {
        var role: Role
        var key: [UInt8] = []
    }

    init(_ b: [UInt8]) {
        let testGroups = Array("testGroups".utf8)
        let testsKey = Array("tests".utf8)
        let tcId = Array("tcId".utf8)
        var stack: [Frame] = []
        var line = 1
        var i = 0
        var lastString: [UInt8] = []
        while i < b.count {
            let c = b[i]
            switch c {
            case 0x0A:
                line += 1
            case 0x22:  // a string: keep it (it may be a key), skip escapes
                var s: [UInt8] = []
                i += 1
                while i < b.count, b[i] != 0x22 {
                    if b[i] == 0x5C { i += 1 } else if b[i] == 0x0A { line += 1 }
                    if i < b.count, s.count < 16 { s.append(b[i]) }
                    i += 1
                }
                lastString = s
            case 0x3A:  // ':' after a key; a test case's `"tcId"` is its line, as before
                if !stack.isEmpty { stack[stack.count - 1].key = lastString }
                if stack.last?.role == .test, lastString == tcId, !tests.isEmpty, !tests[tests.count - 1].isEmpty {
                    tests[tests.count - 1][tests[tests.count - 1].count - 1] = line
                }
            case 0x7B, 0x5B:  // '{' '['
                let top = stack.last
                var role = Role.other
                switch (c, top?.role) {
                case (0x7B, nil): role = .root
                case (0x5B, .root?) where top!.key == testGroups:
                    role = .groupsArray
                    groups = []
                    tests = []
                case (0x7B, .groupsArray?):
                    role = .group
                    groups.append(line)
                    tests.append([])
                case (0x5B, .group?) where top!.key == testsKey:
                    role = .testsArray
                    if !tests.isEmpty { tests[tests.count - 1] = [] }
                case (0x7B, .testsArray?):
                    role = .test
                    if !tests.isEmpty { tests[tests.count - 1].append(line) }
                default: break
                }
                stack.append(Frame(role: role))
            case 0x7D, 0x5D:
                if !stack.isEmpty { stack.removeLast() }
            default:
                break
            }
            i += 1
        }
    }

    /// The line holding byte `offset`.
    static func line(ofOffset offset: Int, in b: [UInt8]) -> Int {
        var line = 1
        for i in 0..<min(offset, b.count) where b[i] == 0x0A { line += 1 }
        return line
    }
}
