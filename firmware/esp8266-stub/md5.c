/* MD5 as RFC 1321 specifies it: 64 steps per 64-byte block, in four rounds of sixteen. */
#include "md5.h"

/* Per step: the left rotation (four per round, repeated) and the additive constant
   floor(abs(sin(i + 1)) * 2^32). */
static const uint8_t rotations[16] = {
    7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21
};

static const uint32_t sines[64] = {
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391
};

static void compress(uint32_t state[4], const uint8_t block[64])
{
    uint32_t words[16];
    for (int i = 0; i < 16; i++) {
        words[i] = (uint32_t) block[4 * i] | (uint32_t) block[4 * i + 1] << 8
                | (uint32_t) block[4 * i + 2] << 16 | (uint32_t) block[4 * i + 3] << 24;
    }
    uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
    for (int step = 0; step < 64; step++) {
        int round = step / 16;
        uint32_t mixed;
        int word;
        switch (round) {
        case 0: mixed = (b & c) | (~b & d); word = step; break;
        case 1: mixed = (d & b) | (~d & c); word = (5 * step + 1) % 16; break;
        case 2: mixed = b ^ c ^ d; word = (3 * step + 5) % 16; break;
        default: mixed = c ^ (b | ~d); word = (7 * step) % 16; break;
        }
        uint32_t sum = a + mixed + sines[step] + words[word];
        int shift = rotations[round * 4 + step % 4];
        a = d;
        d = c;
        c = b;
        b = b + (sum << shift | sum >> (32 - shift));
    }
    state[0] += a;
    state[1] += b;
    state[2] += c;
    state[3] += d;
}

void md5_init(struct md5 *m)
{
    m->state[0] = 0x67452301;
    m->state[1] = 0xefcdab89;
    m->state[2] = 0x98badcfe;
    m->state[3] = 0x10325476;
    m->count[0] = 0;
    m->count[1] = 0;
}

void md5_update(struct md5 *m, const uint8_t *data, uint32_t length)
{
    uint32_t used = (m->count[0] >> 3) & 63;
    uint32_t bits = length << 3;
    m->count[0] += bits;
    if (m->count[0] < bits) {
        m->count[1]++;
    }
    m->count[1] += length >> 29;
    uint32_t i = 0;
    while (i < length) {
        if (used == 0 && length - i >= 64) {
            /* Whole blocks straight from the caller's buffer, without copying. */
            compress(m->state, data + i);
            i += 64;
            continue;
        }
        m->block[used++] = data[i++];
        if (used == 64) {
            compress(m->state, m->block);
            used = 0;
        }
    }
}

void md5_final(struct md5 *m, uint8_t digest[16])
{
    uint8_t length[8];
    for (int i = 0; i < 8; i++) {
        length[i] = (uint8_t) (m->count[i / 4] >> (8 * (i % 4)));
    }
    /* A 1 bit, zeros to 56 bytes past a block boundary, then the length in bits. */
    static const uint8_t one = 0x80, zero = 0;
    md5_update(m, &one, 1);
    while (((m->count[0] >> 3) & 63) != 56) {
        md5_update(m, &zero, 1);
    }
    md5_update(m, length, 8);
    for (int i = 0; i < 16; i++) {
        digest[i] = (uint8_t) (m->state[i / 4] >> (8 * (i % 4)));
    }
}
