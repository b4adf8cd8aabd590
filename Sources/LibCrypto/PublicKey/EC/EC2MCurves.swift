// The catalog of named binary-field curves y² + xy = x³ + ax² + b over GF(2^m): every curve over
// a characteristic-two field that OpenSSL 3.0's `openssl ecparam -list_curves` lists, in that
// order, and the ECCurve initializer for them (the field polynomial in `p`, as
// EC_GROUP_get_curve gives it).
// Source: the values printed by `openssl ecparam -name NAME -param_enc explicit -text` (OpenSSL
// 3.0.19, the installed CLI; the tables of OpenSSL 3.0.22's crypto/ec/ec_curve.c), each OID from
// `openssl ecparam -name NAME -outform DER`, the polynomial as its exponents. They are SEC 2
// (sect*), ANSI X9.62 (c2pnb*, c2tnb*) and WAP WTLS (wap-wsg-idm-ecid-wtls*) constants,
// transcribed (hex, big-endian) as facts; RFC 2409's Oakley-EC2N-3 and -4 (IPSec/IKE curves #3
// and #4, `_EC_IPSEC_155_ID3` / `_EC_IPSEC_185_ID4` in ec_curve.c) likewise. Those two have no
// OID (OpenSSL writes their parameters explicitly) and an even "order" (cofactors 3 and 2):
// OpenSSL lists them as "Not suitable for ECDSA", and LibCrypto's ECDSA throws on them
// (ECEngine.orderContext(for:)) while keys, point encodings and ECDH work.
// Aliases: OpenSSL's NIST names (crypto/evp/ec_support.c, `nist_curves`: K-163 … B-571).
// EC2MTests checks every entry against `openssl ecparam` at test time.
// Not constant-time relevant: public constants.

#if EC && EC2M
extension ECCurve {
    /// A binary-curve catalog entry: `polynomial` lists the exponents of the reduction
    /// polynomial above 0 (`[163, 7, 6, 3]` for x¹⁶³ + x⁷ + x⁶ + x³ + 1).
    init?(
        binary name: String, aliases: [String], oid: String, polynomial: [Int], a: [String], b: [String],
        gx: [String], gy: [String], order: [String], cofactor: Int
    ) {
        func hex(_ parts: [String]) -> BigNum? { try? BigNum(hex: parts.joined()) }
        guard let a = hex(a), let b = hex(b), let gx = hex(gx), let gy = hex(gy), let order = hex(order),
            let group = EC2MGroup(exponents: polynomial, a: a, b: b)
        else { return nil }
        var limbs = [UInt64](repeating: 0, count: group.m / 64 + 1)
        limbs[0] = 1
        for e in polynomial { limbs[e / 64] |= UInt64(1) << UInt64(e % 64) }
        let p = BigNum(limbs: limbs)
        guard gx.bitWidth <= group.m, gy.bitWidth <= group.m,
            group.isOnCurve(x: group.field.element(gx.limbs), y: group.field.element(gy.limbs)),
            let engine = ECEngine(p: p, a: a, b: b, order: order, cofactor: BigNum(cofactor), binaryGroup: group)
        else { return nil }
        self.name = name
        self.aliases = aliases
        self.oid = oid
        self.p = p
        self.a = a
        self.b = b
        self.gx = gx
        self.gy = gy
        self.order = order
        self.cofactor = BigNum(cofactor)
        self.engine = engine
    }

    /// The binary-field arithmetic when this is a curve over GF(2^m); nil for a prime curve.
    var binaryGroup: EC2MGroup? { engine.binary }

    /// Whether the curve is over a binary field GF(2^m) (OpenSSL's
    /// `NID_X9_62_characteristic_two_field`); ``p`` is then the field's reduction polynomial.
    public var isBinary: Bool { engine.binary != nil }

    /// Finds a binary curve by lowercased name, alias or OID.
    static func binaryNamed(_ key: String) -> ECCurve? {
        binaryIndex[key].map { allBinary[$0] }
    }

    private static let binaryIndex: [String: Int] = {
        var d: [String: Int] = [:]
        for (i, c) in allBinary.enumerated() {
            for key in [c.name, c.oid] + c.aliases where !key.isEmpty { d[key.lowercased()] = i }
        }
        return d
    }()

