/* Hardware paths of LibCrypto (x86-64: AES-NI, PCLMULQDQ, SHA-NI). Linked only with trait ASM.
 * Every entry point is safe to call only after lc_cpu_features() reported its feature. */
#ifndef LIBCRYPTO_ASM_H
#define LIBCRYPTO_ASM_H

#include <stddef.h>
#include <stdint.h>

/* Feature bits reported by lc_cpu_features(). */
#define LC_CPU_AESNI     (1u << 0)
#define LC_CPU_PCLMULQDQ (1u << 1)
#define LC_CPU_SHANI     (1u << 2)
#define LC_CPU_SSSE3     (1u << 3)
#define LC_CPU_SSE41     (1u << 4)

/* The CPU's features relevant to this target (0 on non-x86 machines). */
uint32_t lc_cpu_features(void);

#endif
