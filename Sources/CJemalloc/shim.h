#ifndef CLINICSITE_CJEMALLOC_SHIM_H
#define CLINICSITE_CJEMALLOC_SHIM_H

#include <stddef.h>

// Only jemalloc's control call is declared here: linking the library is what matters, because its malloc
// and free then replace the C library's for the whole clinicsite process. Including <jemalloc/jemalloc.h>
// would declare malloc a second time beside the C library's module.
int mallctl(const char *name, void *oldp, size_t *oldlenp, void *newp, size_t newlen);

#endif
