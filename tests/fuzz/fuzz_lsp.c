/* libFuzzer: planc lsp's message layer on arbitrary bytes.  The input is the whole stream a client
 * could send (headers, bodies, anything), read from memory by the transport, parsed by the JSON-RPC
 * layer and handled by the server, documents and diagnostics included; the server's output is
 * discarded.  Whatever the bytes, the server must not crash, hang, leak or read out of bounds. */
#include "lsp/lsp.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct Memory {
    const uint8_t *data;
    size_t size, pos;
} Memory;

static ssize_t memory_read(void *ctx, char *buf, size_t n)
{
    Memory *m = ctx;
    /* 4 KiB at a time at most, so that messages are split across reads as a pipe splits them */
    size_t take = m->size - m->pos < n ? m->size - m->pos : n;
    if (take > 4096)
        take = 4096;
    if (take == 0)
        return 0;
    memcpy(buf, m->data + m->pos, take);
    m->pos += take;
    return (ssize_t)take;
}

static bool memory_ready(void *ctx)
{
    const Memory *m = ctx;
    return m->pos < m->size;
}

static bool discard(void *ctx, const char *buf, size_t n)
{
    (void)ctx;
    (void)buf;
    (void)n;
    return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Memory m = {data, size, 0};
    LspServer server;
    lsp_server_init(&server, (LspInput){.read = memory_read, .ready = memory_ready, .ctx = &m},
                    (LspOutput){.write = discard, .ctx = NULL}, NULL);
    lsp_server_run(&server);
    lsp_server_free(&server);
    return 0;
}
