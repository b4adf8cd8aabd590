/* The reference libcrypto (OpenSSL 3), as Swift sees it.
 *
 * OpenSSL's headers (libssl-dev) supply the types and constants. The library itself is not
 * linked: `ref_load` dlopen()s a libcrypto.so.3 at run time and resolves every function the
 * harness uses into a table, so a missing library is an error the harness can report rather
 * than a failure of the dynamic loader before `main`. Each function is reached through a
 * wrapper named `ref_<OpenSSL name>`; no symbol of ours carries an OpenSSL name.
 *
 * Function-like and compound macros do not import into Swift, so the few the harness needs are
 * re-exposed as static inline functions with a `shim_` prefix. */
#ifndef SWIFT_LIBCRYPTO_COPENSSL_H
#define SWIFT_LIBCRYPTO_COPENSSL_H

#include <stddef.h>
#include <stdint.h>

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/core_names.h>
#include <openssl/params.h>
#include <openssl/provider.h>
#include <openssl/kdf.h>
#include <openssl/opensslv.h>
#include <openssl/evperr.h>
#include <openssl/proverr.h>
#include <openssl/bn.h>
#include <openssl/bnerr.h>
#include <openssl/x509.h>
#include <openssl/bio.h>
#include <openssl/pkcs12.h>
#include <openssl/pem.h>

/* Every libcrypto function the harness calls, written once:
 *   F(return type, OpenSSL name, (parameters), (arguments))   and
 *   V(OpenSSL name, (parameters), (arguments))                for those returning void.
 * loader.c checks at compile time that each signature is the one OpenSSL's headers declare. */
