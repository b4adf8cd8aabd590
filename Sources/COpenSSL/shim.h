/* The reference libcrypto (OpenSSL 3), as Swift sees it. Function-like and compound macros do
 * not import into Swift, so the few the harness needs are re-exposed here as static inline
 * functions with a `shim_` prefix. */
#ifndef SWIFT_LIBCRYPTO_COPENSSL_SHIM_H
#define SWIFT_LIBCRYPTO_COPENSSL_SHIM_H

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

static inline void shim_OPENSSL_free(void *p) { OPENSSL_free(p); }
static inline unsigned long shim_OPENSSL_VERSION_NUMBER(void) { return OPENSSL_VERSION_NUMBER; }

/* EVP_CIPHER_get_mode is a macro over the flags in 3.0. */
static inline int shim_EVP_CIPHER_get_mode(const EVP_CIPHER *c) { return (int)(EVP_CIPHER_get_flags(c) & EVP_CIPH_MODE); }
/* The library and reason parts of a packed error code. */
static inline int shim_ERR_GET_LIB(unsigned long e) { return ERR_GET_LIB(e); }
static inline int shim_ERR_GET_REASON(unsigned long e) { return ERR_GET_REASON(e); }

#endif
