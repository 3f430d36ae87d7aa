#include "CmarkArena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/// Blocks are 1 MiB, enough for the nodes and HTML of a long article; a larger request
/// gets a block of its own.
enum { BLOCK_SIZE = 1 << 20, ALIGNMENT = 16 };

typedef struct Block {
    struct Block *next;
    size_t size;
    size_t used;
    _Alignas(ALIGNMENT) unsigned char data[];
} Block;

/// Each allocation is preceded by its size, which `realloc` needs.
typedef struct {
    size_t size;
    size_t padding;
} Header;

static _Thread_local Block *blocks; // newest first; the last one is kept between documents
static _Thread_local int active;

static size_t rounded(size_t size) {
    return (size + ALIGNMENT - 1) & ~(size_t)(ALIGNMENT - 1);
}

static void *allocate(size_t size) {
    if (size > SIZE_MAX / 2) abort();
    size_t need = sizeof(Header) + rounded(size);
    if (blocks == NULL || blocks->size - blocks->used < need) {
        size_t capacity = need > BLOCK_SIZE ? need : BLOCK_SIZE;
        Block *block = malloc(sizeof(Block) + capacity);
        if (block == NULL) abort(); // as libcmark's own allocator does
        block->next = blocks;
        block->size = capacity;
        block->used = 0;
        blocks = block;
    }
    Header *header = (Header *)(blocks->data + blocks->used);
    header->size = size;
    blocks->used += need;
    return header + 1;
}

static void *arena_calloc(size_t count, size_t size) {
    if (size != 0 && count > SIZE_MAX / size) abort();
    void *memory = allocate(count * size);
    memset(memory, 0, count * size);
    return memory;
}

static void *arena_realloc(void *old, size_t size) {
    if (old == NULL) return allocate(size);
    Header *header = (Header *)old - 1;
    unsigned char *end = (unsigned char *)old + rounded(header->size);
    // The newest allocation grows in place while its block has room (libcmark's buffers).
    if (end == blocks->data + blocks->used && size <= SIZE_MAX / 2) {
        size_t grown = rounded(size), current = rounded(header->size);
        if (grown <= current || blocks->size - blocks->used >= grown - current) {
            blocks->used = blocks->used - current + grown;
            header->size = size;
            return old;
        }
    }
    void *memory = allocate(size);
    memcpy(memory, old, header->size < size ? header->size : size);
    return memory;
}

static void arena_free(void *memory) {
    (void)memory; // dropped with the whole arena
}

static cmark_mem allocator = {arena_calloc, arena_realloc, arena_free};

cmark_mem *dossier_cmark_arena_begin(void) {
    if (active) return NULL;
    active = 1;
    return &allocator;
}

void dossier_cmark_arena_end(void) {
    // Keep the oldest block for the next document, emptied; free the rest.
    while (blocks != NULL && blocks->next != NULL) {
        Block *next = blocks->next;
        free(blocks);
        blocks = next;
    }
    if (blocks != NULL) {
        if (blocks->size > BLOCK_SIZE) {
            free(blocks);
            blocks = NULL;
        } else {
            blocks->used = 0;
        }
    }
    active = 0;
}