#define REF_FUNCTIONS(F, V) \
    F(unsigned long, OpenSSL_version_num, (void), ()) \
    F(const char *, OpenSSL_version, (int type), (type)) \
    V(CRYPTO_free, (void *ptr, const char *file, int line), (ptr, file, line)) \
    V(ERR_clear_error, (void), ()) \
    F(unsigned long, ERR_get_error, (void), ()) \
    V(ERR_error_string_n, (unsigned long e, char *buf, size_t len), (e, buf, len)) \
    F(OSSL_LIB_CTX *, OSSL_LIB_CTX_new, (void), ()) \
    V(OSSL_LIB_CTX_free, (OSSL_LIB_CTX *ctx), (ctx)) \
    F(OSSL_PROVIDER *, OSSL_PROVIDER_load, (OSSL_LIB_CTX *ctx, const char *name), (ctx, name)) \
    F(int, OSSL_PROVIDER_unload, (OSSL_PROVIDER *prov), (prov)) \
    F(OSSL_PARAM, OSSL_PARAM_construct_end, (void), ()) \
    F(OSSL_PARAM, OSSL_PARAM_construct_int64, (const char *key, int64_t *buf), (key, buf)) \
    F(OSSL_PARAM, OSSL_PARAM_construct_uint64, (const char *key, uint64_t *buf), (key, buf)) \
    F(OSSL_PARAM, OSSL_PARAM_construct_utf8_string, (const char *key, char *buf, size_t bsize), (key, buf, bsize)) \
    F(OSSL_PARAM, OSSL_PARAM_construct_octet_string, (const char *key, void *buf, size_t bsize), (key, buf, bsize)) \
    F(EVP_MD *, EVP_MD_fetch, (OSSL_LIB_CTX *ctx, const char *algorithm, const char *properties), (ctx, algorithm, properties)) \
    V(EVP_MD_free, (EVP_MD *md), (md)) \
    F(int, EVP_MD_get_size, (const EVP_MD *md), (md)) \
    F(unsigned long, EVP_MD_get_flags, (const EVP_MD *md), (md)) \
    F(const OSSL_PARAM *, EVP_MD_settable_ctx_params, (const EVP_MD *md), (md)) \
    F(EVP_MD_CTX *, EVP_MD_CTX_new, (void), ()) \
    V(EVP_MD_CTX_free, (EVP_MD_CTX *ctx), (ctx)) \
    F(int, EVP_DigestInit_ex2, (EVP_MD_CTX *ctx, const EVP_MD *type, const OSSL_PARAM *params), (ctx, type, params)) \
    F(int, EVP_DigestUpdate, (EVP_MD_CTX *ctx, const void *d, size_t cnt), (ctx, d, cnt)) \
    F(int, EVP_DigestFinal_ex, (EVP_MD_CTX *ctx, unsigned char *md, unsigned int *s), (ctx, md, s)) \
    F(int, EVP_DigestFinalXOF, (EVP_MD_CTX *ctx, unsigned char *md, size_t len), (ctx, md, len)) \
    F(int, EVP_Digest, (const void *data, size_t count, unsigned char *md, unsigned int *size, const EVP_MD *type, ENGINE *impl), \
      (data, count, md, size, type, impl)) \
    F(EVP_MAC *, EVP_MAC_fetch, (OSSL_LIB_CTX *ctx, const char *algorithm, const char *properties), (ctx, algorithm, properties)) \
    V(EVP_MAC_free, (EVP_MAC *mac), (mac)) \
    F(const OSSL_PARAM *, EVP_MAC_settable_ctx_params, (const EVP_MAC *mac), (mac)) \
    F(EVP_MAC_CTX *, EVP_MAC_CTX_new, (EVP_MAC *mac), (mac)) \
    V(EVP_MAC_CTX_free, (EVP_MAC_CTX *ctx), (ctx)) \
    F(size_t, EVP_MAC_CTX_get_mac_size, (EVP_MAC_CTX *ctx), (ctx)) \
    F(size_t, EVP_MAC_CTX_get_block_size, (EVP_MAC_CTX *ctx), (ctx)) \
    F(int, EVP_MAC_init, (EVP_MAC_CTX *ctx, const unsigned char *key, size_t keylen, const OSSL_PARAM *params), (ctx, key, keylen, params)) \
    F(int, EVP_MAC_update, (EVP_MAC_CTX *ctx, const unsigned char *data, size_t datalen), (ctx, data, datalen)) \
    F(int, EVP_MAC_final, (EVP_MAC_CTX *ctx, unsigned char *out, size_t *outl, size_t outsize), (ctx, out, outl, outsize)) \
    F(EVP_CIPHER *, EVP_CIPHER_fetch, (OSSL_LIB_CTX *ctx, const char *algorithm, const char *properties), (ctx, algorithm, properties)) \
    V(EVP_CIPHER_free, (EVP_CIPHER *cipher), (cipher)) \
    F(unsigned long, EVP_CIPHER_get_flags, (const EVP_CIPHER *cipher), (cipher)) \
    F(const char *, EVP_CIPHER_get0_name, (const EVP_CIPHER *cipher), (cipher)) \
    F(int, EVP_CIPHER_get_key_length, (const EVP_CIPHER *cipher), (cipher)) \
    F(int, EVP_CIPHER_get_iv_length, (const EVP_CIPHER *cipher), (cipher)) \
    F(int, EVP_CIPHER_get_block_size, (const EVP_CIPHER *cipher), (cipher)) \
    F(EVP_CIPHER_CTX *, EVP_CIPHER_CTX_new, (void), ()) \
    V(EVP_CIPHER_CTX_free, (EVP_CIPHER_CTX *ctx), (ctx)) \
    F(int, EVP_CIPHER_CTX_ctrl, (EVP_CIPHER_CTX *ctx, int type, int arg, void *ptr), (ctx, type, arg, ptr)) \
    F(int, EVP_CIPHER_CTX_get_iv_length, (const EVP_CIPHER_CTX *ctx), (ctx)) \
    F(int, EVP_CIPHER_CTX_get_key_length, (const EVP_CIPHER_CTX *ctx), (ctx)) \
    F(int, EVP_CIPHER_CTX_get_tag_length, (const EVP_CIPHER_CTX *ctx), (ctx)) \
    F(int, EVP_CIPHER_CTX_get_updated_iv, (EVP_CIPHER_CTX *ctx, void *buf, size_t len), (ctx, buf, len)) \
    V(EVP_CIPHER_CTX_set_flags, (EVP_CIPHER_CTX *ctx, int flags), (ctx, flags)) \
    F(int, EVP_CIPHER_CTX_set_key_length, (EVP_CIPHER_CTX *ctx, int keylen), (ctx, keylen)) \
    F(int, EVP_CIPHER_CTX_set_padding, (EVP_CIPHER_CTX *ctx, int pad), (ctx, pad)) \
    F(int, EVP_CipherInit_ex2, (EVP_CIPHER_CTX *ctx, const EVP_CIPHER *cipher, const unsigned char *key, const unsigned char *iv, \
                                int enc, const OSSL_PARAM *params), (ctx, cipher, key, iv, enc, params)) \
    F(int, EVP_CipherUpdate, (EVP_CIPHER_CTX *ctx, unsigned char *out, int *outl, const unsigned char *in, int inl), \
      (ctx, out, outl, in, inl)) \
    F(int, EVP_CipherFinal_ex, (EVP_CIPHER_CTX *ctx, unsigned char *out, int *outl), (ctx, out, outl)) \
    F(EVP_KDF *, EVP_KDF_fetch, (OSSL_LIB_CTX *ctx, const char *algorithm, const char *properties), (ctx, algorithm, properties)) \
    V(EVP_KDF_free, (EVP_KDF *kdf), (kdf)) \
    F(const OSSL_PARAM *, EVP_KDF_settable_ctx_params, (const EVP_KDF *kdf), (kdf)) \
    F(EVP_KDF_CTX *, EVP_KDF_CTX_new, (EVP_KDF *kdf), (kdf)) \
    V(EVP_KDF_CTX_free, (EVP_KDF_CTX *ctx), (ctx)) \
    F(int, EVP_KDF_CTX_set_params, (EVP_KDF_CTX *ctx, const OSSL_PARAM *params), (ctx, params)) \
    F(int, EVP_KDF_derive, (EVP_KDF_CTX *ctx, unsigned char *key, size_t keylen, const OSSL_PARAM *params), (ctx, key, keylen, params)) \
    F(EVP_RAND *, EVP_RAND_fetch, (OSSL_LIB_CTX *ctx, const char *algorithm, const char *properties), (ctx, algorithm, properties)) \
    V(EVP_RAND_free, (EVP_RAND *rand), (rand)) \
    F(EVP_KEYMGMT *, EVP_KEYMGMT_fetch, (OSSL_LIB_CTX *ctx, const char *algorithm, const char *properties), \
      (ctx, algorithm, properties)) \
    F(EVP_RAND_CTX *, EVP_RAND_CTX_new, (EVP_RAND *rand, EVP_RAND_CTX *parent), (rand, parent)) \
    V(EVP_RAND_CTX_free, (EVP_RAND_CTX *ctx), (ctx)) \
    F(int, EVP_RAND_CTX_set_params, (EVP_RAND_CTX *ctx, const OSSL_PARAM *params), (ctx, params)) \
    F(unsigned int, EVP_RAND_get_strength, (EVP_RAND_CTX *ctx), (ctx)) \
    F(int, EVP_RAND_get_state, (EVP_RAND_CTX *ctx), (ctx)) \
    F(int, EVP_RAND_instantiate, (EVP_RAND_CTX *ctx, unsigned int strength, int prediction_resistance, \
                                  const unsigned char *pstr, size_t pstr_len, const OSSL_PARAM *params), \
      (ctx, strength, prediction_resistance, pstr, pstr_len, params)) \
    F(int, EVP_RAND_uninstantiate, (EVP_RAND_CTX *ctx), (ctx)) \
    F(int, EVP_RAND_generate, (EVP_RAND_CTX *ctx, unsigned char *out, size_t outlen, unsigned int strength, \
                               int prediction_resistance, const unsigned char *addin, size_t addin_len), \
      (ctx, out, outlen, strength, prediction_resistance, addin, addin_len)) \
    F(int, EVP_RAND_reseed, (EVP_RAND_CTX *ctx, int prediction_resistance, const unsigned char *ent, size_t ent_len, \
                             const unsigned char *addin, size_t addin_len), \
      (ctx, prediction_resistance, ent, ent_len, addin, addin_len)) \
    F(int, EVP_RAND_verify_zeroization, (EVP_RAND_CTX *ctx), (ctx)) \
    F(EVP_ENCODE_CTX *, EVP_ENCODE_CTX_new, (void), ()) \
    V(EVP_ENCODE_CTX_free, (EVP_ENCODE_CTX *ctx), (ctx)) \
    V(EVP_EncodeInit, (EVP_ENCODE_CTX *ctx), (ctx)) \
    F(int, EVP_EncodeUpdate, (EVP_ENCODE_CTX *ctx, unsigned char *out, int *outl, const unsigned char *in, int inl), \
      (ctx, out, outl, in, inl)) \
    V(EVP_EncodeFinal, (EVP_ENCODE_CTX *ctx, unsigned char *out, int *outl), (ctx, out, outl)) \
    V(EVP_DecodeInit, (EVP_ENCODE_CTX *ctx), (ctx)) \
    F(int, EVP_DecodeUpdate, (EVP_ENCODE_CTX *ctx, unsigned char *out, int *outl, const unsigned char *in, int inl), \
      (ctx, out, outl, in, inl)) \
    F(int, EVP_DecodeFinal, (EVP_ENCODE_CTX *ctx, unsigned char *out, int *outl), (ctx, out, outl)) \
    REF_BN_FUNCTIONS(F, V) \
    REF_PKEY_FUNCTIONS(F, V)

