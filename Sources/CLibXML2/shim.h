#include <libxml/xmlversion.h>
/* Keep libxml2 from including the system ICU headers, which clash with Foundation's ICU. */
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

/* xmlFree is a global function pointer; a function keeps Swift's concurrency checks quiet. */
static inline void dossier_xml_free(void *pointer) { xmlFree(pointer); }