    /// Every named binary-field curve OpenSSL 3.0 knows, in `openssl ecparam -list_curves` order.
    public static let allBinary: [ECCurve] = [
        ECCurve(
            binary: "sect113r1", aliases: [], oid: "1.3.132.0.4", polynomial: [113, 9],
            a: ["3088250ca6e7c7fe649ce85820f7"],
            b: ["e8bee4d3e2260744188be0e9c723"],
            gx: ["9d73616f35f4ab1407d73562c10f"],
            gy: ["a52830277958ee84d1315ed31886"],
            order: ["100000000000000d9ccec8a39e56f"],
            cofactor: 2),
        ECCurve(
            binary: "sect113r2", aliases: [], oid: "1.3.132.0.5", polynomial: [113, 9],
            a: ["689918dbec7e5a0dd6dfc0aa55c7"],
            b: ["95e9a9ec9b297bd4bf36e059184f"],
            gx: ["1a57a6a7b26ca5ef52fcdb8164797"],
            gy: ["b3adc94ed1fe674c06e695baba1d"],
            order: ["10000000000000108789b2496af93"],
            cofactor: 2),
        ECCurve(
            binary: "sect131r1", aliases: [], oid: "1.3.132.0.22", polynomial: [131, 8, 3, 2],
            a: ["7a11b09a76b562144418ff3ff8c2570b8"],
            b: ["217c05610884b63b9c6c7291678f9d341"],
            gx: ["81baf91fdf9833c40f9c181343638399"],
            gy: ["78c6e7ea38c001f73c8134b1b4ef9e150"],
            order: ["400000000000000023123953a9464b54d"],
            cofactor: 2),
        ECCurve(
            binary: "sect131r2", aliases: [], oid: "1.3.132.0.23", polynomial: [131, 8, 3, 2],
            a: ["3e5a88919d7cafcbf415f07c2176573b2"],
            b: ["4b8266a46c55657ac734ce38f018f2192"],
            gx: ["356dcd8f2f95031ad652d23951bb366a8"],
            gy: ["648f06d867940a5366d9e265de9eb240f"],
            order: ["400000000000000016954a233049ba98f"],
            cofactor: 2),
        ECCurve(
            binary: "sect163k1", aliases: ["K-163"], oid: "1.3.132.0.1", polynomial: [163, 7, 6, 3],
            a: ["1"],
            b: ["1"],
            gx: ["2fe13c0537bbc11acaa07d793de4e6d5e5c94eee8"],
            gy: ["289070fb05d38ff58321f2e800536d538ccdaa3d9"],
            order: ["4000000000000000000020108a2e0cc0d99f8a5ef"],
            cofactor: 2),
        ECCurve(
            binary: "sect163r1", aliases: [], oid: "1.3.132.0.2", polynomial: [163, 7, 6, 3],
            a: ["7b6882caaefa84f9554ff8428bd88e246d2782ae2"],
            b: ["713612dcddcb40aab946bda29ca91f73af958afd9"],
            gx: ["369979697ab43897789566789567f787a7876a654"],
            gy: ["435edb42efafb2989d51fefce3c80988f41ff883"],
            order: ["3ffffffffffffffffffff48aab689c29ca710279b"],
            cofactor: 2),
        ECCurve(
            binary: "sect163r2", aliases: ["B-163"], oid: "1.3.132.0.15", polynomial: [163, 7, 6, 3],
            a: ["1"],
            b: ["20a601907b8c953ca1481eb10512f78744a3205fd"],
            gx: ["3f0eba16286a2d57ea0991168d4994637e8343e36"],
            gy: ["d51fbc6c71a0094fa2cdd545b11c5c0c797324f1"],
            order: ["40000000000000000000292fe77e70c12a4234c33"],
            cofactor: 2),
        ECCurve(
            binary: "sect193r1", aliases: [], oid: "1.3.132.0.24", polynomial: [193, 15],
            a: ["17858feb7a98975169e171f77b4087de098ac8a911df7b01"],
            b: ["fdfb49bfe6c3a89facadaa7a1e5bbc7cc1c2e5d831478814"],
            gx: ["1f481bc5f0ff84a74ad6cdf6fdef4bf6179625372d8c0c5e1"],
            gy: ["25e399f2903712ccf3ea9e3a1ad17fb0b3201b6af7ce1b05"],
            order: ["1000000000000000000000000c7f34a778f443acc920eba49"],
            cofactor: 2),
        ECCurve(
            binary: "sect193r2", aliases: [], oid: "1.3.132.0.25", polynomial: [193, 15],
            a: ["163f35a5137c2ce3ea6ed8667190b0bc43ecd69977702709b"],
            b: ["c9bb9e8927d4d64c377e2ab2856a5b16e3efb7f61d4316ae"],
            gx: ["d9b67d192e0367c803f39e1a7e82ca14a651350aae617e8f"],
            gy: ["1ce94335607c304ac29e7defbd9ca01f596f927224cdecf6c"],
            order: ["10000000000000000000000015aab561b005413ccd4ee99d5"],
            cofactor: 2),
        ECCurve(
            binary: "sect233k1", aliases: ["K-233"], oid: "1.3.132.0.26", polynomial: [233, 74],
            a: ["0"],
            b: ["1"],
            gx: ["17232ba853a7e731af129f22ff4149563a419c26bf50a4c9d6eefad6126"],
            gy: ["1db537dece819b7f70f555a67c427a8cd9bf18aeb9b56e0c11056fae6a3"],
            order: ["8000000000000000000000000000069d5bb915bcd46efb1ad5f173abdf"],
            cofactor: 4),
        ECCurve(
            binary: "sect233r1", aliases: ["B-233"], oid: "1.3.132.0.27", polynomial: [233, 74],
            a: ["1"],
            b: ["66647ede6c332c7f8c0923bb58213b333b20e9ce4281fe115f7d8f90ad"],
            gx: ["fac9dfcbac8313bb2139f1bb755fef65bc391f8b36f8f8eb7371fd558b"],
            gy: ["1006a08a41903350678e58528bebf8a0beff867a7ca36716f7e01f81052"],
            order: ["1000000000000000000000000000013e974e72f8a6922031d2603cfe0d7"],
            cofactor: 2),
        ECCurve(
            binary: "sect239k1", aliases: [], oid: "1.3.132.0.3", polynomial: [239, 158],
            a: ["0"],
            b: ["1"],
            gx: ["29a0b6a887a983e9730988a68727a8b2d126c44cc2cc7b2a6555193035dc"],
            gy: ["76310804f12e549bdb011c103089e73510acb275fc312a5dc6b76553f0ca"],
            order: ["2000000000000000000000000000005a79fec67cb6e91f1c1da800e478a5"],
            cofactor: 4),
        ECCurve(
            binary: "sect283k1", aliases: ["K-283"], oid: "1.3.132.0.16", polynomial: [283, 12, 7, 5],
            a: ["0"],
            b: ["1"],
            gx: ["503213f78ca44883f1a3b8162f188e553cd265f23c1567a16876913b0c2ac245", "8492836"],
            gy: ["1ccda380f1c9e318d90f95d07e5426fe87e45c0e8184698e45962364e3411617", "7dd2259"],
            order: ["1ffffffffffffffffffffffffffffffffffe9ae2ed07577265dff7f94451e061", "e163c61"],
            cofactor: 4),
        ECCurve(
            binary: "sect283r1", aliases: ["B-283"], oid: "1.3.132.0.17", polynomial: [283, 12, 7, 5],
            a: ["1"],
            b: ["27b680ac8b8596da5a4af8a19a0303fca97fd7645309fa2a581485af6263e313", "b79a2f5"],
            gx: ["5f939258db7dd90e1934f8c70b0dfec2eed25b8557eac9c80e2e198f8cdbecd8", "6b12053"],
            gy: ["3676854fe24141cb98fe6d4b20d02b4516ff702350eddb0826779c813f0df45b", "e8112f4"],
            order: ["3ffffffffffffffffffffffffffffffffffef90399660fc938a90165b042a7ce", "fadb307"],
            cofactor: 2),
        ECCurve(
            binary: "sect409k1", aliases: ["K-409"], oid: "1.3.132.0.36", polynomial: [409, 87],
            a: ["0"],
            b: ["1"],
            gx: [
                "60f05f658f49c1ad3ab1890f7184210efd0987e307c84c27accfb8f9f67cc2c4",
                "60189eb5aaaa62ee222eb1b35540cfe9023746",
            ],
            gy: [
                "1e369050b7c4e42acba1dacbf04299c3460782f918ea427e6325165e9ea10e3d",
                "a5f6c42e9c55215aa9ca27a5863ec48d8e0286b",
            ],
            order: [
                "7ffffffffffffffffffffffffffffffffffffffffffffffffffe5f83b2d4ea20",
                "400ec4557d5ed3e3e7ca5b4b5c83b8e01e5fcf",
            ],
            cofactor: 4),
        ECCurve(
            binary: "sect409r1", aliases: ["B-409"], oid: "1.3.132.0.37", polynomial: [409, 87],
            a: ["1"],
            b: [
                "21a5c2c8ee9feb5c4b9a753b7b476b7fd6422ef1f3dd674761fa99d6ac27c8a9",
                "a197b272822f6cd57a55aa4f50ae317b13545f",
            ],
            gx: [
                "15d4860d088ddb3496b0c6064756260441cde4af1771d4db01ffe5b34e59703d",
                "c255a868a1180515603aeab60794e54bb7996a7",
            ],
            gy: [
                "61b1cfab6be5f32bbfa78324ed106a7636b9c5a7bd198d0158aa4f5488d08f38",
                "514f1fdf4b4f40d2181b3681c364ba0273c706",
            ],
            order: [
                "10000000000000000000000000000000000000000000000000001e2aad6a612f",
                "33307be5fa47c3c9e052f838164cd37d9a21173",
            ],
            cofactor: 2),
        ECCurve(
            binary: "sect571k1", aliases: ["K-571"], oid: "1.3.132.0.38", polynomial: [571, 10, 5, 2],
            a: ["0"],
            b: ["1"],
            gx: [
                "26eb7a859923fbc82189631f8103fe4ac9ca2970012d5d46024804801841ca44",
                "370958493b205e647da304db4ceb08cbbd1ba39494776fb988b47174dca88c7e", "2945283a01c8972",
            ],
            gy: [
                "349dc807f4fbf374f4aeade3bca95314dd58cec9f307a54ffc61efc006d8a2c9",
                "d4979c0ac44aea74fbebbb9f772aedcb620b01a7ba7af1b320430c8591984f60", "1cd4c143ef1c7a3",
            ],
            order: [
                "2000000000000000000000000000000000000000000000000000000000000000",
                "0000000131850e1f19a63e4b391a8db917f4138b630d84be5d639381e91deb45", "cfe778f637c1001",
            ],
            cofactor: 4),
        ECCurve(
            binary: "sect571r1", aliases: ["B-571"], oid: "1.3.132.0.39", polynomial: [571, 10, 5, 2],
            a: ["1"],
            b: [
                "2f40e7e2221f295de297117b7f3d62f5c6a97ffcb8ceff1cd6ba8ce4a9a18ad8",
                "4ffabbd8efa59332be7ad6756a66e294afd185a78ff12aa520e4de739baca0c7", "ffeff7f2955727a",
            ],
            gx: [
                "303001d34b856296c16c0d40d3cd7750a93d1d2955fa80aa5f40fc8db7b2abdb",
                "de53950f4c0d293cdd711a35b67fb1499ae60038614f1394abfa3b4c850d927e", "1e7769c8eec2d19",
            ],
            gy: [
                "37bf27342da639b6dccfffeb73d69d78c6c27a6009cbbca1980f8533921e8a68",
                "4423e43bab08a576291af8f461bb2a8b3531d2f0485c19b16e2f1516e23dd3c1", "a4827af1b8ac15b",
            ],
            order: [
                "3fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
                "fffffffe661ce18ff55987308059b186823851ec7dd9ca1161de93d5174d66e8", "382e9bb2fe84e47",
            ],
            cofactor: 2),
        ECCurve(
            binary: "c2pnb163v1", aliases: [], oid: "1.2.840.10045.3.0.1", polynomial: [163, 8, 2, 1],
            a: ["72546b5435234a422e0789675f432c89435de5242"],
            b: ["c9517d06d5240d3cff38c74b20b6cd4d6f9dd4d9"],
            gx: ["7af69989546103d79329fcc3d74880f33bbe803cb"],
            gy: ["1ec23211b5966adea1d3f87f7ea5848aef0b7ca9f"],
            order: ["400000000000000000001e60fc8821cc74daeafc1"],
            cofactor: 2),
        ECCurve(
            binary: "c2pnb163v2", aliases: [], oid: "1.2.840.10045.3.0.2", polynomial: [163, 8, 2, 1],
            a: ["108b39e77c4b108bed981ed0e890e117c511cf072"],
            b: ["667aceb38af4e488c407433ffae4f1c811638df20"],
            gx: ["24266e4eb5106d0a964d92c4860e2671db9b6cc5"],
            gy: ["79f684ddf6684c5cd258b3890021b2386dfd19fc5"],
            order: ["3fffffffffffffffffffdf64de1151adbb78f10a7"],
            cofactor: 2),
        ECCurve(
            binary: "c2pnb163v3", aliases: [], oid: "1.2.840.10045.3.0.3", polynomial: [163, 8, 2, 1],
            a: ["7a526c63d3e25a256a007699f5447e32ae456b50e"],
            b: ["3f7061798eb99e238fd6f1bf95b48feeb4854252b"],
            gx: ["2f9f87b7c574d0bdecf8a22e6524775f98cdebdcb"],
            gy: ["5b935590c155e17ea48eb3ff3718b893df59a05d0"],
            order: ["3fffffffffffffffffffe1aee140f110aff961309"],
            cofactor: 2),
        ECCurve(
            binary: "c2pnb176v1", aliases: [], oid: "1.2.840.10045.3.0.4", polynomial: [176, 43, 2, 1],
            a: ["e4e6db2995065c407d9d39b8d0967b96704ba8e9c90b"],
            b: ["5dda470abe6414de8ec133ae28e9bbd7fcec0ae0fff2"],
            gx: ["8d16c2866798b600f9f08bb4a8e860f3298ce04a5798"],
            gy: ["6fa4539c2dadddd6bab5167d61b436e1d92bb16a562c"],
            order: ["10092537397eca4f6145799d62b0a19ce06fe26ad"],
            cofactor: 65390),
        ECCurve(
            binary: "c2tnb191v1", aliases: [], oid: "1.2.840.10045.3.0.5", polynomial: [191, 9],
            a: ["2866537b676752636a68f56554e12640276b649ef7526267"],
            b: ["2e45ef571f00786f67b0081b9495a3d95462f5de0aa185ec"],
            gx: ["36b3daf8a23206f9c4f299d7b21a9c369137f2c84ae1aa0d"],
            gy: ["765be73433b3f95e332932e70ea245ca2418ea0ef98018fb"],
            order: ["40000000000000000000000004a20e90c39067c893bbb9a5"],
            cofactor: 2),
        ECCurve(
            binary: "c2tnb191v2", aliases: [], oid: "1.2.840.10045.3.0.6", polynomial: [191, 9],
            a: ["401028774d7777c7b7666d1366ea432071274f89ff01e718"],
            b: ["620048d28bcbd03b6249c99182b7c8cd19700c362c46a01"],
            gx: ["3809b2b7cc1b28cc5a87926aad83fd28789e81e2c9e3bf10"],
            gy: ["17434386626d14f3dbf01760d9213a3e1cf37aec437d668a"],
            order: ["20000000000000000000000050508cb89f652824e06b8173"],
            cofactor: 4),
        ECCurve(
            binary: "c2tnb191v3", aliases: [], oid: "1.2.840.10045.3.0.7", polynomial: [191, 9],
            a: ["6c01074756099122221056911c77d77e77a777e7e7e77fcb"],
            b: ["71fe1af926cf847989efef8db459f66394d90f32ad3f15e8"],
            gx: ["375d4ce24fde434489de8746e71786015009e66e38a926dd"],
            gy: ["545a39176196575d985999366e6ad34ce0a77cd7127b06be"],
            order: ["155555555555555555555555610c0b196812bfb6288a3ea3"],
            cofactor: 6),
        ECCurve(
            binary: "c2pnb208w1", aliases: [], oid: "1.2.840.10045.3.0.10", polynomial: [208, 83, 2, 1],
            a: ["0"],
            b: ["c8619ed45a62e6212e1160349e2bfa844439fafc2a3fd1638f9e"],
            gx: ["89fdfbe4abe193df9559ecf07ac0ce78554e2784eb8c1ed1a57a"],
            gy: ["f55b51a06e78e9ac38a035ff520d8b01781beb1a6bb08617de3"],
            order: ["101baf95c9723c57b6c21da2eff2d5ed588bdd5717e212f9d"],
            cofactor: 65096),
        ECCurve(
            binary: "c2tnb239v1", aliases: [], oid: "1.2.840.10045.3.0.11", polynomial: [239, 36],
            a: ["32010857077c5431123a46b808906756f543423e8d27877578125778ac76"],
            b: ["790408f2eedaf392b012edefb3392f30f4327c0ca3f31fc383c422aa8c16"],
            gx: ["57927098fa932e7c0a96d3fd5b706ef7e5f5c156e16b7e7c86038552e91d"],
            gy: ["61d8ee5077c33fecf6f1a16b268de469c3c7744ea9a971649fc7a9616305"],
            order: ["2000000000000000000000000000000f4d42ffe1492a4993f1cad666e447"],
            cofactor: 4),
        ECCurve(
            binary: "c2tnb239v2", aliases: [], oid: "1.2.840.10045.3.0.12", polynomial: [239, 36],
            a: ["4230017757a767fae42398569b746325d45313af0766266479b75654e65f"],
            b: ["5037ea654196cff0cd82b2c14a2fcf2e3ff8775285b545722f03eacdb74b"],
            gx: ["28f9d04e900069c8dc47a08534fe76d2b900b7d7ef31f5709f200c4ca205"],
            gy: ["5667334c45aff3b5a03bad9dd75e2c71a99362567d5453f7fa6e227ec833"],
            order: ["1555555555555555555555555555553c6f2885259c31e3fcdf154624522d"],
            cofactor: 6),
        ECCurve(
            binary: "c2tnb239v3", aliases: [], oid: "1.2.840.10045.3.0.13", polynomial: [239, 36],
            a: ["1238774666a67766d6676f778e676b66999176666e687666d8766c66a9f"],
            b: ["6a941977ba9f6a435199acfc51067ed587f519c5ecb541b8e44111de1d40"],
            gx: ["70f6e9d04d289c4e89913ce3530bfde903977d42b146d539bf1bde4e9c92"],
            gy: ["2e5a0eaf6e5e1305b9004dce5c0ed7fe59a35608f33837c816d80b79f461"],
            order: ["cccccccccccccccccccccccccccccac4912d2d9df903ef9888b8a0e4cff"],
            cofactor: 10),
        ECCurve(
            binary: "c2pnb272w1", aliases: [], oid: "1.2.840.10045.3.0.16", polynomial: [272, 56, 3, 1],
            a: ["91a091f03b5fba4ab2ccf49c4edd220fb028712d42be752b2c40094dbacdb586", "fb20"],
            b: ["7167efc92bb2e3ce7c8aaaff34e12a9c557003d7c73a6faf003f99f6cc8482e5", "40f7"],
            gx: ["6108babb2ceebcf787058a056cbe0cfe622d7723a289e08a07ae13ef0d10d171", "dd8d"],
            gy: ["10c7695716851eef6ba7f6872e6142fbd241b830ff5efcaceccab05e02005dde", "9d23"],
            order: ["100faf51354e0e39e4892df6e319c72c8161603fa45aa7b998a167b8f1e62952", "1"],
            cofactor: 65286),
        ECCurve(
            binary: "c2pnb304w1", aliases: [], oid: "1.2.840.10045.3.0.17", polynomial: [304, 11, 2, 1],
            a: ["fd0d693149a118f651e6dce6802085377e5f882d1b510b44160074c128807836", "5a0396c8e681"],
            b: ["bddb97e555a50a908e43b01c798ea5daa6788f1ea2794efcf57166b8c1403960", "1e55827340be"],
            gx: ["197b07845e9be2d96adb0f5f3c7f2cffbd7a3eb8b6fec35c7fd67f26ddf6285a", "644f740a2614"],
            gy: ["e19fbeb76e0da171517ecf401b50289bf014103288527a9b416a105e80260b54", "9fdc1b92c03b"],
            order: ["101d556572aabac800101d556572aabac8001022d5c91dd173f8fb561da68991", "64443051d"],
            cofactor: 65070),
        ECCurve(
            binary: "c2tnb359v1", aliases: [], oid: "1.2.840.10045.3.0.18", polynomial: [359, 68],
            a: ["5667676a654b20754f356ea92017d946567c46675556f19556a04616b567d223", "a5e05656fb549016a96656a557"],
            b: ["2472e2d0197c49363f1fe7f5b6db075d52b6947d135d8ca445805d39bc345626", "089687742b6329e70680231988"],
            gx: ["3c258ef3047767e7ede0f1fdaa79daee3841366a132e163aced4ed2401df9c6b", "dcde98e8e707c07a2239b1b097"],
            gy: ["53d7e08529547048121e9c95f3791dd804963948f34fae7bf44ea82365dc7868", "fe57e4ae2de211305a407104bd"],
            order: ["1af286bca1af286bca1af286bca1af286bca1af286bc9fb8f6b85c556892c20a", "7eb964fe7719e74f490758d3b"],
            cofactor: 76),
        ECCurve(
            binary: "c2pnb368w1", aliases: [], oid: "1.2.840.10045.3.0.19", polynomial: [368, 85, 2, 1],
            a: ["e0d2ee25095206f5e2a4f9ed229f1f256e79a0e2b455970d8d0d865bd94778c5", "76d62f0ab7519ccd2a1a906ae30d"],
            b: ["fc1217d4320a90452c760a58edcd30c8dd069b3c34453837a34ed50cb54917e1", "c2112d84d164f444f8f74786046a"],
            gx: ["1085e2755381dccce3c1557afa10c2f0c0c2825646c5b34a394cbcfa8bc16b22", "e7e789e927be216f02e1fb136a5f"],
            gy: ["7b3eb1bddcba62d5d8b2059b525797fc73822c59059c623a45ff3843cee8f87c", "d1855adaa81e2a0750b80fda2310"],
            order: ["10090512da9af72b08349d98a5dd4c7b0532eca51ce03e2d10f3b7ac579bd87e", "909ae40a6f131e9cfce5bd967"],
            cofactor: 65392),
        ECCurve(
            binary: "c2tnb431r1", aliases: [], oid: "1.2.840.10045.3.0.20", polynomial: [431, 120],
            a: [
                "1a827ef00dd6fc0e234caf046c6a5d8a85395b236cc4ad2cf32a0cadbdc9ddf6",
                "20b0eb9906d0957f6c6feacd615468df104de296cd8f",
            ],
            b: [
                "10d9b4a3d9047d8b154359abfb1b7f5485b04ceb868237ddc9deda982a679a5a",
                "919b626d4e50a8dd731b107a9962381fb5d807bf2618",
            ],
            gx: [
                "120fc05d3c67a99de161d2f4092622feca701be4f50f4758714e8a87bbf2a658",
                "ef8c21e7c5efe965361f6c2999c0c247b0dbd70ce6b7",
            ],
            gy: [
                "20d0af8903a96f8d5fa2c255745d3c451b302c9346d9b7e485e7bce41f6b591f",
                "3e8f6addcbb0bc4c2f947a7de1a89b625d6a598b3760",
            ],
            order: [
                "340340340340340340340340340340340340340340340340340340323c313fab",
                "50589703b5ec68d3587fec60d161cc149c1ad4a91",
            ],
            cofactor: 10080),
        ECCurve(
            binary: "wap-wsg-idm-ecid-wtls1", aliases: [], oid: "2.23.43.1.4.1", polynomial: [113, 9],
            a: ["1"],
            b: ["1"],
            gx: ["1667979a40ba497e5d5c270780617"],
            gy: ["f44b4af1ecc2630e08785cebcc15"],
            order: ["fffffffffffffffdbf91af6dea73"],
            cofactor: 2),
        ECCurve(
            binary: "wap-wsg-idm-ecid-wtls3", aliases: [], oid: "2.23.43.1.4.3", polynomial: [163, 7, 6, 3],
            a: ["1"],
            b: ["1"],
            gx: ["2fe13c0537bbc11acaa07d793de4e6d5e5c94eee8"],
            gy: ["289070fb05d38ff58321f2e800536d538ccdaa3d9"],
            order: ["4000000000000000000020108a2e0cc0d99f8a5ef"],
            cofactor: 2),
        ECCurve(
            binary: "wap-wsg-idm-ecid-wtls4", aliases: [], oid: "2.23.43.1.4.4", polynomial: [113, 9],
            a: ["3088250ca6e7c7fe649ce85820f7"],
            b: ["e8bee4d3e2260744188be0e9c723"],
            gx: ["9d73616f35f4ab1407d73562c10f"],
            gy: ["a52830277958ee84d1315ed31886"],
            order: ["100000000000000d9ccec8a39e56f"],
            cofactor: 2),
        ECCurve(
            binary: "wap-wsg-idm-ecid-wtls5", aliases: [], oid: "2.23.43.1.4.5", polynomial: [163, 8, 2, 1],
            a: ["72546b5435234a422e0789675f432c89435de5242"],
            b: ["c9517d06d5240d3cff38c74b20b6cd4d6f9dd4d9"],
            gx: ["7af69989546103d79329fcc3d74880f33bbe803cb"],
            gy: ["1ec23211b5966adea1d3f87f7ea5848aef0b7ca9f"],
            order: ["400000000000000000001e60fc8821cc74daeafc1"],
            cofactor: 2),
        ECCurve(
            binary: "wap-wsg-idm-ecid-wtls10", aliases: [], oid: "2.23.43.1.4.10", polynomial: [233, 74],
            a: ["0"],
            b: ["1"],
            gx: ["17232ba853a7e731af129f22ff4149563a419c26bf50a4c9d6eefad6126"],
            gy: ["1db537dece819b7f70f555a67c427a8cd9bf18aeb9b56e0c11056fae6a3"],
            order: ["8000000000000000000000000000069d5bb915bcd46efb1ad5f173abdf"],
            cofactor: 4),
        ECCurve(
            binary: "wap-wsg-idm-ecid-wtls11", aliases: [], oid: "2.23.43.1.4.11", polynomial: [233, 74],
            a: ["1"],
            b: ["66647ede6c332c7f8c0923bb58213b333b20e9ce4281fe115f7d8f90ad"],
            gx: ["fac9dfcbac8313bb2139f1bb755fef65bc391f8b36f8f8eb7371fd558b"],
            gy: ["1006a08a41903350678e58528bebf8a0beff867a7ca36716f7e01f81052"],
            order: ["1000000000000000000000000000013e974e72f8a6922031d2603cfe0d7"],
            cofactor: 2),
        ECCurve(
            binary: "Oakley-EC2N-3", aliases: [], oid: "", polynomial: [155, 62],
            a: ["0"],
            b: ["7338f"],
            gx: ["7b"],
            gy: ["1c8"],
            order: ["2aaaaaaaaaaaaaaaaaac7f3c7881bd0868fa86c"],
            cofactor: 3),
        ECCurve(
            binary: "Oakley-EC2N-4", aliases: [], oid: "", polynomial: [185, 69],
            a: ["0"],
            b: ["1ee9"],
            gx: ["18"],
            gy: ["d"],
            order: ["ffffffffffffffffffffffedf97c44db9f2420bafca75e"],
            cofactor: 2),
    ].compactMap { $0 }
}
#endif

