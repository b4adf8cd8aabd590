// Reproducer for the "misaligned stack slot" crash (issue #12, item 7).
//
// The pattern: a byte-typed temporary allocation (`withUnsafeTemporaryAllocation(of: UInt8.self,
// …)`: alignment 1) read as a wider type (`load(as: UInt64.self)`, alignment 8) at offset 0. The
// slot is only guaranteed byte alignment, and where it lands depends on what else the compiler
// puts on the stack around it: here a second byte-typed temporary before it (in the original, the
// many variables a closure captured). Measured with Swift 6.3.1 on x86-64 Linux: in a debug build
// the inner slot is misaligned and the standard library's check traps ("load from misaligned raw
// pointer"); in a release build the same slot happens to be 16-aligned and the program runs. The
// release build has no check at all, so a different layout there is undefined behaviour (an
// aligned SSE access such as `movdqa`, or a folded `paddq mem`, faults on a misaligned address).
//
// The cause is the reading code, not the compiler: memory must be allocated with the alignment
// of the type it is read as (or read with `loadUnaligned`). LibCrypto allocates its temporaries
// with the element type they are used as (RC2: UInt8, read as bytes; RC5: UInt32); the test
// "temporary allocations are read as their own element type" (LibCryptoTests) guards the rule,
// and scripts/repro/temporary-allocation.sh runs this file in both configurations.
@inline(never)
func faulty(_ seed: UInt8) -> UInt64 {
    var acc: UInt64 = 0
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 3) { a in
        a.initialize(repeating: seed)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 35) { b in
            b.initialize(repeating: seed &+ a[1])
            print("faulty pattern: slot address mod 8 = \(UInt(bitPattern: b.baseAddress!) % 8)")
            acc = UnsafeRawPointer(b.baseAddress!).load(as: UInt64.self)
        }
    }
    return acc
}

@inline(never)
func fixed(_ seed: UInt8) -> UInt64 {
    var acc: UInt64 = 0
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 3) { a in
        a.initialize(repeating: seed)
        // The fix: allocate as the type that is read (or use loadUnaligned on a byte stream).
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 5) { b in
            UnsafeMutableRawBufferPointer(b).initializeMemory(as: UInt8.self, repeating: seed &+ a[1])
            print("fixed pattern: slot address mod 8 = \(UInt(bitPattern: b.baseAddress!) % 8)")
            acc = b[0]
        }
    }
    return acc
}

let value = CommandLine.arguments.contains("--fixed") ? fixed(3) : faulty(3)
print("ran: \(value)")
