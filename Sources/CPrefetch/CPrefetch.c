// The module is its header's inline function; SwiftPM needs a source file to build it.
#include "CPrefetch.h"
