// The few functions of libxml2's streaming reader (xmlreader.h) that MedSearch uses.
//
// Declared here rather than by including <libxml/xmlreader.h>: Debian's libxml2 headers pull in
// the system ICU headers, which clash with the ICU module bundled in swift-corelibs-foundation.
// The declarations match libxml2 2.9+ (https://gnome.pages.gitlab.gnome.org/libxml2/devhelp/libxml2-xmlreader.html).
#ifndef MEDSEARCH_CLIBXML2_SHIM_H
#define MEDSEARCH_CLIBXML2_SHIM_H

#include <stdlib.h>

typedef unsigned char xmlChar;
typedef struct _xmlTextReader xmlTextReader;
typedef xmlTextReader *xmlTextReaderPtr;
typedef void (*xmlTextReaderErrorFunc)(void *arg, const char *msg, int severity, void *locator);

enum {
    MEDSEARCH_XML_PARSE_NOERROR = 1 << 5,
    MEDSEARCH_XML_PARSE_NOWARNING = 1 << 6,
    MEDSEARCH_XML_PARSE_NONET = 1 << 11,
};

xmlTextReaderPtr xmlReaderForMemory(const char *buffer, int size, const char *URL, const char *encoding, int options);
int xmlTextReaderRead(xmlTextReaderPtr reader);
int xmlTextReaderNodeType(xmlTextReaderPtr reader);
const xmlChar *xmlTextReaderConstLocalName(xmlTextReaderPtr reader);
const xmlChar *xmlTextReaderConstValue(xmlTextReaderPtr reader);
int xmlTextReaderIsEmptyElement(xmlTextReaderPtr reader);
xmlChar *xmlTextReaderGetAttribute(xmlTextReaderPtr reader, const xmlChar *name);
int xmlTextReaderGetParserLineNumber(xmlTextReaderPtr reader);
void xmlTextReaderSetErrorHandler(xmlTextReaderPtr reader, xmlTextReaderErrorFunc f, void *arg);
void xmlFreeTextReader(xmlTextReaderPtr reader);

/// libxml2's default allocator is malloc/free; attribute strings are freed with free().
static inline void medsearch_xml_free(void *pointer) { free(pointer); }

#endif
