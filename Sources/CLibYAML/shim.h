#ifndef CLINICSITE_CLIBYAML_SHIM_H
#define CLINICSITE_CLIBYAML_SHIM_H
#include <yaml.h>
#endif
