import LibCrypto
import Vectors

/// A step of a DSA or DH check that did not give what the record says.
struct FFCMismatch: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Runs one `FFCCheck` (NIST CAVP DSA and KAS FFC records, pyca's DH files) on LibCrypto. Each
/// step throws when it fails: a passing record must get through all of them, a failing one
/// (`Result = F`) must stop at one. A DSA record in a build without trait `DSA` (a DH one
/// without `DH`) throws ``FamilyDisabled``.
struct FFCSteps {
    let check: FFCCheck

    static func number(_ b: [UInt8]) throws -> BigNum { try BigNum(bytes: b) }

    /// The key type a check needs: `DSA` for the DSA kinds, `DH` for the others.
    static func keyType(of kind: FFCCheck.Kind) -> String {
        switch kind {
        case .dsaSign, .dsaVerify, .dsaKeyPair, .dsaPrimes, .dsaGenerator: return "DSA"
        case .dhKeyPair, .dhAgreement, .dhDerive, .dhGroup: return "DH"
        }
    }

    func run() throws {
        if Self.keyType(of: check.kind) == "DSA" {
            #if DSA
            try runDSA()
            #else
            throw FamilyDisabled(keyType: "DSA")
            #endif
        } else {
            #if DH
            try runDH()
            #else
            throw FamilyDisabled(keyType: "DH")
            #endif
        }
    }

    #if DSA
    func runDSA() throws {
        let c = check
        switch c.kind {
        case .dsaSign, .dsaVerify:
            let parameters = try dsaParameters()
            let md = try Registry.digest(named: c.digest ?? "SHA1")
            let digest = try md.hash(c.message)
            let y = try Self.number(c.y ?? [])
            let pub = try DSAPublicKey(parameters: parameters, y: y)
            if c.kind == .dsaSign {
                let key = try DSAPrivateKey(parameters: parameters, x: try Self.number(c.x ?? []))
                guard key.publicKey.y == y else { throw FFCMismatch("Y is not G^X mod P") }
                // Randomized: a fresh signature is verified, never compared with the file's.
                let fresh = try key.sign(digest: digest)
                do { try pub.verify(signature: fresh, digest: digest) } catch {
                    throw FFCMismatch("a fresh signature does not verify: \(error)")
                }
            }
            let signature = DSASignature(r: try Self.number(c.r ?? []), s: try Self.number(c.s ?? []))
            try pub.verify(signature: signature, digest: digest)
            // The DER form of the same (r, s) verifies too.
            try pub.verify(signature: signature.derEncoded(), digest: digest)
        case .dsaKeyPair:
            let key = try DSAPrivateKey(parameters: try dsaParameters(), x: try Self.number(c.x ?? []))
            guard key.publicKey.y == (try Self.number(c.y ?? [])) else { throw FFCMismatch("Y is not G^X mod P") }
        case .dsaPrimes:
            // A.1.1.3 looks at p, q and the seed only; g = 2 stands in for the absent generator.
            let parameters = try DSAParameters(p: try Self.number(c.p), q: try Self.number(c.q), g: BigNum(2))
            if c.fips186_2 {
                try parameters.validatePrimesFIPS186_2(seed: c.seed ?? [], counter: c.counter ?? 0)
                // FIPS 186-2's PQGVer records are one case for p, q and g (`Result = F (G
                // modified)`): with a G, the generator is checked too.
                if !c.g.isEmpty { try dsaParameters().checkGenerator() }
            } else {
                try parameters.validatePrimes(
                    seed: c.seed ?? [], counter: c.counter ?? 0, digestName: c.digest ?? "SHA1")
            }
        case .dsaGenerator:
            let parameters = try dsaParameters()
            if let seed = c.seed, let index = c.index {
                try parameters.validateCanonicalGenerator(seed: seed, index: index, digestName: c.digest ?? "SHA1")
            } else {
                try parameters.check()
            }
        default:
            throw FFCMismatch("\(c.kind) is not a DSA check")
        }
    }

    func dsaParameters() throws -> DSAParameters {
        try DSAParameters(p: try Self.number(check.p), q: try Self.number(check.q), g: try Self.number(check.g))
    }
    #endif

    #if DH
    func runDH() throws {
        let c = check
        switch c.kind {
        case .dhKeyPair:
            let parameters = try dhParameters()
            let key = try DHPrivateKey(parameters: parameters, x: try Self.number(c.x ?? []))
            guard key.publicKey.y == (try Self.number(c.y ?? [])) else { throw FFCMismatch("Y is not G^X mod P") }
        case .dhAgreement:
            let parameters = try dhParameters()
            let key = try DHPrivateKey(parameters: parameters, x: try Self.number(c.x ?? []))
            // OpenSSL's private-value check (EVP_PKEY_private_check: 1 <= x < q).
            guard key.isPrivateValueInRange else { throw FFCMismatch("XstatIUT is not in [1, q)") }
            let y = try Self.number(c.y ?? [])
            guard key.publicKey.y == y else { throw FFCMismatch("YstatIUT is not G^XstatIUT mod P") }
            try DHPublicKey(parameters: parameters, y: y).check()
            let peer = try DHPublicKey(parameters: parameters, y: try Self.number(c.peerY ?? []))
            let z = try key.deriveSharedSecret(with: peer, padded: true)
            let want = c.secret ?? []
            // Z as the file writes it may drop a leading zero nibble; compare padded to p's length.
            let padded = [UInt8](repeating: 0, count: max(0, z.count - want.count)) + want
            guard z == padded else {
                throw FFCMismatch("Z differs: LibCrypto \(Hex.encode(z)), file \(Hex.encode(want))")
            }
            if let hash = c.secretHash, let d = c.digest {
                guard try Registry.digest(named: d).hash(z) == hash else { throw FFCMismatch("CAVSHashZZ differs") }
            }
        case .dhDerive:
            let parameters = try dhParameters()
            let key = try DHPrivateKey(parameters: parameters, x: try Self.number(c.x ?? []))
            let peerParameters =
                try c.peerP.map { try DHParameters(p: try Self.number($0), g: try Self.number(c.g)) } ?? parameters
            let peer = try DHPublicKey(parameters: peerParameters, y: try Self.number(c.peerY ?? []))
            guard peer.parameters == parameters else {
                // EVP_PKEY_derive_set_peer refuses a peer key on other parameters.
                throw FFCMismatch("the peer key has other parameters (EVP_R_DIFFERENT_PARAMETERS)")
            }
            let z = try key.deriveSharedSecret(with: peer)
            guard z == (c.secret ?? []) else {
                throw FFCMismatch("K differs: LibCrypto \(Hex.encode(z)), file \(Hex.encode(c.secret ?? []))")
            }
        case .dhGroup:
            let parameters = try dhParameters()
            guard let name = c.group else { throw FFCMismatch("no group named") }
            let group = try DHParameters.named(name)
            guard group.p == parameters.p, group.g == parameters.g else {
                throw FFCMismatch("P, G are not LibCrypto's \(name)")
            }
            guard parameters.groupName == name else {
                throw FFCMismatch("P, G are not recognised as \(name) (group \(parameters.groupName ?? "none"))")
            }
            // Not the named-group shortcut: p must be a safe prime and g suitable (DH_check).
            try DHParameters(p: parameters.p, g: parameters.g, q: nil).check()
        default:
            throw FFCMismatch("\(c.kind) is not a DH check")
        }
    }

    func dhParameters() throws -> DHParameters {
        try DHParameters(
            p: try Self.number(check.p), g: try Self.number(check.g),
            q: check.q.isEmpty ? nil : try Self.number(check.q))
    }
    #endif
}
