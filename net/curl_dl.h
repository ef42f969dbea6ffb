/*
 * libcurl, loaded at first use (dlopen) rather than linked: libcurl pulls
 * some thirty shared libraries (TLS, Kerberos, LDAP, IDN...) whose loading
 * and relocation would otherwise be paid by every `vbash -c` run, network
 * or not. Only net/http.c and the curl/wget commands include this header;
 * it maps the curl_* calls they make onto the table net_curl_load fills.
 *
 * A missing library is an error of the command that needs it only
 * ("curl: libcurl.so.4 not available", status 1).
 */
#ifndef VB_NET_CURL_DL_H
#define VB_NET_CURL_DL_H

#define CURL_DISABLE_TYPECHECK 1
#include <curl/curl.h>

#define NET_CURL_SONAME "libcurl.so.4"

typedef struct net_curl_api {
    CURLcode (*global_init)(long flags);
    curl_version_info_data *(*version_info)(CURLversion v);
    CURL *(*easy_init)(void);
    CURLcode (*easy_setopt)(CURL *e, CURLoption opt, ...);
    CURLcode (*easy_getinfo)(CURL *e, CURLINFO info, ...);
    CURLcode (*easy_pause)(CURL *e, int bitmask);
    const char *(*easy_strerror)(CURLcode c);
    void (*easy_cleanup)(CURL *e);
    CURLM *(*multi_init)(void);
    CURLMcode (*multi_add_handle)(CURLM *m, CURL *e);
    CURLMcode (*multi_remove_handle)(CURLM *m, CURL *e);
    CURLMcode (*multi_perform)(CURLM *m, int *running);
    CURLMcode (*multi_poll)(CURLM *m, struct curl_waitfd *extra, unsigned int n, int ms,
                            int *numfds);
    CURLMsg *(*multi_info_read)(CURLM *m, int *left);
    CURLMcode (*multi_cleanup)(CURLM *m);
    CURLU *(*url)(void);
    CURLUcode (*url_set)(CURLU *u, CURLUPart what, const char *part, unsigned int flags);
    CURLUcode (*url_get)(const CURLU *u, CURLUPart what, char **part, unsigned int flags);
    void (*url_cleanup)(CURLU *u);
    void (*free)(void *p);
    curl_mime *(*mime_init)(CURL *e);
    curl_mimepart *(*mime_addpart)(curl_mime *m);
    CURLcode (*mime_name)(curl_mimepart *p, const char *name);
    CURLcode (*mime_data)(curl_mimepart *p, const char *data, size_t size);
    CURLcode (*mime_filename)(curl_mimepart *p, const char *name);
    CURLcode (*mime_type)(curl_mimepart *p, const char *type);
    void (*mime_free)(curl_mime *m);
    struct curl_slist *(*slist_append)(struct curl_slist *l, const char *s);
    void (*slist_free_all)(struct curl_slist *l);
} net_curl_api;

/* Filled by a successful net_curl_load; read-only after. */
extern net_curl_api net_curl;

/* Loads libcurl once per process (thread-safe) and runs curl_global_init.
 * 0, or -1 when the library or one of its functions is missing. */
int net_curl_load(void);

#define curl_global_init net_curl.global_init
#define curl_version_info net_curl.version_info
#define curl_easy_init net_curl.easy_init
#undef curl_easy_setopt  /* curl.h may wrap these in macros of its own */
#undef curl_easy_getinfo
#define curl_easy_setopt net_curl.easy_setopt
#define curl_easy_getinfo net_curl.easy_getinfo
#define curl_easy_pause net_curl.easy_pause
#define curl_easy_strerror net_curl.easy_strerror
#define curl_easy_cleanup net_curl.easy_cleanup
#define curl_multi_init net_curl.multi_init
#define curl_multi_add_handle net_curl.multi_add_handle
#define curl_multi_remove_handle net_curl.multi_remove_handle
#define curl_multi_perform net_curl.multi_perform
#define curl_multi_poll net_curl.multi_poll
#define curl_multi_info_read net_curl.multi_info_read
#define curl_multi_cleanup net_curl.multi_cleanup
#define curl_url net_curl.url
#define curl_url_set net_curl.url_set
#define curl_url_get net_curl.url_get
#define curl_url_cleanup net_curl.url_cleanup
#define curl_free net_curl.free
#define curl_mime_init net_curl.mime_init
#define curl_mime_addpart net_curl.mime_addpart
#define curl_mime_name net_curl.mime_name
#define curl_mime_data net_curl.mime_data
#define curl_mime_filename net_curl.mime_filename
#define curl_mime_type net_curl.mime_type
#define curl_mime_free net_curl.mime_free
#define curl_slist_append net_curl.slist_append
#define curl_slist_free_all net_curl.slist_free_all

#endif
