/* MD5 (RFC 1321), small and allocation-free: the stub hashes flash with it. */
#ifndef PEARL_STUB_MD5_H
#define PEARL_STUB_MD5_H

#include <stdint.h>

struct md5 {
    uint32_t state[4];
    uint32_t count[2];   /* message length in bits, low word first */
    uint8_t block[64];   /* the partial block not yet compressed */
};

void md5_init(struct md5 *m);
void md5_update(struct md5 *m, const uint8_t *data, uint32_t length);
void md5_final(struct md5 *m, uint8_t digest[16]);

#endif
