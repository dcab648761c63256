#ifndef CLINICSITE_CQRENCODE_SHIM_H
#define CLINICSITE_CQRENCODE_SHIM_H
#include <qrencode.h>
#endif
