#ifndef DOSSIER_CMARK_ARENA_H
#define DOSSIER_CMARK_ARENA_H

#include <cmark.h>

/// A libcmark allocator for one document at a time on the calling thread: nodes, strings and
/// the rendered HTML come from blocks that are kept between documents, and are all dropped
/// at once by `dossier_cmark_arena_end`, so a document costs no `malloc` or `free` per node.
///
/// Returns NULL when the thread's arena is in use already (a document inside a document):
/// the caller then uses libcmark's own allocator.
cmark_mem *dossier_cmark_arena_begin(void);

/// Drops everything allocated since `dossier_cmark_arena_begin`; pointers into it are invalid.
void dossier_cmark_arena_end(void);

#endif
