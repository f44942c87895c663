#include "CCurl.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

CURLcode ccurl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

CURLcode ccurl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

CURLcode ccurl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

CURLcode ccurl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

CURLcode ccurl_setopt_write_function(CURL *handle, size_t (*callback)(char *, size_t, size_t, void *)) {
    return curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, callback);
}

CURLcode ccurl_setopt_header_function(CURL *handle, size_t (*callback)(char *, size_t, size_t, void *)) {
    return curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, callback);
}

CURLcode ccurl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

CURLcode ccurl_getinfo_pointer(CURL *handle, CURLINFO info, void **value) {
    return curl_easy_getinfo(handle, info, value);
}

CURLMcode ccurl_multi_setopt_long(CURLM *multi, CURLMoption option, long value) {
    return curl_multi_setopt(multi, option, value);
}

CURL *ccurl_msg_done(CURLMsg *message, CURLcode *result) {
    if (message->msg != CURLMSG_DONE) return NULL;
    *result = message->data.result;
    return message->easy_handle;
}

static int ipv4_forbidden(const unsigned char *a) {
    if (a[0] == 0 || a[0] == 10 || a[0] == 127) return 1;             /* this network, private, loopback */
    if (a[0] == 100 && (a[1] & 0xC0) == 64) return 1;                  /* 100.64/10 carrier-grade NAT */
    if (a[0] == 169 && a[1] == 254) return 1;                          /* link-local, incl. 169.254.169.254 */
    if (a[0] == 172 && (a[1] & 0xF0) == 16) return 1;                  /* 172.16/12 */
    if (a[0] == 192 && a[1] == 168) return 1;                          /* 192.168/16 */
    if (a[0] == 192 && a[1] == 0 && a[2] == 0) return 1;               /* 192.0.0/24 IETF, incl. some metadata */
    if (a[0] == 198 && (a[1] & 0xFE) == 18) return 1;                  /* 198.18/15 benchmarking */
    if (a[0] >= 224) return 1;                                         /* multicast, reserved, broadcast */
    return 0;
}

static int ipv6_forbidden(const unsigned char *a) {
    static const unsigned char zero[16] = {0};
    static const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF};
    if (memcmp(a, zero, 15) == 0 && (a[15] == 0 || a[15] == 1)) return 1; /* :: and ::1 */
    if (memcmp(a, mapped, 12) == 0) return ipv4_forbidden(a + 12);        /* ::ffff:a.b.c.d */
    if (memcmp(a, zero, 12) == 0) return ipv4_forbidden(a + 12);          /* deprecated ::a.b.c.d */
    if (a[0] == 0x64 && a[1] == 0xFF && a[2] == 0x9B) return ipv4_forbidden(a + 12); /* NAT64 */
    if ((a[0] & 0xFE) == 0xFC) return 1;                                  /* fc00::/7 unique local, incl. fd00:ec2::254 */
    if (a[0] == 0xFE && (a[1] & 0xC0) == 0x80) return 1;                  /* fe80::/10 link-local */
    if (a[0] == 0xFE && (a[1] & 0xC0) == 0xC0) return 1;                  /* fec0::/10 site-local */
    if (a[0] == 0xFF) return 1;                                           /* multicast */
    return 0;
}

static curl_socket_t guarded_open(void *clientp, curlsocktype purpose, struct curl_sockaddr *address) {
    ccurl_guard *guard = clientp;
    (void)purpose;
    if (!guard->allow_private) {
        int forbidden = 1;
        if (address->family == AF_INET) {
            const struct sockaddr_in *in = (const struct sockaddr_in *)&address->addr;
            forbidden = ipv4_forbidden((const unsigned char *)&in->sin_addr);
        } else if (address->family == AF_INET6) {
            const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)&address->addr;
            forbidden = ipv6_forbidden(in6->sin6_addr.s6_addr);
        }
        if (forbidden) {
            guard->blocked = 1;
            return CURL_SOCKET_BAD;
        }
    }
    return socket(address->family, address->socktype, address->protocol);
}

CURLcode ccurl_setopt_guard(CURL *handle, ccurl_guard *guard) {
    CURLcode code = curl_easy_setopt(handle, CURLOPT_OPENSOCKETFUNCTION, guarded_open);
    if (code != CURLE_OK) return code;
    return curl_easy_setopt(handle, CURLOPT_OPENSOCKETDATA, guard);
}

int ccurl_address_text_forbidden(const char *text) {
    unsigned char buffer[16];
    if (inet_pton(AF_INET, text, buffer) == 1) return ipv4_forbidden(buffer);
    if (inet_pton(AF_INET6, text, buffer) == 1) return ipv6_forbidden(buffer);
    return -1;
}