/* The BN_* functions of the bignum differential (Sources/Conformance/OpenSSL/OpenSSLBigNum.swift). */
#define REF_BN_FUNCTIONS(F, V) \
    F(BIGNUM *, BN_new, (void), ()) \
    V(BN_free, (BIGNUM *a), (a)) \
    F(BN_CTX *, BN_CTX_new, (void), ()) \
    V(BN_CTX_free, (BN_CTX *c), (c)) \
    F(BIGNUM *, BN_bin2bn, (const unsigned char *s, int len, BIGNUM *ret), (s, len, ret)) \
    F(int, BN_bn2bin, (const BIGNUM *a, unsigned char *to), (a, to)) \
    F(int, BN_num_bits, (const BIGNUM *a), (a)) \
    V(BN_set_negative, (BIGNUM *b, int n), (b, n)) \
    F(int, BN_is_negative, (const BIGNUM *b), (b)) \
    F(char *, BN_bn2hex, (const BIGNUM *a), (a)) \
    F(char *, BN_bn2dec, (const BIGNUM *a), (a)) \
    F(int, BN_hex2bn, (BIGNUM **a, const char *str), (a, str)) \
    F(int, BN_dec2bn, (BIGNUM **a, const char *str), (a, str)) \
    F(int, BN_cmp, (const BIGNUM *a, const BIGNUM *b), (a, b)) \
    F(int, BN_ucmp, (const BIGNUM *a, const BIGNUM *b), (a, b)) \
    F(int, BN_add, (BIGNUM *r, const BIGNUM *a, const BIGNUM *b), (r, a, b)) \
    F(int, BN_sub, (BIGNUM *r, const BIGNUM *a, const BIGNUM *b), (r, a, b)) \
    F(int, BN_uadd, (BIGNUM *r, const BIGNUM *a, const BIGNUM *b), (r, a, b)) \
    F(int, BN_usub, (BIGNUM *r, const BIGNUM *a, const BIGNUM *b), (r, a, b)) \
    F(int, BN_mul, (BIGNUM *r, const BIGNUM *a, const BIGNUM *b, BN_CTX *ctx), (r, a, b, ctx)) \
    F(int, BN_sqr, (BIGNUM *r, const BIGNUM *a, BN_CTX *ctx), (r, a, ctx)) \
    F(int, BN_div, (BIGNUM *dv, BIGNUM *rem, const BIGNUM *m, const BIGNUM *d, BN_CTX *ctx), (dv, rem, m, d, ctx)) \
    F(int, BN_nnmod, (BIGNUM *r, const BIGNUM *m, const BIGNUM *d, BN_CTX *ctx), (r, m, d, ctx)) \
    F(BN_ULONG, BN_div_word, (BIGNUM *a, BN_ULONG w), (a, w)) \
    F(BN_ULONG, BN_mod_word, (const BIGNUM *a, BN_ULONG w), (a, w)) \
    F(int, BN_mod_mul, (BIGNUM *r, const BIGNUM *a, const BIGNUM *b, const BIGNUM *m, BN_CTX *ctx), (r, a, b, m, ctx)) \
    F(int, BN_mod_sqr, (BIGNUM *r, const BIGNUM *a, const BIGNUM *m, BN_CTX *ctx), (r, a, m, ctx)) \
    F(int, BN_exp, (BIGNUM *r, const BIGNUM *a, const BIGNUM *p, BN_CTX *ctx), (r, a, p, ctx)) \
    F(int, BN_mod_exp, (BIGNUM *r, const BIGNUM *a, const BIGNUM *p, const BIGNUM *m, BN_CTX *ctx), (r, a, p, m, ctx)) \
    F(int, BN_mod_exp_mont_consttime, (BIGNUM *rr, const BIGNUM *a, const BIGNUM *p, const BIGNUM *m, BN_CTX *ctx, \
                                       BN_MONT_CTX *in_mont), (rr, a, p, m, ctx, in_mont)) \
    F(BIGNUM *, BN_mod_inverse, (BIGNUM *ret, const BIGNUM *a, const BIGNUM *n, BN_CTX *ctx), (ret, a, n, ctx)) \
    F(int, BN_gcd, (BIGNUM *r, const BIGNUM *a, const BIGNUM *b, BN_CTX *ctx), (r, a, b, ctx)) \
    F(int, BN_lshift, (BIGNUM *r, const BIGNUM *a, int n), (r, a, n)) \
    F(int, BN_rshift, (BIGNUM *r, const BIGNUM *a, int n), (r, a, n)) \
    F(int, BN_kronecker, (const BIGNUM *a, const BIGNUM *b, BN_CTX *ctx), (a, b, ctx)) \
    F(BIGNUM *, BN_mod_sqrt, (BIGNUM *ret, const BIGNUM *a, const BIGNUM *n, BN_CTX *ctx), (ret, a, n, ctx)) \
    F(int, BN_check_prime, (const BIGNUM *p, BN_CTX *ctx, BN_GENCB *cb), (p, ctx, cb))

