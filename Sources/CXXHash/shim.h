#ifndef CLINICSITE_CXXHASH_SHIM_H
#define CLINICSITE_CXXHASH_SHIM_H
#include <xxhash.h>
#endif