#if EC && EC2M
extension ECExplicitParameters {
    /// The exponents of a characteristic-two field's reduction polynomial, `[m, k]` or
    /// `[m, k3, k2, k1]` (X9.62 `Characteristic-two`: m, the basis `tpBasis` with k or `ppBasis`
    /// with k1 < k2 < k3), checked as EC_GROUP_new_from_ecparameters checks them, in its order.
    /// - Throws: `invalidParameter` with `FIELD_TOO_LARGE` (m above 661),
    ///   `INVALID_TRINOMIAL_BASIS` (not m > k > 0), `INVALID_PENTANOMIAL_BASIS` (not
    ///   m > k3 > k2 > k1 > 0), `NOT_IMPLEMENTED` (`onBasis`) or `ASN1_ERROR` (another basis, or
    ///   malformed DER); also when the field is not characteristic two.
    public func characteristicTwoExponents() throws -> [Int] {
        guard fieldType == .characteristicTwoField else {
            throw CryptoError(.invalidParameter, "EC parameters: the field is not characteristic two (\(fieldType))")
        }
        func fail(_ what: String, _ reason: OpenSSLReason) -> CryptoError {
            CryptoError(.invalidParameter, "EC parameters: \(what)", openSSL: reason)
        }
        var r = DERReader(fieldParameters)
        let exponents: [Int] = try r.readSequence { s in
            let m = try s.readSmallInteger()
            guard m <= ECCurve.maximumExplicitFieldBits else {
                throw fail("a field of degree \(m), above \(ECCurve.maximumExplicitFieldBits)", .ecFieldTooLarge)
            }
            let basis = try s.readObjectIdentifier().dotted
            switch basis {
            case "1.2.840.10045.1.2.3.2":
                let k = try s.readSmallInteger()
                guard m > k, k > 0 else { throw fail("trinomial basis without m > k > 0", .ecInvalidTrinomialBasis) }
                return [m, k]
            case "1.2.840.10045.1.2.3.3":
                let k = try s.readSequence { p in
                    [try p.readSmallInteger(), try p.readSmallInteger(), try p.readSmallInteger()]
                }
                guard m > k[2], k[2] > k[1], k[1] > k[0], k[0] > 0 else {
                    throw fail("pentanomial basis without m > k3 > k2 > k1 > 0", .ecInvalidPentanomialBasis)
                }
                return [m, k[2], k[1], k[0]]
            case "1.2.840.10045.1.2.3.1":
                throw fail("gnBasis (a normal basis) is not implemented, as in OpenSSL", .ecNotImplemented)
            default: throw fail("unknown characteristic-two basis \(basis)", .ecASN1Error)
            }
        }
        try r.finish()
        return exponents
    }

    /// The reduction polynomial of a characteristic-two field as a BigNum with bits m, k… and 0
    /// set (what ``ECCurve/p`` holds for a binary curve), from ``characteristicTwoExponents()``.
    /// - Throws: the errors of ``characteristicTwoExponents()``.
    public func characteristicTwoPolynomial() throws -> BigNum {
        ECCurve.polynomial(try characteristicTwoExponents())
    }
}

extension ECCurve {
    /// The BigNum with bit e set for each exponent and bit 0 (a binary field's polynomial).
    static func polynomial(_ exponents: [Int]) -> BigNum {
        var limbs = [UInt64](repeating: 0, count: exponents[0] / 64 + 1)
        limbs[0] = 1
        for e in exponents { limbs[e / 64] |= UInt64(1) << UInt64(e % 64) }
        return BigNum(limbs: limbs)
    }
}
#endif