/* The EVP_PKEY functions of the public-key differential and speed rows
 * (Sources/Conformance/OpenSSL/OpenSSLPKey.swift); the one-shot EVP_DigestSign/EVP_DigestVerify
 * are how OpenSSL 3.0 signs with Ed25519 and Ed448 (no EVP_PKEY_sign for them), and SM2's
 * distinguishing ID is set on the context they make. */
#define REF_PKEY_FUNCTIONS(F, V) \
    V(EVP_PKEY_free, (EVP_PKEY *pkey), (pkey)) \
    F(EVP_PKEY *, d2i_AutoPrivateKey_ex, (EVP_PKEY **a, const unsigned char **pp, long length, OSSL_LIB_CTX *libctx, \
                                          const char *propq), (a, pp, length, libctx, propq)) \
    F(EVP_PKEY *, d2i_PUBKEY_ex, (EVP_PKEY **a, const unsigned char **pp, long length, OSSL_LIB_CTX *libctx, \
                                  const char *propq), (a, pp, length, libctx, propq)) \
    F(EVP_PKEY *, d2i_KeyParams, (int type, EVP_PKEY **a, const unsigned char **pp, long length), (type, a, pp, length)) \
    F(int, i2d_PrivateKey, (const EVP_PKEY *a, unsigned char **pp), (a, pp)) \
    F(int, i2d_PUBKEY, (const EVP_PKEY *a, unsigned char **pp), (a, pp)) \
    F(EVP_PKEY_CTX *, EVP_PKEY_CTX_new_from_pkey, (OSSL_LIB_CTX *libctx, EVP_PKEY *pkey, const char *propquery), \
      (libctx, pkey, propquery)) \
    F(EVP_PKEY_CTX *, EVP_PKEY_CTX_new_from_name, (OSSL_LIB_CTX *libctx, const char *name, const char *propquery), \
      (libctx, name, propquery)) \
    V(EVP_PKEY_CTX_free, (EVP_PKEY_CTX *ctx), (ctx)) \
    F(int, EVP_PKEY_CTX_ctrl_str, (EVP_PKEY_CTX *ctx, const char *type, const char *value), (ctx, type, value)) \
    F(int, EVP_PKEY_CTX_set_params, (EVP_PKEY_CTX *ctx, const OSSL_PARAM *params), (ctx, params)) \
    F(int, EVP_PKEY_sign_init, (EVP_PKEY_CTX *ctx), (ctx)) \
    F(int, EVP_PKEY_sign, (EVP_PKEY_CTX *ctx, unsigned char *sig, size_t *siglen, const unsigned char *tbs, size_t tbslen), \
      (ctx, sig, siglen, tbs, tbslen)) \
    F(int, EVP_PKEY_verify_init, (EVP_PKEY_CTX *ctx), (ctx)) \
    F(int, EVP_PKEY_verify, (EVP_PKEY_CTX *ctx, const unsigned char *sig, size_t siglen, const unsigned char *tbs, \
                             size_t tbslen), (ctx, sig, siglen, tbs, tbslen)) \
    F(int, EVP_PKEY_encrypt_init, (EVP_PKEY_CTX *ctx), (ctx)) \
    F(int, EVP_PKEY_encrypt, (EVP_PKEY_CTX *ctx, unsigned char *out, size_t *outlen, const unsigned char *in, size_t inlen), \
      (ctx, out, outlen, in, inlen)) \
    F(int, EVP_PKEY_decrypt_init, (EVP_PKEY_CTX *ctx), (ctx)) \
    F(int, EVP_PKEY_decrypt, (EVP_PKEY_CTX *ctx, unsigned char *out, size_t *outlen, const unsigned char *in, size_t inlen), \
      (ctx, out, outlen, in, inlen)) \
    F(int, EVP_PKEY_encapsulate_init, (EVP_PKEY_CTX *ctx, const OSSL_PARAM *params), (ctx, params)) \
    F(int, EVP_PKEY_encapsulate, (EVP_PKEY_CTX *ctx, unsigned char *wrapped, size_t *wrappedlen, unsigned char *genkey, \
                                  size_t *genkeylen), (ctx, wrapped, wrappedlen, genkey, genkeylen)) \
    F(int, EVP_PKEY_decapsulate_init, (EVP_PKEY_CTX *ctx, const OSSL_PARAM *params), (ctx, params)) \
    F(int, EVP_PKEY_decapsulate, (EVP_PKEY_CTX *ctx, unsigned char *unwrapped, size_t *unwrappedlen, \
                                  const unsigned char *wrapped, size_t wrappedlen), (ctx, unwrapped, unwrappedlen, wrapped, wrappedlen)) \
    F(int, EVP_PKEY_CTX_set_kem_op, (EVP_PKEY_CTX *ctx, const char *op), (ctx, op)) \
    F(int, EVP_PKEY_derive_init, (EVP_PKEY_CTX *ctx), (ctx)) \
    F(int, EVP_PKEY_derive_set_peer, (EVP_PKEY_CTX *ctx, EVP_PKEY *peer), (ctx, peer)) \
    F(int, EVP_PKEY_derive, (EVP_PKEY_CTX *ctx, unsigned char *key, size_t *keylen), (ctx, key, keylen)) \
    F(int, EVP_PKEY_keygen_init, (EVP_PKEY_CTX *ctx), (ctx)) \
    F(int, EVP_PKEY_keygen, (EVP_PKEY_CTX *ctx, EVP_PKEY **ppkey), (ctx, ppkey)) \
    F(int, EVP_DigestSignInit_ex, (EVP_MD_CTX *ctx, EVP_PKEY_CTX **pctx, const char *mdname, OSSL_LIB_CTX *libctx, \
                                   const char *props, EVP_PKEY *pkey, const OSSL_PARAM params[]), \
      (ctx, pctx, mdname, libctx, props, pkey, params)) \
    F(int, EVP_DigestSign, (EVP_MD_CTX *ctx, unsigned char *sigret, size_t *siglen, const unsigned char *tbs, \
                            size_t tbslen), (ctx, sigret, siglen, tbs, tbslen)) \
    F(int, EVP_DigestVerifyInit_ex, (EVP_MD_CTX *ctx, EVP_PKEY_CTX **pctx, const char *mdname, OSSL_LIB_CTX *libctx, \
                                     const char *props, EVP_PKEY *pkey, const OSSL_PARAM params[]), \
      (ctx, pctx, mdname, libctx, props, pkey, params)) \
    F(int, EVP_DigestVerify, (EVP_MD_CTX *ctx, const unsigned char *sigret, size_t siglen, const unsigned char *tbs, \
                              size_t tbslen), (ctx, sigret, siglen, tbs, tbslen)) \
    REF_KEYFILE_FUNCTIONS(F, V)

