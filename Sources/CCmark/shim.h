#ifndef CLINICSITE_CCMARK_SHIM_H
#define CLINICSITE_CCMARK_SHIM_H
#include <cmark.h>
#endif
