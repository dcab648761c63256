#ifndef CLINICSITE_CSQLITE_SHIM_H
#define CLINICSITE_CSQLITE_SHIM_H
#include <sqlite3.h>
#endif