/* Reading key files as the `key-file` corpus' oracle (Sources/Conformance/KeyFileSteps.swift):
 * PEM through a memory BIO, and the type and parameters of what was read. */
#define REF_KEYFILE_FUNCTIONS(F, V) \
    F(BIO *, BIO_new_mem_buf, (const void *buf, int len), (buf, len)) \
    F(int, BIO_free, (BIO *a), (a)) \
    F(EVP_PKEY *, PEM_read_bio_PrivateKey_ex, (BIO *bp, EVP_PKEY **x, pem_password_cb *cb, void *u, \
                                               OSSL_LIB_CTX *libctx, const char *propq), (bp, x, cb, u, libctx, propq)) \
    F(EVP_PKEY *, PEM_read_bio_PUBKEY_ex, (BIO *bp, EVP_PKEY **x, pem_password_cb *cb, void *u, \
                                           OSSL_LIB_CTX *libctx, const char *propq), (bp, x, cb, u, libctx, propq)) \
    F(EVP_PKEY *, PEM_read_bio_Parameters_ex, (BIO *bp, EVP_PKEY **x, OSSL_LIB_CTX *libctx, const char *propq), \
      (bp, x, libctx, propq)) \
    F(int, i2d_KeyParams, (const EVP_PKEY *a, unsigned char **pp), (a, pp)) \
    F(const char *, EVP_PKEY_get0_type_name, (const EVP_PKEY *key), (key)) \
    F(int, EVP_PKEY_public_check, (EVP_PKEY_CTX *ctx), (ctx)) \
    F(int, EVP_PKEY_param_check, (EVP_PKEY_CTX *ctx), (ctx)) \
    F(X509_SIG *, d2i_X509_SIG, (X509_SIG **a, const unsigned char **pp, long length), (a, pp, length)) \
    V(X509_SIG_free, (X509_SIG *a), (a)) \
    F(PKCS8_PRIV_KEY_INFO *, PKCS8_decrypt_ex, (const X509_SIG *p8, const char *pass, int passlen, \
                                                OSSL_LIB_CTX *ctx, const char *propq), (p8, pass, passlen, ctx, propq)) \
    F(EVP_PKEY *, EVP_PKCS82PKEY_ex, (const PKCS8_PRIV_KEY_INFO *p8, OSSL_LIB_CTX *libctx, const char *propq), \
      (p8, libctx, propq)) \
    V(PKCS8_PRIV_KEY_INFO_free, (PKCS8_PRIV_KEY_INFO *a), (a)) \
    F(const BIO_METHOD *, BIO_s_mem, (void), ()) \
    F(BIO *, BIO_new, (const BIO_METHOD *type), (type)) \
    F(long, BIO_ctrl, (BIO *bp, int cmd, long larg, void *parg), (bp, cmd, larg, parg)) \
    F(int, PEM_write_bio_PKCS8PrivateKey, (BIO *bp, const EVP_PKEY *x, const EVP_CIPHER *enc, const char *kstr, \
                                           int klen, pem_password_cb *cb, void *u), (bp, x, enc, kstr, klen, cb, u)) \
    F(int, PEM_write_bio_PrivateKey_traditional, (BIO *bp, const EVP_PKEY *x, const EVP_CIPHER *enc, \
                                                  const unsigned char *kstr, int klen, pem_password_cb *cb, void *u), \
      (bp, x, enc, kstr, klen, cb, u))

