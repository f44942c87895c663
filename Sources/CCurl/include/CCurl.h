#ifndef CCURL_H
#define CCURL_H

#include <curl/curl.h>

/* Swift cannot call C variadic functions, so each curl_easy_setopt/getinfo shape gets a typed wrapper. */
CURLcode ccurl_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode ccurl_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode ccurl_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode ccurl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value);
CURLcode ccurl_setopt_write_function(CURL *handle, size_t (*callback)(char *, size_t, size_t, void *));
CURLcode ccurl_setopt_header_function(CURL *handle, size_t (*callback)(char *, size_t, size_t, void *));
CURLcode ccurl_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode ccurl_getinfo_pointer(CURL *handle, CURLINFO info, void **value);
CURLMcode ccurl_multi_setopt_long(CURLM *multi, CURLMoption option, long value);

/* The finished transfer a CURLMsg reports, or NULL when the message is not CURLMSG_DONE. */
CURL *ccurl_msg_done(CURLMsg *message, CURLcode *result);

/* SSRF guard: checked on every address curl is about to connect to (after DNS, so rebinding cannot
   slip past). When allow_private is 0, loopback, private, link-local, CGNAT, multicast, unspecified
   and cloud-metadata addresses are refused and blocked is set to 1. */
typedef struct {
    int allow_private;
    int blocked;
} ccurl_guard;

CURLcode ccurl_setopt_guard(CURL *handle, ccurl_guard *guard);

/* At most one request per transfer: libcurl re-sends a request by itself when a reused keep-alive connection dies
   before any answer, though the receiver may have read and acted on it. The pre-request callback counts requests
   in *requests and aborts the second (CURLE_ABORTED_BY_CALLBACK), so the transfer fails instead. */
CURLcode ccurl_setopt_send_once(CURL *handle, int *requests);

/* 1 when the textual IPv4/IPv6 address is one the guard refuses, 0 when public, -1 when not an address. */
int ccurl_address_text_forbidden(const char *text);

#endif
