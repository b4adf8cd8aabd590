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

static inline void shim_OPENSSL_free(void *p) { OPENSSL_free(p); }
static inline unsigned long shim_OPENSSL_VERSION_NUMBER(void) { return OPENSSL_VERSION_NUMBER; }

#endif