/* ref_<name>: calls the loaded library's <name>. Before a successful ref_load each returns a
 * zero value (NULL, 0, an empty OSSL_PARAM) without calling anything. */
#define REF_DECLARE(ret, name, params, args) ret ref_##name params;
#define REF_DECLARE_VOID(name, params, args) void ref_##name params;
REF_FUNCTIONS(REF_DECLARE, REF_DECLARE_VOID)
#undef REF_DECLARE
#undef REF_DECLARE_VOID

/* Loads the libcrypto at `path` (a file name the dynamic loader searches for, or a path) and
 * resolves every function above. Returns 1 when that library is (now, or already) the loaded
 * one; 0 on failure, with one line in `error`: the loader's message, a missing symbol, a version
 * other than 3.x, or another library already loaded (one per process, never replaced). */
int ref_load(const char *path, char *error, size_t error_size);
/* A PEM password callback that gives no password (an encrypted key fails to read instead of
 * OpenSSL's default callback prompting on the terminal). */
int ref_no_password(char *buf, int size, int rwflag, void *u);
/* A password for ref_password_callback: `length` bytes at `data`. */
typedef struct { const char *data; int length; } ref_password;
/* A PEM password callback that gives the ref_password `u` points to (cut to `size` bytes). */
int ref_password_callback(char *buf, int size, int rwflag, void *u);
/* 1 once a library is loaded. */
int ref_is_loaded(void);
/* The file the loaded library came from (as the dynamic loader resolved it), or NULL. */
const char *ref_loaded_path(void);

static inline void shim_OPENSSL_free(void *p) { ref_CRYPTO_free(p, OPENSSL_FILE, OPENSSL_LINE); }
/* The loaded library's version number (the run-time OpenSSL_version_num, not the headers'). */
static inline unsigned long shim_OPENSSL_VERSION_NUMBER(void) { return ref_OpenSSL_version_num(); }

/* EVP_CIPHER_get_mode is a macro over the flags in 3.0. */
static inline int shim_EVP_CIPHER_get_mode(const EVP_CIPHER *c) { return (int)(ref_EVP_CIPHER_get_flags(c) & EVP_CIPH_MODE); }
/* The library and reason parts of a packed error code (pure bit arithmetic in the headers). */
static inline int shim_ERR_GET_LIB(unsigned long e) { return ERR_GET_LIB(e); }
static inline int shim_ERR_GET_REASON(unsigned long e) { return ERR_GET_REASON(e); }

#endif
