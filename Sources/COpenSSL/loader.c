/* Run-time loading of the reference libcrypto: see include/COpenSSL.h. */
#define _GNU_SOURCE
#include "COpenSSL.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

/* Each entry of the list has exactly the type OpenSSL's header declares. */
#define REF_CHECK(ret, name, params, args) \
    _Static_assert(__builtin_types_compatible_p(__typeof__(&name), ret (*) params), #name " differs from OpenSSL's declaration");
#define REF_CHECK_VOID(name, params, args) REF_CHECK(void, name, params, args)
REF_FUNCTIONS(REF_CHECK, REF_CHECK_VOID)

struct ref_table {
#define REF_SLOT(ret, name, params, args) ret (*name) params;
#define REF_SLOT_VOID(name, params, args) void (*name) params;
    REF_FUNCTIONS(REF_SLOT, REF_SLOT_VOID)
};

static struct ref_table table;
static void *handle;
static char loaded_path[4096];

#define REF_DEFINE(ret, name, params, args) \
    ret ref_##name params { \
        if (table.name == NULL) return (ret){0}; \
        return table.name args; \
    }
#define REF_DEFINE_VOID(name, params, args) \
    void ref_##name params { \
        if (table.name != NULL) table.name args; \
    }
REF_FUNCTIONS(REF_DEFINE, REF_DEFINE_VOID)

int ref_no_password(char *buf, int size, int rwflag, void *u) {
    (void)buf;
    (void)size;
    (void)rwflag;
    (void)u;
    return -1;
}

int ref_password_callback(char *buf, int size, int rwflag, void *u) {
    (void)rwflag;
    const ref_password *p = (const ref_password *)u;
    if (p == NULL || size < 0) return -1;
    int n = p->length < size ? p->length : size;
    if (n > 0) memcpy(buf, p->data, (size_t)n);
    return n;
}

int ref_is_loaded(void) { return __atomic_load_n(&handle, __ATOMIC_ACQUIRE) != NULL; }

const char *ref_loaded_path(void) { return ref_is_loaded() ? loaded_path : NULL; }

static void *resolve(void *h, const char *symbol) {
    (void)dlerror();
    return dlsym(h, symbol);
}

int ref_load(const char *path, char *error, size_t error_size) {
    if (error != NULL && error_size > 0) error[0] = 0;
    if (path == NULL || path[0] == 0) {
        snprintf(error, error_size, "no library named");
        return 0;
    }
    (void)dlerror();
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (h == NULL) {
        const char *why = dlerror();
        snprintf(error, error_size, "%s", why != NULL ? why : path);
        return 0;
    }
    if (ref_is_loaded()) {
        /* Opening the same file again gives the same handle; anything else is a second library. */
        int same = h == handle;
        dlclose(h);
        if (!same) snprintf(error, error_size, "%s: another libcrypto (%s) is already loaded in this process", path, loaded_path);
        return same;
    }
    void *version = resolve(h, "OpenSSL_version_num");
    if (version == NULL) {
        snprintf(error, error_size, "%s: no OpenSSL_version_num, not an OpenSSL libcrypto", path);
        dlclose(h);
        return 0;
    }
    unsigned long (*version_num)(void);
    memcpy(&version_num, &version, sizeof version);
    unsigned long v = version_num();
    if ((v >> 28) != 3) {
        snprintf(error, error_size, "%s is OpenSSL %lu.%lu.%lu; the reference must be 3.x", path,
                 (v >> 28) & 0xF, (v >> 20) & 0xFF, (v >> 4) & 0xFF);
        dlclose(h);
        return 0;
    }
    struct ref_table t;
    memset(&t, 0, sizeof t);
#define REF_RESOLVE(ret, name, params, args) \
    { \
        void *p = resolve(h, #name); \
        if (p == NULL) { \
            snprintf(error, error_size, "%s: missing symbol %s", path, #name); \
            dlclose(h); \
            return 0; \
        } \
        memcpy(&t.name, &p, sizeof p); \
    }
#define REF_RESOLVE_VOID(name, params, args) REF_RESOLVE(void, name, params, args)
    REF_FUNCTIONS(REF_RESOLVE, REF_RESOLVE_VOID)
    Dl_info info;
    const char *where = path;
    if (dladdr(version, &info) != 0 && info.dli_fname != NULL) where = info.dli_fname;
    snprintf(loaded_path, sizeof loaded_path, "%s", where);
    table = t;
    __atomic_store_n(&handle, h, __ATOMIC_RELEASE);
    return 1;
}
