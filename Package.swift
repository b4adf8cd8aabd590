// swift-tools-version: 6.1
import PackageDescription

/// Optional algorithm families, spelled after OpenSSL's `no-X` configure options.
/// Every trait is on by default; a `no-X` build is "defaults minus X".
let optionalAlgorithms: [Trait] = [
    .trait(name: "ASM", description: "Hardware paths: AES-NI, PCLMULQDQ, SHA-NI, MULX/ADX, AVX-512 IFMA (no-asm)"),
    .trait(name: "IDEA", description: "IDEA block cipher (no-idea)"),
    .trait(name: "RC5", description: "RC5-32 block cipher (no-rc5)"),
    .trait(name: "RC2", description: "RC2 block cipher (no-rc2)"),
    .trait(name: "RC4", description: "RC4 stream cipher (no-rc4)"),
    .trait(name: "DES", description: "DES, 3DES and DESX (no-des)"),
    .trait(name: "BF", description: "Blowfish (no-bf)"),
    .trait(name: "CAST", description: "CAST5 (no-cast)"),
    .trait(name: "MD2", description: "MD2 digest (no-md2)"),
    .trait(name: "MD4", description: "MD4 digest (no-md4)"),
    .trait(name: "MDC2", description: "MDC2 digest, built on DES (no-mdc2)", enabledTraits: ["DES"]),
    .trait(name: "RMD160", description: "RIPEMD-160 digest (no-rmd160)"),
    .trait(name: "SEED", description: "SEED block cipher (no-seed)"),
    .trait(name: "CAMELLIA", description: "Camellia block cipher (no-camellia)"),
    .trait(name: "ARIA", description: "ARIA block cipher (no-aria)"),
    .trait(name: "SM4", description: "SM4 block cipher (no-sm4)"),
    .trait(name: "WHIRLPOOL", description: "Whirlpool digest (no-whirlpool)"),
    .trait(name: "SIPHASH", description: "SipHash MAC (no-siphash)"),
    .trait(name: "CMAC", description: "CMAC MAC; KBKDF over CMAC (no-cmac)"),
    .trait(name: "SIV", description: "AES-SIV and AES-GCM-SIV AEADs (no-siv)", enabledTraits: ["CMAC"]),
    .trait(name: "OCB", description: "AES-OCB AEAD (no-ocb)"),
    .trait(name: "CHACHA", description: "ChaCha20 stream cipher; ChaCha20-Poly1305 with POLY1305 (no-chacha)"),
    .trait(name: "POLY1305", description: "Poly1305 MAC; ChaCha20-Poly1305 with CHACHA (no-poly1305)"),
    .trait(name: "SCRYPT", description: "scrypt KDF (no-scrypt)"),
    .trait(name: "BLAKE2", description: "BLAKE2b-512, BLAKE2s-256, BLAKE2BMAC and BLAKE2SMAC (no-blake2)"),
    .trait(name: "SM3", description: "SM3 digest (no-sm3)"),
    .trait(name: "DSA", description: "DSA keys, parameters and signatures (no-dsa)"),
    .trait(name: "DH", description: "Diffie-Hellman key agreement: DH and DHX keys and parameters (no-dh)"),
    .trait(name: "EC", description: "Elliptic curves: EC keys, ECDSA, ECDH, X25519, X448, Ed25519, Ed448 (no-ec)"),
    .trait(name: "SM2", description: "SM2 signatures and encryption (no-sm2)", enabledTraits: ["EC", "SM3"]),
    .trait(name: "EC2M", description: "GF(2^m) curves: sect*, c2pnb*, c2tnb*, WTLS (no-ec2m)", enabledTraits: ["EC"]),
]

let package = Package(
    name: "swift-libcrypto",
    products: [
        .library(name: "LibCrypto", targets: ["LibCrypto"]),
        .executable(name: "confrun", targets: ["confrun"]),
        .executable(name: "confrun-fuzz", targets: ["confrun-fuzz"]),
        .executable(name: "confrun-ctgrind", targets: ["confrun-ctgrind"]),
    ],
    traits: Set(
        optionalAlgorithms + [
            // Not an algorithm: a configuration that does not compile, so that a test can prove the
            // build matrix reports a broken cell as a build failure while the others finish.
            .trait(name: "MATRIX_SELFTEST_BROKEN", description: "Test only: the harness (Results) fails to compile"),
            .default(enabledTraits: Set(optionalAlgorithms.map(\.name))),
        ]),
    // Pinned exactly instead of a committed Package.resolved: the package mirror this is built
    // from records its own commit ids, not GitHub's, so a resolved file from here would not
    // resolve elsewhere; an exact version pins the same code everywhere.
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2")
    ],
    targets: [
        // Hardware paths in C (AES-NI, PCLMULQDQ, SHA-NI, MULX/ADX and AVX-512 IFMA Montgomery); dropped entirely when ASM is off (no-asm).
        .target(name: "LibCryptoASM"),
        .target(
            name: "LibCrypto",
            dependencies: [.target(name: "LibCryptoASM", condition: .when(traits: ["ASM"]))]
        ),
        .target(name: "Vectors"),
        // Outcome model, tallies, reporters (console, JUnit, JSON, HTML) and report merge.
        .target(name: "Results"),
        // The C reference: OpenSSL 3's headers (libssl-dev) and a loader that dlopen()s the
        // system's libcrypto.so.3, or one built from source, at run time (never linked).
        .target(name: "COpenSSL", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        .target(name: "Conformance", dependencies: ["LibCrypto", "Vectors", "COpenSSL", "Results"]),
        .target(name: "BuildMatrix", dependencies: ["Results", "LibCrypto"]),
        // Fuzz targets (parsers, API, differential against OpenSSL) and their libFuzzer driver;
        // docs/fuzzing.md. confrun replays their regression inputs.
        .target(name: "FuzzTargets", dependencies: ["Vectors", "Conformance", "BuildMatrix", "LibCrypto", "Results"]),
        .executableTarget(name: "confrun-fuzz", dependencies: ["FuzzTargets"]),
        // Constant-time validation: Valgrind client requests (no-ops without valgrind/memcheck.h),
        // the targets shared by the Valgrind runner and `confrun ct` (dudect); docs/constant-time.md.
        .target(name: "CValgrind"),
        .target(name: "CTTargets", dependencies: ["LibCrypto"]),
        .executableTarget(name: "confrun-ctgrind", dependencies: ["CTTargets", "CValgrind", "LibCrypto"]),
        .executableTarget(
            name: "confrun",
            dependencies: [
                "Conformance", "BuildMatrix", "Results", "Vectors", "LibCrypto", "FuzzTargets", "CTTargets",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "LibCryptoTests", dependencies: ["LibCrypto"]),
        .testTarget(name: "VectorsTests", dependencies: ["Vectors"]),
        .testTarget(name: "ConformanceTests", dependencies: ["Conformance", "Vectors", "LibCrypto"]),
        .testTarget(name: "ResultsTests", dependencies: ["Results"]),
        .testTarget(name: "BuildMatrixTests", dependencies: ["BuildMatrix", "Results"]),
        .testTarget(name: "FuzzTargetsTests", dependencies: ["FuzzTargets", "Vectors", "LibCrypto", "Conformance"]),
        .testTarget(name: "CTTargetsTests", dependencies: ["CTTargets", "LibCrypto"]),
    ]
)
