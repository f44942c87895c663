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

/* IPv4 addresses no chat webhook lives at: every block of the IANA IPv4 Special-Purpose Address Registry except
   the few that are globally reachable services (192.31.196/24, 192.52.193/24, 192.175.48/24 are refused too,
   as AS112 and AMT relays are no webhook hosts), and multicast. */
static int ipv4_forbidden(const unsigned char *a) {
    if (a[0] == 0 || a[0] == 10 || a[0] == 127) return 1;             /* this network, private, loopback */
    if (a[0] == 100 && (a[1] & 0xC0) == 64) return 1;                  /* 100.64/10 carrier-grade NAT */
    if (a[0] == 169 && a[1] == 254) return 1;                          /* link-local, incl. 169.254.169.254 */
    if (a[0] == 172 && (a[1] & 0xF0) == 16) return 1;                  /* 172.16/12 */
    if (a[0] == 192 && a[1] == 168) return 1;                          /* 192.168/16 */
    if (a[0] == 192 && a[1] == 0 && (a[2] == 0 || a[2] == 2)) return 1; /* 192.0.0/24 IETF, 192.0.2/24 TEST-NET-1 */
    if (a[0] == 192 && a[1] == 88 && a[2] == 99) return 1;             /* 192.88.99/24 deprecated 6to4 relay anycast */
    if (a[0] == 192 && a[1] == 31 && a[2] == 196) return 1;            /* 192.31.196/24 AS112 */
    if (a[0] == 192 && a[1] == 52 && a[2] == 193) return 1;            /* 192.52.193/24 AMT */
    if (a[0] == 192 && a[1] == 175 && a[2] == 48) return 1;            /* 192.175.48/24 AS112 direct delegation */
    if (a[0] == 198 && (a[1] & 0xFE) == 18) return 1;                  /* 198.18/15 benchmarking */
    if (a[0] == 198 && a[1] == 51 && a[2] == 100) return 1;            /* 198.51.100/24 TEST-NET-2 */
    if (a[0] == 203 && a[1] == 0 && a[2] == 113) return 1;             /* 203.0.113/24 TEST-NET-3 */
    if (a[0] >= 224) return 1;                                         /* multicast, 240/4 reserved, broadcast */
    return 0;
}

/* IPv6: the IANA IPv6 Special-Purpose Address Registry, and every form that carries an IPv4 address
   (mapped, translated, compatible, NAT64 well-known and local-use, 6to4, Teredo) judged by that address. */
static int ipv6_forbidden(const unsigned char *a) {
    static const unsigned char zero[16] = {0};
    static const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF};
    static const unsigned char translated[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0, 0};
    static const unsigned char nat64[12] = {0, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0};
    static const unsigned char nat64_local[6] = {0, 0x64, 0xFF, 0x9B, 0, 0x01};
    if (memcmp(a, zero, 15) == 0 && (a[15] == 0 || a[15] == 1)) return 1; /* :: and ::1 */
    if (memcmp(a, mapped, 12) == 0) return ipv4_forbidden(a + 12);        /* ::ffff:0:0/96 IPv4-mapped */
    if (memcmp(a, translated, 12) == 0) return ipv4_forbidden(a + 12);    /* ::ffff:0:0:0/96 IPv4-translated */
    if (memcmp(a, zero, 12) == 0) return ipv4_forbidden(a + 12);          /* deprecated ::a.b.c.d */
    if (memcmp(a, nat64, 12) == 0) return ipv4_forbidden(a + 12);         /* 64:ff9b::/96 NAT64 well-known prefix */
    if (memcmp(a, nat64_local, 6) == 0) return 1;                         /* 64:ff9b:1::/48 local-use NAT64 */
    if (a[0] == 0x01 && a[1] == 0 && memcmp(a + 2, zero, 6) == 0) return 1; /* 100::/64 discard-only */
    if (a[0] == 0x20 && a[1] == 0x02) return 1;                           /* 2002::/16 6to4 (deprecated): refused whatever it wraps */
    if (a[0] == 0x20 && a[1] == 0x01 && a[2] < 0x02) return 1;            /* 2001::/23 IETF: Teredo, benchmarking, ORCHID */
    if (a[0] == 0x20 && a[1] == 0x01 && a[2] == 0x0D && a[3] == 0xB8) return 1; /* 2001:db8::/32 documentation */
    if (a[0] == 0x3F && (a[1] & 0xF0) == 0xF0) return 1;                  /* 3fff::/20 documentation */
    if (a[0] == 0x5F && a[1] == 0x00) return 1;                           /* 5f00::/16 segment routing SIDs */
    if (a[0] == 0x26 && a[1] == 0x20 && a[2] == 0 && a[3] == 0x4F && a[4] == 0x80 && a[5] == 0) return 1; /* 2620:4f:8000::/48 AS112 */
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

static int send_once(void *clientp, char *primary_ip, char *local_ip, int primary_port, int local_port) {
    int *requests = clientp;
    (void)primary_ip; (void)local_ip; (void)primary_port; (void)local_port;
    return (*requests)++ == 0 ? CURL_PREREQFUNC_OK : CURL_PREREQFUNC_ABORT;
}

CURLcode ccurl_setopt_send_once(CURL *handle, int *requests) {
    CURLcode code = curl_easy_setopt(handle, CURLOPT_PREREQFUNCTION, send_once);
    if (code != CURLE_OK) return code;
    return curl_easy_setopt(handle, CURLOPT_PREREQDATA, requests);
}

int ccurl_address_text_forbidden(const char *text) {
    unsigned char buffer[16];
    if (inet_pton(AF_INET, text, buffer) == 1) return ipv4_forbidden(buffer);
    if (inet_pton(AF_INET6, text, buffer) == 1) return ipv6_forbidden(buffer);
    return -1;
}
