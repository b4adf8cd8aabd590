#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Wiping of secrets (key schedules, keystream, tag masks, buffered plaintext) when LibCrypto is
/// done with them.
///
/// A plain `memset` before `free` is a dead store the optimizer may remove; `explicit_bzero`
/// (glibc ≥ 2.25, musl, the BSDs) and `memset_s` (C11 Annex K, Darwin) are defined not to be
/// removed. Every context class clears its secret storage through ``SecretWipe`` in `deinit`
/// (and on reset); value-type key schedules (`AES`, `DES`, …) are cleared where a context class
/// holds them, since a struct has no `deinit`. Copies the compiler spills to the stack during an
/// operation are outside this guarantee, as they are for OpenSSL's `OPENSSL_cleanse`.
public enum SecretWipe {
    /// Overwrites `count` bytes at `address` with zeros in a way the optimizer cannot elide.
    public static func wipe(_ address: UnsafeMutableRawPointer?, count: Int) {
        guard let address, count > 0 else { return }
        #if canImport(Darwin)
        _ = memset_s(address, count, 0, count)
        #else
        explicit_bzero(address, count)
        #endif
        #if DEBUG
        WipeCounter.add(count)
        #endif
    }

    /// Overwrites the bytes of `buffer`.
    public static func wipe(_ buffer: UnsafeMutableRawBufferPointer) {
        wipe(buffer.baseAddress, count: buffer.count)
    }

    /// Overwrites every element of `bytes` (its capacity beyond `count` is not touched).
    public static func wipe(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBytes { wipe($0) }
    }

    /// Overwrites the in-line bytes of `value` when its type is plain data (no references):
    /// a key schedule such as `AES` or `DES`. A value holding references (a cipher whose schedule
    /// lives in a class, such as Blowfish) is left alone: its storage wipes itself in `deinit`,
    /// and zeroing a reference would leak the object instead.
    public static func wipe<T>(value: inout T) {
        guard _isPOD(T.self) else { return }
        withUnsafeMutableBytes(of: &value) { wipe($0) }
    }

}

#if DEBUG
/// Bytes wiped so far on the calling thread (debug builds only): a test drops a context and
/// checks that its `deinit` wiped, undisturbed by tests running on other threads.
enum WipeCounter {
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { $0?.deallocate() }
        return key
    }()

    private static var slot: UnsafeMutablePointer<Int> {
        if let p = pthread_getspecific(key) { return p.assumingMemoryBound(to: Int.self) }
        let p = UnsafeMutablePointer<Int>.allocate(capacity: 1)
        p.initialize(to: 0)
        pthread_setspecific(key, p)
        return p
    }

    static func add(_ count: Int) { slot.pointee += count }

    /// The running total of this thread.
    static var value: Int { slot.pointee }
}
#endif
