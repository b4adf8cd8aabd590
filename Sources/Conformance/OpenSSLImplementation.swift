import COpenSSL
import LibCrypto
import Vectors

/// Placeholder until the OpenSSL adapter lands: proves the C reference links.
enum OpenSSLVersion {
    static var text: String { String(cString: OpenSSL_version(Int32(OPENSSL_VERSION))) }
}
