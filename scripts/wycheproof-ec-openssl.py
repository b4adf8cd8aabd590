#!/usr/bin/env python3
"""Writes our own small EC files in Wycheproof's schemas (TestVectors/wycheproof/*_openssl.json).

The upstream Wycheproof files are not in the repo (third-party files are not copied), so these
are ours: every expected result is what OpenSSL's own `openssl` CLI (3.0) does with the case,
or a value from a standard (RFC 7748 and RFC 8032 keys and messages, whose outputs OpenSSL
computes and which this script checks against the RFCs' printed values). This script is the
provenance: it runs the commands each file's header names and refuses to write a file whose
case OpenSSL answers differently from the result written, including the `acceptable` cases
(their flag's decision in Sources/Vectors/WycheproofPKey.swift, checked here too).

Keys: the EC private scalars are SHA-256 of a label reduced mod n (reproducible); ECDSA
signatures have random nonces, so a rerun writes other signatures with the same verdicts.

Usage: python3 scripts/wycheproof-ec-openssl.py [output-dir]   (default TestVectors/wycheproof)
"""

import base64
import hashlib
import json
import os
import subprocess
import sys
import tempfile

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "TestVectors", "wycheproof")
TMP = tempfile.mkdtemp(prefix="wyc-ec-")

# The decisions of WycheproofParser.acceptableDecisions for the EC schemas: (schema, flag) -> verdict.
DECISIONS = {
    ("ecdsa_verify", "MissingZero"): "invalid",
    ("ecdsa_verify", "BerEncodedSignature"): "invalid",
    ("ecdh", "CompressedPoint"): "valid",
    ("ecdh", "UnnamedCurve"): "valid",
    ("ecdh_ecpoint", "CompressedPoint"): "valid",
    ("ecdh_pem", "CompressedPoint"): "valid",
    ("xdh", "ZeroSharedSecret"): "invalid",
    ("xdh", "LowOrderPublic"): "invalid",
    ("xdh", "NonCanonicalPublic"): "valid",
}


def run(args, data=None, check=True):
    p = subprocess.run(["openssl"] + args, input=data, capture_output=True)
    if check and p.returncode != 0:
        raise SystemExit("openssl %s failed: %s" % (" ".join(args), p.stderr.decode()))
    return p


def path(name):
    return os.path.join(TMP, name)


def write(name, data):
    with open(path(name), "wb") as f:
        f.write(data)
    return path(name)


# --- DER -----------------------------------------------------------------------------------

def der_len(n):
    if n < 0x80:
        return bytes([n])
    b = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(b)]) + b


def tlv(tag, body):
    return bytes([tag]) + der_len(len(body)) + body


