/*
 * libcurl loaded at first use; see net/curl_dl.h.
 */
#include "net/curl_dl.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

net_curl_api net_curl;

static pthread_once_t net_curl_once = PTHREAD_ONCE_INIT;
static int net_curl_rc = -1;

static const struct {
    const char *sym;
    size_t off;
} net_curl_syms[] = {
#define S(name, field) {name, offsetof(net_curl_api, field)}
    S("curl_global_init", global_init),
    S("curl_version_info", version_info),
    S("curl_easy_init", easy_init),
    S("curl_easy_setopt", easy_setopt),
    S("curl_easy_getinfo", easy_getinfo),
    S("curl_easy_pause", easy_pause),
    S("curl_easy_strerror", easy_strerror),
    S("curl_easy_cleanup", easy_cleanup),
    S("curl_multi_init", multi_init),
    S("curl_multi_add_handle", multi_add_handle),
    S("curl_multi_remove_handle", multi_remove_handle),
    S("curl_multi_perform", multi_perform),
    S("curl_multi_poll", multi_poll),
    S("curl_multi_info_read", multi_info_read),
    S("curl_multi_cleanup", multi_cleanup),
    S("curl_url", url),
    S("curl_url_set", url_set),
    S("curl_url_get", url_get),
    S("curl_url_cleanup", url_cleanup),
    S("curl_free", free),
    S("curl_mime_init", mime_init),
    S("curl_mime_addpart", mime_addpart),
    S("curl_mime_name", mime_name),
    S("curl_mime_data", mime_data),
    S("curl_mime_filename", mime_filename),
    S("curl_mime_type", mime_type),
    S("curl_mime_free", mime_free),
    S("curl_slist_append", slist_append),
    S("curl_slist_free_all", slist_free_all),
#undef S
};

static void net_curl_do_load(void)
{
    /* VB_NO_LIBCURL=1 simulates a host without libcurl (tests). */
    const char *off = getenv("VB_NO_LIBCURL");
    if (off && *off && *off != '0')
        return;
    void *h = dlopen(NET_CURL_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!h)
        return;
    net_curl_api api;
    for (size_t i = 0; i < sizeof net_curl_syms / sizeof net_curl_syms[0]; i++) {
        void *f = dlsym(h, net_curl_syms[i].sym);
        if (!f) {
            dlclose(h);
            return;
        }
        memcpy((char *)&api + net_curl_syms[i].off, &f, sizeof f);
    }
    if (api.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
        return; /* the handle stays open: libcurl may hold state */
    net_curl = api;
    net_curl_rc = 0;
}

int net_curl_load(void)
{
    pthread_once(&net_curl_once, net_curl_do_load);
    return net_curl_rc;
}