def der_int(v):
    if v == 0:
        return tlv(2, b"\x00")
    if v > 0:
        b = v.to_bytes((v.bit_length() + 8) // 8, "big")
    else:
        n = (v.bit_length() + 8) // 8
        b = (v + (1 << (8 * n))).to_bytes(n, "big")
    return tlv(2, b)


def seq(*parts):
    return tlv(0x30, b"".join(parts))


def oid(dotted):
    a = [int(x) for x in dotted.split(".")]
    out = bytes([40 * a[0] + a[1]])
    for v in a[2:]:
        enc = [v & 0x7F]
        v >>= 7
        while v:
            enc.append(0x80 | (v & 0x7F))
            v >>= 7
        out += bytes(reversed(enc))
    return tlv(6, out)


def parse(der):
    """One TLV: (tag, body, rest)."""
    tag, n = der[0], der[1]
    i = 2
    if n & 0x80:
        k = n & 0x7F
        n = int.from_bytes(der[2:2 + k], "big")
        i = 2 + k
    return tag, der[i:i + n], der[i + n:]


def children(body):
    out = []
    while body:
        t, b, body = parse(body)
        out.append((t, b))
    return out


def b64u(b):
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def pem(der, label):
    b = base64.b64encode(der).decode()
    return "-----BEGIN %s-----\n%s\n-----END %s-----\n" % (
        label, "\n".join(b[i:i + 64] for i in range(0, len(b), 64)), label)


# --- EC keys -------------------------------------------------------------------------------

EC_OID = "1.2.840.10045.2.1"
CURVES = {
    # Wycheproof name: (OpenSSL name, OID, JWK name)
    "secp256r1": ("prime256v1", "1.2.840.10045.3.1.7", "P-256"),
    "secp384r1": ("secp384r1", "1.3.132.0.34", "P-384"),
    "secp521r1": ("secp521r1", "1.3.132.0.35", "P-521"),
    "secp256k1": ("secp256k1", "1.3.132.0.10", None),
    "brainpoolP256r1": ("brainpoolP256r1", "1.3.36.3.3.2.8.1.1.7", None),
}


class Curve:
    def __init__(self, name):
        self.name = name
        self.ossl, self.oid, self.jwk = CURVES[name]
        explicit = run(["ecparam", "-name", self.ossl, "-param_enc", "explicit", "-outform", "DER"]).stdout
        self.explicit = explicit
        _, body, _ = parse(explicit)
        parts = children(body)
        field = children(parts[1][1])
        self.p = int.from_bytes(field[1][1], "big")
        self.n = int.from_bytes(parts[4][1], "big")
        ab = children(parts[2][1])
        self.a, self.b = int.from_bytes(ab[0][1], "big"), int.from_bytes(ab[1][1], "big")
        self.size = (self.p.bit_length() + 7) // 8
        self.nsize = (self.n.bit_length() + 7) // 8

    def private(self, label):
        d = int.from_bytes(hashlib.sha256(label.encode()).digest(), "big") % self.n
        d = d or 1
        sec1 = seq(der_int(1), tlv(4, d.to_bytes(self.nsize, "big")), tlv(0xA0, oid(self.oid)))
        key = write(label + ".sec1", sec1)
        out = run(["pkcs8", "-topk8", "-nocrypt", "-inform", "DER", "-in", key, "-outform", "DER"]).stdout
        pub = run(["pkey", "-inform", "DER", "-in", key, "-pubout", "-outform", "DER"]).stdout
        return d, out, pub

    def x_off_curve(self):
        """The smallest x with no point on the curve (x^3 + ax + b is not a square mod p)."""
        x = 1
        while pow((x ** 3 + self.a * x + self.b) % self.p, (self.p - 1) // 2, self.p) != self.p - 1:
            x += 1
        return x

    def spki(self, point, explicit=False):
        params = self.explicit if explicit else oid(self.oid)
        return seq(seq(oid(EC_OID), params), tlv(3, b"\x00" + point))


def point_of_spki(spki):
    _, body, _ = parse(spki)
    bits = children(body)[1][1]
    return bits[1:]


def compress(point, size):
    x, y = point[1:1 + size], point[1 + size:]
    return bytes([2 + (y[-1] & 1)]) + x


# --- OpenSSL as the oracle -----------------------------------------------------------------

def ecdsa_verify(spki, msg, sig, sha):
    k = write("v.pub", spki)
    m = write("v.msg", msg)
    s = write("v.sig", sig)
    # Not `openssl dgst -verify`, which reads at most EVP_PKEY_get_size bytes of the signature
    # file (a trailing byte would be cut off): pkeyutl reads all of it.
    h = write("v.hash", run(["dgst", "-" + sha, "-binary", m]).stdout)
    p = run(["pkeyutl", "-verify", "-pubin", "-keyform", "DER", "-inkey", k, "-pkeyopt", "digest:" + sha, "-in", h,
             "-sigfile", s], check=False)
    return p.returncode == 0 and b"Signature Verified Successfully" in p.stdout


def ecdsa_sign(pkcs8, msg, sha):
    k = write("s.key", pkcs8)
    m = write("s.msg", msg)
    return run(["dgst", "-" + sha, "-keyform", "DER", "-sign", k, m]).stdout


def derive(pkcs8, peer_spki):
    """The shared secret OpenSSL derives, or None if it refuses (loading the peer or deriving)."""
    k = write("d.key", pkcs8)
    pk = write("d.peer", peer_spki)
    o = path("d.out")
    if os.path.exists(o):
        os.remove(o)
    p = run(["pkeyutl", "-derive", "-keyform", "DER", "-inkey", k, "-peerform", "DER", "-peerkey", pk, "-out", o],
            check=False)
    if p.returncode != 0:
        return None
    with open(o, "rb") as f:
        return f.read()


def eddsa_verify(spki, msg, sig):
    k = write("e.pub", spki)
    m = write("e.msg", msg)
    s = write("e.sig", sig)
    p = run(["pkeyutl", "-verify", "-pubin", "-keyform", "DER", "-inkey", k, "-rawin", "-in", m, "-sigfile", s],
            check=False)
    return p.returncode == 0 and b"Signature Verified Successfully" in p.stdout


def eddsa_sign(pkcs8, msg):
    k = write("es.key", pkcs8)
    m = write("es.msg", msg)
    return run(["pkeyutl", "-sign", "-keyform", "DER", "-inkey", k, "-rawin", "-in", m]).stdout


# --- cases ---------------------------------------------------------------------------------

class File:
    def __init__(self, schema_key, name, algorithm, schema, header):
        self.schema_key, self.name = schema_key, name
        self.doc = {"algorithm": algorithm, "schema": schema, "numberOfTests": 0, "header": header, "notes": {},
                    "testGroups": []}
        self.tc = 0
        self.group = None

    def new_group(self, **fields):
        self.group = dict(fields)
        self.group["tests"] = []
        self.doc["testGroups"].append(self.group)

    def add(self, comment, result, flags, openssl_ok, **fields):
        """A case whose result is `result`; OpenSSL's answer (`openssl_ok`) must agree with it, an
        acceptable one through its flag's decision."""
        want = result
        if result == "acceptable":
            decided = {DECISIONS.get((self.schema_key, f)) for f in flags} - {None}
            if len(decided) != 1:
                raise SystemExit("%s: acceptable case '%s' has no decision for %s" % (self.name, comment, flags))
            want = decided.pop()
        if (want == "valid") != bool(openssl_ok):
            raise SystemExit("%s: '%s' is %s but OpenSSL %s it" % (
                self.name, comment, want, "accepts" if openssl_ok else "rejects"))
        self.tc += 1
        t = {"tcId": self.tc, "comment": comment}
        t.update(fields)
        t["result"] = result
        t["flags"] = flags
        self.group["tests"].append(t)

    def save(self):
        self.doc["numberOfTests"] = self.tc
        with open(os.path.join(OUT, self.name), "w") as f:
            json.dump(self.doc, f, indent=2)
            f.write("\n")
        print("%s: %d tests" % (self.name, self.tc))


def split_sig(der):
    _, body, _ = parse(der)
    (_, r), (_, s) = children(body)
    return int.from_bytes(r, "big", signed=True), int.from_bytes(s, "big", signed=True)


def sig_der(r, s):
    return seq(der_int(r), der_int(s))


MSG = b"123400"
OTHER = b"Wycheproof-style message 2"


def ecdsa_files():
    header = [
        "Our own small file in Wycheproof's %s, written by scripts/wycheproof-ec-openssl.py.",
        "Keys: EC private scalars SHA-256(label) mod n, made into keys by openssl pkey and pkcs8. Signatures from",
        "openssl dgst -SHA -sign, then altered as each comment says; every result checked with",
        "openssl pkeyutl -verify -pubin -inkey pub.der -pkeyopt digest:SHA -sigfile sig < SHA(msg) (OpenSSL 3.0;",
        "not openssl dgst -verify, which reads only as many signature bytes as the largest signature). The acceptable cases",
        "(MissingZero, BerEncodedSignature) are rejected by OpenSSL 3.0, which re-encodes the signature.",
    ]
    f = File("ecdsa_verify", "ecdsa_openssl.json", "ECDSA", "ecdsa_verify_schema.json",
             [header[0] % "ecdsa_verify_schema"] + header[1:])
    p1363 = File("ecdsa_p1363_verify", "ecdsa_p1363_openssl.json", "ECDSA", "ecdsa_p1363_verify_schema.json", [
        "Our own small file in Wycheproof's ecdsa_p1363_verify_schema, written by",
        "scripts/wycheproof-ec-openssl.py: r || s, each as long as the order, from openssl dgst -sign",
        "signatures. OpenSSL 3.0 has no P1363 form for ECDSA: each case of the right length was checked by",
        "verifying its DER form with openssl pkeyutl -verify; one of another length is not a P1363",
        "signature for the key and is invalid by that rule.",
    ])
    groups = [("secp256r1", "sha256", "SHA-256", True), ("secp384r1", "sha384", "SHA-384", False),
              ("secp521r1", "sha512", "SHA-512", True), ("secp256k1", "sha256", "SHA-256", False),
              ("brainpoolP256r1", "sha256", "SHA-256", False), ("secp256r1", "sha512", "SHA-512", False),
              ("secp384r1", "sha256", "SHA-256", False)]
    for cname, sha, wsha, full in groups:
        c = Curve(cname)
        d, pkcs8, spki = c.private("ecdsa-" + cname)
        point = point_of_spki(spki)
        key = {"type": "EcPublicKey", "curve": cname, "keySize": c.n.bit_length(), "uncompressed": point.hex(),
               "wx": point[1:1 + c.size].hex(), "wy": point[1 + c.size:].hex()}
        f.new_group(type="EcdsaVerify", sha=wsha, publicKey=key, publicKeyDer=spki.hex(),
                    publicKeyPem=pem(spki, "PUBLIC KEY"))

        def add(comment, result, flags, sig, msg=MSG):
            f.add(comment, result, flags, ecdsa_verify(spki, msg, sig, sha), msg=msg.hex(), sig=sig.hex())

        sig = ecdsa_sign(pkcs8, MSG, sha)
        r, s = split_sig(sig)
        add("valid", "valid", ["Normal"], sig)
        add("empty message", "valid", ["Normal"], ecdsa_sign(pkcs8, b"", sha), b"")
        add("s replaced by n - s", "valid", ["Malleability"], sig_der(r, c.n - s))
        add("last bit of s flipped", "invalid", ["ModifiedSignature"], sig_der(r, s ^ 1))
        add("signature of another message", "invalid", ["ModifiedSignature"], sig, OTHER)
        if not full:
            continue
        add("r and s swapped", "invalid", ["ModifiedSignature"], sig_der(s, r))
        add("r = 0", "invalid", ["InvalidSignature"], sig_der(0, s))
        add("s = 0", "invalid", ["InvalidSignature"], sig_der(r, 0))
        add("r = 0 and s = 0", "invalid", ["InvalidSignature"], sig_der(0, 0))
        add("r = 1 and s = 1", "invalid", ["InvalidSignature"], sig_der(1, 1))
        add("r = n", "invalid", ["RangeCheck"], sig_der(c.n, s))
        add("s = n", "invalid", ["RangeCheck"], sig_der(r, c.n))
        add("r + n instead of r", "invalid", ["RangeCheck"], sig_der(r + c.n, s))
        add("s + n instead of s", "invalid", ["RangeCheck"], sig_der(r, s + c.n))
        add("r - n instead of r (negative)", "invalid", ["ModifiedInteger"], sig_der(r - c.n, s))
        add("-s instead of s", "invalid", ["ModifiedInteger"], sig_der(r, -s))
        # r with its high bit set, written without the leading zero: a negative INTEGER.
        if c.n.bit_length() % 8 == 0:
            rr, ss = r, s
            while rr.bit_length() != 8 * c.nsize:
                rr, ss = split_sig(ecdsa_sign(pkcs8, MSG, sha))
            missing = seq(tlv(2, rr.to_bytes(c.nsize, "big")), der_int(ss))
            add("Legacy: ASN encoding of r misses leading 0", "acceptable", ["MissingZero"], missing)
        body = der_int(r) + der_int(s)
        add("length of sequence [r, s] uses long form encoding", "acceptable", ["BerEncodedSignature"],
            b"\x30\x81" + bytes([len(body)]) + body if len(body) < 0x80 else b"\x30\x82" + len(body).to_bytes(2, "big")
            + body)
        rbody = der_int(r)[2:]
        padded = b"\x02" + bytes([len(rbody) + 1]) + b"\x00" + rbody
        add("r with a superfluous leading zero", "acceptable", ["BerEncodedSignature"], seq(padded, der_int(s)))
        add("indefinite length sequence", "acceptable", ["BerEncodedSignature"], b"\x30\x80" + body + b"\x00\x00")
        add("a zero byte after the signature", "invalid", ["InvalidEncoding"], sig + b"\x00")
        add("signature truncated by one byte", "invalid", ["InvalidEncoding"], sig[:-1])
        add("r and s as OCTET STRINGs", "invalid", ["InvalidTypesInSignature"],
            seq(tlv(4, der_int(r)[2:]), tlv(4, der_int(s)[2:])))
        add("SET instead of SEQUENCE", "invalid", ["InvalidEncoding"], tlv(0x31, body))
        add("only r", "invalid", ["InvalidEncoding"], seq(der_int(r)))
        add("r, s and a third INTEGER", "invalid", ["InvalidEncoding"], seq(der_int(r), der_int(s), der_int(0)))
        add("empty signature", "invalid", ["InvalidEncoding"], b"")

        # The same key, P1363.
        p1363.new_group(type="EcdsaP1363Verify", sha=wsha, publicKey=key, publicKeyDer=spki.hex(),
                        publicKeyPem=pem(spki, "PUBLIC KEY"),
                        publicKeyJwk={"kty": "EC", "crv": c.jwk, "x": b64u(point[1:1 + c.size]),
                                      "y": b64u(point[1 + c.size:])})

        def raw(r, s, size=c.nsize):
            return r.to_bytes(size, "big") + s.to_bytes(size, "big")

        def add1363(comment, result, flags, r_, s_, msg=MSG, length=None):
            rs = raw(r_ % (1 << (8 * c.nsize)), s_ % (1 << (8 * c.nsize)))
            ok = ecdsa_verify(spki, msg, sig_der(r_, s_), sha)
            p1363.add(comment, result, flags, ok, msg=msg.hex(), sig=rs.hex())

        add1363("valid", "valid", ["Normal"], r, s)
        add1363("s replaced by n - s", "valid", ["Malleability"], r, c.n - s)
        add1363("last bit of s flipped", "invalid", ["ModifiedSignature"], r, s ^ 1)
        add1363("signature of another message", "invalid", ["ModifiedSignature"], r, s, OTHER)
        add1363("r = 0", "invalid", ["InvalidSignature"], 0, s)
        add1363("s = 0", "invalid", ["InvalidSignature"], r, 0)
        add1363("r = n", "invalid", ["RangeCheck"], c.n, s)
        add1363("s = n", "invalid", ["RangeCheck"], r, c.n)
        # Wrong lengths: not a P1363 signature for this key, invalid by the rule (OpenSSL has none).
        rs = raw(r, s)
        for comment, bad in [("one byte short", rs[:-1]), ("one zero byte appended", rs + b"\x00"),
                             ("r and s each one byte longer", raw(r, s, c.nsize + 1)),
                             ("the DER signature instead", sig), ("empty signature", b"")]:
            p1363.add("P1363 signature of the wrong length: " + comment, "invalid", ["SignatureSize"], False,
                      msg=MSG.hex(), sig=bad.hex())
    f.save()
    p1363.save()


def ecdh_files():
    asn = File("ecdh", "ecdh_openssl.json", "ECDH", "ecdh_test_schema.json", [
        "Our own small file in Wycheproof's ecdh_test_schema (public keys as SubjectPublicKeyInfo DER),",
        "written by scripts/wycheproof-ec-openssl.py. Private scalars SHA-256(label) mod n; every shared",
        "secret and refusal from openssl pkeyutl -derive -inkey priv.der -peerform DER -peerkey public.der",
        "(OpenSSL 3.0). Acceptable: CompressedPoint and UnnamedCurve (explicit parameters equal to the",
        "named curve's), both derived by OpenSSL 3.0.",
    ])
    point_file = File("ecdh_ecpoint", "ecdh_ecpoint_openssl.json", "ECDH", "ecdh_ecpoint_test_schema.json", [
        "Our own small file in Wycheproof's ecdh_ecpoint_test_schema (public keys as encoded points),",
        "written by scripts/wycheproof-ec-openssl.py; each point was wrapped in a named-curve",
        "SubjectPublicKeyInfo for openssl pkeyutl -derive, whose secret or refusal is the result.",
    ])
    pem_file = File("ecdh_pem", "ecdh_pem_openssl.json", "ECDH", "ecdh_pem_test_schema.json", [
        "Our own small file in Wycheproof's ecdh_pem_test_schema (PEM keys), written by",
        "scripts/wycheproof-ec-openssl.py; results from openssl pkeyutl -derive on the same keys.",
    ])
    web = File("ecdh_webcrypto", "ecdh_webcrypto_openssl.json", "ECDH", "ecdh_webcrypto_test_schema.json", [
        "Our own small file in Wycheproof's ecdh_webcrypto_test_schema (JWK keys), written by",
        "scripts/wycheproof-ec-openssl.py; each JWK's point was given to openssl pkeyutl -derive as an",
        "uncompressed named-curve SubjectPublicKeyInfo, whose secret or refusal is the result.",
    ])
    other = Curve("secp384r1")
    _, _, other_spki = other.private("ecdh-other-curve")
    for cname in ["secp256r1", "secp384r1", "secp521r1", "secp256k1", "brainpoolP256r1"]:
        c = Curve(cname)
        d, pkcs8, _ = c.private("ecdh-private-" + cname)
        _, _, peer = c.private("ecdh-peer-" + cname)
        point = point_of_spki(peer)
        priv_hex = der_int(d)[2:].hex()
        asn.new_group(type="EcdhTest", curve=cname, encoding="asn")

        def add(comment, result, flags, spki, priv=priv_hex, key=pkcs8):
            shared = derive(key, spki)
            asn.add(comment, result, flags, shared is not None, public=spki.hex(), private=priv,
                    shared=(shared or b"").hex())

        add("normal case", "valid", ["Normal"], peer)
        if cname != "secp256r1":
            continue
        add("compressed public key", "acceptable", ["CompressedPoint"], c.spki(compress(point, c.size)))
        add("public key with explicit parameters equal to the curve's", "acceptable", ["UnnamedCurve"],
            c.spki(point, explicit=True))
        # A private scalar whose BigInt hex has a leading 00 (high bit set).
        k = 0
        while True:
            k += 1
            dd, pk2, _ = c.private("ecdh-private-high-%d" % k)
            if dd >> (8 * c.nsize - 1):
                break
        add("private key with its high bit set (BigInt with a leading 00)", "valid", ["Normal"], peer,
            der_int(dd)[2:].hex(), pk2)
        y = int.from_bytes(point[1 + c.size:], "big")
        off = point[:1 + c.size] + ((y + 1) % c.p).to_bytes(c.size, "big")
        add("public point not on the curve (y + 1)", "invalid", ["InvalidPublic"], c.spki(off))
        add("public point (0, 0)", "invalid", ["InvalidPublic"], c.spki(b"\x04" + bytes(2 * c.size)))
        add("public point at infinity (the byte 00)", "invalid", ["InvalidPublic"], c.spki(b"\x00"))
        add("public key on secp384r1", "invalid", ["WrongCurve"], other_spki)
        add("public point truncated by one byte", "invalid", ["InvalidPublic"], c.spki(point[:-1]))
        add("compressed point whose x is not on the curve", "invalid", ["InvalidPublic"],
            c.spki(b"\x02" + c.x_off_curve().to_bytes(c.size, "big")))

        # ecpoint: the same cases as bare points.
        point_file.new_group(type="EcdhEcpointTest", curve=cname, encoding="ecpoint")

        def addp(comment, result, flags, pt):
            shared = derive(pkcs8, c.spki(pt))
            point_file.add(comment, result, flags, shared is not None, public=pt.hex(), private=priv_hex,
                           shared=(shared or b"").hex())

        addp("normal case", "valid", ["Normal"], point)
        addp("compressed public key", "acceptable", ["CompressedPoint"], compress(point, c.size))
        addp("public point not on the curve (y + 1)", "invalid", ["InvalidPublic"], off)
        addp("public point at infinity (the byte 00)", "invalid", ["InvalidPublic"], b"\x00")
        addp("public point truncated by one byte", "invalid", ["InvalidPublic"], point[:-1])
        addp("uncompressed point with the first byte 05", "invalid", ["InvalidPublic"], b"\x05" + point[1:])
        addp("empty public point", "invalid", ["InvalidPublic"], b"")

        # PEM keys.
        pem_file.new_group(type="EcdhPemTest", curve=cname, encoding="pem")

        def addpem(comment, result, flags, spki):
            shared = derive(pkcs8, spki)
            pem_file.add(comment, result, flags, shared is not None, public=pem(spki, "PUBLIC KEY"),
                         private=pem(pkcs8, "PRIVATE KEY"), shared=(shared or b"").hex())

        addpem("normal case", "valid", ["Normal"], peer)
        addpem("compressed public key", "acceptable", ["CompressedPoint"], c.spki(compress(point, c.size)))
        addpem("public point not on the curve (y + 1)", "invalid", ["InvalidPublic"], c.spki(off))
        addpem("public key on secp384r1", "invalid", ["WrongCurve"], other_spki)

    # JWK on the three NIST curves.
    for cname in ["secp256r1", "secp384r1", "secp521r1"]:
        c = Curve(cname)
        d, pkcs8, own = c.private("ecdh-private-" + cname)
        own_point = point_of_spki(own)
        _, _, peer = c.private("ecdh-peer-" + cname)
        point = point_of_spki(peer)
        web.new_group(type="EcdhWebcryptoTest", curve=c.jwk, encoding="webcrypto")

        def jwk(pt, crv=c.jwk, size=c.size):
            return {"kty": "EC", "crv": crv, "x": b64u(pt[1:1 + size]), "y": b64u(pt[1 + size:])}

        private = dict(jwk(own_point), d=b64u(d.to_bytes(c.nsize, "big")))

        def addw(comment, result, flags, pub, spki):
            shared = derive(pkcs8, spki)
            web.add(comment, result, flags, shared is not None, public=pub, private=private,
                    shared=(shared or b"").hex())

        addw("normal case", "valid", ["Normal"], jwk(point), peer)
        if cname != "secp256r1":
            continue
        y = int.from_bytes(point[1 + c.size:], "big")
        off = point[:1 + c.size] + ((y + 1) % c.p).to_bytes(c.size, "big")
        addw("public point not on the curve (y + 1)", "invalid", ["InvalidPublic"], jwk(off), c.spki(off))
        other_point = point_of_spki(other_spki)
        addw("public key on P-384", "invalid", ["WrongCurve"], jwk(other_point, "P-384", other.size), other_spki)
    for f in [asn, point_file, pem_file, web]:
        f.save()


def x_spki(oid_, public):
    return seq(seq(oid(oid_)), tlv(3, b"\x00" + public))


def x_pkcs8(oid_, private):
    return seq(der_int(0), seq(oid(oid_)), tlv(4, tlv(4, private)))


def xdh_files():
    comp = File("xdh", "xdh_openssl.json", "XDH", "xdh_comp_schema.json", [
        "Our own small file in Wycheproof's xdh_comp_schema, written by scripts/wycheproof-ec-openssl.py.",
        "Keys from RFC 7748 section 6.1 (X25519) and 6.2 (X448), whose shared secrets this script checks",
        "against the RFC, and public values altered as each comment says. Every result from openssl",
        "pkeyutl -derive on the raw keys wrapped in PKCS#8 and SubjectPublicKeyInfo (OpenSSL 3.0).",
        "Acceptable: ZeroSharedSecret (OpenSSL 3.0 refuses an all-zero secret) and NonCanonicalPublic",
        "(u >= p, reduced mod p by OpenSSL).",
    ])
    asn = File("xdh", "xdh_asn_openssl.json", "XDH", "xdh_asn_comp_schema.json", [
        "The valid and refused cases of xdh_openssl.json with the keys as SubjectPublicKeyInfo and PKCS#8",
        "DER (Wycheproof's xdh_asn_comp_schema), written by scripts/wycheproof-ec-openssl.py.",
    ])
    pemf = File("xdh", "xdh_pem_openssl.json", "XDH", "xdh_pem_comp_schema.json", [
        "The cases of xdh_asn_openssl.json with PEM keys (Wycheproof's xdh_pem_comp_schema), written by",
        "scripts/wycheproof-ec-openssl.py.",
    ])
    jwkf = File("xdh", "xdh_jwk_openssl.json", "XDH", "xdh_jwk_comp_schema.json", [
        "The cases of xdh_openssl.json with JWK keys (RFC 8037 OKP; Wycheproof's xdh_jwk_comp_schema),",
        "written by scripts/wycheproof-ec-openssl.py.",
    ])
    rfc = {
        "curve25519": ("X25519", "1.3.101.110", 32,
                       "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a",
                       "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f",
                       "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742", 2 ** 255 - 19),
        "curve448": ("X448", "1.3.101.111", 56,
                     "9a8f4925d1519f5775cf46b04b5800d4ee9ee8bae8bc5565d498c28dd9c9baf574a9419744897391006382a6f127ab1d"
                     "9ac2d8c0a598726b",
                     "3eb7a829b0cd20f5bcfc0b599b6feccf6da4627107bdb0d4f345b43027d8b972fc3e34fb4232a13ca706dcb57aec3dae"
                     "07bdc1c67bf33609",
                     "07fff4181ac6cc95ec1c16a94a0f74d12da232ce40a77552281d282bb60c0b56fd2464c335543936521c24403085d59a"
                     "449a5037514a879d", 2 ** 448 - 2 ** 224 - 1),
    }
    for curve, (crv, xoid, size, priv, pub, shared_rfc, p) in rfc.items():
        priv = bytes.fromhex(priv)
        pkcs8 = x_pkcs8(xoid, priv)
        for f in [comp, asn, pemf, jwkf]:
            f.new_group(type={"xdh_comp_schema.json": "XdhComp", "xdh_asn_comp_schema.json": "XdhAsnComp",
                              "xdh_pem_comp_schema.json": "XdhPemComp",
                              "xdh_jwk_comp_schema.json": "XdhJwkComp"}[f.doc["schema"]], curve=curve)
        own = point_of_spki(run(["pkey", "-inform", "DER", "-in", write("x.key", pkcs8), "-pubout", "-outform",
                                 "DER"]).stdout)

        def add(comment, result, flags, public, everywhere=True):
            shared = derive(pkcs8, x_spki(xoid, public))
            ok = shared is not None
            sh = (shared or b"").hex()
            comp.add(comment, result, flags, ok, public=public.hex(), private=priv.hex(), shared=sh)
            if not everywhere or len(public) != size:
                return
            asn.add(comment, result, flags, ok, public=x_spki(xoid, public).hex(), private=pkcs8.hex(), shared=sh)
            pemf.add(comment, result, flags, ok, public=pem(x_spki(xoid, public), "PUBLIC KEY"),
                     private=pem(pkcs8, "PRIVATE KEY"), shared=sh)
            jwkf.add(comment, result, flags, ok, public={"kty": "OKP", "crv": crv, "x": b64u(public)},
                     private={"kty": "OKP", "crv": crv, "d": b64u(priv), "x": b64u(own)}, shared=sh)

        pub = bytes.fromhex(pub)
        got = derive(pkcs8, x_spki(xoid, pub))
        if got != bytes.fromhex(shared_rfc):
            raise SystemExit("%s: OpenSSL's secret differs from the RFC's" % crv)
        add("RFC 7748 section 6 (Alice's private key, Bob's public key)", "valid", ["Normal"], pub)
        add("public key 0 (low order)", "acceptable", ["LowOrderPublic", "ZeroSharedSecret"], bytes(size))
        add("public key 1 (low order)", "acceptable", ["LowOrderPublic", "ZeroSharedSecret"], (1).to_bytes(size, "little"))
        add("public key p + 1 (non-canonical, low order)", "acceptable", ["LowOrderPublic", "ZeroSharedSecret"],
            (p + 1).to_bytes(size, "little"))
        add("public key p - 1 (low order)", "acceptable", ["LowOrderPublic", "ZeroSharedSecret"], (p - 1).to_bytes(size, "little"))
        add("public key p + 9 (non-canonical: 9)", "acceptable", ["NonCanonicalPublic"],
            (p + 9).to_bytes(size, "little"))
        if crv == "X25519":
            top = bytearray(pub)
            top[31] |= 0x80
            add("Bob's public key with the unused top bit set", "valid", ["PublicKeyTooLong"], bytes(top), False)
        add("public key one byte short", "invalid", ["InvalidPublic"], pub[:-1], False)
        add("public key one byte long", "invalid", ["InvalidPublic"], pub + b"\x00", False)
    for f in [comp, asn, pemf, jwkf]:
        f.save()


ED25519_SPKI = bytes.fromhex("302a300506032b6570032100")
ED25519_PKCS8 = bytes.fromhex("302e020100300506032b657004220420")
ED448_SPKI = bytes.fromhex("3043300506032b6571033a00")
ED448_PKCS8 = bytes.fromhex("3047020100300506032b6571043b0439")


def eddsa_file():
    f = File("eddsa", "eddsa_openssl.json", "EDDSA", "eddsa_verify_schema.json", [
        "Our own small file in Wycheproof's eddsa_verify_schema, written by scripts/wycheproof-ec-openssl.py.",
        "Keys: the RFC 8032 section 7.1 TEST 2 (Ed25519) and 7.4 'Blank' (Ed448) secrets; signatures from",
        "openssl pkeyutl -sign -rawin (the TEST 2 message's checked against RFC 8032's), then altered as",
        "each comment says; every result from openssl pkeyutl -verify -rawin (OpenSSL 3.0). No empty",
        "message: openssl pkeyutl 3.0 cannot read an empty -rawin input.",
    ])
    L25519 = 2 ** 252 + 27742317777372353535851937790883648493
    L448 = 2 ** 446 - 13818066809895115352007386748515426880336692474882178609894547503885
    keys = [
        ("edwards25519", "ED25519", ED25519_SPKI, ED25519_PKCS8, 32, L25519,
         "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
         [(bytes.fromhex("72"), "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e45"
                                "8f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00")]),
        ("edwards448", "ED448", ED448_SPKI, ED448_PKCS8, 57, L448,
         "6c82a562cb808d10d632be89c8513ebf6c929f34ddfa8c9f63c9960ef6e348a3528c8a3fcc2f044e39a3fc5b94492f8f032e754"
         "9a20098f95b", []),
    ]
    for curve, crv, spki_prefix, pkcs8_prefix, size, L, seed, rfc_msgs in keys:
        pkcs8 = pkcs8_prefix + bytes.fromhex(seed)
        spki = run(["pkey", "-inform", "DER", "-in", write("ed.key", pkcs8), "-pubout", "-outform", "DER"]).stdout
        pk = spki[len(spki_prefix):]
        f.new_group(type="EddsaVerify",
                    publicKey={"type": "EDDSAPublicKey", "curve": curve, "keySize": 255 if size == 32 else 448,
                               "pk": pk.hex()},
                    publicKeyDer=spki.hex(), publicKeyPem=pem(spki, "PUBLIC KEY"),
                    publicKeyJwk={"kty": "OKP", "crv": "Ed25519" if size == 32 else "Ed448", "x": b64u(pk)})

        def add(comment, result, flags, msg, sig):
            f.add(comment, result, flags, eddsa_verify(spki, msg, sig), msg=msg.hex(), sig=sig.hex())

        for msg, rfc_sig in rfc_msgs:
            sig = eddsa_sign(pkcs8, msg)
            if rfc_sig and sig.hex() != rfc_sig:
                raise SystemExit("%s: OpenSSL's signature differs from RFC 8032's" % crv)
            add("RFC 8032 message of %d bytes" % len(msg), "valid", ["Normal"], msg, sig)
        msg = b"Test message for the EdDSA cases"
        sig = eddsa_sign(pkcs8, msg)
        add("valid", "valid", ["Normal"], msg, sig)
        add("another message", "invalid", ["ModifiedSignature"], b"Test message for the EdDSA caseS", sig)
        r, s = sig[:size], int.from_bytes(sig[size:], "little")
        add("S + L instead of S", "invalid", ["SignatureMalleability"], msg, r + (s + L).to_bytes(size, "little"))
        add("S = L", "invalid", ["SignatureMalleability"], msg, r + L.to_bytes(size, "little"))
        add("S = 0", "invalid", ["ModifiedSignature"], msg, r + bytes(size))
        add("last bit of R flipped", "invalid", ["ModifiedSignature"], msg, bytes([*r[:-1], r[-1] ^ 0x01]) + sig[size:])
        add("first bit of S flipped", "invalid", ["ModifiedSignature"], msg, r + bytes([sig[size] ^ 1]) + sig[size + 1:])
        add("R and S swapped", "invalid", ["ModifiedSignature"], msg, sig[size:] + r)
        add("signature one byte short", "invalid", ["InvalidSignature"], msg, sig[:-1])
        add("signature with a zero byte appended", "invalid", ["InvalidSignature"], msg, sig + b"\x00")
        add("empty signature", "invalid", ["InvalidSignature"], msg, b"")
        add("all-zero signature", "invalid", ["InvalidSignature"], msg, bytes(2 * size))
    f.save()


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    ecdsa_files()
    ecdh_files()
    xdh_files()
    eddsa_file()
